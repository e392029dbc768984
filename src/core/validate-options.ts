// What validation reads and is told: the table as cells, and the assessment it belongs to.
import type { Roster } from "./district";
import type { Region } from "./district";
import type { Framework } from "./framework";
import type { CoefficientSpec, ProfileWords } from "./profile";
import type { Rounding } from "./score";

export interface InputTable {
  /** Sheet name, for messages. */
  sheet?: string;
  /** Zero-based sheet position of the header row's first cell (default A1). */
  origin?: { row: number; col: number };
  /** The header row, then one row per district. */
  rows: readonly (readonly unknown[])[];
}

export interface ValidateOptions {
  framework: Framework;
  /** Known districts. Without one, any name is accepted and the region column is required. */
  roster?: Roster;
  /** Every roster district must be present (a ranking over a partial city would mislead). */
  expectAll?: boolean;
  /** Above this an index number is suspicious (warning). Raw statistics pass Infinity. */
  plausibleMax?: number;
  /** Raw statistics (growth rates) may be negative; the normalisation then decides. */
  allowNegative?: boolean;
  label?: string;
  rounding?: Rounding;
  /** Known regions in report order (a profile's); others are named as the table writes them. */
  regions?: readonly Region[];
  /** The composite's coefficient column; `null`: the assessment has none. Default: a generic one. */
  coefficient?: CoefficientSpec | null;
  /** The assessment's words (行政区, 全市 …) for messages and sheets. */
  words?: ProfileWords;
  /**
   * How to give another entity list, said once when most names match no known entity (the
   * roster is a profile's built-in list rather than one the user gave).
   */
  rosterHint?: { zh: string; en: string };
  /** A table without the coefficient column scores without one, and nothing is said (another entity list). */
  coefficientOptional?: boolean;
  /** An empty input cell is kept as NaN for imputation or `--missing skip`, not an error. */
  allowEmpty?: boolean;
}

/** The coefficient a table may carry when no profile says otherwise. */
export const GENERIC_COEFFICIENT: CoefficientSpec = {
  name: { zh: "系数", en: "coefficient" },
  headers: ["coefficient", "系数"],
  min: 0,
  max: 1,
};
