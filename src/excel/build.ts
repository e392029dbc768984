// The pure part of the shared model: the workbook's SCI tables (or none) → one assessment, by
// the core's pipeline. No Office.js here; src/excel/model.ts reads the tables and keeps the model.
import { assess, type Assessment, type InputTable, type Profile, type Rounding, type Sources, type SourceTable } from "../core";
import { defaultProfile } from "../data";
import { SOURCE_TABLES } from "./sources";

/** The workbook's assessment, and how many rebuilds changed it. */
export interface Model extends Assessment {
  /** Grows by one with every rebuild that changed something. */
  version: number;
  /**
   * The workbook's SCI_Choices table, as read: formulas over a range (SCI.EVALUATE …) assess
   * their range with the workbook's choices, as the model assesses SCI_Input.
   */
  choicesTable?: SourceTable;
}

export type { Rounding };

/** A stored setting's value as a rounding; anything else (absent, misspelt) is `exact`. */
export const asRounding = (v: unknown): Rounding => (v === "report" ? "report" : "exact");

/** In a workbook, another entity list is given as a table. */
const ROSTER_HINT = {
  zh: `若评估另一组地区，请插入 ${SOURCE_TABLES.districts} 表（列：district, region），可从任务窗格插入`,
  en: `to score another entity list, add an ${SOURCE_TABLES.districts} table (columns district, region); the task pane can insert one`,
};

/** Every SCI table the workbook has → one model (see the core's assess for the decisions). */
export function modelFromSources(s: Sources, version: number, rounding: Rounding = "exact", profile: Profile = defaultProfile): Model {
  return { ...assess(s, profile, { rounding, rosterHint: ROSTER_HINT }), version, ...(s.choices ? { choicesTable: s.choices } : {}) };
}

/** An SCI_Input table (or none) → validated, scored model. */
export function buildModel(table: InputTable | undefined, version: number, rounding: Rounding = "exact", profile: Profile = defaultProfile): Model {
  if (!table) return modelFromSources({}, version, rounding, profile);
  const t: SourceTable = { sheet: table.sheet ?? "", origin: table.origin ?? { row: 0, col: 0 }, rows: table.rows as unknown[][] };
  return modelFromSources({ input: t }, version, rounding, profile);
}
