// Reading an evaluator's own table: header, orientation, mapping and entities.
export { clean as cleanText } from "./text";
export { matchHeader, type HeaderMatch, type MatchedBy, type Role } from "./fields";
export { findHeader, type Orientation } from "./orient";
export { readGrid, readingOptions, roleText, withChoices, type Choices, type Entity, type Field, type LineKind, type Reading, type ReadingOptions } from "./reading";
export { adoptedTable, type AdoptedTable } from "./table";
export { adoptInput, locateAssessment, type Adoption } from "./sources";
