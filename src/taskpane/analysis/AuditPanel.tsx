import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { audit, textIn, type Audit, type Issue, type Sobol, type Stat } from "../../core";
import { auditLayout, CORRELATION_COLORS } from "../../report";
import { ANALYSIS_STRINGS } from "../analysis-i18n";
import { AUDIT_STRINGS } from "../audit-i18n";
import type { Lang } from "../i18n";
import type { RunControls } from "../sensitivity-runner";
import { runSobol } from "../sobol-runner";
import { Status } from "../Status";
import { useStyles as usePaneStyles } from "../styles";
import type { AnalysisProps } from "../types";
import { Written, useWriteLayout } from "./Written";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { padding: "2px 4px", textAlign: "right", border: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { padding: "2px 4px", fontWeight: tokens.fontWeightSemibold, border: `1px solid ${tokens.colorNeutralStroke2}` },
  bar: { height: "6px", display: "block" },
  caption: { textAlign: "left", color: tokens.colorNeutralForeground2, captionSide: "bottom", paddingTop: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // An index's 95% interval on a line of its own under it: two columns, not four, at 320 px.
  interval: { display: "block", whiteSpace: "nowrap", color: tokens.colorNeutralForeground2 },
});

export interface AuditProps extends AnalysisProps {
  /** Tests stand in for the Web Worker here; the default makes the real one. */
  createWorker?: RunControls["createWorker"];
}

const fixed = (x: Stat, digits = 3) => (x === null ? "—" : x.toFixed(digits));

/** The colour of a correlation on the sheet's scale: red at −1, white at 0, blue at +1. */
/**
 * The pane shades its cells 70% of the way to the sheet's colours: the text on the strongest
 * (±1) keeps 4.5:1 contrast, which the full #5A8AC6 would not give black or white text.
 */
const PANE_SHADE = 0.7;

