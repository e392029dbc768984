// What an SCI function answers: a value, or a failure that says what was wrong and what would
// be right, Chinese first, then English; never a wrong number.

/** `invalidValue` → #VALUE! (a malformed argument), `notAvailable` → #N/A (nothing to show). */
export type Failure = { ok: false; code: "invalidValue" | "notAvailable"; message: string };
export type Outcome<T> = { ok: true; value: T } | Failure;
export type Cell = string | number;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (code: Failure["code"], zh: string, en: string): Failure => ({ ok: false, code, message: `${zh} / ${en}` });
export const zhOf = (message: string) => message.split(" / ")[0];
export const enOf = (message: string) => message.split(" / ").slice(1).join(" / ") || message;

/** Excel passes null for an omitted optional argument and "" for an empty cell. */
export const isOmitted = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A cache key that keeps 13 and "13" apart. */
export const argKey = (v: unknown) => `${typeof v}:${String(v)}`;
