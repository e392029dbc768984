// What a ranking was computed with, when that is not the report's method: every title that
// shows such figures says so, so a geometric-mean ranking never passes for the official one.
import type { Dataset } from "./dataset";

/** The choices that change the figures, as recorded on the dataset that was scored. */
export interface Method {
  impute?: "region-mean" | "region-median" | "city-mean" | "city-median";
  treat?: "jrc";
  missing?: "skip" | "error";
  aggregation?: "arithmetic" | "geometric";
}

const IMPUTE: Record<NonNullable<Method["impute"]>, [string, string]> = {
  "region-mean": ["空值按区域均值插补", "empty cells filled with the region mean"],
  "region-median": ["空值按区域中位数插补", "empty cells filled with the region median"],
  "city-mean": ["空值按总体均值插补", "empty cells filled with the overall mean"],
  "city-median": ["空值按总体中位数插补", "empty cells filled with the overall median"],
};

/**
 * The non-default choices behind a dataset's scores, both languages, in pipeline order (impute →
 * treat → missing → aggregation → rounding); undefined for the report's own method.
 */
export function methodNote(ds: Dataset): { zh: string; en: string } | undefined {
  const m = ds.method ?? {};
  const parts: [string, string][] = [];
  if (m.impute) parts.push(IMPUTE[m.impute]);
  if (m.treat === "jrc") parts.push(["JRC 异常值处理", "JRC outlier treatment"]);
  if (m.missing === "skip") parts.push(["空值按现有指标汇总", "empty cells skipped"]);
  if (m.aggregation === "geometric") parts.push(["几何平均", "geometric mean"]);
  if (ds.rounding === "report") parts.push(["逐级保留两位小数", "rounded to 2 decimals at each level"]);
  if (!parts.length) return undefined;
  return { zh: parts.map((p) => p[0]).join("，"), en: parts.map((p) => p[1]).join(", ") };
}

/** A title's suffix: `（几何平均 / geometric mean）`, or "" for the report's method. */
export function methodSuffix(ds: Dataset): string {
  const n = methodNote(ds);
  return n ? `（${n.zh} / ${n.en}）` : "";
}
