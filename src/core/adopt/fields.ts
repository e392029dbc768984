// What one header cell names: the entity column, the region, the coefficient, an input
// indicator (by code, report number, name, `名称 (代码)` or path), an indicator SCI computes,
// or nothing SCI knows.
import { findIndicator } from "../lookup";
import type { Framework } from "../framework";
import type { Text } from "../issue";
import { CODE_IN_PARENS, DISTRICT_HEADERS, LEADING_CODE, REGION_HEADERS } from "../headers";
import { clean, fold } from "./text";

/** What a column (or, in a transposed table, a row) holds. */
export type Role = { kind: "entity" } | { kind: "region" } | { kind: "coefficient" } | { kind: "indicator"; code: string } | { kind: "ignore" };

/** How a header was recognised. */
export type MatchedBy = "word" | "code" | "number" | "name" | "name-code" | "path" | "choice";

export type HeaderMatch =
  | { status: "empty" }
  | { status: "role"; role: Role; by: MatchedBy }
  /** An indicator SCI computes from the inputs: the column is not read. */
  | { status: "computed"; code: string; by: MatchedBy }
  /** More than one indicator answers to the header: the evaluator chooses. */
  | { status: "ambiguous"; choices: string[] }
  /** `hint` says what it might have meant, in both languages. */
  | { status: "unknown"; hint: Text };

export interface HeaderWords {
  entity: readonly string[];
  region: readonly string[];
  coefficient: readonly string[];
}

/** The validation's own words for the entity and region columns: one list for both. */
export const ENTITY_WORDS = DISTRICT_HEADERS;
export const REGION_WORDS = REGION_HEADERS;

const cache = new WeakMap<Framework, WeakMap<HeaderWords, Map<string, HeaderMatch>>>();

/** Reads one header cell. Cached per framework and words: a header is looked up once. */
export function matchHeader(fw: Framework, words: HeaderWords, cell: unknown): HeaderMatch {
  const text = clean(cell);
  if (text === "") return { status: "empty" };
  let byWords = cache.get(fw);
  if (!byWords) cache.set(fw, (byWords = new WeakMap()));
  let byText = byWords.get(words);
  if (!byText) byWords.set(words, (byText = new Map()));
  let m = byText.get(text);
  if (!m) byText.set(text, (m = match(fw, words, text)));
  return m;
}

function match(fw: Framework, words: HeaderWords, text: string): HeaderMatch {
  const folded = fold(text);
  if (words.entity.some((w) => fold(w) === folded)) return { status: "role", role: { kind: "entity" }, by: "word" };
  if (words.region.some((w) => fold(w) === folded)) return { status: "role", role: { kind: "region" }, by: "word" };
  if (words.coefficient.some((w) => fold(w) === folded)) return { status: "role", role: { kind: "coefficient" }, by: "word" };

  const parens = CODE_IN_PARENS.exec(text);
  if (parens && fw.indicators.has(codeCase(fw, parens[1]))) return byCode(fw, codeCase(fw, parens[1]), "name-code");
  const leading = LEADING_CODE.exec(text);
  if (leading && fw.indicators.has(codeCase(fw, leading[1]))) return byCode(fw, codeCase(fw, leading[1]), "code");

  const found = findIndicator(fw, text);
  if (found.ok) {
    const by: MatchedBy = fold(found.value) === folded ? "code" : /^\d+$/.test(folded) ? "number" : /[/／\\>]/.test(text) ? "path" : "name";
    return byCode(fw, found.value, by);
  }
  if (found.code === "ambiguous") return { status: "ambiguous", choices: fw.order.filter((c) => findIndicator(fw, text, [c]).ok) };
  return { status: "unknown", hint: { zh: found.zh, en: found.en } };
}

function byCode(fw: Framework, code: string, by: MatchedBy): HeaderMatch {
  return fw.leaves.includes(code) ? { status: "role", role: { kind: "indicator", code }, by } : { status: "computed", code, by };
}

/** `b2.3` → `B2.3` when the framework has it. */
function codeCase(fw: Framework, code: string): string {
  if (fw.indicators.has(code)) return code;
  return fw.order.find((c) => c.toLowerCase() === code.toLowerCase()) ?? code;
}

/** How strongly a line reads as a header: input indicators count most. */
export function headerWeight(m: HeaderMatch): number {
  if (m.status === "role") return m.role.kind === "indicator" ? 2 : 1;
  if (m.status === "computed" || m.status === "ambiguous") return 1;
  return 0;
}
