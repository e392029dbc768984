import { Button, Link, Spinner } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { type Text } from "../../core";
import type { TemplateKind } from "../../excel/template";
import { Status, type Intent } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { describeError, type StepProps } from "../types";
import { textOf } from "../typeset";

type Shown = { intent: Intent; text: Text | ((t: StepProps["t"]) => string) };

/**
 * Step 1: where the data is. With no input table, the template buttons (the empty one is the
 * pane's primary action then); with one, the sheet it is on. `adopt` is where the "use this
 * data" controls (src/taskpane/adopt/) go.
 */
export function DataStep({ t, lang, workbook, model, current, next, adopt }: StepProps & { adopt?: ReactNode }) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>();
  const input = current.tables?.input;
  const raw = current.mode === "raw" ? current.tables?.raw : undefined;
  const at = input ?? raw;

  const insert = async (kind: TemplateKind) => {
    setBusy(true);
    setShown(undefined);
    try {
      const r = await workbook.insertTemplate(kind, lang);
      if (!r.ok) setShown({ intent: r.reason === "exists" ? "warning" : "error", text: r.message });
      await model.refresh(); // the state (and so the next step) follows the new table at once
    } catch (e) {
      setShown({ intent: "error", text: (t) => t.failed(describeError(e)) });
    } finally {
      setBusy(false);
    }
  };

  const label = current.dataset?.label ?? "2020";
  return (
    <Step
      title={t.step1}
      status={
        busy ? (
          <Spinner size="tiny" label={t.inserting} />
        ) : (
          shown && <Status intent={shown.intent}>{typeof shown.text === "function" ? shown.text(t) : textOf(shown.text, lang)}</Status>
        )
      }
    >
      {at ? (
        <p className={s.line}>
          {input ? t.inputAt(at.sheet) : t.rawAt(at.sheet)}
          {lang === "zh" ? "" : " "}
          <Link as="button" className={s.link} aria-label={t.openSheetLabel(at.sheet)} onClick={() => void workbook.selectSheet(at.sheet)}>
            {t.openSheet}
          </Link>
        </p>
      ) : (
        <>
          <p className={s.hint}>{t.step1Hint}</p>
          <div className={s.actions}>
            <Button
              appearance={next === "insert" ? "primary" : "secondary"}
              data-appearance={next === "insert" ? "primary" : "secondary"}
              disabledFocusable={busy}
              onClick={() => insert("empty")}
            >
              {t.insertEmpty}
            </Button>
            {/* The example is the lighter choice: it never outweighs the primary button. */}
            <Button appearance="subtle" disabledFocusable={busy} onClick={() => insert("2020")}>
              {t.insertExample(label)}
            </Button>
          </div>
        </>
      )}
      {adopt}
    </Step>
  );
}
