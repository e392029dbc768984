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
export const fraction = (s: string): number =>
  s
    .split("/")
    .map(Number)
    .reduce((a, b) => a / b);

/** Competition ranks ("1, 1, 3") of published two-decimal figures, highest first. */
export const competitionRank = (values: number[], v: number): number => 1 + values.filter((x) => x > v).length;

const CJK = /[\u3400-\u9fff]/;
/** English prose without what it quotes: user text in "…" and sheet names before `!`. */
const proseOf = (en: string) => en.replace(/"[^"]*"/g, "").replace(/[^\s,;:]+!/g, "");
/**
 * Chinese first, then English. A typed text ({zh, en}) must be whole in both languages, with no
 * Chinese punctuation in the English; a pane message string is split at its first " / ".
 */
export function chineseThenEnglish(message: string | { zh: string; en: string } | undefined): boolean {
  if (!message) return false;
  if (typeof message === "object")
    return CJK.test(message.zh) && /[A-Za-z]{3,}/.test(message.en) && !/[：，。；]/.test(proseOf(message.en)) && !message.zh.includes(message.en);
  const cut = message.indexOf(" / ");
  return cut > 0 && CJK.test(message.slice(0, cut)) && /[A-Za-z]{3,}/.test(message.slice(cut + 3));
}

/** Both languages of a text, for substring checks that do not care which half holds it. */
export const both = (t: { zh: string; en: string }): string => `${t.zh}\n${t.en}`;
