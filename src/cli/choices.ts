import { AGGREGATIONS, IMPUTATIONS, coverageShare, type Choices } from "../core";
import { usageError, type Options, type Values } from "./command";
import { text } from "./inputs";

/** The builders' choices every scoring command can take: impute → treat → normalise → aggregate. */
export const CHOICE_OPTIONS: Options = {
  impute: { type: "string" },
  treat: { type: "string" },
  missing: { type: "string" },
  aggregation: { type: "string" },
  coverage: { type: "string" },
};

export const COVERAGE_HELP = `  --coverage C      覆盖规则：all（上级指标须全部下级有值，默认）| any（按现有下级加权平均）| 50%（所需权重比例）；
                    给出时空值不是错误，未达规则的对象不评分、不排名，并逐一说明
                    the coverage rule: all (a parent needs every child, the default) | any (the weighted
                    mean of those with data) | 50% (the share of weight needed); given, an empty value is
                    no error: an entity the rule leaves unscored gets no rank and is listed with the reason`;

export const CHOICE_HELP = `  --impute M        空值插补：region-mean | region-median | city-mean | city-median（按原始值，每个插补单元格都列为警告）
                    fill empty cells by the region's or all districts' mean or median (each filled cell is a warning)
  --treat jrc       按 JRC 规则处理异常值（|偏度| ≥ 2 且峰度 ≥ 3.5：缩尾至多 5 步，否则取对数）
                    treat outliers by the JRC rule (|skew| ≥ 2 and kurtosis ≥ 3.5: winsorise ≤ 5 steps, else log)
  --missing skip    空值不插补时按现有下级指标汇总（权重重新归一）；默认空值为错误
                    aggregate over the indicators present (weights renormalised); by default an empty cell is an error
  --aggregation A   arithmetic（默认，报告的方法）| geometric（须全部指标值大于 0）| harmonic
                    默认方法；指标体系可为每个上级指标写明自己的 aggregation
                    arithmetic (default, the report's) | geometric (every value must be above 0) | harmonic;
                    the default: a framework may state each parent's own aggregation
${COVERAGE_HELP}`;

/** Parses the choice options; a value outside the list is a usage error. */
export function choicesOf(values: Values): Choices {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const v = text(values, name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v))
      throw usageError(`--${name} 只能是 ${allowed.join("、")}，而不是「${v}」`, `--${name} must be one of ${allowed.join(", ")}, not "${v}"`);
    return v as T;
  };
  return {
    impute: pick("impute", IMPUTATIONS),
    treat: pick("treat", ["jrc"] as const),
    missing: pick("missing", ["skip"] as const),
    aggregation: pick("aggregation", AGGREGATIONS),
    coverage: coverageOf(text(values, "coverage")),
  };
}

function coverageOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const share = coverageShare(v);
  if (share === null || share === undefined)
    throw usageError(`--coverage 只能是 all、any 或比例（如 50%），而不是「${v}」`, `--coverage must be all, any or a share (e.g. 50%), not "${v}"`);
  return share;
}
