import { Button } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { audit, AUDIT_CHECKS, auditConclusion, figure, findings, placeAndCause, type Audit, type Finding, type Issue, type Sobol } from "../../core";
import { textOf } from "../typeset";
import { auditLayout } from "../../report";
import { ANALYSIS_STRINGS } from "../analysis-i18n";
import { AUDIT_STRINGS } from "../audit-i18n";
import type { Lang } from "../i18n";
import type { RunControls } from "../sensitivity-runner";
import { runSobol } from "../sobol-runner";
import { Status } from "../Status";
import { useStyles as usePaneStyles } from "../styles";
import type { AnalysisProps } from "../types";
import { Distribution, Heatmap, Importance, Relations, SobolTable, useAuditStyles } from "./audit-sections";
import { Written, useWriteLayout } from "./Written";

export { correlationColor } from "./audit-colors";

export interface AuditProps extends AnalysisProps {
  /** Tests stand in for the Web Worker here; the default makes the real one. */
  createWorker?: RunControls["createWorker"];
}

/**
 * The statistical audit: a plain-language summary first (what was checked, what needs attention
 * and why, what to do), then the figures in sections collapsed until opened, then the Sobol run.
 */
export default function AuditPanel({ lang, current, workbook, createWorker }: AuditProps) {
  const a = AUDIT_STRINGS[lang];
  const common = ANALYSIS_STRINGS[lang];
  const pane = usePaneStyles();
  const scores = current.scores;
  const audited = useMemo(() => (scores ? audit(scores) : undefined), [scores]);
  const result = audited?.result;
  const [parent, setParent] = useState<string>();
  const [sobol, setSobol] = useState<{ result?: Sobol; issues: Issue[]; for: unknown; path: "worker" | "main"; ms: number }>();
  const [running, setRunning] = useState(false);
  const writer = useWriteLayout(workbook);
  if (!scores || !result) return <Status intent="info">{common.needsScores}</Status>;
  const ds = scores.dataset;
  const u = sobol?.for === scores ? sobol : undefined;
  const names = (code: string) => {
    const ind = ds.framework.indicators.get(code);
    return ind ? (lang === "en" ? ind.nameEn : ind.nameZh) : "";
  };

  const run = async () => {
    if (running) return;
    setRunning(true);
    try {
      const start = performance.now();
      const out = await runSobol(ds, { samples: 1000, seed: 1 }, { createWorker });
      setSobol({ ...out, for: scores, ms: Math.round(performance.now() - start) });
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <Summary audit={result} notes={audited!.issues} lang={lang} names={names} framework={ds.framework} />
      <Distribution audit={result} lang={lang} names={names} />
      <Relations audit={result} lang={lang} names={names} />
      <Heatmap audit={result} lang={lang} names={names} parent={parent} setParent={setParent} />
      <Importance audit={result} lang={lang} names={names} />
      <section aria-label={a.sensitivity}>
        <h3>{a.sensitivity}</h3>
        <p className={pane.hint}>{a.sobolHint}</p>
      </section>
      <div className={pane.actions}>
        <Button disabledFocusable={running} onClick={run}>
          {a.sobol}
        </Button>
        <Button
          disabledFocusable={writer.busy}
          onClick={() => writer.write(() => ({ title: ds.label ?? "", sheets: [auditLayout(result, ds, { sobol: u?.result, sheetLang: lang })] }))}
        >
          {a.writeAudit}
        </Button>
      </div>
      <div aria-live="polite">
        {running && <Status intent="info">{a.sobolRunning}</Status>}
        {u?.issues.map((i, k) => (
          <Status key={k} intent={i.severity === "error" ? "error" : "warning"}>
            {textOf(i, lang)}
          </Status>
        ))}
      </div>
      {u?.result && (
        <div data-path={u.path}>
          <p className={pane.hint}>{common.took(u.ms)}</p>
          <SobolTable sobol={u.result} lang={lang} />
        </div>
      )}
      <Written busy={writer.busy} outcome={writer.outcome} writing={a.writingAudit} a={common} lang={lang} workbook={workbook} />
    </>
  );
}

/** A clause standing as a sentence: English starts it with a capital. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The skewed indicators as one item: what skewed means once, each one's figures, the advice by kind. */
function SkewedItem({ findings: list, lang, names }: { findings: Finding[]; lang: Lang; names: (code: string) => string }) {
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  const stop = lang === "en" ? ". " : "。";
  const advice = new Map<string, string[]>();
  for (const f of list) advice.set(textOf(f.advice, lang), [...(advice.get(textOf(f.advice, lang)) ?? []), f.codes[0]]);
  return (
    <li>
      <strong>{a.skewedGroup(list.length)}</strong>
      {stop}
      {sentence(placeAndCause(textOf(list[0].detail, lang))[1])}
      {stop}
      <ul className={s.list}>
        {list.map((f) => (
          <li key={f.codes[0]}>{`${f.codes[0]} ${names(f.codes[0])}${lang === "en" ? ": " : "："}${placeAndCause(textOf(f.detail, lang))[0]}`}</li>
        ))}
      </ul>
      {[...advice].map(([text, codes]) => (
        <span key={text}>{`${a.advice}${codes.join(lang === "en" ? ", " : "、")}${lang === "en" ? ": " : "："}${text}${lang === "en" ? ". " : "。"}`}</span>
      ))}
    </li>
  );
}

/** What the audit checked, how many things need attention and why, and what to do about each. */
function Summary(props: { audit: Audit; notes: Issue[]; lang: Lang; names: (code: string) => string; framework: Parameters<typeof findings>[1] }) {
  const { audit: r, notes, lang, names, framework } = props;
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  const pane = usePaneStyles();
  const list = findings(r, framework);
  const attention = list.filter((f) => f.attention);
  // Skewed indicators share their explanation and advice: one item listing each one's figures.
  const skewed = attention.filter((f) => f.kind === "outlier");
  return (
    <section aria-label={a.summary}>
      <h3>{a.summary}</h3>
      <p className={pane.hint}>{a.checked}</p>
      <ul className={`${s.list} ${pane.hint}`}>
        {AUDIT_CHECKS.map((c) => (
          <li key={c.en}>{textOf(c, lang)}</li>
        ))}
      </ul>
      <p>{textOf(auditConclusion(list), lang)}</p>
      {attention.length ? (
        <section aria-label={a.attention}>
          <h4>{a.attention}</h4>
          <ul className={s.list}>
            {skewed.length > 1 && <SkewedItem findings={skewed} lang={lang} names={names} />}
            {attention
              .filter((f) => skewed.length < 2 || f.kind !== "outlier")
              .map((f, k) => (
                <li key={k}>
                  <strong>{`${f.codes.map((c) => `${c} ${names(c)}`).join(lang === "en" ? " and " : " 与 ")}${lang === "en" ? ": " : "："}${textOf(f.label, lang)}`}</strong>
                  {lang === "en" ? ". " : "。"}
                  {textOf(f.detail, lang)}
                  {lang === "en" ? ". " : "。"}
                  <span>{`${a.advice}${textOf(f.advice, lang)}${lang === "en" ? "." : "。"}`}</span>
                </li>
              ))}
          </ul>
        </section>
      ) : (
        <Status intent="success">{a.noAttention}</Status>
      )}
      {r.weak.length > 0 && (
        <p className={pane.hint}>
          {a.weakNote(
            r.weak
              .map(([x, v]) => `${x} ${names(x)}（r = ${figure(v)}）`.replace(/（(.*)）$/, lang === "en" ? " ($1)" : "（$1）"))
              .join(lang === "en" ? "; " : "；"),
          )}
        </p>
      )}
      {/* Why a figure is "—": a constant indicator, a parent without alpha. */}
      {notes.map((n, k) => (
        <p key={k} className={pane.hint}>
          {textOf(n, lang)}
        </p>
      ))}
    </section>
  );
}
