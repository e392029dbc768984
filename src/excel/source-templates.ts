/* global Excel */
// Templates for the other SCI tables: an editable framework (SCI_Framework), raw statistics
// with their normalisation settings (SCI_Raw + SCI_Settings), last year's inputs (SCI_Previous).
// Each goes on fresh sheets in two round trips; an existing table is never replaced.
import {
  choicesTemplate,
  frameworkTable,
  rosterTemplate,
  settingsTemplate,
  type Framework,
  type FrameworkRow,
  type Lang,
  type Profile,
  type Text,
} from "../core";
import type { LayoutCell } from "../report";
import { dataset2020, defaultFrameworkRows, defaultProfile } from "../data";
import { type WriteFailure, Syncs, rollback, widthPoints } from "./batch";
import { type Exists, loadNames, selectExisting } from "./existing";
import { freshNames } from "./names";
import { SOURCE_TABLES } from "./sources";
import { templateRows } from "./template";

/** Each table's sheet, named in the pane's language when inserted; SCI finds its tables by table name, never by sheet name. */
export const SHEET_NAMES = {
  framework: { zh: "SCI 指标体系（可编辑）", en: "SCI Framework (editable)" },
  raw: { zh: "SCI 原始数据", en: "SCI Raw data" },
  settings: { zh: "SCI 标准化设置", en: "SCI Normalisation" },
  previous: { zh: "SCI 上一年", en: "SCI Previous year" },
  districts: { zh: "SCI 名单", en: "SCI Entities" },
  choices: { zh: "SCI 计算选项", en: "SCI Choices" },
} satisfies Record<string, Text>;

export const EDITABLE_FRAMEWORK_SHEET = SHEET_NAMES.framework.zh;
export const RAW_SHEET = SHEET_NAMES.raw.zh;
export const SETTINGS_SHEET = SHEET_NAMES.settings.zh;
export const PREVIOUS_SHEET = SHEET_NAMES.previous.zh;

export type InsertResult = { ok: true; sheets: string[]; tables: string[]; syncs: number; notice?: Text } | (Exists & { table: string }) | WriteFailure;

type Cell = LayoutCell;
const TEXT = "@";

/** One table to write on its own new sheet: an optional title in A1, the table below it. */
interface SheetPlan {
  sheet: string;
  table: string;
  title?: string;
  rows: Cell[][];
  /** Number format of each column's body cells (the header and title are text). */
  formats: string[];
  widths: number[];
}

function writeSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
  const top = plan.title ? 1 : 0;
  const cols = plan.rows[0].length;
  if (plan.title) {
    ws.getRangeByIndexes(0, 0, 1, 1).numberFormat = [[TEXT]];
    ws.getRangeByIndexes(0, 0, 1, 1).values = [[plan.title]];
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  }
  const all = ws.getRangeByIndexes(top, 0, plan.rows.length, cols);
  // Formats first, so text (codes, names, weights like 1/5) is stored as text, never a date or formula.
  all.numberFormat = plan.rows.map((row, r) => row.map((_, c) => (r === 0 ? TEXT : plan.formats[c])));
  all.values = plan.rows.map((row) => row.map((v) => v ?? ""));
  const table = ws.tables.add(ws.getRangeByIndexes(top, 0, plan.rows.length, cols), true);
  table.name = plan.table;
  ws.getRangeByIndexes(top, 0, 1, cols).format.font.bold = true;
  ws.freezePanes.freezeRows(top + 1);
  plan.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w)));
}

/**
 * Writes each plan on a new sheet under fresh names, in two round trips. If any of `guard`
 * (table names) exists already, nothing is added: that table is selected and the result says
 * where it is. A failure removes the sheets this call added.
 */
