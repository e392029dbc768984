import {
  GENERIC_WORDS,
  decimalsOf,
  meanWords,
  methodNote,
  regionOf,
  type Dataset,
  type GridCell,
  type Lang,
  type ProfileWords,
  type Scores,
  type Text,
} from "../core";
import { Grid, withNote } from "./grid";

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
  /** The sheet's title rows: the first printed large (Chinese), the next as its English line. */
  titleLines?: number[];
  /** Rows of small grey text: the source and date line. */
  notes?: number[];
  /** Average rows, styled as a table's totals. */
  totals?: Block[];
  /** Cells indented from the cell border: entity names. */
  indented?: Block[];
  /** Cells joined into one, the text in the first: a paragraph or a table's prose column. Default none. */
  merged?: Block[];
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
  /** The day the report is written (YYYY-MM-DD), printed on its source line. */
  date?: string;
  /** The language of the sheet names (the pane's, when it writes them); default Chinese. */
  sheetLang?: Lang;
}

export interface ReportOptions {
  /** YYYY-MM-DD for the source line; none: the line names no date. */
  date?: string;
  /** Empty rows under the city table, for the map (see withMap). */
  mapRows?: number;
  /** The language of the sheet names: 排名 2020 一级指标 or Ranking 2020 level 1. Default Chinese. */
  sheetLang?: Lang;
}

/**
 * A sheet's name: its word and the title, cut to `max` (Excel allows 31), never inside a surrogate
 * pair nor ending in a space.
 */
export function sheetName(word: string, title: string, max = 31): string {
  return `${word}${title ? " " + title : ""}`
    .slice(0, max)
    .replace(/[\ud800-\udbff]$/, "")
    .trimEnd();
}

const LEVEL_NAMES = ["", "一级指标", "二级指标", "三级指标", "四级指标", "五级指标"];

/**
 * The ranking sheets' names before any collision suffix: the overall sheet, then one per level.
 * The common part is kept short enough (20 characters, 19 in English) that every level's name
 * and a " (2)" still fit Excel's 31.
 */
export function rankingSheetNames(ds: Dataset, title: string, depth: number, lang: Lang = "zh"): string[] {
  const word = lang === "zh" ? wordsOf(ds).rank.zh : "Ranking";
  const base = sheetName(word, title, lang === "zh" ? 20 : 19);
  const level = (l: number) => (lang === "zh" ? (LEVEL_NAMES[l] ?? `${l}级指标`) : `level ${l}`);
  return [base, ...Array.from({ length: depth }, (_, k) => `${base} ${level(k + 1)}`)];
}

/** The report's tables as plain cell arrays; the CLI and the add-in write the same ones. */
export function reportLayout(s: Scores, title = s.dataset.label ?? "", options: ReportOptions = {}): ReportLayout {
  const fw = s.dataset.framework;
  const depth = Math.max(...fw.order.map((c) => fw.indicators.get(c)!.level));
  const names = rankingSheetNames(s.dataset, title, depth, options.sheetLang);
  const sheets: SheetLayout[] = [overallSheet(s, names[0], title, options)];
  for (let level = 1; level <= depth; level++) {
    const codes = fw.order.filter((c) => fw.indicators.get(c)!.level === level);
    const label = LEVEL_NAMES[level] ?? `${level}级指标`;
    sheets.push(
      indicatorSheet(
        s,
        codes,
        `level${level}`,
        names[level],
        withMethod([`${titleZh(title)}${label}排名`, `${titleEn(title)}level-${level} indicator rankings`], s.dataset),
        title,
        options,
      ),
    );
  }
  // Figures at the assessment's decimals (0.962 for the HDI), 2 unless its framework says.
  const decimals = decimalsOf(fw);
  if (decimals !== 2) for (const sheet of sheets) sheet.numberFormat = decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
  return { title, sheets, ...(options.date ? { date: options.date } : {}), ...(options.sheetLang ? { sheetLang: options.sheetLang } : {}) };
}

/**
 * The source and date line, Chinese then English: where the figures come from (a year's
 * inputs, or `inputs` named: 2019年与2020年输入数据) and when.
 */
export function sourceLines(title: string, date?: string, inputs?: Text): [string, string] {
  const what = inputs ?? { zh: `${titleZh(title) || "本次"}输入数据`, en: `${title ? title + " " : ""}inputs` };
  return [
    `来源：${what.zh}，由 SCI 按评估的指标体系与权重计算${date ? `；生成于 ${date}` : ""}`,
    `Source: ${what.en}, computed by SCI with the assessment's framework and weights${date ? `; generated ${date}` : ""}`,
  ];
}

/** A two-line title with the non-default method said on each line (a geometric-mean ranking never passes for the official one). */
export const withMethod = (lines: [string, string], ds: Dataset): [string, string] => withNote(lines, methodNote(ds));

/** The assessment's words, or generic ones for a dataset that brings none. */
export const wordsOf = (ds: Dataset): ProfileWords => ds.words ?? GENERIC_WORDS;

/** `2020` → `2020年`, any other title as it is, before a Chinese heading. */
export const titleZh = (title: string): string => (/^\d{4}$/.test(title) ? `${title}年` : title ? `${title} ` : "");
export const titleEn = (title: string): string => (title ? `${title} ` : "");

/**
 * The overall sheet: the title, the source line, then the city-wide ranking of every entity
 * (page 1), room for the map under it, then each region's table.
 */
