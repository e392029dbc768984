// Where the map goes on a sheet: beside the tables, from the first table's title down, sized
// to stay on the first printed page.
import { CITY } from "../core/district";
import type { PictureLayout, ReportLayout, SheetLayout } from "./layout";
import type { District } from "../core/district";
import type { Profile } from "../core/profile";
import type { Scores } from "../core/score";
import type { Geometry } from "./geometry";
import { mapLayout } from "./map";
import { mapSvg } from "./map-svg";

/** Excel's default row (15 pt) and column (8.43 characters) in px. */
export const ROW_PX = 20;
export const COLUMN_PX = 64;
/** 24 rows: the first printed page of the overall sheet holds them beside the region tables. */
export const MAP_ROWS = 24;
/** The sheet's map is drawn this wide: every name fits, and shown 24 rows tall it stays legible. */
export const SHEET_MAP_WIDTH = 440;

export interface Picture {
  key: string;
  title: string;
  /** The picture as an SVG document, and its own size in px. */
  svg: string;
  width: number;
  height: number;
}

/**
 * The sheet with the picture over the cells one empty column right of its table, from row 3
 * down, MAP_ROWS rows tall, its width in proportion.
 */
export function withPicture(sheet: SheetLayout, picture: Picture): SheetLayout {
  const height = MAP_ROWS * ROW_PX;
  const width = Math.round((height * picture.width) / picture.height);
  const cols = sheet.cells.length ? sheet.cells[0].length : 0;
  const slot: PictureLayout = {
    key: picture.key,
    title: picture.title,
    svg: picture.svg,
    row: 2,
    col: cols + 1,
    rows: MAP_ROWS,
    cols: Math.ceil(width / COLUMN_PX),
    width,
    height,
  };
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

/** The composite's map over the city, for the overall sheet. */
export function compositeMap(s: Scores, geometry: Geometry): Picture {
  const m = mapLayout(s, s.dataset.framework.root, CITY.id, geometry, { width: SHEET_MAP_WIDTH });
  return { key: "map", title: `${m.title} — ${m.subtitle}`, svg: mapSvg(m), width: m.width, height: m.height };
}

/** The ranking layout with the composite's map beside the overall table. */
export function withMap(layout: ReportLayout, s: Scores, geometry: Geometry): ReportLayout {
  const map = compositeMap(s, geometry);
  return { ...layout, sheets: layout.sheets.map((sheet) => (sheet.key === "overall" ? withPicture(sheet, map) : sheet)) };
}
