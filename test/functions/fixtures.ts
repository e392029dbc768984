// The published 2020 figures, read from the spec CSVs with Node alone, so the functions are
// checked against the report rather than against the code that computes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "..", "fixtures", "shanghai-2020");

/** The spec CSVs hold no quotes or embedded commas: a plain split is exact. */
export function csv(name: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(join(DIR, name), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export const published = csv("published-summary.csv");
export const inputs = csv("inputs.csv");
export const districts = csv("districts.csv");
export const framework = csv("framework.csv");

/** The 38 input codes in report order (the `no` column). */
export const leafCodes = framework
  .filter((r) => r.no !== "")
  .sort((a, b) => Number(a.no) - Number(b.no))
  .map((r) => r.code);

/** A district's 38 published inputs in report order. */
export const inputRow = (district: string): number[] => {
  const row = inputs.find((r) => r.district === district)!;
  return leafCodes.map((c) => Number(row[c]));
};

/** `9/40` → 0.225. */
export const fraction = (s: string): number => s.split("/").map(Number).reduce((a, b) => a / b);

/** Competition ranks ("1, 1, 3") of published two-decimal figures, highest first. */
export const competitionRank = (values: number[], v: number): number => 1 + values.filter((x) => x > v).length;

const CJK = /[\u3400-\u9fff]/;
/** Chinese first, then English, split at the first " / ". */
export function chineseThenEnglish(message: string | undefined): boolean {
  if (!message) return false;
  const cut = message.indexOf(" / ");
  return cut > 0 && CJK.test(message.slice(0, cut)) && /[A-Za-z]{3,}/.test(message.slice(cut + 3));
}
