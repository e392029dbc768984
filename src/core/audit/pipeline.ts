import type { Dataset } from "../dataset";
import { hasErrors, type Issue } from "../issue";
import { normalise, type NormaliseSettings } from "../normalise";
import { scoresOf, type Scores } from "../score";
import { aggregate, type Aggregation, type Missing } from "./aggregate";
import { impute, type Imputation, type Imputed } from "./impute";
import { treat, type Treatment } from "./treat";

/** The builders' choices, all opt-in. Without any, the result is score()'s exactly. */
export interface Choices {
  impute?: Imputation;
  treat?: "jrc";
  missing?: Missing;
  aggregation?: Aggregation;
  /**
   * The share of its children's weight a parent needs where its framework row states no rule
   * (1: all, as the HDI; 0: any, the weighted mean of those present, as the EPI). Given, empty
   * values are expected: the rule decides who is scored.
   */
  coverage?: number;
  /** Raw-data mode: `ds` holds raw statistics, normalised by these settings after treatment. */
  settings?: NormaliseSettings;
}

export interface Prepared {
  scores: Scores;
  /** The same choices without treatment, for comparison (only when treatment was chosen). */
  untreated?: Scores;
  treatments: Treatment[];
  imputed: Imputed[];
}

/**
 * impute → treat → normalise → aggregate, in that order (as COINr's stages). Every imputed
 * cell and every treated value is a warning naming its cell. Never throws.
 */
export function prepare(ds: Dataset, choices: Choices = {}): { result?: Prepared; issues: Issue[] } {
  const issues: Issue[] = [];
  let current = ds;
  let imputed: Imputed[] = [];
  if (choices.impute) {
    const r = impute(current, choices.impute);
    issues.push(...r.issues);
    if (!r.dataset) return { issues };
    current = r.dataset;
    imputed = r.imputed;
  }
  const untreatedInput = current;
  let treatments: Treatment[] = [];
  if (choices.treat === "jrc") {
    const r = treat(current);
    issues.push(...r.issues);
    current = r.dataset;
    treatments = r.treatments;
  }
  const scoreOf = (input: Dataset, report: boolean): Scores | undefined => {
    let indexed = input;
    if (choices.settings) {
      const r = normalise(input, choices.settings);
      if (report) issues.push(...r.issues);
      if (!r.dataset) return undefined;
      indexed = r.dataset;
    }
    const a = aggregate(indexed, { method: choices.aggregation, missing: choices.missing, coverage: choices.coverage });
    if (report) issues.push(...a.issues);
    // The scores remember the choices, so every title can say them.
    const method = { impute: choices.impute, treat: report ? choices.treat : undefined, missing: choices.missing, aggregation: choices.aggregation };
    return a.values ? scoresOf({ ...indexed, method }, a.values) : undefined;
  };
  const scores = scoreOf(current, true);
  if (!scores || hasErrors(issues)) return { issues };
  const untreated = choices.treat ? scoreOf(untreatedInput, false) : undefined;
  return { result: { scores, untreated, treatments, imputed }, issues };
}
