import { Button, Spinner, mergeClasses } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { sortIssues, textIn, type Issue } from "../../core";
import type { Framework } from "../../core";
import { defaultProfile } from "../../data";
import { rosterOf, type Profile } from "../../core";
import type { CellRef } from "../../excel/issues";
import type { Lang, Strings } from "../i18n";
import { Status } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { describeError, type StepProps } from "../types";

/** Issues shown before "show all": an empty template has hundreds. */
export const ISSUE_LIMIT = 50;

/** Step 2: validate the input; each issue names its cell, district and indicator and selects the cell. */
export function ValidateStep({ t, lang, workbook, model, current }: StepProps) {
  const s = useStyles();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [problem, setProblem] = useState<(t: Strings) => string>();
  const issues = useMemo(() => sortIssues(current.issues), [current.issues]);
  const errors = issues.filter((i) => i.severity === "error").length;

  const check = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await model.refresh();
      setChecked(true);
    } catch (e) {
      setProblem(() => (t: Strings) => t.failed(describeError(e)));
    } finally {
      setBusy(false);
    }
  };

  const select = async (cell: CellRef) => {
    setProblem(undefined);
    try {
      const r = await workbook.selectCell(cell);
      if (!r.ok) setProblem(() => () => r.message);
    } catch (e) {
      setProblem(() => (t: Strings) => t.failed(describeError(e)));
    }
  };

  // The built-in data has no issues of its own; an SCI_Framework table scored with it may.
  const builtin = current.source === "builtin";
  let outcome = null;
  if (busy) outcome = <Spinner size="tiny" label={t.validating} />;
  else if (checked && builtin && issues.length === 0) outcome = <Status intent="info">{t.noTable}</Status>;
  else if (checked && issues.length === 0)
    outcome = (
      <Status intent="success" title={t.allGood}>
        {t.allGoodDetail(current.dataset?.districts.length ?? 0, current.mode === "raw" ? "SCI_Raw" : "SCI_Input")}
      </Status>
    );
  else if (checked) outcome = <Status intent={errors ? "error" : "warning"}>{t.found(errors, issues.length - errors)}</Status>;

  const framework = current.dataset?.framework ?? current.profile?.framework ?? defaultProfile.framework;
  const shown = showAll ? issues : issues.slice(0, ISSUE_LIMIT);
  return (
    <Step
      title={t.step2}
      hint={t.step2Hint}
      status={
        <>
          {outcome}
          {problem && <Status intent="error">{problem(t)}</Status>}
        </>
      }
      after={checked && !busy && issues.length > 0 && (
        <>
          <ul className={s.list} aria-label={t.issuesLabel}>
            {shown.map((issue, k) => (
              <li key={`${issue.code}-${issue.cell?.address ?? ""}-${k}`}>
                <IssueItem issue={issue} t={t} lang={lang} framework={framework} profile={current.profile ?? defaultProfile} onSelect={select} />
              </li>
            ))}
          </ul>
          {shown.length < issues.length && <Button onClick={() => setShowAll(true)}>{t.showAll(issues.length)}</Button>}
        </>
      )}
    >
      <div className={s.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={check}>
          {t.validate}
        </Button>
      </div>
    </Step>
  );
}

function IssueItem({ issue, t, lang, framework, profile, onSelect }: { issue: Issue; t: Strings; lang: Lang; framework: Framework; profile: Profile; onSelect: (c: CellRef) => void }) {
  const s = useStyles();
  const ind = issue.indicator ? framework.indicators.get(issue.indicator) : undefined;
  const district = issue.district && (lang === "en" ? rosterOf(profile).find(issue.district)?.en ?? issue.district : issue.district);
  const where = issue.cell && `${issue.cell.sheet ? `${issue.cell.sheet}!` : ""}${issue.cell.address}`;
  const facts = [
    where && `${t.cell} ${where}`,
    district && `${t.district} ${district}`,
    ind && `${t.indicator} ${ind.code} ${lang === "en" ? ind.nameEn : ind.nameZh}`,
  ].filter(Boolean);
  const content = (
    <span className={s.issueText}>
      <span>
        <span className={mergeClasses(issue.severity === "error" ? s.error : s.warning)}>{issue.severity === "error" ? t.error : t.warning}</span>
        {facts.length > 0 && <span className={s.where}> · {facts.join(" · ")}</span>}
      </span>
      <span>{textIn(issue, lang)}</span>
    </span>
  );
  const cell = issue.cell;
  if (!cell) return content;
  return (
    <Button appearance="subtle" className={s.issue} onClick={() => onSelect({ sheet: cell.sheet, address: cell.address })}>
      {content}
    </Button>
  );
}
