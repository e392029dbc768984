// What the analysis panels read off the shared model. The model compares the years itself when
// it has SCI_Previous; a model that carries last year's scores without a comparison (a test's,
// an older one) gets it here, from the same core call.
import { compare, type Comparison } from "../../core";
import type { Model } from "../types";

export function comparisonOf(model: Model): Comparison | undefined {
  if (model.comparison) return model.comparison;
  if (!model.previous || !model.scores) return undefined;
  return compare(model.previous, model.scores);
}
