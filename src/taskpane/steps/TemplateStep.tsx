import { Button, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import type { TemplateKind } from "../../excel/template";
import type { Strings } from "../i18n";
import { Status, type Intent } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { describeError, type StepProps } from "../types";

type Shown = { intent: Intent; text: (t: Strings) => string };

/** Step 1: insert the SCI_Input template, empty or with the 2020 data. */
export function TemplateStep({ t, workbook }: StepProps) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>();

  const insert = async (kind: TemplateKind) => {
    setBusy(true);
    setShown(undefined);
    try {
      const r = await workbook.insertTemplate(kind);
      if (r.ok) setShown({ intent: "success", text: (t) => t.inserted(r.inputSheet, r.frameworkSheet) });
      else setShown({ intent: r.reason === "exists" ? "warning" : "error", text: () => r.message });
    } catch (e) {
      setShown({ intent: "error", text: (t) => t.failed(describeError(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Step
      title={t.step1}
      hint={t.step1Hint}
      status={busy ? <Spinner size="tiny" label={t.inserting} /> : shown && <Status intent={shown.intent}>{shown.text(t)}</Status>}
    >
      <div className={s.actions}>
        <Button disabledFocusable={busy} onClick={() => insert("empty")}>
          {t.insertEmpty}
        </Button>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => insert("2020")}>
          {t.insert2020}
        </Button>
      </div>
    </Step>
  );
}
