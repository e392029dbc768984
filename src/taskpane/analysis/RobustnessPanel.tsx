import { Button, Field, Input, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Dataset } from "../../core";
import { type Issue } from "../../core";
import type { Sensitivity } from "../../core";
import { sensitivityLayout, wordsOf } from "../../report";
import { ANALYSIS_STRINGS, percentText } from "../analysis-i18n";
import type { Lang } from "../i18n";
import { runSensitivity, type RunControls } from "../sensitivity-runner";
import { Status } from "../Status";
import { useStyles as usePaneStyles } from "../styles";
import type { AnalysisProps } from "../types";
import { IndicatorSelect } from "./IndicatorSelect";
import { RangePlot, type RangeRow } from "./RangePlot";
import { ScopeSelect, type Scope } from "./ScopeSelect";
import { Written, useWriteLayout } from "./Written";
import { textOf } from "../typeset";

const useStyles = makeStyles({
  // One field a row: side by side, a wrapped label or a message under one field misaligned the inputs.
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: "100%", maxWidth: "14rem" },
});

export interface RobustnessProps extends AnalysisProps {
  /** Tests stand in for the Web Worker here; the default makes the real one. */
  createWorker?: RunControls["createWorker"];
}

type Done = { result: Sensitivity; dataset: Dataset; ms: number; path: "worker" | "main" };

/** What was typed, checked: a message key per bad field, or the run's options. */
function readControls(perturbation: string, replications: string, seed: string) {
  const p = Number(perturbation.trim());
  const r = Number(replications.trim());
  const s = seed.trim();
  const bad = {
    perturbation: perturbation.trim() === "" || !(Number.isFinite(p) && p >= 0 && p < 100),
    replications: replications.trim() === "" || !(Number.isInteger(r) && r >= 1 && r <= 1_000_000),
    seed: s === "",
  };
  return { bad, options: { perturbation: p / 100, replications: r, seed: /^\d+$/.test(s) && Number(s) < 2 ** 32 ? Number(s) : s } };
}

