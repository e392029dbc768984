import { Button, Field, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Comparison } from "../../core";
import { comparisonLayout } from "../../report";
import { ANALYSIS_STRINGS, rankChangeWords, type AnalysisStrings } from "../analysis-i18n";
import type { Lang } from "../i18n";
import { Status } from "../Status";
import { useStyles as usePaneStyles, visuallyHidden } from "../styles";
import { fixed2 } from "../summary";
import { yearLabels, type AnalysisProps, type Model } from "../types";
import { IndicatorSelect, useSelectStyles } from "./IndicatorSelect";
import { comparisonOf } from "./paneModel";
import { InsertTables } from "./InsertTables";
import { ScopeSelect, type Scope } from "./ScopeSelect";
import { Written, useWriteLayout } from "./Written";
import { textOf } from "../typeset";

const useStyles = makeStyles({
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  // A rank cell reads "16 → 1 ↑15": each part in a fixed-width box so the arrows line up.
  rank: { whiteSpace: "nowrap", textAlign: "right" },
  part: { display: "inline-block", minWidth: "2ch", textAlign: "right" },
  move: { display: "inline-block", minWidth: "3.5ch", textAlign: "left", paddingLeft: "0.4ch" },
  hidden: visuallyHidden,
});

type SortKey = "newRank" | "change" | "rankChange";

/** Year over year: each district's change in value and rank on a chosen indicator. */
export default function YearOverYearPanel({ lang, current, workbook, model: source, title }: AnalysisProps) {
  const a = ANALYSIS_STRINGS[lang];
  const pane = usePaneStyles();
  const model = current;
  const compared = useMemo(() => comparisonOf(model), [model]);
  // 本年 in the core is the year the pane's title gives.
  const comparison = useMemo(() => {
    if (!compared) return compared;
    const [oldLabel, newLabel] = yearLabels(compared.oldLabel, compared.newLabel, title);
    return { ...compared, oldLabel, newLabel };
  }, [compared, title]);
  const writer = useWriteLayout(workbook);

  // An SCI_Previous table whose data has errors is there: its issues are in step 2's list.
  if (!model.previous && !model.tables?.previous)
    return (
      <>
        <Status intent="info">{a.noPrevious}</Status>
        <InsertTables
          lang={lang}
          workbook={workbook}
          onInserted={source && (() => source.refresh())}
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
            {textOf(i, lang)}
          </Status>
        ))}
      </>
    );
  return (
    <>
      <ComparisonTable comparison={comparison} english={english(model)} lang={lang} a={a} />
      <div className={pane.actions}>
        <Button
          disabledFocusable={writer.busy}
          onClick={() => writer.write(() => comparisonLayout(comparison, { date: new Date().toISOString().slice(0, 10), sheetLang: lang }))}
        >
          {a.generateComparison}
        </Button>
      </div>
      <Written busy={writer.busy} outcome={writer.outcome} writing={a.writingComparison} a={a} lang={lang} workbook={workbook} />
    </>
  );
}

function ComparisonTable({ comparison, english, lang, a }: { comparison: Comparison; english: ReadonlyMap<string, string>; lang: Lang; a: AnalysisStrings }) {
  const s = useStyles();
  const pane = usePaneStyles();
  const select = useSelectStyles();
  const fw = comparison.framework;
  const [indicator, setIndicator] = useState(fw.root);
  const [scope, setScope] = useState<Scope>("city");
  const [sort, setSort] = useState<SortKey>("newRank");
  const k = Math.max(0, comparison.codes.indexOf(indicator));
  const code = comparison.codes[k];
  const oldLabel = a.yearLabel(comparison.oldLabel);
  const newLabel = a.yearLabel(comparison.newLabel);

  const rows = comparison.districts.map((d, i) => ({ d, i, x: d.indicators[k], r: d.indicators[k][scope] }));
  // Ranks read best as 1 first; value and rank changes as the biggest rise first.
  const keyOf = (row: (typeof rows)[number]) => (sort === "newRank" ? row.r.new : sort === "change" ? -row.x.change : -row.r.change);
  rows.sort((p, q) => keyOf(p) - keyOf(q) || p.r.new - q.r.new || p.i - q.i);

  const name = (id: string) => (lang === "en" ? (fw.indicators.get(id)?.nameEn ?? id) : (fw.indicators.get(id)?.nameZh ?? id));
  const ariaSort = (key: SortKey) => (sort === key ? (key === "newRank" ? "ascending" : "descending") : undefined);
  const signed = (x: number) => (x > 0 ? `+${fixed2(x)}` : fixed2(x));
  const sortLabels: Record<SortKey, string> = { newRank: a.sortNewRank(newLabel), change: a.sortChange, rankChange: a.sortRankChange };
  return (
    <>
      <IndicatorSelect framework={fw} codes={comparison.codes} value={code} onChange={setIndicator} label={a.indicator} lang={lang} />
      <ScopeSelect value={scope} onChange={setScope} a={a} whole={textOf(comparison.words.whole, lang)} />
      <Field label={a.sortLabel}>
        <Select className={select.root} select={{ className: select.select }} value={sort} onChange={(_, d) => setSort(d.value as SortKey)}>
          {(Object.keys(sortLabels) as SortKey[]).map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
            </option>
          ))}
        </Select>
      </Field>
      <table className={pane.table}>
        <caption>{a.compareCaption(oldLabel, newLabel, `${code} ${name(code)}`)}</caption>
        <thead>
          <tr>
            <th scope="col" className={pane.text}>
              {a.district}
            </th>
            <th scope="col" className={pane.numHead}>
              {a.newValue(newLabel)}
            </th>
            <th scope="col" className={pane.numHead} aria-sort={ariaSort("change")}>
              {a.change}
            </th>
            <th scope="col" className={pane.numHead} aria-sort={ariaSort("newRank") ?? ariaSort("rankChange")}>
              {a.ranks(oldLabel, newLabel)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ d, x, r }) => (
            <tr key={d.district}>
              <th scope="row" className={mergeClasses(pane.text, pane.nowrap)}>
                {lang === "en" ? (english.get(d.district) ?? d.district) : d.district}
              </th>
              <td className={pane.num}>{fixed2(x.new)}</td>
              <td className={pane.num} title={`${oldLabel} ${fixed2(x.old)}`}>
                {signed(x.change)}
              </td>
              <td className={s.rank}>
                <span className={s.part}>{r.old}</span>
                {" → "}
                <span className={s.part}>{r.new}</span>
                <span className={mergeClasses(s.move, r.change > 0 ? s.up : r.change < 0 ? s.down : undefined)} aria-hidden="true">
                  {r.change > 0 ? `↑${r.change}` : r.change < 0 ? `↓${-r.change}` : "="}
                </span>
                <span className={s.hidden}>{rankChangeWords(a, r.change)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.onlyOld.length > 0 && <p className={pane.hint}>{a.onlyIn(oldLabel, comparison.onlyOld.join("、"))}</p>}
      {comparison.onlyNew.length > 0 && <p className={pane.hint}>{a.onlyIn(newLabel, comparison.onlyNew.join("、"))}</p>}
    </>
  );
}

/** English district names, from this year's dataset (the comparison keeps ids only). */
const english = (model: Model) => new Map(model.scores!.dataset.districts.map((d) => [d.id, d.en ?? d.id]));
