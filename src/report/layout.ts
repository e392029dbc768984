import { GENERIC_WORDS, decimalsOf, methodNote, methodSuffix, regionOf, type Dataset, type GridCell, type ProfileWords, type Scores } from "../core";
import { displayWidth } from "./width";

/** A cell of a generated sheet. Strings are always text, never formulas, in every writer. */
export type LayoutCell = GridCell;

/** A block of cells, zero-based. */
export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface TableLayout extends Block {
  /** Indicator code, or `overall` / `city`. */
  key: string;
  title: string;
  /** Rows at the block's top that title it, printed above the ruled table. Default 0. */
  titleRows?: number;
}

export interface ChartLayout {
  title: string;
  /** District names (one column). */
  categories: Block;
  /** Values (one column), same rows as categories. */
  values: Block;
}

/** A picture over a block of cells (the map beside the overall table), and its size in px. */
export interface PictureLayout extends Block {
  key: string;
  /** Its alternative text. */
  title: string;
  /** The picture as an SVG document (Excel takes it as a shape; the CLI draws it as PNG). */
  svg: string;
  width: number;
  height: number;
}

export interface SheetLayout {
  key: "overall" | "level1" | "level2" | "level3" | string;
  /** The sheet name to write, before any collision suffix. At most 31 characters. */
  name: string;
  cells: LayoutCell[][];
  /** Blocks formatted `0.00` (or `numberFormat`). */
  numbers: Block[];
  /** The number blocks' format when not `0.00`: the assessment's decimals. */
  numberFormat?: string;
  /** Rows printed bold: titles and headers. */
  headerRows: number[];
  /** Rows frozen at the top. */
  freezeRows: number;
  tables: TableLayout[];
  charts: ChartLayout[];
  columnWidths: number[];
  /** Blocks centred: rank columns. Default none. */
  centered?: Block[];
  /** Pictures placed over cells beside the tables, printed with them. Default none. */
  pictures?: PictureLayout[];
  /** Native colour-scale conditional formats (a correlation matrix's heat map). Default none. */
  colorScales?: ColorScale[];
}

/**
 * A three-colour scale over a block: `low` at `min`, `mid` at `mid`, `high` at `max` (RGB hex),
 * written as the workbook's own conditional format so it follows the cells if they change.
 */
export interface ColorScale extends Block {
  min: number;
  mid: number;
  max: number;
  colors: { low: string; mid: string; high: string };
}

export interface ReportLayout {
  title: string;
  sheets: SheetLayout[];
}

const LEVEL_NAMES = ["", "一级指标", "二级指标", "三级指标", "四级指标", "五级指标"];

/** The report's tables as plain cell arrays; the CLI and the add-in write the same ones. */
export function reportLayout(s: Scores, title = s.dataset.label ?? ""): ReportLayout {
  const fw = s.dataset.framework;
  const base = `${wordsOf(s.dataset).rank.zh}${title ? " " + title : ""}`.slice(0, 20);
  const sheets: SheetLayout[] = [overallSheet(s, base, title)];
  const depth = Math.max(...fw.order.map((c) => fw.indicators.get(c)!.level));
  for (let level = 1; level <= depth; level++) {
    const codes = fw.order.filter((c) => fw.indicators.get(c)!.level === level);
    const label = LEVEL_NAMES[level] ?? `${level}级指标`;
    sheets.push(
      indicatorSheet(
        s,
        codes,
        `level${level}`,
        `${base} ${label}`,
        `${titleZh(title)}${label}排名 / ${titleEn(title)}level-${level} indicator rankings${methodSuffix(s.dataset)}`,
      ),
    );
  }
  // Figures at the assessment's decimals (0.962 for the HDI), 2 unless its framework says.
  const decimals = decimalsOf(fw);
  if (decimals !== 2) for (const sheet of sheets) sheet.numberFormat = decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
  return { title, sheets };
}

