// Where the map goes on a sheet: beside the tables, from the first table's title down, sized
// to stay on the first printed page.
import type { PictureLayout, SheetLayout } from "../core/layout";

/** Excel's default row (15 pt) and column (8.43 characters) in px. */
export const ROW_PX = 20;
export const COLUMN_PX = 64;
/** 24 rows: the first printed page of the overall sheet holds them beside the region tables. */
export const MAP_ROWS = 24;

/**
 * The sheet with a picture slot for a map of the given aspect (width / height): one empty
 * column right of the cells, from row 3 down, MAP_ROWS rows tall.
 */
export function withMapSlot(sheet: SheetLayout, aspect: number, title: string): SheetLayout {
  const height = MAP_ROWS * ROW_PX;
  const width = Math.round(height * aspect);
  const cols = sheet.cells.length ? sheet.cells[0].length : 0;
  const slot: PictureLayout = { key: "map", title, row: 2, col: cols + 1, rows: MAP_ROWS, cols: Math.ceil(width / COLUMN_PX), width, height };
  return { ...sheet, pictures: [...(sheet.pictures ?? []), slot] };
}
