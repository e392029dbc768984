// Where the header is and which way the table runs. A header is the line (row, or column of a
// transposed table) that names the most indicators; title rows and notes above it are skipped.
import type { Framework } from "../framework";
import { headerWeight, matchHeader, type HeaderWords } from "./fields";

/** `rows`: one entity per row, indicators as columns. `columns`: transposed, as report tables are. */
export type Orientation = "rows" | "columns";

/**
 * Lines looked at for a header, and cells per line: a header sits near the top, but a
 * publisher's table may be 2,000 columns wide (UNDP's time series has 1,009), with the
 * framework's columns anywhere along it.
 */
const SCAN_LINES = 30;
const SCAN_CELLS = 2100;

/** The grid as lines of one width: its rows, or its columns. */
export function linesOf(grid: readonly (readonly unknown[])[], orientation: Orientation): unknown[][] {
  const width = grid.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
  const cell = (r: number, c: number) => (Array.isArray(grid[r]) ? (grid[r][c] ?? null) : null);
  if (orientation === "rows") return grid.map((_, r) => Array.from({ length: width }, (_, c) => cell(r, c)));
  return Array.from({ length: width }, (_, c) => grid.map((_, r) => cell(r, c)));
}

/**
 * How strongly a line reads as a header (input indicators count twice), and how many indicators it
 * names. A header names each indicator once: a line that names one twice by report number is a
 * line of values (a column of small integers), and its numbers count for nothing.
 */
export function lineWeight(fw: Framework, words: HeaderWords, line: readonly unknown[]): { weight: number; named: number } {
  let weight = 0;
  let numberWeight = 0;
  const named = new Set<string>();
  const byNumber = new Set<string>();
  let repeated = false;
  for (let i = 0; i < Math.min(line.length, SCAN_CELLS); i++) {
    const m = matchHeader(fw, words, line[i]);
    const code = m.status === "computed" ? m.code : m.status === "role" && m.role.kind === "indicator" ? m.role.code : undefined;
    if (code !== undefined && m.status !== "empty" && "by" in m && m.by === "number") {
      if (byNumber.has(code)) repeated = true;
      byNumber.add(code);
      numberWeight += headerWeight(m);
      continue;
    }
    weight += headerWeight(m);
    if (code !== undefined) named.add(code);
    else if (m.status === "ambiguous") named.add(m.choices.join());
  }
  if (!repeated) {
    weight += numberWeight;
    for (const c of byNumber) named.add(c);
  }
  return { weight, named: named.size };
}

/** A header names at least this many indicators: a title naming one or two is no header. */
export const MIN_NAMED = 3;
/** …or every input indicator, when the framework has fewer than that. */
export const minNamed = (fw: Framework): number => Math.min(MIN_NAMED, fw.leaves.length);

/**
 * The header line, and the orientation under which it is one. Ties go to the usual layout
 * (entities as rows) and to the line nearer the top. Undefined when no line names an indicator.
 */
export function findHeader(grid: readonly (readonly unknown[])[], fw: Framework, words: HeaderWords): { orientation: Orientation; line: number } | undefined {
  let best: { orientation: Orientation; line: number; weight: number } | undefined;
  for (const orientation of ["rows", "columns"] as const) {
    const n = orientation === "rows" ? grid.length : grid.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
    for (let i = 0; i < Math.min(n, SCAN_LINES); i++) {
      const line =
        orientation === "rows"
          ? Array.isArray(grid[i])
            ? grid[i].slice(0, SCAN_CELLS)
            : []
          : grid.slice(0, SCAN_CELLS).map((r) => (Array.isArray(r) ? r[i] : null));
      const { weight, named } = lineWeight(fw, words, line);
      if (named >= minNamed(fw) && (!best || weight > best.weight)) best = { orientation, line: i, weight };
    }
  }
  return best && { orientation: best.orientation, line: best.line };
}