async function insertSheets(
  context: Excel.RequestContext,
  guard: readonly string[],
  plans: SheetPlan[],
  notice?: (tables: string[]) => Text | undefined,
): Promise<InsertResult> {
  const syncs = new Syncs(context);
  const { tables: existing, sheets: taken } = await loadNames(context, syncs);
  const clash = guard.find((g) => existing.some((n) => n.toLowerCase() === g.toLowerCase()));
  if (clash) return { ...(await selectExisting(context, syncs, clash)), table: clash };

  const names = freshNames(
    plans.map((p) => p.sheet),
    taken,
  );
  try {
    const sheets = context.workbook.worksheets;
    const added = plans.map((plan, k) => {
      const ws = sheets.add(names[k]);
      writeSheet(ws, { ...plan, sheet: names[k] });
      return ws;
    });
    added[0].activate();
    added[0].getRangeByIndexes(plans[0].title ? 2 : 1, plans[0].table === SOURCE_TABLES.framework ? 6 : 2, 1, 1).select();
    await syncs.sync();
  } catch (e) {
    return rollback(context, names, syncs, e);
  }
  const result: InsertResult = { ok: true, sheets: names, tables: plans.map((p) => p.table), syncs: syncs.count };
  const note = notice?.(existing);
  return note ? { ...result, notice: note } : result;
}

const has = (tables: string[], name: string) => tables.some((t) => t.toLowerCase() === name.toLowerCase());

/**
 * An editable copy of a framework (default the 2020 one, weights as exact fractions such as
 * 9/40) as the table SCI_Framework, framework.csv's columns, on a new sheet. Once it exists the
 * model checks it and scores with it. The read-only framework sheet beside the input stays.
 */
export function insertFrameworkTable(
  context: Excel.RequestContext,
  rows: readonly FrameworkRow[] = defaultFrameworkRows,
  lang: Lang = "zh",
): Promise<InsertResult> {
  const plan: SheetPlan = {
    sheet: SHEET_NAMES.framework[lang],
    table: SOURCE_TABLES.framework,
    title:
      "可编辑的指标体系：增删指标、改名或改权重后，SCI 按此表计分。同级权重之和须为 1（可写 9/40、0.225 或 22.5%）；新增的三级指标须在 SCI_Input 中有对应列 / " +
      "Editable framework: add, drop, rename or reweight indicators and SCI scores with this table. Sibling weights must sum to 1 (9/40, 0.225 or 22.5%); a new input indicator needs its column in SCI_Input",
    rows: frameworkTable(rows),
    // code, level, no, parent, name_zh, name_en, weight: weights stay text so 1/5 is never a date.
    formats: [TEXT, "General", "General", TEXT, TEXT, TEXT, TEXT],
    widths: [9, 6, 6, 9, 30, 40, 9],
  };
  return insertSheets(context, [SOURCE_TABLES.framework], [plan]);
}

/**
 * Raw-data mode: SCI_Raw (SCI_Input's layout: districts, regions, one column per input
 * indicator, the coefficient; values empty) and SCI_Settings (one row per input indicator:
 * method `ratio`, direction `higher`, benchmark and cap empty). The benchmarks must be filled
 * in before anything is scored: until then the model lists each missing one with its cell —
 * a guessed default benchmark would produce plausible-looking but meaningless indices.
 * SCI_Input, if present, takes precedence; the result's notice says so.
 */
export function insertRawTemplate(context: Excel.RequestContext, fw: Framework = defaultProfile.framework, lang: Lang = "zh"): Promise<InsertResult> {
  const raw = templateRows(fw, defaultProfile.districts);
  const settings = settingsTemplate(fw);
  const plans: SheetPlan[] = [
    {
      sheet: SHEET_NAMES.raw[lang],
      table: SOURCE_TABLES.raw,
      rows: raw,
      formats: raw[0].map((_, c) => (c < 2 ? TEXT : "General")),
      widths: raw[0].map((_, c) => (c < 2 ? 10 : 16)),
    },
    {
      sheet: SHEET_NAMES.settings[lang],
      table: SOURCE_TABLES.settings,
      title:
        "标准化方法：ratio = 100×值/基准值；inverse = 100×基准值/值（越小越好）；minmax；zscore；index（已是指数）。ratio 与 inverse 须填基准值；上限可选 / " +
        "Methods: ratio = 100×value/benchmark; inverse = 100×benchmark/value (less is better); minmax; zscore; index (already an index). ratio and inverse need a benchmark; the cap is optional",
      rows: settings,
      formats: [TEXT, TEXT, TEXT, "General", "General", TEXT],
      widths: [10, 28, 12, 14, 10, 12],
    },
  ];
  return insertSheets(context, [SOURCE_TABLES.raw, SOURCE_TABLES.settings], plans, (tables) =>
    has(tables, SOURCE_TABLES.input)
      ? {
          zh: `工作簿已有 ${SOURCE_TABLES.input} 表，SCI 按其计分；删除或改名该表后才使用原始数据`,
          en: `The workbook has an ${SOURCE_TABLES.input} table, which SCI scores; the raw data is used once that table is deleted or renamed`,
        }
      : undefined,
  );
}

