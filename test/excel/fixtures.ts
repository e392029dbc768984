// The spec fixtures read with Node alone, so the add-in's sheets are checked against the
// published CSVs rather than against the code that wrote them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "..", "fixtures", "shanghai-2020");

/** The spec CSVs hold no quotes or embedded commas, so a plain split is exact. */
export function csv(name: string): string[][] {
  return readFileSync(join(DIR, name), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
}

/** `9/40` → 0.225. */
export const fraction = (s: string): number =>
  s
    .split("/")
    .map(Number)
    .reduce((a, b) => a / b);

/** Zero-based (row, col) → `AO17`, worked out here rather than by the code under test. */
export function a1(row: number, col: number): string {
  const L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return `${col < 26 ? L[col] : L[Math.floor(col / 26) - 1] + L[col % 26]}${row + 1}`;
}

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
