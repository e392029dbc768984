import { Button, Field, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Comparison } from "../../core";
import { comparisonLayout } from "../../report";
import { textIn } from "../../core";
import { ANALYSIS_STRINGS, rankChangeWords, type AnalysisStrings } from "../analysis-i18n";
import type { Lang, Strings } from "../i18n";
import { Status } from "../Status";
import { useStyles as usePaneStyles } from "../styles";
import { fixed2 } from "../summary";
import type { Model, SciWorkbook } from "../types";
import { IndicatorSelect } from "./IndicatorSelect";
import { comparisonOf } from "./paneModel";
import { InsertTables } from "./InsertTables";
import { ScopeSelect, type Scope } from "./ScopeSelect";
import { Written, useWriteLayout } from "./Written";

const useStyles = makeStyles({
  sort: {
    border: "none",
    background: "none",
    padding: 0,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    color: "inherit",
    cursor: "pointer",
    textAlign: "inherit",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  scroll: { overflowX: "auto" },
  nowrap: { whiteSpace: "nowrap" },
});

type SortKey = "newRank" | "change" | "rankChange";
type Sort = { key: SortKey; order: "ascending" | "descending" };

/** Year over year: each district's change in value and rank on a chosen indicator. */
export default function YearOverYearPanel({ lang, current, workbook }: { t: Strings; lang: Lang; current: Model; workbook: SciWorkbook }) {
  const a = ANALYSIS_STRINGS[lang];
  const pane = usePaneStyles();
  const model = current;
  const comparison = useMemo(() => comparisonOf(model), [model]);
  const writer = useWriteLayout(workbook);

  // An SCI_Previous table whose data has errors is there: its issues are in step 2's list.
  if (!model.previous && !model.tables?.previous)
    return (
      <>
        <Status intent="info">{a.noPrevious}</Status>
        <InsertTables
          lang={lang}
          workbook={workbook}
          buttons={[
            { kind: "previous", label: (a) => a.insertPrevious, options: { framework: model.framework ?? model.dataset?.framework } },
            { kind: "previous", label: (a) => a.insertPrevious2020, options: { framework: model.framework ?? model.dataset?.framework, previous: "2020" } },
          ]}
        />
      </>
    );
  if (!comparison || !model.scores) return <Status intent="warning">{a.previousNotReady}</Status>;
  const blocking = comparison.issues.filter((i) => i.severity === "error");
  if (blocking.length || comparison.districts.length === 0)
    return (
      <>
        {blocking.map((i, k) => (
          <Status key={k} intent="error">
            {textIn(i, lang)}
          </Status>
        ))}
      </>
    );
  return (
    <>
      <ComparisonTable comparison={comparison} english={english(model)} lang={lang} a={a} />
      <div className={pane.actions}>
        <Button disabledFocusable={writer.busy} onClick={() => writer.write(() => comparisonLayout(comparison))}>
          {a.generateComparison}
        </Button>
      </div>
      <Written busy={writer.busy} outcome={writer.outcome} writing={a.writingComparison} a={a} workbook={workbook} />
    </>
  );
}

function ComparisonTable({ comparison, english, lang, a }: { comparison: Comparison; english: ReadonlyMap<string, string>; lang: Lang; a: AnalysisStrings }) {
  const s = useStyles();
  const pane = usePaneStyles();
  const fw = comparison.framework;
  const [indicator, setIndicator] = useState(fw.root);
  const [scope, setScope] = useState<Scope>("city");
  const [sort, setSort] = useState<Sort>({ key: "newRank", order: "ascending" });
  const k = Math.max(0, comparison.codes.indexOf(indicator));
  const code = comparison.codes[k];
  const oldLabel = a.yearLabel(comparison.oldLabel);
  const newLabel = a.yearLabel(comparison.newLabel);

  const rows = comparison.districts.map((d, i) => ({ d, i, x: d.indicators[k], r: d.indicators[k][scope] }));
  const sign = sort.order === "ascending" ? 1 : -1;
  const keyOf = (row: (typeof rows)[number]) => (sort.key === "newRank" ? row.r.new : sort.key === "change" ? row.x.change : row.r.change);
  rows.sort((p, q) => sign * (keyOf(p) - keyOf(q)) || p.r.new - q.r.new || p.i - q.i);

  const name = (id: string) => (lang === "en" ? (fw.indicators.get(id)?.nameEn ?? id) : (fw.indicators.get(id)?.nameZh ?? id));
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    // Rank changes and value changes read best as biggest first; ranks as 1 first.
    const first = key === "newRank" ? "ascending" : "descending";
    const next = active ? (sort.order === "ascending" ? "descending" : "ascending") : first;
    return (
      <th scope="col" aria-sort={active ? sort.order : "none"}>
        <button type="button" className={s.sort} title={a.sortBy(label, next)} onClick={() => setSort({ key, order: next })}>
          {label}
          {active && <span aria-hidden="true">{sort.order === "ascending" ? " ▲" : " ▼"}</span>}
        </button>
      </th>
    );
  };
  const signed = (x: number) => (x > 0 ? `+${fixed2(x)}` : fixed2(x));
  return (
    <>
      <IndicatorSelect framework={fw} codes={comparison.codes} value={code} onChange={setIndicator} label={a.indicator} lang={lang} />
      <ScopeSelect value={scope} onChange={setScope} a={a} />
      <p className={pane.hint}>{a.sortHint}</p>
      <div className={s.scroll}>
        <table className={pane.table}>
          <caption>{a.compareCaption(oldLabel, newLabel, `${code} ${name(code)}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{a.district}</th>
              <th scope="col">{a.newValue(newLabel)}</th>
              {header("change", a.change)}
              {header("newRank", a.ranks(oldLabel, newLabel))}
              {header("rankChange", a.rankChange)}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ d, x, r }) => (
              <tr key={d.district}>
                <th scope="row">{lang === "en" ? (english.get(d.district) ?? d.district) : d.district}</th>
                <td>{fixed2(x.new)}</td>
                <td title={`${oldLabel} ${fixed2(x.old)}`}>{signed(x.change)}</td>
                <td className={s.nowrap}>{`${r.old} → ${r.new}`}</td>
                <td className={mergeClasses(s.nowrap, r.change > 0 ? s.up : r.change < 0 ? s.down : undefined)}>{rankChangeWords(a, r.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {comparison.onlyOld.length > 0 && <p className={pane.hint}>{a.onlyIn(oldLabel, comparison.onlyOld.join("、"))}</p>}
      {comparison.onlyNew.length > 0 && <p className={pane.hint}>{a.onlyIn(newLabel, comparison.onlyNew.join("、"))}</p>}
    </>
  );
}

/** English district names, from this year's dataset (the comparison keeps ids only). */
const english = (model: Model) => new Map(model.scores!.dataset.districts.map((d) => [d.id, d.en ?? d.id]));
