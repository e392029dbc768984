import { Button, Field, Input, ProgressBar } from "@fluentui/react-components";
import { useId, useState } from "react";
import { type Text } from "../../core";
import type { RankingResult } from "../../excel/generate";
import { scoredText } from "../flow";
import type { Strings } from "../i18n";
import { RoundingSwitch } from "../RoundingSwitch";
import { SheetLinks } from "../SheetLinks";
import { Status } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { describeError, type StepProps } from "../types";
import { textOf } from "../typeset";

/**
 * Step 3: what will be scored, the rounding (it changes every sheet, so it comes first), the
 * title, and Generate, the primary button once the input is clean; then a link to each sheet.
 */
export function GenerateStep({ t, lang, workbook, model, current, next, adopted, title: given, onTitle }: StepProps) {
  const s = useStyles();
  const [own, setOwn] = useState(current.dataset?.label ?? "2020");
  // The pane holds the title when it can, so the results and analyses use it too.
  const [title, setTitle] = given !== undefined && onTitle ? [given, onTitle] : [own, setOwn];
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RankingResult>();
  const [problem, setProblem] = useState<Text | ((t: Strings) => string)>();
  const why = useId();
  const ready = current.scores !== undefined;

  const generate = async () => {
    const scores = current.scores;
    if (!scores || busy) return;
    setBusy(true);
    setResult(undefined);
    setProblem(undefined);
    try {
      // The report's layouts load on first use: not part of the pane's first paint.
      const { geometryFor, reportLayout, withAdjustments, withMap } = await import("../../report");
      // The composite's map goes beside the overall table when the districts have shapes.
      const date = new Date().toISOString().slice(0, 10);
      const layout = withAdjustments(reportLayout(scores, title.trim(), { date }), current.prepared, scores);
      const geometry = geometryFor(current.profile, scores.dataset.districts);
      const r = await workbook.writeRanking(geometry ? withMap(layout, scores, geometry) : layout);
      setResult(r);
      if (!r.ok) setProblem(r.message);
    } catch (e) {
      setProblem(() => (t: Strings) => t.failed(describeError(e)));
    } finally {
      setBusy(false);
    }
  };

  const sheets = result ? (result.ok ? result.sheets : result.written) : [];
  return (
    <Step
      title={t.step3}
      status={
        <>
          {busy && (
            <Field label={t.writing}>
              <ProgressBar />
            </Field>
          )}
          {result?.ok && (
            <Status intent="success" title={t.done}>
              {t.written}
            </Status>
          )}
          {result?.ok &&
            result.notes.map((n) => (
              <Status key={n.en} intent="warning">
                {textOf(n, lang)}
              </Status>
            ))}
          {result?.ok && result.mismatches.length > 0 && <Status intent="warning">{t.mismatches(result.mismatches.length, result.mismatches[0])}</Status>}
          {problem && (
            <Status intent="error" title={t.problem}>
              {typeof problem === "function" ? problem(t) : textOf(problem, lang)}
            </Status>
          )}
        </>
      }
      after={<SheetLinks sheets={sheets} label={t.sheetsLabel} onSelect={(name) => void workbook.selectSheet(name)} />}
    >
      <p className={s.line} data-scored="">
        {textOf(scoredText(current, adopted), lang)}
      </p>
      <RoundingSwitch t={t} model={model} current={current} />
      <Field label={t.title}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <div className={s.actions}>
        <Button
          appearance={next === "generate" ? "primary" : "secondary"}
          data-appearance={next === "generate" ? "primary" : "secondary"}
          disabledFocusable={!ready || busy}
          aria-describedby={ready ? undefined : why}
          onClick={generate}
        >
          {t.generate}
        </Button>
      </div>
      {!ready && (
        <p id={why} className={s.hint}>
          {t.needsValid}
        </p>
      )}
    </Step>
  );
}
