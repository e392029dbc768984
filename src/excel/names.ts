import type { Text } from "../core";

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return out;
}

/**
 * A name Excel accepts: none of : \ / ? * [ ], no control characters, no apostrophe at either
 * end, not blank, not the reserved "History", at most 31 characters.
 */
export function cleanSheetName(name: string, max = MAX_SHEET_NAME): string {
  let n = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  n = cut(n, max)
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (n === "") n = "SCI";
  if (n.toLowerCase() === "history") n = "History_";
  return n;
}

const withSuffix = (base: string, k: number) => {
  if (k === 1) return cleanSheetName(base);
  const suffix = ` (${k})`;
  return cleanSheetName(base, MAX_SHEET_NAME - suffix.length) + suffix;
};

/**
 * Fresh names for a set of sheets written together: the first suffix — none, " (2)", " (3)"… —
 * under which every name is free (Excel compares names ignoring case). One suffix for the set
 * keeps a second run's sheets recognisable as one run.
 */
export function freshNames(wanted: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let k = 1;
  while (wanted.some((w) => used.has(withSuffix(w, k).toLowerCase()))) k++;
  // Two wanted names equal but for case would collide with each other: the later one moves on.
  const out: string[] = [];
  for (const w of wanted) {
    let j = k;
    while (used.has(withSuffix(w, j).toLowerCase())) j++;
    const name = withSuffix(w, j);
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** The title as a sheet name shows it when not cut: refused characters replaced, spaces collapsed, no apostrophe at either end. */
const asInName = (title: string): string =>
  title
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");

/**
 * When the title did not fit into the sheet names written (Excel allows 31 characters): the
 * note that says so, naming the first sheet whose name was cut; none when every name holds it.
 */
export function cutTitleNote(title: string, written: readonly string[]): Text | undefined {
  const whole = asInName(title);
  if (!whole) return undefined;
  const cut = written.find((n) => !n.includes(whole));
  return cut === undefined
    ? undefined
    : { zh: `标题过长，工作表名已截为「${cut}」`, en: `The title is too long for a sheet name; the sheet is named "${cut}"` };
}
