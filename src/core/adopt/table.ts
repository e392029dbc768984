// A Reading as the input table the one pipeline validates: a header of codes, one row per
// entity, names as the roster writes them. Cells stay where they were, so every issue the
// validation raises names the evaluator's own cell.
import { cellAddress } from "../address";
import type { Issue } from "../issue";
import type { InputTable } from "../validate";
import type { Reading } from "./reading";

export interface AdoptedTable {
  table: InputTable;
  /** Points issues raised on `table` at the evaluator's cells (a transposed table's are swapped). */
  locate(issues: readonly Issue[]): Issue[];
}

const HEADER = { entity: "district", region: "region" } as const;

export function adoptedTable(reading: Reading): AdoptedTable {
  const { lines, fields, header, orientation, origin, sheet } = reading;
  if (header < 0) return { table: { sheet, origin, rows: [] }, locate: (i) => [...i] };
  const names = new Map(reading.entities.map((e) => [e.line, e]));
  const heads = fields.map((f) => {
    const r = f.role;
    return r.kind === "indicator" ? r.code : r.kind === "coefficient" ? reading.coefficientHeader : r.kind === "ignore" ? null : HEADER[r.kind];
  });
  const rows: unknown[][] = [heads];
  for (let l = header + 1; l < lines.length; l++) {
    const e = names.get(l);
    // Lines that are no entity stay as blank rows: the validation skips them, and the rows
    // below keep their numbers.
    if (!e) {
      rows.push([]);
      continue;
    }
    rows.push(fields.map((f, i) => (heads[i] === null ? null : i === reading.entityField ? (e.id ?? e.name) : lines[l][i])));
  }
  if (orientation === "rows") return { table: { sheet, origin: { row: origin.row + header, col: origin.col }, rows }, locate: (i) => [...i] };

  // Transposed: the table's (row, col) is the sheet's (col, row) from the header column on.
  const table: InputTable = { sheet, origin: { row: 0, col: 0 }, rows };
  const locate = (issues: readonly Issue[]) =>
    issues.map((i) => {
      if (!i.cell) return i;
      const row = origin.row + i.cell.col;
      const col = origin.col + header + i.cell.row;
      const old = sheet ? `${sheet}!${i.cell.address}` : i.cell.address;
      const address = cellAddress(row, col);
      const now = sheet ? `${sheet}!${address}` : address;
      // The messages start with the cell they are about ("Sheet!C5：…", "Sheet!C5, …").
      const swap = (s: string) => (s.startsWith(old) && /^[：，:,]/.test(s.slice(old.length)) ? now + s.slice(old.length) : s);
      return { ...i, zh: swap(i.zh), en: swap(i.en), cell: { ...i.cell, address, row, col } };
    });
  return { table, locate };
}