export function correlationColor(r: Stat): string | undefined {
  if (r === null) return undefined;
  const mix = (from: string, to: string, t: number) => {
    const ch = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
    return [0, 2, 4]
      .map((i) =>
        Math.round(ch(from, i) + (ch(to, i) - ch(from, i)) * t)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("");
  };
  const t = Math.min(1, Math.abs(r));
  return `#${r < 0 ? mix(CORRELATION_COLORS.mid, CORRELATION_COLORS.low, t) : mix(CORRELATION_COLORS.mid, CORRELATION_COLORS.high, t)}`;
}

/** The statistical audit: the flags first, then the correlation heat map, importance, Sobol indices. */
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
      <Flags audit={result} notes={audited!.issues} lang={lang} names={(code) => nameOf(ds.framework.indicators.get(code), lang)} />
      <Heatmap audit={result} lang={lang} parent={parent} setParent={setParent} />
      <Importance audit={result} lang={lang} />
      <p className={pane.hint}>{a.sobolHint}</p>
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
            {textIn(i, lang)}
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

const nameOf = (ind: { nameZh: string; nameEn: string } | undefined, lang: Lang) => (ind ? (lang === "en" ? ind.nameEn : ind.nameZh) : "");

function Flags({ audit: r, notes, lang, names }: { audit: Audit; notes: Issue[]; lang: Lang; names: (code: string) => string }) {
  const a = AUDIT_STRINGS[lang];
  const s = useStyles();
  const pane = usePaneStyles();
  const items = [
    ...r.indicators.filter((i) => i.outlier).map((i) => a.outlier(i.code, names(i.code), fixed(i.skew), fixed(i.kurtosis))),
    ...r.collinear.map(([x, y, v]) => a.collinear(x, y, fixed(v))),
    ...r.negative.map(([x, v]) => a.negative(x, names(x), fixed(v))),
  ];
  return (
    <section aria-label={a.flags}>
      <h3>{a.flags}</h3>
      <p className={pane.hint}>{a.flagRules}</p>
      {items.length ? (
        <ul className={s.list}>
          {items.map((text, k) => (
            <li key={k}>{text}</li>
          ))}
        </ul>
      ) : (
        <Status intent="success">{a.noFlags}</Status>
      )}
      {/* Why a figure is "—": a constant indicator, a parent without alpha. */}
      {notes.map((n, k) => (
        <p key={k}>{textIn(n, lang)}</p>
      ))}
    </section>
  );
}

function Heatmap({ audit: r, lang, parent, setParent }: { audit: Audit; lang: Lang; parent?: string; setParent: (p: string) => void }) {
  const a = AUDIT_STRINGS[lang];
  const s = useStyles();
  const m = r.matrices.find((x) => x.parent === parent) ?? r.matrices[0];
  if (!m) return null;
  const alpha = r.cronbach.find((c) => c.parent === m.parent)?.alpha ?? null;
  return (
    <section aria-label={a.heatmap}>
      <h3>{a.heatmap}</h3>
      <Field label={a.parent}>
        <Select value={m.parent} onChange={(_, d) => setParent(d.value)}>
          {r.matrices.map((x) => (
            <option key={x.parent} value={x.parent}>
              {x.parent}
            </option>
          ))}
        </Select>
      </Field>
      <table className={s.table}>
        <caption className={s.caption}>{a.heatmapCaption(m.parent, fixed(alpha))}</caption>
        <thead>
          <tr>
            <td />
            {m.codes.map((c) => (
              <th key={c} scope="col" className={s.head}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.codes.map((c, i) => (
            <tr key={c}>
              <th scope="row" className={s.head}>
                {c}
              </th>
              {m.r[i].map((v, j) => (
                <td key={j} className={s.cell} style={{ backgroundColor: correlationColor(v === null ? null : v * PANE_SHADE) }}>
                  {v === null ? "—" : v.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Importance({ audit: r, lang }: { audit: Audit; lang: Lang }) {
  const a = AUDIT_STRINGS[lang];
  const s = useStyles();
  const max = Math.max(...r.importance.map((x) => Math.max(x.weight, x.share ?? 0)), 1e-9);
  const shift = new Map(r.removeOne.map((x) => [x.indicator, x.meanAbsRankShift]));
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
  return (
    <section aria-label={a.importance}>
      <h3>{a.importance}</h3>
      <table className={s.table}>
        <caption className={s.caption}>{a.importanceCaption}</caption>
        <thead>
          <tr>
            {[a.code, a.weight, a.share, a.removeOne].map((h) => (
              <th key={h} scope="col" className={s.head}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.importance.map((x) => (
            <tr key={x.indicator}>
              <th scope="row" className={s.head}>
                {x.indicator}
              </th>
              <td className={s.cell}>
                {pct(x.weight)}
                <span aria-hidden className={s.bar} style={{ width: `${(100 * x.weight) / max}%`, backgroundColor: tokens.colorNeutralForeground3 }} />
              </td>
              <td className={s.cell}>
                {pct(x.share)}
                <span aria-hidden className={s.bar} style={{ width: `${(100 * (x.share ?? 0)) / max}%`, backgroundColor: tokens.colorBrandBackground }} />
              </td>
              <td className={s.cell}>{fixed(shift.get(x.indicator) ?? null, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SobolTable({ sobol: u, lang }: { sobol: Sobol; lang: Lang }) {
  const a = AUDIT_STRINGS[lang];
  const s = useStyles();
  const index = (x: Stat, ci: [number, number] | null) => (
    <>
      {fixed(x)} <span className={s.interval}>{ci ? `${fixed(ci[0])}–${fixed(ci[1])}` : "—"}</span>
    </>
  );
  return (
    <table className={s.table}>
      <caption className={s.caption}>{a.sobolCaption(u.samples, u.runs, u.seed)}</caption>
      <thead>
        <tr>
          <th scope="col" className={s.head}>
            {a.choice}
          </th>
          {[a.first, a.total].map((h) => (
            <th key={h} scope="col" className={s.head}>
              {h} <span className={s.interval}>{a.ci}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {u.factors.map((f) => (
          <tr key={f.key}>
            <th scope="row" className={s.head}>
              {lang === "en" ? f.en : f.zh}
            </th>
            <td className={s.cell}>{index(f.first, f.firstCI)}</td>
            <td className={s.cell}>{index(f.total, f.totalCI)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
