// The year-over-year comparison as sheets: plain cells, written alike by the CLI and the add-in,
// laid out as the ranking's (a two-line title, the source and date line, ruled tables).
import { meanWords, rankChangeText, regionOf, type Comparison, type Lang, type RankChange } from "../core";
import { Grid, withNote } from "./grid";
import { sourceLines, titleZh, type LayoutCell, type ReportLayout } from "./layout";
import { displayWidth } from "./width";

/**
 * The header in two rows: a group over each set of columns (the indicator's value, the rank over
 * all, the rank in the region), then each column under it: the years, the change and its note.
 */
function header(lead: string[], valueGroup: string, whole: { zh: string; en: string }, o: string, n: string): [LayoutCell[], LayoutCell[]] {
  const blanks = lead.map(() => null);
  const years = [o, n, "变化 / change"];
  return [
    [...blanks, valueGroup, null, null, `${whole.zh}排名 / ${whole.en.toLowerCase()} rank`, null, null, null, "区内排名 / rank in region", null, null, null],
    [...lead, ...years, ...years, "说明 / note", ...years, "说明 / note"],
  ];
}

export interface ComparisonOptions {
  /** YYYY-MM-DD for the source line; none: the line names no date. */
  date?: string;
  /** The language of the sheet names (the pane's); default Chinese. */
  sheetLang?: Lang;
}

/** Display width of one line of names listed under a table. */
const LIST_WIDTH = 80;

/**
 * The comparison as sheets: an overview of the composite (entities by new rank, then the mean
 * over all of them) and one long table of every entity and indicator, ready to filter.
 */
export function comparisonLayout(c: Comparison, options: ComparisonOptions = {}): ReportLayout {
  const fw = c.framework;
  const sheetLang = options.sheetLang ?? "zh";
  const root = fw.indicators.get(fw.root)!;
  const span = `${c.oldLabel}→${c.newLabel}`;
  const rankCells = (r: RankChange): LayoutCell[] => [r.old, r.new, r.change, rankChangeText(r.change)];
  const regionName = (id: string) => regionOf(id, c.regions).zh;
  const { entity, whole } = c.words;
  const inputs = { zh: `${titleZh(c.oldLabel).trim()}与${titleZh(c.newLabel).trim()}输入数据`, en: `${c.oldLabel} and ${c.newLabel} inputs` };
  const source = sourceLines("", options.date, inputs);
  const name = (what: string) => `${what} ${span}`.slice(0, 31);

  // Overview: the composite, entities by new rank over all, then the mean over all as totals.
  const o = new Grid();
  o.heading(withNote([`${root.nameZh}变化 ${span}`, `Change in the ${root.nameEn}, ${span}`], c.note), source);
  const rootAt = c.codes.indexOf(fw.root);
  const head = o.row;
  for (const r of header([`${entity.zh} / ${entity.en}`, "区域 / region"], "指数值 / value", whole, c.oldLabel, c.newLabel)) o.push(r, true);
  const first = o.row;
  const sorted = rootAt < 0 ? [] : [...c.districts].sort((a, b) => a.indicators[rootAt].city.new - b.indicators[rootAt].city.new);
  for (const d of sorted) {
    const x = d.indicators[rootAt];
    o.push([d.district, regionName(d.region), x.old, x.new, x.change, ...rankCells(x.city), ...rankCells(x.region)]);
  }
  const n = sorted.length;
  const cols = o.cells[first - 1].length;
  if (n) {
    const m = c.means[rootAt];
    o.totals.push({ row: o.row, col: 0, rows: 1, cols });
    o.push([meanWords(c.words).zh, null, m.old, m.new, m.new - m.old]);
    // Names, regions and the notes' words set in from the cell border.
    o.indented.push({ row: first, col: 0, rows: n + 1, cols: 2 }, ...[8, 12].map((col) => ({ row: first, col, rows: n, cols: 1 })));
    o.numbers.push({ row: first, col: 2, rows: n + 1, cols: 3 });
    // The ranks: old, new and change, over all and within the region (each before its note).
    o.centered.push(...[5, 9].map((col) => ({ row: first, col, rows: n, cols: 3 })));
  }
  o.tables.push({ key: "compare-overview", title: name("对比"), row: head, col: 0, rows: o.row - head, cols });
  if (c.onlyOld.length || c.onlyNew.length) o.push([]);
  for (const [label, ids] of [
    [c.oldLabel, c.onlyOld],
    [c.newLabel, c.onlyNew],
  ] as const)
    if (ids.length) listLines(`仅见于${label} / only in ${label}：`, ids).forEach((l) => o.line(l));

  // Detail: every indicator × entity.
  const d = new Grid();
  d.heading(withNote([`各指标变化 ${span}`, `Change in every indicator, ${span}`], c.note), source);
  const dHead = d.row;
  const lead = ["代码 / code", "指标 / indicator", `${entity.zh} / ${entity.en}`, "区域 / region"];
  for (const r of header(lead, "指数值 / value", whole, c.oldLabel, c.newLabel)) d.push(r, true);
  const dFirst = d.row;
  c.codes.forEach((code, k) => {
    for (const e of c.districts) {
      const x = e.indicators[k];
      d.push([code, fw.indicators.get(code)!.nameZh, e.district, regionName(e.region), x.old, x.new, x.change, ...rankCells(x.city), ...rankCells(x.region)]);
    }
  });
  const rows = d.row - dFirst;
  if (rows) {
    d.indented.push({ row: dFirst, col: 1, rows, cols: 3 }, ...[10, 14].map((col) => ({ row: dFirst, col, rows, cols: 1 })));
    d.numbers.push({ row: dFirst, col: 4, rows, cols: 3 });
    d.centered.push(...[7, 11].map((col) => ({ row: dFirst, col, rows, cols: 3 })));
  }
  d.tables.push({ key: "compare-detail", title: name("对比明细"), row: dHead, col: 0, rows: rows + 2, cols: cols + 2 });

  return {
    title: span,
    sheets: [
      o.finish("compare-overview", name(sheetLang === "zh" ? "对比" : "Comparison"), first),
      d.finish("compare-detail", name(sheetLang === "zh" ? "对比明细" : "Comparison detail"), dFirst),
    ],
    ...(options.date ? { date: options.date } : {}),
  };
}

/** A label and names (、-separated) as lines of at most LIST_WIDTH, so no line runs off the page. */
function listLines(label: string, ids: readonly string[]): string[] {
  const lines: string[] = [];
  let line = label;
  ids.forEach((id, i) => {
    const part = `${id}${i < ids.length - 1 ? "、" : ""}`;
    if (line !== label && line !== "" && displayWidth(line + part) > LIST_WIDTH) {
      lines.push(line);
      line = "";
    }
    line += part;
  });
  lines.push(line);
  return lines;
}
