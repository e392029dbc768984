// Chinese as the pane sets it. The pane breaks Chinese only between words (word-break: keep-all,
// see styles.ts), so a plain space is where a line may break: these rules choose which spaces
// may break and which may not.
import type { Lang, Text } from "../core";

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const NBSP = "\u00a0";
/** The measure words and units a number is read with (16 个, 624 格, 3 行, 10,000 次). */
const UNITS = "个格年月日天次项位名处张行列页种类倍元人户期级秒分";

/** A comparison's sign and the value after it (r < 0, p = 0.05): one rule, both languages. */
const SIGN: [RegExp, string] = [/([<>≤≥=≈±]) (?=[-−\d])/g, `$1${NBSP}`];

const rules: [RegExp, string][] = [
  // One spelling of a year: 2020年, never 2020 年, and none between it and the words before.
  [/(\d{4})[ \u00a0]+年/g, "$1年"],
  [new RegExp(`([${CJK}])[ \\u00a0]+(\\d{4}年)`, "g"), "$1$2"],
  // A number keeps its unit (16 个行政区, 624 格), and 第 its number (第 3 行); a code's digits
  // (B2.6 环境…) are not a number, and other words after a number may still start a line.
  // (No lookbehind: Safari before 16.4, the WKWebView of older Macs, refuses it.)
  [new RegExp(`(^|[^A-Za-z.\\d])(\\d[\\d,.]*)[ ](?=[${UNITS}])`, "g"), `$1$2${NBSP}`],
  [/第[ ](?=\d)/g, `第${NBSP}`],
  // A comparison keeps its value (r < 0, |r| > 0.9): a line may break before the sign, not after.
  SIGN,
  // No space after Chinese punctuation (。 then the next sentence).
  [/([。，；：！？、」）])[ ]+/g, "$1"],
];

/** A quoted name (「SCI 输入」, a sheet's name) is the user's, verbatim, and kept whole: its spaces do not break. */
const quoted = /(「[^」]*」)/;

/** Chinese text with the pane's spacing rules applied outside quoted names; idempotent. */
export function typeset(text: string): string {
  return text
    .split(quoted)
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/ /g, NBSP);
      let out = part;
      for (const [re, to] of rules) out = out.replace(re, to);
      return out;
    })
    .join("");
}

/** English needs one of the rules: a comparison keeps its value (r = 0.9, p < 0.05). */
export const bindSigns = (text: string): string => text.replace(...SIGN);

/** A message in the pane's language, Chinese typeset. */
export const textOf = (t: Text, lang: Lang): string => (lang === "zh" ? typeset(t.zh) : bindSigns(t.en));

type Typeset<T> = { [K in keyof T]: T[K] };

/** A table of Chinese strings (texts and text-making functions), each result typeset. */
export function typesetAll<T extends object>(strings: T, set: (text: string) => string = typeset): Typeset<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(strings))
    out[key] =
      typeof value === "string"
        ? set(value)
        : typeof value === "function"
          ? (...args: unknown[]) => {
              const r = (value as (...a: unknown[]) => unknown)(...args);
              return typeof r === "string" ? set(r) : r;
            }
          : value;
  return out as T;
}
