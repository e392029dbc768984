import { issue, type Issue } from "../issue";
import { competitionRanks } from "../ranks";
import type { Scores } from "../score";
import { aggregate, type Aggregation } from "./aggregate";
import { coherence, type Coherence } from "./coherence";
import { importance, type Importance } from "./importance";
import type { Imputed } from "./impute";
import { removeOne, type RemoveOne } from "./remove-one";
import type { Treatment } from "./treat";

export interface AggregationComparison {
  district: string;
  arithmetic: number;
  /** Null when some value is 0 or below (the geometric mean is undefined there). */
  geometric: number | null;
}

/** The statistical audit of one scored model, as the JRC audits a composite index. */
export interface Audit extends Coherence {
  importance: Importance[];
  removeOne: RemoveOne[];
  /** City ranks of the composite under arithmetic and geometric aggregation, same weights. */
  aggregation: AggregationComparison[];
  treatments: Treatment[];
  imputed: Imputed[];
}

/**
 * Coherence, importance, remove-one and the aggregation comparison over a scored model (from
 * score() or prepare()). Statistics that are undefined are null, each with a warning saying why.
 */
export function audit(s: Scores, extra: { treatments?: Treatment[]; imputed?: Imputed[]; aggregation?: Aggregation } = {}): { result: Audit; issues: Issue[] } {
  const ds = s.dataset;
  const fw = ds.framework;
  const n = ds.districts.length;
  const issues: Issue[] = [];
  const c = coherence(fw, s.values, n);
  for (const ind of c.indicators) {
    const i = fw.indicators.get(ind.code)!;
    if (ind.sd === 0 || (ind.sd !== null && ind.skew === null && ind.n >= 3))
      issues.push(
        issue(
          "warning",
          "audit-constant",
          `${ind.code} ${i.nameZh}：各区数值相同，偏度、峰度和相关系数无定义`,
          `${ind.code} ${i.nameEn}: every district has the same value; skewness, kurtosis and correlations are undefined`,
          { indicator: ind.code },
        ),
      );
    else if (ind.skew === null || ind.kurtosis === null)
      issues.push(
        issue(
          "warning",
          "audit-too-few",
          `${ind.code} ${i.nameZh}：数值个数 ${ind.n} 太少，偏度（需 3 个）或峰度（需 4 个）无定义`,
          `${ind.code} ${i.nameEn}: ${ind.n} values are too few for skewness (3) or kurtosis (4)`,
          { indicator: ind.code },
        ),
      );
  }
  for (const { parent, alpha } of c.cronbach)
    if (alpha === null) {
      const p = fw.indicators.get(parent)!;
      issues.push(
        issue(
          "warning",
          "audit-alpha-undefined",
          `${parent} ${p.nameZh}：下级指标之和无方差，Cronbach α 无定义`,
          `${parent} ${p.nameEn}: the sum of its children has no variance; Cronbach's alpha is undefined`,
          { indicator: parent },
        ),
      );
    }
  const method = extra.aggregation ?? "arithmetic";
  const arithmetic = competitionRanks(Array.from({ length: n }, (_, i) => s.values[i * fw.order.length]));
  const geo = aggregate(ds, { method: "geometric", missing: "skip" });
  const geometric = geo.values ? competitionRanks(Array.from({ length: n }, (_, i) => geo.values![i * fw.order.length])) : null;
  if (!geo.values) {
    const first = geo.issues.find((x) => x.severity === "error")!;
    const where = [first.cell && `${first.cell.sheet ? first.cell.sheet + "!" : ""}${first.cell.address}`, first.district, first.indicator].filter(Boolean);
    issues.push(
      issue(
        "warning",
        "audit-geometric-undefined",
        `几何平均聚合不可用：须全部指标值大于 0（${where.join("，")}）`,
        `geometric aggregation is unavailable: every value must be above 0 (${where.join(", ")})`,
        { cell: first.cell, district: first.district, indicator: first.indicator },
      ),
    );
  }
  return {
    result: {
      ...c,
      importance: importance(fw, s.values, n),
      removeOne: removeOne(ds, { method }),
      aggregation: ds.districts.map((d, i) => ({ district: d.id, arithmetic: arithmetic[i], geometric: geometric ? geometric[i] : null })),
      treatments: extra.treatments ?? [],
      imputed: extra.imputed ?? [],
    },
    issues,
  };
}
