import { Button, Field, Input, ProgressBar } from "@fluentui/react-components";
import { useId, useState } from "react";
import { geometryFor, reportLayout, withMap } from "../../report";
import type { RankingResult } from "../../excel/generate";
import type { Strings } from "../i18n";
import { SheetLinks } from "../SheetLinks";
import { Status } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { describeError, type StepProps } from "../types";

/** Step 3: write the ranking sheets in one click; then link to each sheet written. */
export function GenerateStep({ t, lang, workbook, current }: StepProps) {
  const s = useStyles();
  const [title, setTitle] = useState("2020");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RankingResult>();
  const [problem, setProblem] = useState<(t: Strings) => string>();
  const why = useId();
  const ready = current.scores !== undefined;

  const generate = async () => {
    const scores = current.scores;
    if (!scores || busy) return;
    setBusy(true);
    setResult(undefined);
    setProblem(undefined);
    try {
      // The composite's map goes beside the overall table when the districts have shapes.
      const layout = reportLayout(scores, title.trim());
      const geometry = geometryFor(current.profile, scores.dataset.districts);
      setResult(await workbook.writeRanking(geometry ? withMap(layout, scores, geometry) : layout));
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
      hint={t.step3Hint}
      status={
        <>
          {busy && (
            <Field label={t.writing}>
              <ProgressBar />
            </Field>
          )}
          {result?.ok && <Status intent="success">{t.written}</Status>}
          {result?.ok && result.notes.map((n) => <Status key={n.en} intent="warning">{lang === "en" ? n.en : n.zh}</Status>)}
          {result?.ok && result.mismatches.length > 0 && <Status intent="warning">{t.mismatches(result.mismatches.length, result.mismatches[0])}</Status>}
          {result && !result.ok && <Status intent="error">{result.message}</Status>}
          {problem && <Status intent="error">{problem(t)}</Status>}
        </>
      }
      after={<SheetLinks sheets={sheets} label={t.sheetsLabel} onSelect={(name) => void workbook.selectSheet(name)} />}
    >
      <Field label={t.title}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" disabledFocusable={!ready || busy} aria-describedby={ready ? undefined : why} onClick={generate}>
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