export type PreviousKind = "empty" | "2020";

/**
 * Last year's inputs: SCI_Previous with SCI_Input's layout under a title in A1 that names the
 * year (the comparison takes its label from a year in the title, else the sheet name). Empty,
 * or filled with the published 2020 data to try the comparison out.
 */
export function insertPreviousTable(
  context: Excel.RequestContext,
  kind: PreviousKind,
  fw: Framework = defaultProfile.framework,
  label?: string,
  lang: Lang = "zh",
): Promise<InsertResult> {
  const year = label?.trim();
  const title = year
    ? `上一年输入（${year}） / Last year's inputs (${year})`
    : kind === "2020"
      ? "上一年输入（示例：2020 年公布的数据） / Last year's inputs (example: the published 2020 data)"
      : "上一年输入：请在此标题中写上年份 / Last year's inputs: write the year into this title";
  const rows = templateRows(fw, defaultProfile.districts, kind === "2020" ? dataset2020() : undefined);
  const plan: SheetPlan = {
    sheet: SHEET_NAMES.previous[lang],
    table: SOURCE_TABLES.previous,
    title,
    rows,
    formats: rows[0].map((_, c) => (c < 2 ? TEXT : "0.00")),
    widths: rows[0].map((_, c) => (c < 2 ? 10 : 16)),
  };
  return insertSheets(context, [SOURCE_TABLES.previous], [plan]);
}

export const DISTRICTS_SHEET = SHEET_NAMES.districts.zh;

/** The entity list as a table: district, region, full_name, name_en, code (a profile's, to edit). */
export const districtRows = (profile: Profile = defaultProfile): (string | null)[][] => rosterTemplate(profile);

/**
 * SCI_Districts, prefilled with the profile's entities: edit it to score another list (another
 * city's districts, a province's counties, 街镇). Once it exists the model uses it instead of the
 * built-in list, its regions as written.
 */
export function insertDistrictsTable(context: Excel.RequestContext, profile: Profile = defaultProfile, lang: Lang = "zh"): Promise<InsertResult> {
  const rows = districtRows(profile);
  const plan: SheetPlan = {
    sheet: SHEET_NAMES.districts[lang],
    table: SOURCE_TABLES.districts,
    title:
      "评估对象名单：SCI 按此表识别、排名并按区域分组（区域即此表所写）。可改为另一组地区 / " +
      "Entity list: SCI ranks these and groups them by region as written here. Replace it to score another list",
    rows,
    formats: [TEXT, TEXT, TEXT, TEXT, TEXT],
    widths: [12, 12, 16, 16, 10],
  };
  return insertSheets(context, [SOURCE_TABLES.districts], [plan]);
}

export const CHOICES_SHEET = SHEET_NAMES.choices.zh;

/**
 * SCI_Choices: the builder's choices (imputation, outlier treatment, missing values, aggregation),
 * one row each with its value empty. Filled in, the model scores with them, as `sci score
 * --impute … --treat jrc` does; every imputed or treated cell is then listed as a warning.
 */
export function insertChoicesTable(context: Excel.RequestContext, lang: Lang = "zh"): Promise<InsertResult> {
  const rows = choicesTemplate();
  const plan: SheetPlan = {
    sheet: SHEET_NAMES.choices[lang],
    table: SOURCE_TABLES.choices,
    title:
      "计算选项：在 value 列填写后按此计算（插补 → 异常值处理 → 标准化 → 汇总）；留空即按报告的方法 / " +
      "Choices: fill in the value column and SCI scores with them (impute → treat → normalise → aggregate); empty means the report's method",
    rows,
    formats: [TEXT, TEXT, TEXT],
    widths: [14, 16, 70],
  };
  return insertSheets(context, [SOURCE_TABLES.choices], [plan]);
}
