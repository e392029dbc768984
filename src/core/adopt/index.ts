// Reading an evaluator's own table: header, orientation, mapping and entities.
export type { HeaderMatch, MatchedBy, Role } from "./fields";
export type { Orientation } from "./orient";
export {
  readGrid,
  readingOptions,
  roleText,
  withChoices,
  type ReadingChoices,
  type Entity,
  type Field,
  type LineKind,
  type Reading,
  type ReadingOptions,
} from "./reading";
export { adoptedTable, type AdoptedTable } from "./table";
export { adoptInput, locateAssessment, type Adoption } from "./sources";
export { publishedAgreement, type Agreement } from "./published";
export { fromLong, VALUE_HEADERS, TOTAL_MEMBERS } from "./long";
export { isPublisherAggregate } from "./aggregates";
