// A newcomer's first framework, from their own data: every numeric column an input indicator
// under one root, equal weights. They then group, name and weigh it.
import { cellText, parseCell, type GridCell } from "./cell";
import { DISTRICT_HEADERS, normHeader } from "./headers";

/** framework.csv's columns, with the per-node ones a skeleton leaves blank but for the root's. */
export const SKELETON_HEADER = ["code", "level", "no", "parent", "name_zh", "name_en", "weight", "aggregation", "coverage", "decimals"];

/**
 * Every column below the header that holds numbers in most of its filled cells (publishers'
 * missing marks aside) is an input indicator. Codes are the headers where they are short
 * identifiers, else X1, X2 …
 */
export function frameworkSkeleton(grid: readonly (readonly unknown[])[]): { rows: GridCell[][]; leaves: number } {
  const rows = grid.map((r) => (Array.isArray(r) ? r : []));
  // The first data row: a name and two or more numbers that are not all years (a header's row of
  // years is not data). The header is every row above it: a column is named by its longest text
  // there (names over units, years and footnote letters).
  const isYear = (v: number) => Number.isInteger(v) && v >= 1900 && v <= 2100;
  const isData = (r: readonly unknown[]) => {
    const nums = r.map(parseCell).filter((p): p is { kind: "number"; value: number } => p.kind === "number");
    return r.some((v) => parseCell(v).kind === "text") && nums.length >= 2 && nums.some((p) => !isYear(p.value));
  };
  let start = rows.findIndex(isData);
  if (start < 0) start = Math.min(1, rows.length);
  // A title stands alone on its row: not a header row.
  const band = rows.slice(Math.max(0, start - 10), start).filter((r) => r.filter((v) => parseCell(v).kind !== "empty").length >= 2);
  const body = rows.slice(start);
  const width = Math.max(0, ...band.map((r) => r.length), ...body.slice(0, 200).map((r) => r.length));
  const header = Array.from({ length: width }, (_, c) =>
    band
      .map((r) => cellText(r[c]).replace(/\s+/g, " ").trim())
      .filter((t) => t && parseCell(t).kind === "text")
      .reduce((a, b) => (b.length > a.length ? b : a), ""),
  );
  const used = new Set<string>();
  const leaves: GridCell[][] = [];
  for (let c = 0; c < width; c++) {
    const name = header[c];
    if (DISTRICT_HEADERS.includes(normHeader(name)) || ["region", "区域"].includes(normHeader(name))) continue;
    let filled = 0;
    let numeric = 0;
    for (const r of body) {
      const p = parseCell(r[c]);
      if (p.kind === "empty") continue;
      filled++;
      if (p.kind === "number") numeric++;
    }
    if (filled === 0 || numeric * 2 < filled) continue;
    let code = /^[A-Za-z][A-Za-z0-9_.]{0,23}$/.test(name) ? name : `X${leaves.length + 1}`;
    while (used.has(code.toLowerCase())) code = `${code}_${c + 1}`;
    used.add(code.toLowerCase());
    leaves.push([code, 1, null, "INDEX", name || code, name || code, leaves.length ? null : null, null, null, null]);
  }
  const n = leaves.length;
  for (const l of leaves) l[6] = n ? `1/${n}` : null;
  return {
    rows: [SKELETON_HEADER, ["INDEX", 0, null, null, "综合指数", "Composite index", 1, "arithmetic", "all", 2], ...leaves],
    leaves: n,
  };
}
