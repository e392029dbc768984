import { Field, ProgressBar } from "@fluentui/react-components";
import { useState } from "react";
import { type Lang } from "../../core";
import type { ReportLayout } from "../../report";
import type { LayoutResult } from "../../excel/generate";
import type { AnalysisStrings } from "../analysis-i18n";
import { SheetLinks } from "../SheetLinks";
import { Status } from "../Status";
import { describeError, type SciWorkbook } from "../types";
import { textOf } from "../typeset";

type Outcome = { result: LayoutResult } | { error: string };

/** Writes a layout through the workbook (fresh names, text stays text), remembering the outcome. */
export function useWriteLayout(workbook: SciWorkbook) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const write = async (layout: () => ReportLayout) => {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ result: await workbook.writeLayout(layout()) });
    } catch (e) {
      setOutcome({ error: describeError(e) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, write };
}

/** Progress while writing, then the sheets written as links (or what went wrong). */
export function Written({
  busy,
  outcome,
  writing,
  a,
  lang,
  workbook,
}: {
  busy: boolean;
  outcome?: Outcome;
  writing: string;
  a: AnalysisStrings;
  lang: Lang;
  workbook: SciWorkbook;
}) {
  const result = outcome && "result" in outcome ? outcome.result : undefined;
  const sheets = result ? (result.ok ? result.sheets : result.written) : [];
  return (
    <>
      <div aria-live="polite">
        {busy && (
          <Field label={writing}>
            <ProgressBar />
          </Field>
        )}
        {result?.ok && <Status intent="success">{a.opened}</Status>}
        {result?.ok && result.mismatches.length > 0 && <Status intent="warning">{a.mismatches(result.mismatches.length, result.mismatches[0])}</Status>}
        {result && !result.ok && <Status intent="error">{textOf(result.message, lang)}</Status>}
        {outcome && "error" in outcome && <Status intent="error">{a.failed(outcome.error)}</Status>}
      </div>
      <SheetLinks sheets={sheets} label={a.sheetsLabel} onSelect={(name) => void workbook.selectSheet(name)} />
    </>
  );
}
