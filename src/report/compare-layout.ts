// The year-over-year comparison as sheets: plain cells, written alike by the CLI and the add-in.
import { rankChangeText, regionOf, type Comparison, type Lang, type RankChange } from "../core";
import type { LayoutCell, ReportLayout, SheetLayout } from "./layout";

const RANK_HEAD = (scope: string, scopeEn: string, o: string, n: string) => [
  `${o}${scope}排名 / ${scopeEn} rank ${o}`,
  `${n}${scope}排名 / ${scopeEn} rank ${n}`,
  `${scope}排名变化 / ${scopeEn} rank change`,
  `说明 / note`,
];

/**
 * The comparison as sheets: an overview of the composite (districts by new rank) and one long
 * table of every district and indicator, ready to filter. Plain cells, as every layout.
 */
/** `sheetLang`: the language of the sheet names (the pane's); default Chinese. */
export function comparisonLayout(c: Comparison, sheetLang: Lang = "zh"): ReportLayout {
  const fw = c.framework;
  const root = fw.indicators.get(fw.root)!;
  const span = `${c.oldLabel}→${c.newLabel}`;
  const valueHead = [c.oldLabel, c.newLabel, "变化 / change"];
  const rankCells = (r: RankChange): LayoutCell[] => [r.old, r.new, r.change, rankChangeText(r.change)];
  const regionName = (id: string) => regionOf(id, c.regions).zh;
  const { entity, whole } = c.words;

  // Overview: the composite, districts by new city rank.
  const rootAt = c.codes.indexOf(fw.root);
  const overview: LayoutCell[][] = [
    [`${root.nameZh}变化 ${span} / Change in the ${root.nameEn}, ${span}${c.method}`],
    [],
    [
      `${entity.zh} / ${entity.en}`,
      "区域 / region",
      ...valueHead,
      ...RANK_HEAD(whole.zh, whole.en.toLowerCase(), c.oldLabel, c.newLabel),
      ...RANK_HEAD("区内", "region", c.oldLabel, c.newLabel),
    ],
  ];
  const first = overview.length;
  const sorted = rootAt < 0 ? [] : [...c.districts].sort((a, b) => a.indicators[rootAt].city.new - b.indicators[rootAt].city.new);
  for (const d of sorted) {
    const x = d.indicators[rootAt];
    overview.push([d.district, regionName(d.region), x.old, x.new, x.change, ...rankCells(x.city), ...rankCells(x.region)]);
  }
  if (c.onlyOld.length || c.onlyNew.length) {
    overview.push([]);
    if (c.onlyOld.length) overview.push([`仅见于${c.oldLabel} / only in ${c.oldLabel}`, c.onlyOld.join("、")]);
    if (c.onlyNew.length) overview.push([`仅见于${c.newLabel} / only in ${c.newLabel}`, c.onlyNew.join("、")]);
  }

  // Detail: every indicator × district.
  const detail: LayoutCell[][] = [
    [`各指标变化 ${span} / Change in every indicator, ${span}${c.method}`],
    [],
    [
      "代码 / code",
      "指标 / indicator",
      `${entity.zh} / ${entity.en}`,
      "区域 / region",
      ...valueHead,
      ...RANK_HEAD(whole.zh, whole.en.toLowerCase(), c.oldLabel, c.newLabel),
      ...RANK_HEAD("区内", "region", c.oldLabel, c.newLabel),
    ],
  ];
  c.codes.forEach((code, k) => {
    for (const d of c.districts) {
      const x = d.indicators[k];
      detail.push([
        code,
        fw.indicators.get(code)!.nameZh,
        d.district,
        regionName(d.region),
        x.old,
        x.new,
        x.change,
        ...rankCells(x.city),
        ...rankCells(x.region),
      ]);
    }
  });

  const name = (what: string) => `${what} ${span}`.slice(0, 31);
  return {
    title: span,
    sheets: [
      sheet("compare-overview", name(sheetLang === "zh" ? "对比" : "Comparison"), overview, first, sorted.length, 2, [0, 2]),
      sheet("compare-detail", name(sheetLang === "zh" ? "对比明细" : "Comparison detail"), detail, 3, detail.length - 3, 4, [0, 2]),
    ],
  };
}

function sheet(key: string, name: string, rows: LayoutCell[][], first: number, n: number, valueCol: number, headerRows: number[]): SheetLayout {
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => [...r, ...Array<LayoutCell>(width - r.length).fill(null)]);
  return {
    key,
    name,
    cells,
    numbers: n ? [{ row: first, col: valueCol, rows: n, cols: 3 }] : [],
    headerRows,
    freezeRows: first,
    titleLines: headerRows.includes(0) ? [0] : [],
    tables: n ? [{ key, title: name, row: first - 1, col: 0, rows: n + 1, cols: width }] : [],
    // The ranks: old, new and change, over the city and within the region (each before its note).
    centered: n ? [3, 7].map((k) => ({ row: first, col: valueCol + k, rows: n, cols: 3 })) : [],
    charts: [],
    columnWidths: Array.from({ length: width }, (_, k) => (k === 1 && key === "compare-detail" ? 24 : k === width - 1 || k === width - 5 ? 30 : 12)),
  };
}
