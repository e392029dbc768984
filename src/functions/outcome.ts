// What an SCI function answers: a value, or a failure that says what was wrong and what would
// be right, in Chinese and English (the cell shows the user's language); never a wrong number.
/* global Office */
import type { Lang, Text } from "../core";

/** `invalidValue` → #VALUE! (a malformed argument), `notAvailable` → #N/A (nothing to show). */
export type Failure = { ok: false; code: "invalidValue" | "notAvailable" } & Text;
export type Outcome<T> = { ok: true; value: T } | Failure;
export type Cell = string | number;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (code: Failure["code"], zh: string, en: string): Failure => ({ ok: false, code, zh, en });

/** Excel passes null for an omitted optional argument and "" for an empty cell. */
export const isOmitted = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A cache key that keeps 13 and "13" apart. */
export const argKey = (v: unknown) => `${typeof v}:${String(v)}`;

/** The language of error texts in cells: Excel's display language (zh-* → Chinese, else English). */
export function functionLanguage(): Lang {
  const tag = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return typeof tag !== "string" || /^zh/i.test(tag) ? "zh" : "en";
}
