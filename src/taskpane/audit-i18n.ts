// Strings of the statistical-audit panel, Chinese first; loaded with the panel.
import type { Lang } from "./i18n";

const zh = {
  flags: "需关注",
  noFlags: "未发现异常值、共线或负相关的指标。",
  flagRules: "异常值：|偏度| ≥ 2 且峰度 ≥ 3.5（JRC 规则）；共线：同一上级下 |r| > 0.9；负相关：与上级 r < 0。",
  outlier: (code: string, name: string, skew: string, kurt: string) => `${code} ${name}：异常值（偏度 ${skew}，峰度 ${kurt}）`,
  collinear: (a: string, b: string, r: string) => `${a} 与 ${b} 高度相关（r = ${r}），所在上级指标把同一信息计了两次`,
  negative: (code: string, name: string, r: string) => `${code} ${name} 与上级指标负相关（r = ${r}），请核对指标方向`,
  heatmap: "下级指标相关矩阵",
  parent: "上级指标",
  heatmapCaption: (parent: string, alpha: string) => `${parent} 的下级指标两两 Pearson 相关系数（红 −1，白 0，蓝 +1）；Cronbach α = ${alpha}`,
  importance: "权重与重要性",
  importanceCaption: "每个三级指标在综合指数中的名义权重，与它和综合指数相关系数平方（r²）的占比：占比远低于权重的指标几乎不影响排名。",
  weight: "权重",
  share: "r² 占比",
  code: "指标",
  removeOne: "去掉后排名平均变动",
  sobol: "运行 Sobol 敏感性分析",
  sobolHint: "同时改变聚合方法、异常值处理、系数是否计入（如有）和权重（±10%），以全市排名的平均绝对变动为输出，N = 1000，种子 1。",
  sobolRunning: "正在计算 Sobol 指数…",
  sobolCaption: (n: number, runs: number, seed: number) => `Sobol 敏感性指数（N = ${n}，${runs} 次，种子 ${seed}）`,
  choice: "因素",
  first: "一阶",
  total: "总效应",
  ci: "95% 区间",
  writeAudit: "写入统计审计工作表",
  writingAudit: "正在写入统计审计工作表…",
};

export type AuditStrings = typeof zh;

const en: AuditStrings = {
  flags: "Flags",
  noFlags: "No outlier, collinear or negatively correlated indicator.",
  flagRules: "Outlier: |skew| ≥ 2 and kurtosis ≥ 3.5 (the JRC rule); collinear: siblings with |r| > 0.9; negative: r with the parent < 0.",
  outlier: (code: string, name: string, skew: string, kurt: string) => `${code} ${name}: outlier (skewness ${skew}, kurtosis ${kurt})`,
  collinear: (a: string, b: string, r: string) => `${a} and ${b} are collinear (r = ${r}): their parent counts the same information twice`,
  negative: (code: string, name: string, r: string) => `${code} ${name} correlates negatively with its parent (r = ${r}): check its direction`,
  heatmap: "Correlations within a parent",
  parent: "Parent",
  heatmapCaption: (parent: string, alpha: string) =>
    `Pearson correlations between the children of ${parent} (red −1, white 0, blue +1); Cronbach's alpha = ${alpha}`,
  importance: "Weights vs importance",
  importanceCaption:
    "Each input indicator's nominal weight in the composite, beside its share of the squared correlations (r²) with the composite: a share far below the weight means the indicator hardly moves the ranks.",
  weight: "Weight",
  share: "r² share",
  code: "Indicator",
  removeOne: "Mean rank shift without it",
  sobol: "Run Sobol sensitivity analysis",
  sobolHint:
    "Varies the aggregation method, outlier treatment, whether the coefficient applies (if there is one) and the weights (±10%) together; the output is the mean absolute shift of city ranks; N = 1000, seed 1.",
  sobolRunning: "Computing the Sobol indices…",
  sobolCaption: (n: number, runs: number, seed: number) => `Sobol sensitivity indices (N = ${n}, ${runs} runs, seed ${seed})`,
  choice: "Choice",
  first: "First order",
  total: "Total order",
  ci: "95% interval",
  writeAudit: "Write the audit sheet",
  writingAudit: "Writing the audit sheet…",
};

export const AUDIT_STRINGS: Record<Lang, AuditStrings> = { zh, en };
