// The pure part of the shared model: the workbook's SCI tables (or none) → framework, validated
// and scored data, last year's scores and the comparison. No Office.js here; src/excel/model.ts
// reads the tables and keeps the one model.
import { cellAddress, compare, frameworkFromTable, hasErrors, issue, normaliseTable, score, validate, type Comparison, type Dataset, type Framework, type FrameworkRow, type InputTable, type Issue, type NormaliseSettings, type Rounding, type Scores } from "../core";
import { INPUTS_2020, dataset2020, framework2020, shanghaiRoster } from "../data";
import { SOURCE_TABLES, tableLabel, type SourceKind, type Sources, type SourceTable } from "./sources";

export interface Model {
  /** `builtin`: the workbook has neither SCI_Input nor SCI_Raw, so the published 2020 inputs are used. */
  source: "workbook" | "builtin";
  /** Where this year's inputs come from: the 2020 data, SCI_Input, or SCI_Raw normalised by SCI_Settings. */
  mode?: "builtin" | "input" | "raw";
  /** The framework scored with; undefined when the workbook's SCI_Framework has errors. */
  framework?: Framework;
  /** `workbook`: an SCI_Framework table (its framework, or its errors); `builtin`: the 2020 framework. */
  frameworkSource?: "builtin" | "workbook";
  /** This year's index inputs (in raw mode: after normalisation). */
  dataset?: Dataset;
  /** Undefined when this year's inputs or the framework have errors: no figure from a broken table. */
  scores?: Scores;
  /** Raw mode: the raw statistics and the settings that turned them into indices. */
  raw?: Dataset;
  settings?: NormaliseSettings;
  /** SCI_Previous scored with the same framework, when it has no errors. */
  previous?: Scores;
  /** Last year → this year, when both are scored. */
  comparison?: Comparison;
  /** The SCI tables found: name and sheet of each. */
  tables?: Partial<Record<SourceKind, { name: string; sheet: string }>>;
  /** Tables whose errors keep the model from scoring (e.g. ["SCI_Framework"]). */
  errorTables?: string[];
  /** Every issue, grouped by the table it is about (`compare`: the year-over-year comparison). */
  issuesOf?: Partial<Record<SourceKind | "compare" | "workbook", Issue[]>>;
  /** All issues, framework first, then this year's inputs, last year's, the comparison. */
  issues: Issue[];
  /**
   * How computed indices are rounded on the way up, for this year and last year alike:
   * `exact` (full precision) or `report` (each level to 2 decimals, as the 2020 report's tables).
   */
  rounding: Rounding;
  /** Grows by one with every rebuild that changed something. */
  version: number;
}

export type { Rounding };

/** A stored setting's value as a rounding; anything else (absent, misspelt) is `exact`. */
export const asRounding = (v: unknown): Rounding => (v === "report" ? "report" : "exact");

const builtin = new Map<Rounding, { dataset: Dataset; scores: Scores }>();
function builtinData(rounding: Rounding) {
  let data = builtin.get(rounding);
  if (!data) {
    const dataset = dataset2020(rounding);
    data = { dataset, scores: score(dataset) };
    builtin.set(rounding, data);
  }
  return data;
}

/** This year's label when the inputs are the built-in ones, and when a table names no year. */
const BUILTIN_LABEL = "2020";
const THIS_YEAR = "本年";
const LAST_YEAR = "上一年";

/** The pure part, as before: an SCI_Input table (or none) → validated, scored model. */
export function buildModel(table: InputTable | undefined, version: number, rounding: Rounding = "exact"): Model {
  if (!table) return modelFromSources({}, version, rounding);
  const t: SourceTable = { sheet: table.sheet ?? "", origin: table.origin ?? { row: 0, col: 0 }, rows: table.rows as unknown[][] };
  return modelFromSources({ input: t }, version, rounding);
}

/**
 * Every SCI table the workbook has → one model. The order of decisions:
 * 1. SCI_Framework, if present, is checked and replaces the 2020 framework. With errors, the
 *    model carries them and no scores: never a silent fall back to the 2020 framework.
 * 2. This year's inputs: SCI_Input; else SCI_Raw normalised by SCI_Settings (both needed);
 *    else the built-in 2020 inputs (scored with the workbook's framework if it has one).
 * 3. SCI_Previous (index inputs, SCI_Input's layout) is validated with the same framework;
 *    districts may be missing there (a district new this year is listed, not compared).
 *    Its errors are shown but do not block this year's scores.
 * Both years are scored with `rounding`, so the comparison compares like with like.
 */