class Grid {
  cells: LayoutCell[][] = [];
  numbers: Block[] = [];
  headerRows: number[] = [];
  tables: TableLayout[] = [];
  charts: ChartLayout[] = [];
  centered: Block[] = [];
  get row() {
    return this.cells.length;
  }
  push(row: LayoutCell[], header = false) {
    if (header) this.headerRows.push(this.cells.length);
    this.cells.push(row);
  }
  /** Pads every row to the widest so writers get a rectangle. */
  finish(key: string, name: string, freezeRows: number): SheetLayout {
    const width = Math.max(1, ...this.cells.map((r) => r.length));
    const cells = this.cells.map((r) => [...r.map(shown), ...Array<LayoutCell>(width - r.length).fill(null)]);
    const columnWidths = Array.from({ length: width }, (_, c) =>
      Math.min(40, Math.max(6, ...cells.map((r) => (typeof r[c] === "string" ? textWidth(r[c] as string) : 8)))),
    );
    // Titles span the sheet; they should not widen the first column.
    columnWidths[0] = Math.min(columnWidths[0], 14);
    return {
      key,
      name,
      cells,
      numbers: this.numbers,
      headerRows: this.headerRows,
      freezeRows,
      tables: this.tables,
      charts: this.charts,
      columnWidths,
      centered: this.centered,
    };
  }
}

/**
 * Numbers as written to a sheet: 15 significant digits, as Excel keeps them. 103.245 computed
 * as 103.24499999999999 would otherwise print 103.24 in LibreOffice though SCI ranks it as 103.25.
 */
const shown = (v: LayoutCell): LayoutCell => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(15)) : v);

/** A column fits its text plus a margin. */
const textWidth = (t: string) => displayWidth(t) + 2;

/** The assessment's words, or generic ones for a dataset that brings none. */
export const wordsOf = (ds: Dataset): ProfileWords => ds.words ?? GENERIC_WORDS;

/** `2020` → `2020年`, any other title as it is, before a Chinese heading. */
export const titleZh = (title: string): string => (/^\d{4}$/.test(title) ? `${title}年` : title ? `${title} ` : "");
const titleEn = (title: string): string => (title ? `${title} ` : "");

function overallSheet(s: Scores, name: string, title: string): SheetLayout {
  const fw = s.dataset.framework;
  const K = fw.order.length;
  const w = wordsOf(s.dataset);
  const coef = s.dataset.coefficient;
  const root = fw.indicators.get(fw.root)!;
  const firsts = root.children;
  const head = [w.rank.zh, w.entity.zh, root.nameZh, ...firsts.map((c) => fw.indicators.get(c)!.nameZh), ...(coef ? [coef.name.zh] : [])];
  const codes = [fw.root, ...firsts];
  const g = new Grid();
  g.push([`${titleZh(title)}${root.nameZh}排名 / ${titleEn(title)}${root.nameEn} ranking${methodSuffix(s.dataset)}`], true);
  g.push([]);

  const row = (i: number, rank: number): LayoutCell[] => [
    rank || "—", // not scored: no rank
    s.dataset.districts[i].id,
    ...codes.map((c) => s.values[i * K + fw.index.get(c)!]),
    ...(coef ? [s.dataset.coefficients[i]] : []),
  ];
  const block = (label: string, key: string, members: number[], ranks: Int32Array, avgLabel: string, avg: Float64Array, extraHead: string[] = []) => {
    const top = g.row;
    g.push([label], true);
    g.push([...head, ...extraHead], true);
    const sorted = sortByRank(members, ranks, K, fw.index.get(fw.root)!);
    const first = g.row;
    for (const i of sorted)
      g.push([...row(i, ranks[i * K + fw.index.get(fw.root)!]), ...(extraHead.length ? [regionOf(s.dataset.districts[i].region, s.dataset.regions).zh] : [])]);
    const mean = members.reduce((t, i) => t + s.dataset.coefficients[i], 0) / Math.max(1, members.length);
    g.push([null, avgLabel, ...codes.map((c) => avg[fw.index.get(c)!]), ...(coef ? [mean] : [])]);
    g.numbers.push({ row: first, col: 2, rows: sorted.length + 1, cols: codes.length + (coef ? 1 : 0) });
    // The rank, and the city table's region beside the coefficient, centred.
    if (sorted.length) g.centered.push({ row: first, col: 0, rows: sorted.length, cols: 1 });
    if (sorted.length && extraHead.length) g.centered.push({ row: first, col: head.length, rows: sorted.length, cols: extraHead.length });
    g.tables.push({ key, title: label, row: top, col: 0, rows: g.row - top, cols: head.length + extraHead.length, titleRows: 1 });
    g.push([]);
    return first;
  };

  for (const r of s.dataset.regions) {
    const members = s.dataset.districts.flatMap((d, i) => (d.region === r.id ? [i] : []));
    block(`${r.zh} / ${r.en}`, r.id, members, s.regionRanks, `${r.zh}平均`, s.averages.get(r.id)!);
  }
  const all = s.dataset.districts.map((_, i) => i);
  const first = block(`${w.whole.zh} / ${w.whole.en}`, "city", all, s.cityRanks, `${w.whole.zh}平均`, s.averages.get("city")!, ["区域"]);
  codes.forEach((c, k) =>
    g.charts.push({
      title: `${fw.indicators.get(c)!.nameZh}${title ? " " + title : ""}${methodNote(s.dataset) ? `（${methodNote(s.dataset)!.zh}）` : ""}`,
      categories: { row: first, col: 1, rows: all.length, cols: 1 },
      values: { row: first, col: 2 + k, rows: all.length, cols: 1 },
    }),
  );
  return g.finish("overall", name, 1);
}

