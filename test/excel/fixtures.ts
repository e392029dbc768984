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
export const fraction = (s: string): number => s.split("/").map(Number).reduce((a, b) => a / b);

/** Zero-based (row, col) → `AO17`, worked out here rather than by the code under test. */
export function a1(row: number, col: number): string {
  const L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return `${col < 26 ? L[col] : L[Math.floor(col / 26) - 1] + L[col % 26]}${row + 1}`;
}

const CJK = /[\u3400-\u9fff]/;
/** Chinese first, then English, split at the first " / ". */
export function chineseThenEnglish(message: string): boolean {
  const cut = message.indexOf(" / ");
  return cut > 0 && CJK.test(message.slice(0, cut)) && /[A-Za-z]{3,}/.test(message.slice(cut + 3));
}
