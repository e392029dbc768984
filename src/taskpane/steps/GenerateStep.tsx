import { Button, Field, Input, ProgressBar } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { type Text } from "../../core";
import type { RankingOutcome } from "../../excel/workbook";
import type { ReportLayout } from "../../report";
import { scoredText } from "../flow";
import type { Strings } from "../i18n";
import { RoundingSwitch } from "../RoundingSwitch";
import { SheetLinks } from "../SheetLinks";
import { Status } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { textOf } from "../typeset";
import { describeError, type StepProps } from "../types";

/**
 * Step 3: what will be scored, the rounding (it changes every sheet, so it comes first), the
 * title, and Generate, the primary button once the input is clean; then a link to each sheet.
 * When sheets an earlier run made for the same title are still there, Generate first asks:
 * replace them (deleting only those), keep both sets, or cancel.
 */
export function GenerateStep({ t, lang, workbook, model, current, next, adopted, title: given, onTitle }: StepProps) {
  const s = useStyles();
  const [own, setOwn] = useState(current.dataset?.label ?? "2020");
  // The pane holds the title when it can, so the results and analyses use it too.
  const [title, setTitle] = given !== undefined && onTitle ? [given, onTitle] : [own, setOwn];
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RankingOutcome>();
  const [problem, setProblem] = useState<Text | ((t: Strings) => string)>();
  /** The title waiting for the answer to "replace or keep both?", and the sheets Replace would delete. */
  const [ask, setAsk] = useState<{ title: string; sheets: string[] }>();
  const why = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const ready = current.scores !== undefined;
  // The question takes the place of the button that was pressed: focus goes to it, to be read.
  useEffect(() => {
    if (ask) question.current?.focus();
  }, [ask]);

  const begin = () => {
    setBusy(true);
    setResult(undefined);
    setProblem(undefined);
  };
  const failed = (e: unknown) => setProblem(() => (t: Strings) => t.failed(describeError(e)));

  /** The report's layout for this title from the current scores, with the map when the districts have shapes. */
  const layoutFor = async (name: string): Promise<ReportLayout | undefined> => {
    const scores = current.scores;
    if (!scores) return undefined;
    // The report's layouts load on first use: not part of the pane's first paint.
    const { geometryFor, reportLayout, withAdjustments, withMap } = await import("../../report");
    const date = new Date().toISOString().slice(0, 10);
    const table = withAdjustments(reportLayout(scores, name, { date, sheetLang: lang }), current.prepared, scores);
    const geometry = geometryFor(current.profile, scores.dataset.districts);
    return geometry ? withMap(table, scores, geometry) : table;
  };

  /** Writes the ranking of `name`; `replace` only from the question's Replace button. */
  const write = async (name: string, replace: boolean) => {
    setAsk(undefined);
    begin();
    try {
      // Built now, from the scores as they are when the answer is given.
      const layout = await layoutFor(name);
      if (!layout) return setProblem(() => (t: Strings) => t.needsValid);
      const r = await workbook.writeRanking(layout, undefined, { replace });
      setResult(r);
      if (!r.ok) setProblem(r.message);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const generate = async () => {
    if (!current.scores || busy) return;
    const name = title.trim();
    begin();
    let previous: string[];
    try {
      previous = await workbook.previousSheets(name);
    } catch (e) {
      failed(e);
      setBusy(false);
      return;
    }
    if (previous.length > 0) {
      setBusy(false);
      setAsk({ title: name, sheets: previous });
    } else await write(name, false);
  };

  const sheets = result ? (result.ok ? result.sheets : result.written) : [];
  const appearance = next === "generate" ? "primary" : "secondary";
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
              {result.removed.length > 0 && `${t.removed(result.removed.length)} `}
              {t.written}
            </Status>
          )}
          {result && !result.ok && result.removed.length > 0 && <Status intent="warning">{t.removed(result.removed.length)}</Status>}
          {result?.notRemoved.map((n) => (
            <Status key={n.sheet} intent="warning">
              {textOf(n.message, lang)}
            </Status>
          ))}
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
        <Input
          value={title}
          onChange={(_, d) => {
            setTitle(d.value);
            setAsk(undefined); // the question was about the title as it was
          }}
        />
      </Field>
      {ask ? (
        <div role="group" aria-labelledby={`${why}-ask`} className={s.ask}>
          <p id={`${why}-ask`} ref={question} tabIndex={-1} className={s.line}>
            {t.askReplace(ask.sheets.length, ask.sheets)}
          </p>
          <p className={s.hint}>{t.askReplaceHint}</p>
          <div className={s.actions}>
            <Button appearance={appearance} data-appearance={appearance} onClick={() => void write(ask.title, true)}>
              {t.replace}
            </Button>
            <Button appearance="secondary" data-appearance="secondary" onClick={() => void write(ask.title, false)}>
              {t.keepBoth}
            </Button>
            <Button appearance="secondary" data-appearance="secondary" onClick={() => setAsk(undefined)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div className={s.actions}>
          <Button
            appearance={appearance}
            data-appearance={appearance}
            disabledFocusable={!ready || busy}
            aria-describedby={ready ? undefined : why}
            onClick={generate}
          >
            {t.generate}
          </Button>
        </div>
      )}
      {!ready && (
        <p id={why} className={s.hint}>
          {t.needsValid}
        </p>
      )}
    </Step>
  );
}
