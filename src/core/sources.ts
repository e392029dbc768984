// The tables an assessment reads, by role, as an edge hands them over: the workbook's SCI tables,
// or the CLI's files. Names are SCI's conventions, not any assessment's.
import type { InputTable } from "./validate";

/** Table names by role. Excel compares table names ignoring case; so does SCI. */
export const SOURCE_TABLES = {
  input: "SCI_Input",
  framework: "SCI_Framework",
  raw: "SCI_Raw",
  settings: "SCI_Settings",
  previous: "SCI_Previous",
  districts: "SCI_Districts",
  choices: "SCI_Choices",
} as const;

export type SourceKind = keyof typeof SOURCE_TABLES;
export const SOURCE_KINDS = Object.keys(SOURCE_TABLES) as SourceKind[];

/** A table as read: header and rows, where it sits, and the cell above it (a title). */
export interface SourceTable extends InputTable {
  /** The sheet's name (in the CLI: the file's). */
  sheet: string;
  origin: { row: number; col: number };
  rows: unknown[][];
  /** Excel's table id, so edits to other tables can be told apart. */
  id?: string;
  /** The text of A1 when the table does not cover it: a title such as `2019 年输入`. */
  title?: string;
  /** Excel's id of the sheet holding the table, so its recalculations can be followed. */
  sheetId?: string;
}

export type Sources = { [K in SourceKind]?: SourceTable };

/** A year (1990–2099) in a title or sheet name: `2019 年输入` → `2019`. */
export function yearIn(text: string | undefined): string | undefined {
  // No lookbehind: older Safari webviews (Excel on Mac) cannot parse it.
  return text ? /(?:^|\D)(19[89]\d|20\d\d)(?!\d)/.exec(text)?.[1] : undefined;
}

/**
 * What a year's table is called in comparisons: the year in its title cell or sheet name, else
 * the title itself (if short), else `fallback`.
 */
export function tableLabel(t: Pick<SourceTable, "sheet" | "title">, fallback: string): string {
  const year = yearIn(t.title) ?? yearIn(t.sheet);
  if (year) return year;
  if (t.title && t.title.length <= 20) return t.title;
  return fallback;
}
