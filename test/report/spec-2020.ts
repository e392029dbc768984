// The 2020 figures worked out from the spec's CSVs with plain code, not the core: each district's
// indices with the report's rounding (every computed index below the composite to 2 decimals
// before its parent uses it), competition ranks on cents, and means.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const FIXTURES = join(__dirname, "..", "fixtures", "shanghai-2020");
const rowsOf = (name: string) =>
  readFileSync(join(FIXTURES, name), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => l.split(","));

/** Half away from zero at 2 decimals, worked out in decimal text. */
export const cents2 = (x: number): number => Number((Math.round(Number((x * 100).toPrecision(12))) / 100).toFixed(2));
export const fixed = (x: number): string => cents2(x).toFixed(2);

interface Node {
  code: string;
  level: number;
  parent: string;
  zh: string;
  weight: number;
}
const fraction = (w: string) => (w.includes("/") ? Number(w.split("/")[0]) / Number(w.split("/")[1]) : Number(w));

export const NODES: Node[] = rowsOf("framework.csv")
  .slice(1)
  .map(([code, level, , parent, zh, , weight]) => ({ code, level: Number(level), parent, zh, weight: fraction(weight) }));
export const nameOf = (code: string) => NODES.find((n) => n.code === code)!.zh;

const districtRows = rowsOf("districts.csv").slice(1);
export const FULL = new Map(districtRows.map(([short, full]) => [short, full]));
const input = rowsOf("inputs.csv");
const header = input[0];
export const DISTRICTS = input.slice(1).map((r) => r[0]);
export const REGION = new Map(input.slice(1).map((r) => [r[0], r[1]]));

/** Every district's value of every indicator, report rounding. */
export const VALUES: Map<string, Map<string, number>> = new Map(
  input.slice(1).map((r) => {
    const v = new Map<string, number>();
    header.forEach((h, j) => j >= 2 && h !== "coefficient" && v.set(h, Number(r[j])));
    const coefficient = Number(r[header.indexOf("coefficient")]);
    // Deepest level first, so every child is known before its parent.
    for (const n of [...NODES].filter((n) => !v.has(n.code)).sort((a, b) => b.level - a.level)) {
      const sum = NODES.filter((k) => k.parent === n.code).reduce((t, k) => t + k.weight * v.get(k.code)!, 0);
      v.set(n.code, n.level === 0 ? sum * coefficient : cents2(sum));
    }
    return [r[0], v];
  }),
);

/** Competition ranks on cents over the districts given. */
export function ranks(code: string, among = DISTRICTS): Map<string, number> {
  const c = (d: string) => Math.round(VALUES.get(d)!.get(code)! * 100 + 1e-6);
  return new Map(among.map((d) => [d, 1 + among.filter((e) => c(e) > c(d)).length]));
}

export const mean = (code: string, among = DISTRICTS) => among.reduce((t, d) => t + VALUES.get(d)!.get(code)!, 0) / among.length;
