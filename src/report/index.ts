// Presentation, pure: the report's sheets as plain cell arrays with their styles. Reads Scores;
// knows nothing of Excel, so the CLI's writer and the add-in's write the same layouts.
export { reportLayout, wordsOf, titleZh, type LayoutCell, type Block, type TableLayout, type ChartLayout, type SheetLayout, type ReportLayout, type ColorScale } from "./layout";
export { comparisonLayout } from "./compare-layout";
export { sensitivityLayout } from "./sensitivity-layout";
export { auditLayout, CORRELATION_COLORS } from "./audit-layout";
export { HEADER_FILL, RULE_COLOR, sheetStyle, columnPoints, keepTablesWhole, wrapLines, blockCells, type PageSetup, type SheetStyle } from "./style";
export { displayWidth } from "./width";