/** Robustness of ranks: a seeded Monte Carlo of the weights, off the pane's thread. */
export default function RobustnessPanel({ lang, current, workbook, createWorker }: RobustnessProps) {
  const a = ANALYSIS_STRINGS[lang];
  const s = useStyles();
  const pane = usePaneStyles();
  const dataset = current.scores?.dataset;
  const framework = dataset?.framework;
  const [perturbation, setPerturbation] = useState("10");
  const [replications, setReplications] = useState("10000");
  const [seed, setSeed] = useState("1");
  const [indicator, setIndicator] = useState<string>();
  const [scope, setScope] = useState<Scope>("city");
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [done, setDone] = useState<Done>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [stopped, setStopped] = useState(false);
  const [tried, setTried] = useState(false);
  const running = useRef<AbortController | undefined>(undefined);
  const writer = useWriteLayout(workbook);
  useEffect(() => () => running.current?.abort(), []);

  const code = indicator && framework?.index.has(indicator) ? indicator : framework?.root;
  const checked = readControls(perturbation, replications, seed);
  const invalid = checked.bad.perturbation || checked.bad.replications || checked.bad.seed;

  const run = async () => {
    setTried(true);
    if (!dataset || invalid || running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setIssues([]);
    setStopped(false);
    setProgress({ done: 0, total: checked.options.replications });
    const start = performance.now();
    try {
      const out = await runSensitivity(
        dataset,
        { ...checked.options, indicator: code },
        { signal: controller.signal, onProgress: (d, total) => setProgress({ done: d, total }), createWorker },
      );
      if (out.aborted) setStopped(true);
      else if (out.result) setDone({ result: out.result, dataset, ms: Math.round(performance.now() - start), path: out.path });
      else setIssues(out.issues);
    } finally {
      if (running.current === controller) running.current = undefined;
      setProgress(undefined);
    }
  };

  if (!dataset || !framework) return <Status intent="info">{a.needsScores}</Status>;

  const stale = done !== undefined && done.dataset !== dataset;
  const field = (label: string, value: string, set: (v: string) => void, bad: boolean, message: string, inputMode?: "decimal" | "numeric") => (
    <Field label={label} validationState={tried && bad ? "error" : "none"} validationMessage={tried && bad ? message : undefined}>
      <Input className={s.input} value={value} inputMode={inputMode} onChange={(_, d) => set(d.value)} />
    </Field>
  );

  return (
    <>
      <div className={s.fields}>
        {field(a.perturbation, perturbation, setPerturbation, checked.bad.perturbation, a.badPerturbation, "decimal")}
        {field(a.replications, replications, setReplications, checked.bad.replications, a.badReplications, "numeric")}
        {field(a.seed, seed, setSeed, checked.bad.seed, a.badSeed)}
      </div>
      <p className={pane.hint}>
        {a.perturbationHint} {a.seedHint}
      </p>
      <IndicatorSelect framework={framework} value={code!} onChange={setIndicator} label={a.indicator} lang={lang} />
      <div className={pane.actions}>
        <Button disabledFocusable={progress !== undefined} onClick={run}>
          {a.run}
        </Button>
        {progress && <Button onClick={() => running.current?.abort()}>{a.stop}</Button>}
      </div>
      {progress && (
        <Field label={a.running(progress.done, progress.total)}>
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
        </Field>
      )}
      {/* Announced once a run ends: how it ended, not every step of the progress. */}
      <div aria-live="polite">
        {done && !progress && !stale && <p className={pane.hint}>{a.took(done.ms)}</p>}
        {stopped && !progress && <Status intent="info">{a.stopped}</Status>}
        {issues.map((i, k) => (
          <Status key={k} intent={i.severity === "error" ? "error" : "warning"}>
            {textOf(i, lang)}
          </Status>
        ))}
        {done && stale && <Status intent="warning">{a.stale}</Status>}
      </div>
      {done && <Results done={done} scope={scope} setScope={setScope} lang={lang} />}
      {done && (
        <>
          <div className={pane.actions}>
            <Button
              disabledFocusable={writer.busy || stale}
              onClick={() =>
                writer.write(() => {
                  const date = new Date().toISOString().slice(0, 10);
                  const title = done.dataset.label ?? "";
                  return { title, date, sheets: [sensitivityLayout(done.result, done.dataset, title, { date, sheetLang: lang })] };
                })
              }
            >
              {a.writeSensitivity}
            </Button>
          </div>
          <Written busy={writer.busy} outcome={writer.outcome} writing={a.writingSensitivity} a={a} lang={lang} workbook={workbook} />
        </>
      )}
    </>
  );
}

function Results({ done, scope, setScope, lang }: { done: Done; scope: Scope; setScope: (s: Scope) => void; lang: Lang }) {
  const a = ANALYSIS_STRINGS[lang];
  const { result, dataset } = done;
  const pct = percentText(result.perturbation);
  const regions = dataset.regions.map((r) => r.id);
  const rows: RangeRow[] = result.districts
    .map((d, i) => ({ d, i, r: d.ranks[scope] }))
    .sort((x, y) => (scope === "region" ? regions.indexOf(x.d.region) - regions.indexOf(y.d.region) : 0) || x.r.baseline - y.r.baseline || x.i - y.i)
    .map(({ d, r }) => {
      const district = dataset.districts.find((x) => x.id === d.district);
      const name = lang === "en" ? (district?.en ?? d.district) : d.district;
      const region = dataset.regions.find((x) => x.id === d.region);
      const group = scope === "region" && region ? (lang === "en" ? region.en : region.zh) : undefined;
      return { key: d.district, label: name, baseline: r.baseline, median: r.median, p5: r.p5, p95: r.p95, keep: r.keep, group };
    });
  const ranks = scope === "city" ? result.districts.length : Math.max(...regions.map((id) => result.districts.filter((d) => d.region === id).length));
  const whole = textOf(wordsOf(dataset).whole, lang);
  const scopeName = scope === "city" ? whole : a.region;
  return (
    <div data-path={done.path}>
      <ScopeSelect value={scope} onChange={setScope} a={a} whole={whole} />
      <RangePlot
        rows={rows}
        ranks={ranks}
        a={a}
        label={a.chartLabel(rows.length, pct, result.replications, scopeName)}
        caption={`${a.tableCaption(pct, result.replications, result.seed)} · ${scopeName}`}
      />
    </div>
  );
}
