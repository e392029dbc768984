import { Button, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import type { TableKind, TableOptions } from "../../excel/workbook";
import { ANALYSIS_STRINGS, type AnalysisStrings } from "../analysis-i18n";
import type { Lang } from "../i18n";
import { Status, type Intent } from "../Status";
import { useStyles as usePaneStyles } from "../styles";
import { describeError, type SciWorkbook } from "../types";
import { textOf } from "../typeset";

type Shown = { intent: Intent; text: (a: AnalysisStrings, lang: Lang) => string };

/** One button: which table, with what, under what label. */
export interface TableButton {
  kind: TableKind;
  label: (a: AnalysisStrings) => string;
  /** What the table is for, in a sentence beside its button. */
  hint?: (a: AnalysisStrings) => string;
  options?: TableOptions;
}

/** Buttons inserting SCI_Previous, SCI_Raw + SCI_Settings or SCI_Framework; says what happened. */
export function InsertTables({
  buttons,
  lang,
  workbook,
  onInserted,
}: {
  buttons: TableButton[];
  lang: Lang;
  workbook: SciWorkbook;
  onInserted?: () => Promise<unknown>;
}) {
  const a = ANALYSIS_STRINGS[lang];
  const pane = usePaneStyles();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>();

  const insert = async ({ kind, options }: TableButton) => {
    if (busy) return;
    setBusy(true);
    setShown(undefined);
    try {
      const r = await workbook.insertTable(kind, { ...options, lang });
      if (r.ok)
        setShown({
          intent: r.notice ? "warning" : "success",
          text: (a, lang) => [a.insertedTables(r.sheets), r.notice && textOf(r.notice, lang)].filter(Boolean).join(" "),
        });
      else setShown({ intent: r.reason === "exists" ? "warning" : "error", text: (_, lang) => textOf(r.message, lang) });
      await onInserted?.();
    } catch (e) {
      setShown({ intent: "error", text: (a) => a.failed(describeError(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {buttons.some((b) => b.hint) ? (
        <ul className={pane.list}>
          {buttons.map((b) => (
            <li key={b.label(a)} className={pane.choice}>
              <Button disabledFocusable={busy} onClick={() => insert(b)}>
                {b.label(a)}
              </Button>
              {b.hint && <span className={pane.hint}>{b.hint(a)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <div className={pane.actions}>
          {buttons.map((b) => (
            <Button key={b.label(a)} disabledFocusable={busy} onClick={() => insert(b)}>
              {b.label(a)}
            </Button>
          ))}
        </div>
      )}
      <div aria-live="polite">
        {busy ? <Spinner size="tiny" label={a.insertingTable} /> : shown && <Status intent={shown.intent}>{shown.text(a, lang)}</Status>}
      </div>
    </>
  );
}