export function modelFromSources(s: Sources, version: number, rounding: Rounding = "exact"): Model {
  const issuesOf: NonNullable<Model["issuesOf"]> = {};
  const tables: NonNullable<Model["tables"]> = {};
  for (const kind of Object.keys(s) as SourceKind[]) if (s[kind]) tables[kind] = { name: SOURCE_TABLES[kind], sheet: s[kind]!.sheet };
  const mode: Model["mode"] = s.input ? "input" : s.raw ? "raw" : "builtin";
  const base = { source: mode === "builtin" ? ("builtin" as const) : ("workbook" as const), mode, tables, issuesOf, rounding, version };
  const finish = (m: Omit<Model, "issues" | keyof typeof base>): Model => ({
    ...base,
    ...m,
    issues: (["framework", "input", "raw", "settings", "workbook", "previous", "compare"] as const).flatMap((k) => issuesOf[k] ?? []),
  });

  // 1. The framework.
  let framework = framework2020;
  let rows: FrameworkRow[] | undefined;
  const frameworkSource = s.framework ? ("workbook" as const) : ("builtin" as const);
  if (s.framework) {
    const read = frameworkFromTable(s.framework);
    issuesOf.framework = locateFrameworkIssues(read.issues, read.rows, s.framework);
    if (!read.framework) return finish({ frameworkSource, errorTables: [SOURCE_TABLES.framework] });
    framework = read.framework;
    rows = read.rows;
  }
  const opts = { framework, roster: shanghaiRoster, rounding };

  // 2. This year's inputs.
  const notes: Issue[] = [];
  if (s.input && s.raw) notes.push(unused(s.raw, SOURCE_TABLES.raw, `工作簿有 ${SOURCE_TABLES.input} 表，按其计分，${SOURCE_TABLES.raw} 未使用`, `the workbook has an ${SOURCE_TABLES.input} table, which is scored; ${SOURCE_TABLES.raw} is not used`));
  if (s.settings && !s.raw) notes.push(unused(s.settings, SOURCE_TABLES.settings, `没有 ${SOURCE_TABLES.raw} 表，${SOURCE_TABLES.settings} 未使用`, `there is no ${SOURCE_TABLES.raw} table, so ${SOURCE_TABLES.settings} is not used`));
  issuesOf.workbook = notes;

  let dataset: Dataset | undefined;
  let raw: Dataset | undefined;
  let settings: NormaliseSettings | undefined;
  let label = BUILTIN_LABEL;
  const errorTables: string[] = [];
  if (s.input) {
    label = tableLabel(s.input, THIS_YEAR);
    const r = validate(s.input, { ...opts, label });
    issuesOf.input = r.issues;
    dataset = r.dataset;
    if (hasErrors(r.issues)) errorTables.push(SOURCE_TABLES.input);
  } else if (s.raw && s.settings) {
    label = tableLabel(s.raw, THIS_YEAR);
    const r = normaliseTable(s.raw, s.settings, { ...opts, label });
    const onSettings = (i: Issue) => i.cell?.sheet === s.settings!.sheet && s.settings!.sheet !== s.raw!.sheet;
    issuesOf.raw = r.issues.filter((i) => !onSettings(i));
    issuesOf.settings = r.issues.filter(onSettings);
    raw = r.raw;
    settings = r.settings;
    dataset = r.dataset;
    if (!r.raw || (r.settings && !r.dataset)) errorTables.push(SOURCE_TABLES.raw);
    if (!r.settings) errorTables.push(SOURCE_TABLES.settings);
  } else if (s.raw) {
    const c = cellOf(s.raw, 0, 0);
    issuesOf.raw = [
      issue(
        "error",
        "raw-without-settings",
        `${c.full}：原始数据表 ${SOURCE_TABLES.raw} 需要标准化设置表 ${SOURCE_TABLES.settings}（每个三级指标的方法与基准值）；请从任务窗格插入原始数据模板`,
        `${c.full}: the raw-data table ${SOURCE_TABLES.raw} needs a normalisation settings table ${SOURCE_TABLES.settings} (method and benchmark per input indicator); insert the raw-data template from the task pane`,
        { cell: c.cell },
      ),
    ];
    errorTables.push(SOURCE_TABLES.raw);
  } else if (frameworkSource === "builtin") {
    dataset = builtinData(rounding).dataset;
  } else {
    const r = builtinUnder(framework, rows ?? [], s.framework!, rounding);
    issuesOf.input = r.issues;
    dataset = r.dataset;
    if (!dataset) errorTables.push(SOURCE_TABLES.framework);
  }
  const ok = dataset && errorTables.length === 0;
  const scores = ok ? (mode === "builtin" && frameworkSource === "builtin" ? builtinData(rounding).scores : score(dataset!)) : undefined;

  // 3. Last year.
  let previous: Scores | undefined;
  let comparison: Comparison | undefined;
  if (s.previous) {
    let oldLabel = tableLabel(s.previous, LAST_YEAR);
    let newLabel = label;
    if (oldLabel === newLabel) [oldLabel, newLabel] = [LAST_YEAR, THIS_YEAR];
    const r = validate(s.previous, { ...opts, expectAll: false, label: oldLabel });
    issuesOf.previous = r.issues;
    if (r.dataset && !hasErrors(r.issues)) previous = score(r.dataset);
    if (previous && scores) {
      comparison = compare(previous, scores, { old: oldLabel, new: newLabel });
      issuesOf.compare = comparison.issues;
    }
  }
  return finish({ frameworkSource, framework, dataset: scores?.dataset ?? dataset, scores, raw, settings, previous, comparison, errorTables });
}

