// Where the map goes on a sheet: under the city-wide ranking, as wide as that table, on a
// printed page of its own when it does not fit under the table on the first.
import { CITY } from "../core/district";
import { overallSheet, type PictureLayout, type ReportLayout, type SheetLayout } from "./layout";
import type { District } from "../core/district";
import type { Profile } from "../core/profile";
import type { Scores } from "../core/score";
import type { Geometry } from "./geometry";
import { mapLayout } from "./map";
import { mapSvg } from "./map-svg";

/** Excel's default row (15 pt) and column (8.43 characters) in px. */
export const ROW_PX = 20;
export const COLUMN_PX = 64;
/** The most rows a picture takes: a portrait A4 page's printable height, less the title rows. */
export const MAP_ROWS = 40;
/** The sheet's map is drawn this wide, inset and legend beside it, its text at 11 px: printed at the table's width. */
export const SHEET_MAP_WIDTH = 720;

export interface Picture {
  key: string;
  title: string;
  /** The picture as an SVG document, and its own size in px. */
  svg: string;
  width: number;
  height: number;
}

/** A column `chars` characters wide in px, as Excel sizes it for its default font. */
const columnPx = (chars: number) => Math.round(chars * 7 + 5);

/**
 * The picture over the cells from `row` down, from column A, as wide as the first `cols`
 * columns (at most MAP_ROWS rows tall, narrower if need be), its height in proportion.
 */
export function withPicture(sheet: SheetLayout, picture: Picture, row = 2, cols = sheet.cells[0]?.length ?? 1): SheetLayout {
  const across = sheet.columnWidths.slice(0, cols).reduce((t, w) => t + columnPx(w), 0) || COLUMN_PX * 8;
  let width = across;
  let height = Math.round((width * picture.height) / picture.width);
  if (height > MAP_ROWS * ROW_PX) {
    height = MAP_ROWS * ROW_PX;
    width = Math.round((height * picture.width) / picture.height);
  }
  const rows = Math.ceil(height / ROW_PX);
  const slot: PictureLayout = { key: picture.key, title: picture.title, svg: picture.svg, row, col: 0, rows, cols: Math.max(1, cols), width, height };
  return { ...sheet, pictures: [...(sheet.pictures ?? []), slot] };
}

/**
 * The shapes to map these districts with: the profile's, when every district has one there
 * (another entity list under the same profile, e.g. from --districts, has none).
 */
export function geometryFor(profile: Profile | undefined, districts: readonly District[]): Geometry | undefined {
  const g = profile?.geometry;
  if (!g || districts.length === 0) return undefined;
  const ids = new Set(g.shapes.map((s) => s.id));
  return districts.every((d) => ids.has(d.id)) ? g : undefined;
}

/** The composite's map over the city, for the overall sheet, titled with the report's title. */
export function compositeMap(s: Scores, geometry: Geometry, label?: string): Picture {
  const m = mapLayout(s, s.dataset.framework.root, CITY.id, geometry, { width: SHEET_MAP_WIDTH, label });
  return { key: "map", title: `${m.title} — ${m.subtitle}`, svg: mapSvg(m), width: m.width, height: m.height };
}

/**
 * The ranking layout with the composite's map under the city-wide table: the overall sheet is
 * laid out again with empty rows there for it, and the region tables after.
 */
export function withMap(layout: ReportLayout, s: Scores, geometry: Geometry): ReportLayout {
  const map = compositeMap(s, geometry, layout.title);
  return {
    ...layout,
    sheets: layout.sheets.map((sheet) => {
      if (sheet.key !== "overall") return sheet;
      const city = sheet.tables.find((t) => t.key === "city");
      if (!city) return withPicture(sheet, map);
      const probe = withPicture(sheet, map, city.row + city.rows + 1, city.cols).pictures!.at(-1)!;
      const again = overallSheet(s, sheet.name, layout.title, { date: layout.date, mapRows: probe.rows + 2 });
      return withPicture(again, map, city.row + city.rows + 1, city.cols);
    }),
  };
}
