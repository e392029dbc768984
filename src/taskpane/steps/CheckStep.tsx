import { Button, Spinner } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import { type Text } from "../../core";
import { count, type Strings } from "../i18n";
import { PAGE, clusterItems, groupIssues, type CellRef } from "../issue-groups";
import { rosterFor } from "../names";
import { Status } from "../Status";
import { Step } from "../Step";
import { useStyles } from "../styles";
import { describeError, type StepProps } from "../types";
import { textOf } from "../typeset";

// The list itself (items, fixes, pager) loads once there is something to list.
const IssueList = lazy(() => import("./IssueList"));

/**
 * Step 2: what needs attention, one item per cause, in the pane's language. An item selects its
 * cell; a misspelt district offers its fix. While the input has problems the pane's primary
 * button is here: it goes to the first one.
 */
export function CheckStep({ t, lang, workbook, model, current, next }: StepProps) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState(0);
  const [problem, setProblem] = useState<Text | ((t: Strings) => string)>();
  const roster = rosterFor(current);
  const groups = useMemo(() => groupIssues(current.issues, roster), [current.issues, roster]);
  const entries = useMemo(() => clusterItems(groups.items), [groups.items]);
  const pages = Math.max(1, Math.ceil(entries.length / PAGE));
  const framework = current.framework ?? current.dataset?.framework;
  const indicatorName = (code: string) => {
    const ind = framework?.indicators.get(code);
    return ind && (lang === "zh" ? ind.nameZh : ind.nameEn);
  };
  useEffect(() => setPage((p) => Math.min(p, pages - 1)), [pages]);

  const act = async (what: () => Promise<{ ok: true } | { ok: false; message: Text }>, refresh = false) => {
    setProblem(undefined);
    try {
      const r = await what();
      if (!r.ok) setProblem(r.message);
      if (refresh) await model.refresh();
    } catch (e) {
      setProblem(() => (t: Strings) => t.failed(describeError(e)));
    }
  };
  const select = (cell: CellRef) => act(() => workbook.selectCell(cell));
  const fix = (cell: CellRef, text: string) => act(() => workbook.writeCellText(cell, text), true);
  const recheck = async () => {
    setBusy(true);
    await act(async () => (await model.refresh(), { ok: true }));
    setBusy(false);
  };

  const n = (x: number) => count(x, lang);
  let outcome = null;
  if (busy) outcome = <Spinner size="tiny" label={t.validating} />;
  else if (groups.items.length === 0 && current.source === "workbook")
    outcome = (
      <Status intent="success" title={t.allGood}>
        {t.allGoodDetail(current.dataset?.districts.length ?? 0)}
      </Status>
    );
  else if (groups.errors === 0 && groups.toFill > 0)
    outcome = (
      <Status intent="info" title={t.toFillTitle}>
        {t.toFillDetail(n(groups.toFill), n(groups.fillGroups))}
        {groups.warnings > 0 && `${lang === "zh" ? "" : " "}${t.found("0", n(groups.warnings))}`}
      </Status>
    );
  else if (groups.errors > 0 || groups.warnings > 0)
    outcome = (
      <Status intent={groups.errors ? "error" : "warning"} title={t.found(n(groups.errors), n(groups.warnings))}>
        {groups.toFill > 0 ? t.alsoToFill(n(groups.toFill)) : groups.errors === 0 ? t.warningsOnly : undefined}
      </Status>
    );

  // Any SCI table (input, raw data, framework, last year) is something to check again.
  const anyTable = current.source === "workbook" || Object.keys(current.tables ?? {}).length > 0;
  const first = groups.items[0];
  const firstCell = first && (first.kind === "fill" ? first.first : first.issue.cell);
  return (
    <Step
      title={t.step2}
      status={
        <>
          {outcome}
          {problem && <Status intent="error">{typeof problem === "function" ? problem(t) : textOf(problem, lang)}</Status>}
        </>
      }
      after={
        groups.items.length > 0 && (
          <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
            <IssueList
              items={entries}
              indicatorName={indicatorName}
              page={page}
              setPage={setPage}
              t={t}
              lang={lang}
              roster={roster}
              onSelect={select}
              onFix={fix}
            />
          </Suspense>
        )
      }
    >
      {!anyTable && groups.items.length === 0 && <p className={s.hint}>{t.step2Builtin}</p>}
      {(anyTable || groups.items.length > 0) && (
        <div className={s.actions}>
          {next === "fix" && firstCell && (
            <Button appearance="primary" data-appearance="primary" onClick={() => void select(firstCell)}>
              {first.kind === "fill" ? t.goFill : t.goFirst}
            </Button>
          )}
          <Button disabledFocusable={busy} onClick={() => void recheck()}>
            {t.recheck}
          </Button>
        </div>
      )}
    </Step>
  );
}
