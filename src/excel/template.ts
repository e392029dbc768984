/* global Excel */
import type { Framework, Lang, Text } from "../core";
import { regionOf, type District } from "../core";
import type { Dataset } from "../core";
import type { Profile } from "../core";
import { dataset2020, defaultProfile } from "../data";
import { type WriteFailure, Syncs, rollback, widthPoints } from "./batch";
import { type Exists, loadNames, selectExisting } from "./existing";
import { INPUT_TABLE } from "./input";
import { freshNames } from "./names";

/** The template's sheets, named in the pane's language when inserted (the tables' names never change). */
export const INPUT_SHEET_NAME: Text = { zh: "SCI 输入", en: "SCI Input" };
export const FRAMEWORK_SHEET_NAME: Text = { zh: "SCI 指标体系", en: "SCI Framework" };
export const INPUT_SHEET = INPUT_SHEET_NAME.zh;
export const FRAMEWORK_SHEET = FRAMEWORK_SHEET_NAME.zh;

/** An empty template (districts and regions only) or one filled with the published 2020 data. */
export type TemplateKind = "empty" | "2020";

export type TemplateResult = { ok: true; inputSheet: string; frameworkSheet: string; syncs: number } | Exists | WriteFailure;

type Cell = string | number | null;

/** `5G建设应用 (A1.1)`: the name an evaluator reads, the code validation keys on. */
export const indicatorHeader = (fw: Framework, code: string) => `${fw.indicators.get(code)!.nameZh} (${code})`;

/** The input table: header, then one row per district (values blank, or from `data`). */
export function templateRows(
  fw: Framework = defaultProfile.framework,
  districts: readonly District[] = defaultProfile.districts,
  data?: Dataset,
  profile: Profile = defaultProfile,
): Cell[][] {
  const coef = profile.coefficient;
  const header: Cell[] = [profile.words.entity.zh, "区域", ...fw.leaves.map((c) => indicatorHeader(fw, c)), ...(coef ? [coef.name.zh] : [])];
  const L = fw.leaves.length;
  const rows = districts.map((d): Cell[] => {
    const i = data ? data.districts.findIndex((x) => x.id === d.id) : -1;
    const values = fw.leaves.map((code): Cell => {
      if (i < 0 || !data) return null;
      const j = data.framework.leaves.indexOf(code);
      return j < 0 ? null : data.inputs[i * L + j];
    });
    return [d.id, regionOf(d.region, profile.regions).zh, ...values, ...(coef ? [i < 0 || !data ? null : data.coefficients[i]] : [])];
  });
  return [header, ...rows];
}

/** Each indicator's weight in the composite: the product of the weights on its path. */
export function effectiveWeights(fw: Framework): Float64Array {
  const out = new Float64Array(fw.order.length);
  fw.order.forEach((_, k) => {
    let w = 1;
    for (let i = k; i > 0; i = fw.parentOf[i]) w *= fw.weightOf[i];
    out[k] = w;
  });
  return out;
}

export const FRAMEWORK_HEADER = ["代码", "层级", "序号", "上级", "中文名称", "English", "权重", "综合权重"];

/** The indicator tree, pre-order, with relative and effective weights as numbers. */
export function frameworkRows(fw: Framework = defaultProfile.framework): Cell[][] {
  const eff = effectiveWeights(fw);
  return [
    FRAMEWORK_HEADER,
    ...fw.order.map((code, k): Cell[] => {
      const ind = fw.indicators.get(code)!;
      return [code, ind.level, ind.no ?? null, ind.parent ?? null, ind.nameZh, ind.nameEn, ind.weight, eff[k]];
    }),
  ];
}

const TEXT = "@";

function writeInputSheet(ws: Excel.Worksheet, rows: Cell[][]): void {
  const cols = rows[0].length;
  // Names and regions are text; the header row too. Text is formatted before it is written.
  ws.getRangeByIndexes(0, 0, rows.length, cols).numberFormat = rows.map((row, r) => row.map((_, c) => (r === 0 || c < 2 ? TEXT : "0.00")));
  ws.getRangeByIndexes(0, 0, rows.length, cols).values = rows.map((row) => row.map((v) => v ?? ""));
  const table = ws.tables.add(ws.getRangeByIndexes(0, 0, rows.length, cols), true);
  table.name = INPUT_TABLE;
  ws.getRangeByIndexes(0, 0, 1, cols).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  ws.getRangeByIndexes(0, 0, 1, 2).format.columnWidth = widthPoints(10);
  ws.getRangeByIndexes(0, 2, 1, cols - 2).format.columnWidth = widthPoints(16);
}

function writeFrameworkSheet(ws: Excel.Worksheet, rows: Cell[][]): void {
  const cols = rows[0].length;
  const formats = rows.map((row, r) =>
    row.map((_, c) => (r === 0 || [0, 3, 4, 5].includes(c) ? TEXT : c === 6 ? "# ???/???" : c === 7 ? "0.0000" : "General")),
  );
  ws.getRangeByIndexes(0, 0, rows.length, cols).numberFormat = formats;
  ws.getRangeByIndexes(0, 0, rows.length, cols).values = rows.map((row) => row.map((v) => v ?? ""));
  ws.getRangeByIndexes(0, 0, 1, cols).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  [8, 6, 6, 8, 30, 40, 9, 10].forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w)));
  // Read-only: the tree is shown, not edited here.
  ws.protection.protect();
}

/**
 * Inserts the input template on a new sheet (table `SCI_Input`) and the framework beside it,
 * under fresh names in `lang`, in two round trips. If the workbook already has an `SCI_Input` table,
 * nothing is added: the table is selected and the result says where it is.
 */
export async function insertTemplate(context: Excel.RequestContext, kind: TemplateKind, lang: Lang = "zh"): Promise<TemplateResult> {
  const syncs = new Syncs(context);
  const { tables, sheets: taken } = await loadNames(context, syncs);
  if (tables.some((t) => t.toLowerCase() === INPUT_TABLE.toLowerCase())) return selectExisting(context, syncs, INPUT_TABLE);

  const [inputSheet, frameworkSheet] = freshNames([INPUT_SHEET_NAME[lang], FRAMEWORK_SHEET_NAME[lang]], taken);
  try {
    const sheets = context.workbook.worksheets;
    const input = sheets.add(inputSheet);
    writeInputSheet(input, templateRows(defaultProfile.framework, defaultProfile.districts, kind === "2020" ? dataset2020() : undefined));
    writeFrameworkSheet(sheets.add(frameworkSheet), frameworkRows(defaultProfile.framework));
    input.activate();
    input.getRangeByIndexes(1, 2, 1, 1).select();
    await syncs.sync();
  } catch (e) {
    return rollback(context, [inputSheet, frameworkSheet], syncs, e);
  }
  return { ok: true, inputSheet, frameworkSheet, syncs: syncs.count };
}
