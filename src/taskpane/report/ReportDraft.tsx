// 报告草稿 / Report draft: the annual report's draft as a Word file, from the workbook's model.
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang, Strings } from "../i18n";
import { Status } from "../Status";
import { useStyles } from "../styles";
import { describeError, type Model } from "../types";
import { download, hostKind } from "./save";

type State = { kind: "idle" } | { kind: "working" } | { kind: "done"; name: string; tables: number; figures: number } | { kind: "failed"; why: string };

export function ReportDraft({ t, lang, current }: { t: Strings; lang: Lang; current: Model }) {
  const s = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });
  const make = async () => {
    setState({ kind: "working" });
    try {
      const { makeReportDraft } = await import(/* webpackChunkName: "report-draft" */ "./make");
      const made = await makeReportDraft(current, lang);
      if (!made) return setState({ kind: "failed", why: t.noResults });
      download(made.bytes, made.name);
      setState({ kind: "done", name: made.name, tables: made.tables, figures: made.figures });
    } catch (e) {
      setState({ kind: "failed", why: describeError(e) });
    }
  };
  const desktop = hostKind() === "desktop";
  return (
    <section aria-label={t.reportDraft} data-testid="report-draft">
      <p className={s.hint}>{t.reportDraftHint}</p>
      <div className={s.actions}>
        <Button appearance="secondary" disabledFocusable={state.kind === "working" || !current.scores} onClick={() => void make()}>
          {state.kind === "working" ? t.reportDrafting : t.reportDraft}
        </Button>
      </div>
      {state.kind === "done" && (
        <Status intent="success" title={t.done}>
          {t.reportDrafted(state.name, state.tables, state.figures)}
        </Status>
      )}
      {state.kind === "done" && desktop && <Status intent="info">{t.reportDesktop}</Status>}
      {state.kind === "failed" && (
        <Status intent="error" title={t.problem}>
          {t.failed(state.why)}
        </Status>
      )}
    </section>
  );
}
