// Presentation, pure: the report's sheets as plain cell arrays with their styles. Reads Scores;
// knows nothing of Excel, so the CLI's writer and the add-in's write the same layouts.
export {
  reportLayout,
  overallSheet,
  sourceLines,
  PORTRAIT_CHARS,
  type ReportOptions,
  wordsOf,
  titleZh,
  type LayoutCell,
  type Block,
  type TableLayout,
  type ChartLayout,
  type PictureLayout,
  type SheetLayout,
  type ReportLayout,
  type ColorScale,
} from "./layout";
export { Grid } from "./grid";
export { comparisonLayout } from "./compare-layout";
export { adjustmentsSheet, withAdjustments } from "./adjustments-layout";
export { sensitivityLayout } from "./sensitivity-layout";
export { auditLayout, CORRELATION_COLORS } from "./audit-layout";
export {
  HEADER_FILL,
  RULE_COLOR,
  REPORT_FONT,
  TITLE_POINTS,
  NOTE_POINTS,
  NOTE_COLOR,
  TOTAL_FILL,
  layoutOrientation,
  DEFAULT_COLUMN_CHARS,
  sheetStyle,
  columnPoints,
  keepTablesWhole,
  wrapLines,
  blockCells,
  type PageSetup,
  type SheetStyle,
} from "./style";
export { displayWidth } from "./width";
// Maps: shapes, the GeoJSON reader, classes, colours, the map as data and as SVG, its place on a sheet.
export {
  areaKm2,
  boundsOf,
  centroid,
  contains,
  edgeDistance,
  labelPoint,
  ringArea,
  shapeArea,
  type Bounds,
  type EntityShape,
  type Geometry,
  type Point,
  type Ring,
} from "./geometry";
export { projectShapes, type LonLat, type LonLatShape, type ProjectOptions } from "./project";
export { geometryFromGeoJson } from "./geojson";
export { CLASS_METHODS, TIER_STEP, classBreaks, classOf, type ClassMethod } from "./classes";
export { luminance, sequentialScale, textOn } from "./colour";
export { mapLayout, type MapArea, type MapLang, type MapLayout, type MapLegendEntry, type MapOptions } from "./map";
export { MAP_FONTS, districtMap, mapSvg, xml } from "./map-svg";
export { legendText } from "./map-legend";
export { COLUMN_PX, MAP_ROWS, ROW_PX, SHEET_MAP_WIDTH, compositeMap, geometryFor, withMap, withPicture, type Picture } from "./map-place";
