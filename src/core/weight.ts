// Weights as evaluators type them: `0.225`, `9/40`, `22.5%`, and in decimal-comma locales
// (Excel set to German, French, Russian …) `0,225`, `9/40` or `22,5%`.
//
// Decision on commas: a comma is a decimal comma when it is the only one, there is no dot, and
// it cannot be a thousands separator: `0,225`, `22,5`, `1,5`, `,5`. Digits grouped in threes
// after a leading 1–999 (`1,000`, `12,500`, `1,000,000`) are ambiguous — one thousand, or one
// with three decimals — and a weight is a share, where either reading could be meant; such a
// weight is refused, saying how to write it, never guessed. `1.000,5` style (both marks) is
// refused too.

/** A weight as read: its value, and how a comma in it was taken. */
export interface WeightReading {
  /** NaN when the text is no weight. */
  value: number;
  /** `decimal`: read with a decimal comma (say so); `ambiguous`: a comma that may group thousands (refused). */
  comma?: "decimal" | "ambiguous";
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
const FRACTION = new RegExp(`^(${NUMBER})\\s*/\\s*(${NUMBER})$`);
const PERCENT = new RegExp(`^(${NUMBER})\\s*%$`);
/** 1–999 then groups of three digits: a thousands separator as much as a decimal comma. */
const THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\s*%)?$/;

function readDotted(s: string): number {
  const frac = FRACTION.exec(s);
  if (frac) return Number(frac[2]) === 0 ? NaN : Number(frac[1]) / Number(frac[2]);
  const pct = PERCENT.exec(s);
  if (pct) return Number(pct[1]) / 100;
  return s === "" ? NaN : Number(s);
}

/** Reads a weight written as `0.25`, `1/4` or `25%`, or with a decimal comma (`0,25`, `25%`, `22,5%`). */
export function readWeight(text: string | number): WeightReading {
  if (typeof text === "number") return { value: text };
  const s = text.trim();
  if (!s.includes(",")) return { value: readDotted(s) };
  if (s.includes(".")) return { value: NaN };
  // Each number of the text (a fraction has two) holds at most one comma.
  if (s.split("/").some((part) => (part.match(/,/g) ?? []).length > 1) && !THOUSANDS.test(s)) return { value: NaN };
  if (THOUSANDS.test(s)) return { value: NaN, comma: "ambiguous" };
  const value = readDotted(s.replace(/,/g, "."));
  return Number.isNaN(value) ? { value } : { value, comma: "decimal" };
}

/** Parses a weight (see readWeight); NaN when it is none, or when its comma is ambiguous. */
export function parseWeight(text: string | number): number {
  return readWeight(text).value;
}
