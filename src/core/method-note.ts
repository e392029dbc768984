// What a ranking was computed with, when that is not the report's method: every title that
// shows such figures says so, so a geometric-mean ranking never passes for the official one.
import type { Dataset } from "./dataset";
import { decimalsOf } from "./framework";

/** The choices that change the figures, as recorded on the dataset that was scored. */
export interface Method {
  impute?: "region-mean" | "region-median" | "city-mean" | "city-median";
  treat?: "jrc";
  missing?: "skip" | "error";
  aggregation?: "arithmetic" | "geometric" | "harmonic";
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
  if (m.aggregation === "harmonic") parts.push(["调和平均", "harmonic mean"]);
  if (ds.coverage !== undefined && ds.coverage < 1) {
    const share = ds.coverage === 0 ? ["有数据即可", "any data"] : [`${+(ds.coverage * 100).toFixed(1)}%`, `${+(ds.coverage * 100).toFixed(1)}%`];
    parts.push([`按覆盖规则（${share[0]}）评分`, `coverage rule: ${share[1]}`]);
  }
  if (ds.rounding === "report") {
    const d = decimalsOf(ds.framework);
    parts.push([`逐级保留${d === 2 ? "两" : d}位小数`, `rounded to ${d} decimals at each level`]);
  }
  if (!parts.length) return undefined;
  return { zh: parts.map((p) => p[0]).join("，"), en: parts.map((p) => p[1]).join(", ") };
}

/** A title's suffix: `（几何平均 / geometric mean）`, or "" for the report's method. */
export function methodSuffix(ds: Dataset): string {
  const n = methodNote(ds);
  return n ? `（${n.zh} / ${n.en}）` : "";
}
