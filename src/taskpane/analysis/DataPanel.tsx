import type { Issue } from "../../core";
import { ANALYSIS_STRINGS } from "../analysis-i18n";
import { Status } from "../Status";
import { useStyles as usePaneStyles } from "../styles";
import type { AnalysisProps, Model } from "../types";
import { InsertTables } from "./InsertTables";

/** Issues about the framework, the raw statistics and their settings (not SCI_Input's). */
export function tableIssues(model: Model): Issue[] {
  const by = model.issuesOf;
  if (by) return [...(by.framework ?? []), ...(by.choices ?? []), ...(by.districts ?? []), ...(by.raw ?? []), ...(by.settings ?? [])];
  return model.issues.filter((i) => /^(framework|settings|normalise|raw)-/.test(i.code));
}

/** Raw data and the editable framework: insert their tables; say what the model scores with. */
export default function DataPanel({ lang, current, workbook, model: source }: AnalysisProps) {
  const a = ANALYSIS_STRINGS[lang];
  const pane = usePaneStyles();
  const model = current;
  const issues = tableIssues(model);
  const errors = issues.filter((i) => i.severity === "error").length;
  const custom = model.frameworkSource === "workbook";
  return (
    <>
      <InsertTables
        lang={lang}
        workbook={workbook}
        onInserted={source && (() => source.refresh())}
        buttons={[
          { kind: "raw", label: (a) => a.insertRaw, hint: (a) => a.insertRawHint, options: { framework: model.framework ?? model.dataset?.framework } },
          { kind: "framework", label: (a) => a.insertFramework, hint: (a) => a.insertFrameworkHint },
          { kind: "districts", label: (a) => a.insertDistricts, hint: (a) => a.insertDistrictsHint },
          { kind: "choices", label: (a) => a.insertChoices, hint: (a) => a.insertChoicesHint },
        ]}
      />
      <p className={pane.hint}>
        {custom ? a.customFramework : a.builtinFramework}
        {model.mode === "raw" ? `${lang === "zh" ? "" : " "}${a.rawMode}` : ""}
      </p>
      {issues.length > 0 && <Status intent={errors ? "error" : "warning"}>{a.tableIssues(errors, issues.length - errors)}</Status>}
    </>
  );
}
