import type { Lang, Text } from "./issue";
import type { Framework, Indicator } from "./framework";
import { pathOf } from "./framework";

/** A failed lookup lists its candidates, described in each language (`choicesEn`). */
export type Lookup<T> = { ok: true; value: T } | ({ ok: false; code: "unknown" | "ambiguous"; choices: string[]; choicesEn: string[] } & Text);

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s"'“”‘’（）()]/g, "");

/** Names an evaluator may write for an indicator: code, number, names, names without 指数/index. */
// Indicators are immutable once built, so their normalised names are worked out once.
const namesCache = new WeakMap<Indicator, string[]>();
function namesOf(ind: Indicator): string[] {
  let names = namesCache.get(ind);
  if (!names) namesCache.set(ind, (names = computeNames(ind)));
  return names;
}

function computeNames(ind: Indicator): string[] {
  const names = [ind.code, ind.nameZh, ind.nameEn];
  if (ind.no !== undefined) names.push(String(ind.no));
  const zh = ind.nameZh.replace(/指数$/, "");
  const en = ind.nameEn.replace(/\s+index$/i, "");
  names.push(zh, en);
  return names.map(norm).filter(Boolean);
}

/** `C2.1 区域创新/政务服务` — how a choice is shown when a name is ambiguous. */
export function describeIndicator(fw: Framework, code: string, lang: Lang = "zh"): string {
  const name = (i: Indicator) => (lang === "zh" ? i.nameZh.replace(/指数$/, "") : i.nameEn.replace(/\s+index$/i, ""));
  const path = pathOf(fw, code).map((c) => name(fw.indicators.get(c)!));
  return `${code} ${path.join("/")}`;
}

/**
 * Finds an indicator by code (`B2.3`), report number (`13`), Chinese or English name, or a
 * path (`区域创新/政务服务`). Composite aliases: SCI, 综合, composite. `among` restricts the
 * candidates (e.g. to input indicators when reading column headers).
 */
export function findIndicator(fw: Framework, query: unknown, among?: readonly string[]): Lookup<string> {
  const raw = typeof query === "number" ? String(query) : typeof query === "string" ? query : "";
  const q = norm(raw);
  const pool = (among ?? fw.order).map((c) => fw.indicators.get(c)!);
  if (!q) return unknown(fw, raw, pool);

  const byCode = pool.find((i) => norm(i.code) === q);
  if (byCode) return { ok: true, value: byCode.code };
  if (/^\d+$/.test(q)) {
    const byNo = pool.find((i) => i.no === Number(q));
    return byNo ? { ok: true, value: byNo.code } : unknown(fw, raw, pool);
  }
  if (!among && ["sci", "综合", "综合指数", "composite", "总指数"].includes(q)) return { ok: true, value: fw.root };

  const segments = raw
    .split(/[/／\\>]/)
    .map(norm)
    .filter(Boolean);
  let matches: Indicator[];
  if (segments.length > 1) {
    matches = pool.filter((ind) => {
      const path = pathOf(fw, ind.code).map((c) => namesOf(fw.indicators.get(c)!));
      if (path.length < segments.length) return false;
      const tail = path.slice(path.length - segments.length);
      return segments.every((s, k) => tail[k].includes(s));
    });
  } else {
    matches = pool.filter((ind) => namesOf(ind).includes(q));
  }
  if (matches.length === 1) return { ok: true, value: matches[0].code };
  if (matches.length > 1) {
    const choices = matches.map((m) => describeIndicator(fw, m.code));
    const choicesEn = matches.map((m) => describeIndicator(fw, m.code, "en"));
    return {
      ok: false,
      code: "ambiguous",
      choices,
      choicesEn,
      zh: `指标名「${raw}」有歧义，可指：${choices.join("；")}。请用代码或路径`,
      en: `indicator name "${raw}" is ambiguous: ${choicesEn.join("; ")}. Use the code or a path (parent/name)`,
    };
  }
  return unknown(fw, raw, pool);
}

function unknown(fw: Framework, raw: string, pool: readonly Indicator[]): Lookup<string> {
  const q = norm(raw);
  const near = q ? pool.filter((i) => namesOf(i).some((n) => n.includes(q) || (n.length > 1 && q.includes(n)))).slice(0, 5) : [];
  const choices = near.map((m) => describeIndicator(fw, m.code));
  const choicesEn = near.map((m) => describeIndicator(fw, m.code, "en"));
  // An example from this framework, not from any one assessment.
  const example = fw.indicators.get(fw.leaves[Math.min(fw.leaves.length - 1, 12)]) ?? fw.indicators.get(fw.root)!;
  const hint = choices.length ? `；是否指：${choices.join("；")}` : "";
  const hintEn = choices.length ? `; did you mean: ${choicesEn.join("; ")}` : "";
  return {
    ok: false,
    code: "unknown",
    choices,
    choicesEn,
    zh: `未知指标「${raw}」${hint}。可用代码（如 ${example.code}）、序号${example.no ? `（如 ${example.no}）` : ""}或名称`,
    en: `unknown indicator "${raw}"${hintEn}. Use a code (${example.code}), ${example.no ? `report number (${example.no}) ` : "report number "}or name`,
  };
}
