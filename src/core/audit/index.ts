// The statistical audit: distribution, coherence, importance, remove-one, treatment,
// imputation, aggregation alternatives and variance-based sensitivity.
export { AGGREGATIONS, aggregate, aggregateInto, type AggregateOptions, type Aggregation, type Missing } from "./aggregate";
export { audit, type AggregationComparison, type Audit } from "./audit";
export { COLLINEAR_R, coherence, columnOf, cronbachAlpha, type Coherence, type CorrelationMatrix, type IndicatorAudit } from "./coherence";
export { AUDIT_CHECKS, auditConclusion, figure, findings, pText, type Finding, type FindingKind } from "./findings";
export { importance, type Importance } from "./importance";
export { IMPUTATIONS, impute, type Imputation, type Imputed } from "./impute";
export { prepare, type Choices, type Prepared } from "./pipeline";
export { correlationP, criticalR, incompleteBeta, lnGamma, SIGNIFICANCE, tTwoSided } from "./significance";
export { removeOne, type RemoveOne, type RemoveOneOptions } from "./remove-one";
export { SOBOL_DEFAULTS, sobol, type Factor, type Sobol, type SobolDistrict, type SobolOptions } from "./sobol";
export {
  averageRanks,
  distributionOf,
  isOutlier,
  kurtosis,
  OUTLIER_KURTOSIS,
  OUTLIER_SKEW,
  pearson,
  sampleSd,
  skewness,
  spearman,
  type Distribution,
  type Stat,
} from "./stats";
export { MAX_WINSOR_STEPS, treat, treatColumn, type ColumnTreatment, type Treatment } from "./treat";
