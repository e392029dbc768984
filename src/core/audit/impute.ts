import type { Dataset } from "../dataset";
import type { Issue } from "../issue";
import { mean, median } from "./stats";
import { cellIssue } from "./where";

/**
 * How an empty input is filled: the mean or median of that indicator over the district's
 * region, or over every district (COINr's `Impute` with `i_mean_grp` / `i_median_grp`, and
 * `i_mean` / `i_median`). Computed on the values as given, before treatment or normalisation.
 */
export type Imputation = "region-mean" | "region-median" | "city-mean" | "city-median";
export const IMPUTATIONS: readonly Imputation[] = ["region-mean", "region-median", "city-mean", "city-median"];

export interface Imputed {
  district: string;
  indicator: string;
  value: number;
  /** The cell that was empty, when the dataset knows it (`SCI_Input!C5`). */
  cell?: string;
}

/**
 * Fills every empty (NaN) input. Every filled cell is a warning naming it; a cell whose group
 * has no value at all cannot be filled and is an error. Values present never change.
 */
export function impute(ds: Dataset, method: Imputation): { dataset?: Dataset; imputed: Imputed[]; issues: Issue[] } {
  const fw = ds.framework;
  const n = ds.districts.length;
  const L = fw.leaves.length;
  const inputs = Float64Array.from(ds.inputs);
  const imputed: Imputed[] = [];
  const issues: Issue[] = [];
  const [scope, stat] = method.split("-") as ["region" | "city", "mean" | "median"];
  const words = { region: ["区域", "region's"], city: ["全部", "whole set's"] }[scope];
  const statWords = { mean: ["均值", "mean"], median: ["中位数", "median"] }[stat];
  fw.leaves.forEach((leaf, j) => {
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(ds.inputs[i * L + j])) continue;
      const group: number[] = [];
      for (let m = 0; m < n; m++) {
        const x = ds.inputs[m * L + j];
        if (!Number.isNaN(x) && (scope === "city" || ds.districts[m].region === ds.districts[i].region)) group.push(x);
      }
      const value = stat === "mean" ? mean(group) : median(group);
      if (value === null) {
        issues.push(
          cellIssue(
            ds,
            "error",
            "impute-no-values",
            i,
            leaf,
            `指标值为空，且${words[0]}内没有可用于插补的值`,
            `the value is empty and the ${words[1]} values hold none to impute it from`,
          ),
        );
        continue;
      }
      inputs[i * L + j] = value;
      const is = cellIssue(
        ds,
        "warning",
        "imputed",
        i,
        leaf,
        `空值已按${words[0]}${statWords[0]}插补为 ${+value.toFixed(4)}（${group.length} 个值）`,
        `empty value imputed as the ${words[1]} ${statWords[1]}, ${+value.toFixed(4)} (of ${group.length} values)`,
      );
      issues.push(is);
      imputed.push({
        district: ds.districts[i].id,
        indicator: leaf,
        value,
        ...(is.cell ? { cell: `${is.cell.sheet ? is.cell.sheet + "!" : ""}${is.cell.address}` } : {}),
      });
    }
  });
  if (issues.some((x) => x.severity === "error")) return { imputed, issues };
  return { dataset: { ...ds, inputs }, imputed, issues };
}