function indicatorSheet(s: Scores, codes: string[], key: string, name: string, heading: string): SheetLayout {
  const fw = s.dataset.framework;
  const K = fw.order.length;
  const w = wordsOf(s.dataset);
  // An assessment without regions (a list of countries) has one column pair: all, by rank over all.
  const byRegion = s.dataset.regions.length > 0;
  const regions = byRegion ? s.dataset.regions : [{ id: "city", zh: w.whole.zh, en: w.whole.en }];
  const ranksOf = byRegion ? s.regionRanks : s.cityRanks;
  const inScope = (region: string, id: string) => !byRegion || region === id;
  const g = new Grid();
  g.push([heading], true);
  g.push([]);
  for (const code of codes) {
    const ind = fw.indicators.get(code)!;
    const k = fw.index.get(code)!;
    const top = g.row;
    const number = ind.no !== undefined ? `${ind.no}. ` : "";
    g.push([`${number}${ind.nameZh}（${code}）/ ${ind.nameEn}`], true);
    g.push(
      regions.flatMap((r) => [r.zh, null, null]),
      true,
    );
    g.push(
      regions.flatMap(() => [w.rank.zh, w.entity.zh, "指数值"]),
      true,
    );
    const columns = regions.map((r) =>
      sortByRank(
        s.dataset.districts.flatMap((d, i) => (inScope(d.region, r.id) ? [i] : [])),
        ranksOf,
        K,
        k,
      ),
    );
    const height = Math.max(0, ...columns.map((c) => c.length));
    const first = g.row;
    for (let m = 0; m < height; m++)
      g.push(
        columns.flatMap((col) =>
          m < col.length ? [ranksOf[col[m] * K + k] || "—", s.dataset.districts[col[m]].id, s.values[col[m] * K + k]] : [null, null, null],
        ),
      );
    if (byRegion) g.push(regions.flatMap((r) => [null, `${r.zh}平均`, s.averages.get(r.id)![k]]));
    g.push([null, `${w.whole.zh}平均`, s.averages.get("city")![k]]);
    regions.forEach((_, r) => g.numbers.push({ row: first, col: r * 3 + 2, rows: height + (byRegion ? 2 : 1), cols: 1 }));
    if (height) regions.forEach((_, r) => g.centered.push({ row: first, col: r * 3, rows: height, cols: 1 }));
    g.tables.push({ key: code, title: `${ind.nameZh}（${code}）`, row: top, col: 0, rows: g.row - top, cols: Math.max(3, regions.length * 3), titleRows: 1 });
    g.push([]);
  }
  return g.finish(key, name, 1);
}

/** Members ordered by rank on one indicator; ties keep the input order; those with no rank (0: not scored) last. */
function sortByRank(members: number[], ranks: Int32Array, K: number, k: number): number[] {
  const at = (i: number) => ranks[i * K + k] || Number.MAX_SAFE_INTEGER;
  return [...members].sort((a, b) => at(a) - at(b) || a - b);
}
