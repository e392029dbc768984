import type { District, Region } from "./district";
import type { Rounding } from "./score";
import type { Aggregation } from "./walk";
import type { Method } from "./method-note";
import type { Framework } from "./framework";
import type { CoefficientSpec, ProfileWords } from "./profile";

/**
 * Validated inputs, ready to score. `inputs` is row-major: district i's value for leaf j
 * is `inputs[i * leaves.length + j]`.
 */
export interface Dataset {
  framework: Framework;
  districts: readonly District[];
  regions: readonly Region[];
  inputs: Float64Array;
  coefficients: Float64Array;
  /** How computed indices are rounded on the way up (default `exact`). */
  rounding?: Rounding;
  /** How parents that state no aggregation combine their children (default arithmetic). */
  aggregation?: Aggregation;
  /** The share of its children's weight a parent that states no rule needs (default 1: all). */
  coverage?: number;
  /** The builder's choices these values went through (absent: the report's method); see method-note.ts. */
  method?: Method;
  /** The assessment's words (行政区, 全市 …), for sheets and messages. */
  words?: ProfileWords;
  /** The coefficient's spec; absent: the assessment has none (every coefficient is 1). */
  coefficient?: CoefficientSpec;
  /** The assessment's name, e.g. `2020`. */
  label?: string;
  /** Where each value came from, so later messages can name the cell. */
  source?: { sheet?: string; rowOf: readonly number[]; colOf: ReadonlyMap<string, number> };
}

export function inputOf(ds: Dataset, district: number, leaf: number): number {
  return ds.inputs[district * ds.framework.leaves.length + leaf];
}