function cellOf(t: SourceTable, row: number, col: number) {
  const address = cellAddress(t.origin.row + row, t.origin.col + col);
  return { full: `${t.sheet}!${address}`, cell: { sheet: t.sheet, address, row: t.origin.row + row, col: t.origin.col + col } };
}

function unused(t: SourceTable, name: string, zh: string, en: string): Issue {
  const c = cellOf(t, 0, 0);
  return issue("warning", "table-unused", `${c.full}：${zh}`, `${c.full}: ${en}`, { cell: c.cell });
}

/** Adds a cell to an issue and, if its message does not name the sheet yet, names it. */
function place(i: Issue, c: ReturnType<typeof cellOf>): Issue {
  // The framework checks say `Sheet!第5行 …` / `Sheet!row 5: …`; the cell is more precise.
  const sheet = `${c.cell.sheet}!`;
  const strip = (s: string, row: RegExp) => (s.startsWith(sheet) && row.test(s.slice(sheet.length)) ? s.slice(sheet.length).replace(row, "") : s);
  return { ...i, cell: c.cell, zh: `${c.full}：${strip(i.zh, /^第\d+行\s*/)}`, en: `${c.full}: ${strip(i.en, /^row \d+:\s*/)}` };
}

/**
 * The framework checks name rows; an evaluator needs a cell to click. Every issue is pointed
 * at the cell to fix: a bad weight at its weight cell, sibling weights not summing to 1 at the
 * first child's weight, other indicator problems at the indicator's code cell.
 */
function locateFrameworkIssues(issues: Issue[], rows: readonly FrameworkRow[], t: SourceTable): Issue[] {
  const header = (t.rows[0] ?? []).map((h) => String(h ?? "").trim().toLowerCase());
  const col = (...names: string[]) => Math.max(0, header.findIndex((h) => names.includes(h)));
  const codeCol = col("code", "代码");
  const weightCol = col("weight", "权重");
  const noCol = col("no", "序号");
  const rowOf = (code: string | undefined) => rows.find((r) => r.code === code)?.source?.row;
  const at = (sheetRow: number, c: number) => cellOf(t, sheetRow - t.origin.row, c);
  return issues.map((i) => {
    if (i.code === "framework-missing-column" || i.code === "framework-bad-no") return i; // already exact
    let row = i.cell?.row ?? rowOf(i.indicator);
    let c = codeCol;
    if (i.code === "framework-bad-weight") c = weightCol;
    if (i.code === "framework-duplicate-no") c = noCol;
    if (i.code === "framework-weights") {
      const child = rows.find((r) => r.parent === i.indicator);
      row = child?.source?.row ?? row;
      c = weightCol;
    }
    if (i.code === "framework-root") row = rows.find((r) => !r.parent)?.source?.row ?? t.origin.row;
    return row === undefined ? i : place(i, at(row, c));
  });
}

/**
 * The built-in 2020 inputs under the workbook's framework (reweighted, or with indicators
 * dropped): an evaluator sees the effect of new weights at once. An indicator the 2020 data
 * lacks needs an input table; the issue points at the framework row that added it.
 */
function builtinUnder(fw: Framework, rows: readonly FrameworkRow[], t: SourceTable, rounding: Rounding): { dataset?: Dataset; issues: Issue[] } {
  const r = validate({ rows: INPUTS_2020 }, { framework: fw, roster: shanghaiRoster, label: BUILTIN_LABEL, rounding });
  const issues: Issue[] = [];
  const codeCol = Math.max(0, (t.rows[0] ?? []).findIndex((h) => ["code", "代码"].includes(String(h ?? "").trim().toLowerCase())));
  for (const i of r.issues) {
    if (i.severity !== "error") continue; // 2020 columns the framework dropped are simply unused
    if (i.code !== "missing-column") {
      issues.push({ ...i, cell: undefined }); // the built-in table is on no sheet
      continue;
    }
    const code = i.indicator;
    const ind = code ? fw.indicators.get(code) : undefined;
    const row = rows.find((x) => x.code === code)?.source?.row;
    const zh = `内置 2020 数据没有指标 ${code ?? ""}（${ind?.nameZh ?? ""}）的输入值；请插入输入模板（${SOURCE_TABLES.input}）并填写`;
    const en = `the built-in 2020 data has no input for ${code ?? ""} (${ind?.nameEn ?? ""}); insert the input template (${SOURCE_TABLES.input}) and fill it in`;
    const placed = issue("error", "framework-needs-input", zh, en, { indicator: code });
    issues.push(row === undefined ? placed : place(placed, cellOf(t, row - t.origin.row, codeCol)));
  }
  return { dataset: issues.length ? undefined : r.dataset, issues };
}
