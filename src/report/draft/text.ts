// The draft's small words: figures at two decimals, Chinese numerals, lists, ordinals, changes.
import { round2 } from "../../core";
import type { DraftLang } from "./model";

/** A figure as the report prints it: 2 decimals, half away from zero (103.245 → 103.25). */
export const fmt = (x: number): string => (Number.isFinite(x) ? round2(x).toFixed(2) : "—");

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function numeralZh(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

/** 第一 / 1st. */
export const ordinal = (n: number, lang: DraftLang): string => (lang === "zh" ? `第${numeralZh(n)}` : ordinalEn(n));

export function ordinalEn(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** a、b和c / a, b and c. */
export function list(items: readonly string[], lang: DraftLang): string {
  if (items.length <= 1) return items.join("");
  const head = items.slice(0, -1).join(lang === "zh" ? "、" : ", ");
  return `${head}${lang === "zh" ? "和" : " and "}${items[items.length - 1]}`;
}

/** A change of value: 提高3.91 / 下降0.41 / 持平; up 3.91 / down 0.41 / unchanged. Zero is at two decimals. */
export function changeText(change: number, lang: DraftLang): string {
  const c = round2(change);
  if (c === 0) return lang === "zh" ? "持平" : "unchanged";
  if (lang === "zh") return `${c > 0 ? "提高" : "下降"}${fmt(Math.abs(c))}`;
  return `${c > 0 ? "up" : "down"} ${fmt(Math.abs(c))}`;
}

/** A change of rank (old − new, positive is up): 上升2位 / up 2 places. */
export function rankMoveText(change: number, lang: DraftLang): string {
  const n = Math.abs(change);
  if (lang === "zh") return change > 0 ? `上升${n}位` : change < 0 ? `下降${n}位` : "不变";
  return change > 0 ? `up ${n} place${n === 1 ? "" : "s"}` : change < 0 ? `down ${n} place${n === 1 ? "" : "s"}` : "unchanged";
}

/** Sentence end: 。 or a full stop. */
export const stop = (lang: DraftLang): string => (lang === "zh" ? "。" : ".");

/** district → districts, county → counties, entity → entities. */
export const plural = (word: string): string => (/[^aeiou]y$/.test(word) ? word.slice(0, -1) + "ies" : word + "s");
