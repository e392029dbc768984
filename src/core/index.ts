// The scoring core's public API: pure TypeScript that runs in any JavaScript host. Every name an
// edge may use is listed here; what is not (the PRNG, edit distance) is internal.
export { columnLetter, cellAddress, parseAddress } from "./address";
export { parseCell, cellText, cleanText, quote, printable, cleanCell, cleanCells, type GridCell, type CellValue, type Parsed } from "./cell";
export { parseCsv, toCsv, sniffDelimiter, DELIMITERS, type Delimiter } from "./csv";
export { inputOf, type Dataset } from "./dataset";
export { methodNote, methodSuffix, type Method } from "./method-note";
export {
  causeOf,
  placeAndCause,
  cellRanges,
  clusterItems,
  groupIssues,
  suggestionOf,
  type CellRef,
  type Fix,
  type IssueCluster,
  type IssueEntry,
  type IssueGroups,
  type IssueItem,
} from "./issue-groups";
export { CITY, regionId, regionOf, Roster, type District, type Region, type Resolved } from "./district";
export {
  buildFramework,
  frameworkRowsFromTable,
  pathOf,
  decimalsOf,
  coverageShare,
  DEFAULT_DECIMALS,
  NODE_AGGREGATIONS,
  type Framework,
  type FrameworkRow,
  type Indicator,
  type NodeAggregation,
} from "./framework";
export { frameworkSkeleton, SKELETON_HEADER } from "./framework-skeleton";
export { FRAMEWORK_HEADER, frameworkFromTable, frameworkTable, scoreWithFramework } from "./framework-table";
export { ISSUE_CODES, issue, hasErrors, sortIssues, textIn, type Issue, type IssueCode, type Severity, type Text, type Lang } from "./issue";
export { describeIndicator, findIndicator, type Lookup } from "./lookup";
export {
  METHODS,
  SETTINGS_HEADER,
  settingsTemplate,
  parseSettings,
  normalise,
  normaliseTable,
  type NormaliseMethod,
  type Direction,
  type NormaliseSetting,
  type NormaliseSettings,
} from "./normalise";
export { round2, roundTo, fixedTo } from "./round";
export { walkInto, type WalkOptions } from "./walk";
export { coverageIssues } from "./coverage";
export { competitionRanks, centsKey } from "./ranks";
export { score, scoresOf, scoreRow, scoreComposites, districtIndex, valueOf, rankOf, contributions, type Scores, type Rounding } from "./score";
export {
  SENSITIVITY_DEFAULTS,
  sensitivity,
  startSensitivity,
  type SensitivityOptions,
  type SensitivityRun,
  type RankInterval,
  type DistrictSensitivity,
  type Sensitivity,
} from "./sensitivity";
export { compare, changeOf, rankChangeText, type Comparison, type DistrictChange, type IndicatorChange, type RankChange } from "./compare";
export { validate, GENERIC_COEFFICIENT, DISTRICT_HEADERS, REGION_HEADERS, type InputTable, type ValidateOptions } from "./validate";
export { parseWeight, readWeight, type WeightReading } from "./weight";
export type { EntityShape, Geometry, Point, Ring } from "./geometry";
export {
  rosterOf,
  profileOptions,
  withProfile,
  forFramework,
  GENERIC_WORDS,
  meanWords,
  listWords,
  type Profile,
  type ProfileWords,
  type CoefficientSpec,
} from "./profile";
export { SOURCE_TABLES, SOURCE_KINDS, yearIn, tableLabel, type SourceKind, type SourceTable, type Sources } from "./sources";
export { assess, asSource, ROSTER_HINT, type Assessment, type AssessOptions } from "./assess";
export { rosterFromTable, rosterTemplate, type RosterRead } from "./roster-table";
export { CHOICE_SETTINGS, choicesFromTable, choicesTemplate } from "./choices-table";
export {
  AGGREGATIONS,
  aggregate,
  aggregateInto,
  audit,
  AUDIT_CHECKS,
  auditConclusion,
  averageRanks,
  coherence,
  COLLINEAR_R,
  columnOf,
  correlationP,
  criticalR,
  cronbachAlpha,
  distributionOf,
  figure,
  findings,
  importance,
  IMPUTATIONS,
  impute,
  isOutlier,
  kurtosis,
  MAX_WINSOR_STEPS,
  OUTLIER_KURTOSIS,
  OUTLIER_SKEW,
  pearson,
  prepare,
  pText,
  removeOne,
  sampleSd,
  SIGNIFICANCE,
  skewness,
  SOBOL_DEFAULTS,
  sobol,
  spearman,
  treat,
  treatColumn,
  type AggregateOptions,
  type Aggregation,
  type AggregationComparison,
  type Audit,
  type Choices,
  type Coherence,
  type ColumnTreatment,
  type CorrelationMatrix,
  type Distribution,
  type Factor,
  type Finding,
  type FindingKind,
  type Importance,
  type Imputation,
  type Imputed,
  type IndicatorAudit,
  type Missing,
  type Prepared,
  type RemoveOne,
  type RemoveOneOptions,
  type Sobol,
  type SobolDistrict,
  type SobolOptions,
  type Stat,
  type Treatment,
} from "./audit";
export {
  adoptInput,
  adoptedTable,
  publishedAgreement,
  fromLong,
  isPublisherAggregate,
  type Agreement,
  locateAssessment,
  readGrid,
  readingOptions,
  roleText,
  withChoices,
  type AdoptedTable,
  type Adoption,
  type ReadingChoices,
  type Entity,
  type Field,
  type HeaderMatch,
  type LineKind,
  type MatchedBy,
  type Orientation,
  type Reading,
  type ReadingOptions,
  type Role,
} from "./adopt";