export function overallSheet(s: Scores, name: string, title: string, options: ReportOptions = {}): SheetLayout {
  const fw = s.dataset.framework;
  const K = fw.order.length;
  const w = wordsOf(s.dataset);
  const coef = s.dataset.coefficient;
  const root = fw.indicators.get(fw.root)!;
  const firsts = root.children;
  const head = [w.rank.zh, w.entity.zh, root.nameZh, ...firsts.map((c) => fw.indicators.get(c)!.nameZh), ...(coef ? [coef.name.zh] : [])];
  const codes = [fw.root, ...firsts];
  const g = new Grid();
  g.heading(withMethod([`${titleZh(title)}${root.nameZh}排名`, `${titleEn(title)}${root.nameEn} ranking`], s.dataset), sourceLines(title, options.date));

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
    g.totals.push({ row: g.row, col: 0, rows: 1, cols: head.length + extraHead.length });
    g.push([null, avgLabel, ...codes.map((c) => avg[fw.index.get(c)!]), ...(coef ? [mean] : [])]);
    g.indented.push({ row: first, col: 1, rows: sorted.length + 1, cols: 1 });
    g.numbers.push({ row: first, col: 2, rows: sorted.length + 1, cols: codes.length + (coef ? 1 : 0) });
    // The rank, and the city table's region beside the coefficient, centred.
    if (sorted.length) g.centered.push({ row: first, col: 0, rows: sorted.length, cols: 1 });
    if (sorted.length && extraHead.length) g.centered.push({ row: first, col: head.length, rows: sorted.length, cols: extraHead.length });
    g.tables.push({ key, title: label, row: top, col: 0, rows: g.row - top, cols: head.length + extraHead.length, titleRows: 1 });
    g.push([]);
    return first;
  };

  const all = s.dataset.districts.map((_, i) => i);
  const first = block(`${w.whole.zh} / ${w.whole.en}`, "city", all, s.cityRanks, meanWords(w).zh, s.averages.get("city")!, ["区域"]);
  for (let r = 0; r < (options.mapRows ?? 0); r++) g.push([]);
  for (const r of s.dataset.regions) {
    const members = s.dataset.districts.flatMap((d, i) => (d.region === r.id ? [i] : []));
    block(`${r.zh} / ${r.en}`, r.id, members, s.regionRanks, `${r.zh}平均`, s.averages.get(r.id)!);
  }
  codes.forEach((c, k) =>
    g.charts.push({
      title: `${fw.indicators.get(c)!.nameZh}${title ? " " + title : ""}${methodNote(s.dataset) ? `（${methodNote(s.dataset)!.zh}）` : ""}`,
      categories: { row: first, col: 1, rows: all.length, cols: 1 },
      values: { row: first, col: 2 + k, rows: all.length, cols: 1 },
    }),
  );
  return g.finish("overall", name, 2);
}

function indicatorSheet(s: Scores, codes: string[], key: string, name: string, heading: string[], title: string, options: ReportOptions): SheetLayout {
  const fw = s.dataset.framework;
  const K = fw.order.length;
  const w = wordsOf(s.dataset);
  // An assessment without regions (a list of countries) has one column pair: all, by rank over all.
  const byRegion = s.dataset.regions.length > 0;
  const regions = byRegion ? s.dataset.regions : [{ id: "city", zh: w.whole.zh, en: w.whole.en }];
  const ranksOf = byRegion ? s.regionRanks : s.cityRanks;
  const inScope = (region: string, id: string) => !byRegion || region === id;
  const g = new Grid();
  g.heading(heading, sourceLines(title, options.date));
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
    g.totals.push({ row: g.row, col: 0, rows: byRegion ? 2 : 1, cols: Math.max(3, regions.length * 3) });
    if (byRegion) g.push(regions.flatMap((r) => [null, `${r.zh}平均`, s.averages.get(r.id)![k]]));
    g.push([null, meanWords(w).zh, s.averages.get("city")![k]]);
    regions.forEach((_, r) => g.indented.push({ row: first, col: r * 3 + 1, rows: height + (byRegion ? 2 : 1), cols: 1 }));
    regions.forEach((_, r) => g.numbers.push({ row: first, col: r * 3 + 2, rows: height + (byRegion ? 2 : 1), cols: 1 }));
    if (height) regions.forEach((_, r) => g.centered.push({ row: first, col: r * 3, rows: height, cols: 1 }));
    g.tables.push({ key: code, title: `${ind.nameZh}（${code}）`, row: top, col: 0, rows: g.row - top, cols: Math.max(3, regions.length * 3), titleRows: 1 });
    g.push([]);
  }
  const sheet = g.finish(key, name, 2);
  // The region tables side by side take equal widths, and together the page's width.
  const widths = sheet.columnWidths.map((_, c) => Math.max(...sheet.columnWidths.filter((__, d) => d % 3 === c % 3)));
  const total = widths.reduce((t, x) => t + x, 0);
  const scale = Math.max(1, PORTRAIT_CHARS / Math.max(1, total));
  return { ...sheet, columnWidths: widths.map((x) => Math.floor(x * scale)) };
}

/** Characters across a portrait A4 page between 0.5-inch margins (523 pt, at 7 px a character). */
export const PORTRAIT_CHARS = 94;

/** Members ordered by rank on one indicator; ties keep the input order; those with no rank (0: not scored) last. */
function sortByRank(members: number[], ranks: Int32Array, K: number, k: number): number[] {
  const at = (i: number) => ranks[i * K + k] || Number.MAX_SAFE_INTEGER;
  return [...members].sort((a, b) => at(a) - at(b) || a - b);
}
