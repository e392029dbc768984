// The report's recurring sentences, generated from the figures (docs/report.md quotes them).
// Each returns plain text in the draft's language; no sentence says what the figures do not.
import type { Scores } from "../../core";
import type { DraftContext } from "./context";
import { changeText, fmt, list, numeralZh, ordinal, rankMoveText } from "./text";

/** 「…为109.77，相较上一年提高3.91。中心城区…为119.44，郊区…为100.10。」 */
export function wholeSentence(c: DraftContext, code: string, opening: boolean): string {
  const name = c.name(code);
  const change = c.meanChange("city", code);
  const regions = c.regions.filter((r) => c.s.averages.has(r.id));
  if (c.lang === "zh") {
    const lead = opening ? `评估结果显示，${c.label ? c.label + "年" : ""}${c.words.whole.zh}${name}` : `${c.words.whole.zh}${name}`;
    const head = `${lead}为${fmt(c.mean("city", code))}${change === undefined ? "" : `，相较上一年${changeText(change, "zh")}`}`;
    const parts = regions.map((r) => `${r.zh}${name}为${fmt(c.mean(r.id, code))}`);
    return parts.length ? `${head}。${parts.join("，")}。` : `${head}。`;
  }
  const lead = opening ? `The results show that the ${c.words.whole.en}'s ${name}${c.label ? " for " + c.label : ""}` : `The ${c.words.whole.en}'s ${name}`;
  const head = `${lead} is ${fmt(c.mean("city", code))}${change === undefined ? "" : `, ${changeText(change, "en")} on the previous year`}`;
  const parts = regions.map((r) => `${r.en}: ${fmt(c.mean(r.id, code))}`);
  return parts.length ? `${head}. By region, ${parts.join("; ")}.` : `${head}.`;
}

/** 「从一级指标来看，A为119.16，相较上一年提高0.41；B为113.12，提高0.39。网络安全状况系数均值为0.99，提高0.03。」 */
export function childrenSentence(c: DraftContext, code: string, withCoefficient: boolean): string {
  const kids = c.ind(code).children;
  if (!kids.length) return "";
  const level = c.ind(kids[0]).level;
  const items = kids.map((k, j) => {
    const change = c.meanChange("city", k);
    const ch = change === undefined ? "" : c.lang === "zh" ? `，${j === 0 ? "相较上一年" : ""}${changeText(change, "zh")}` : ` (${changeText(change, "en")})`;
    return c.lang === "zh" ? `${c.name(k)}为${fmt(c.mean("city", k))}${ch}` : `${c.name(k)} ${fmt(c.mean("city", k))}${ch}`;
  });
  const coef = c.s.dataset.coefficient;
  let tail = "";
  if (withCoefficient && coef) {
    const m = c.coefficientMean();
    const p = c.previous[0];
    const ch = p ? m - c.coefficientMean(p) : undefined;
    tail =
      c.lang === "zh"
        ? `${coef.name.zh}均值为${fmt(m)}${ch === undefined ? "" : `，${changeText(ch, "zh")}`}。`
        : ` The mean ${coef.name.en} is ${fmt(m)}${ch === undefined ? "" : ` (${changeText(ch, "en")})`}.`;
  }
  return c.lang === "zh" ? `从${c.levelWord(level)}来看，${items.join("；")}。${tail}` : `Among the ${c.levelWord(level)}: ${items.join("; ")}.${tail}`;
}

/** Groups of entities by rank (ties together), best first, down to rank `upTo`. */
function rankGroups(c: DraftContext, code: string, upTo: number): { rank: number; members: number[] }[] {
  const groups: { rank: number; members: number[] }[] = [];
  for (const i of c.ranked(code)) {
    const r = c.rank(i, code);
    if (r > upTo) break;
    const last = groups[groups.length - 1];
    if (last && last.rank === r) last.members.push(i);
    else groups.push({ rank: r, members: [i] });
  }
  return groups;
}

/** 「按X从高到低依次排名，浦东新区、徐汇区、黄浦区为X前三名，指数值分别为133.41、126.74和125.32。」; ties said as ties. */
export function topThreeSentence(c: DraftContext, code: string): string {
  const name = c.name(code);
  const groups = rankGroups(c, code, 3);
  const tied = groups.some((g) => g.members.length > 1);
  const top = groups.flatMap((g) => g.members);
  const values = top.map((i) => fmt(c.value(i, code)));
  if (c.lang === "zh") {
    const lead = `按${name}从高到低依次排名，`;
    if (!tied) return `${lead}${top.map((i) => c.full(i)).join("、")}为${name}前三名，指数值分别为${list(values, "zh")}。`;
    const parts = groups.map((g) =>
      g.members.length > 1
        ? `${tiedZh(g.members.map((i) => c.full(i)))}并列${ordinal(g.rank, "zh")}，指数值均为${fmt(c.value(g.members[0], code))}`
        : `${c.full(g.members[0])}排名${ordinal(g.rank, "zh")}，指数值为${fmt(c.value(g.members[0], code))}`,
    );
    return `${lead}${parts.join("；")}。`;
  }
  const lead = `Ranked from highest to lowest on the ${name}, `;
  if (!tied)
    return `${lead}${list(
      top.map((i) => c.full(i)),
      "en",
    )} are the top three, at ${list(values, "en")}.`;
  const parts = groups.map((g) =>
    g.members.length > 1
      ? `${list(
          g.members.map((i) => c.full(i)),
          "en",
        )} tie for ${ordinal(g.rank, "en")} at ${fmt(c.value(g.members[0], code))}`
      : `${c.full(g.members[0])} is ${ordinal(g.rank, "en")} at ${fmt(c.value(g.members[0], code))}`,
  );
  return `${lead}${parts.join("; ")}.`;
}

/**
 * Against last year: the largest rise and fall of value with their ranks then and now, every
 * change of rank, and the largest rise in rank. Empty without last year.
 */
export function changeSentences(c: DraftContext, code: string): string[] {
  const cmp = c.cmp;
  const k = cmp?.codes.indexOf(code) ?? -1;
  if (!cmp || k < 0 || !cmp.districts.length) return [];
  const ids = new Map(c.s.dataset.districts.map((d, i) => [d.id, i]));
  const rows = cmp.districts.map((d) => ({ i: ids.get(d.district)!, ch: d.indicators[k] }));
  const name = c.name(code);
  const zh = c.lang === "zh";
  const out: string[] = [];
  const byChange = [...rows].sort((a, b) => b.ch.change - a.ch.change);
  const rise = byChange[0];
  const fall = byChange[byChange.length - 1];
  const from = (r: { ch: { city: { old: number; new: number } } }) =>
    zh
      ? `排名由第${r.ch.city.old}位${r.ch.city.new <= r.ch.city.old ? "升至" : "降至"}第${r.ch.city.new}位`
      : `from ${ordinal(r.ch.city.old, "en")} to ${ordinal(r.ch.city.new, "en")}`;
  const parts: string[] = [];
  if (rise && Number(fmt(rise.ch.change)) > 0)
    parts.push(
      zh
        ? `${c.full(rise.i)}${name}${changeText(rise.ch.change, "zh")}，升幅最大，${from(rise)}`
        : `${c.full(rise.i)} rose most, ${changeText(rise.ch.change, "en")} and ${from(rise)}`,
    );
  if (fall && Number(fmt(fall.ch.change)) < 0)
    parts.push(
      zh
        ? `${c.full(fall.i)}${name}${changeText(fall.ch.change, "zh")}，降幅最大，${from(fall)}`
        : `${c.full(fall.i)} fell most, ${changeText(fall.ch.change, "en")} and ${from(fall)}`,
    );
  if (parts.length) out.push(zh ? `与上一年相比，${parts.join("；")}。` : `Against the previous year on the ${name}, ${parts.join("; ")}.`);
  else out.push(zh ? `与上一年相比，各${c.words.entity.zh}${name}均无变化。` : `No ${c.words.entity.en}'s ${name} changed on the previous year.`);

  const moved = rows.filter((r) => r.ch.city.change !== 0).sort((a, b) => b.ch.city.change - a.ch.city.change || a.ch.city.new - b.ch.city.new);
  if (!moved.length) {
    out.push(zh ? `各${c.words.entity.zh}排名均与上一年相同。` : `Every ${c.words.entity.en} keeps last year's rank.`);
    return out;
  }
  const each = moved.map((r) =>
    zh
      ? `${c.full(r.i)}由第${r.ch.city.old}位至第${r.ch.city.new}位（${rankMoveText(r.ch.city.change, "zh")}）`
      : `${c.full(r.i)} ${ordinal(r.ch.city.old, "en")} to ${ordinal(r.ch.city.new, "en")} (${rankMoveText(r.ch.city.change, "en")})`,
  );
  out.push(zh ? `排名发生变化的有：${each.join("；")}。` : `Ranks that changed: ${each.join("; ")}.`);
  const best = moved[0].ch.city.change;
  if (best > 0) {
    const top = moved.filter((r) => r.ch.city.change === best).map((r) => c.full(r.i));
    out.push(
      zh
        ? `排名上升最多的是${tiedZh(top)}${top.length > 1 ? "（并列）" : ""}，上升${best}位。`
        : `The largest rise in rank: ${list(top, "en")}${top.length > 1 ? " (tied)" : ""}, up ${best} place${best === 1 ? "" : "s"}.`,
    );
  }
  return out;
}

/** 甲与乙; 甲、乙与丙. */
const tiedZh = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join("、")}与${names[names.length - 1]}` : names.join(""));

/** An entity's city rank on an indicator in an earlier year, by id; undefined if absent. */
function rankIn(s: Scores, id: string, code: string): number | undefined {
  const i = s.dataset.districts.findIndex((d) => d.id === id);
  const k = s.dataset.framework.index.get(code);
  return i < 0 || k === undefined ? undefined : s.cityRanks[i * s.dataset.framework.order.length + k];
}

/** 「黄浦区与静安区连续三年排名前三。」 Only when more than one earlier year is given. */
export function runSentence(c: DraftContext, code: string): string {
  if (c.previous.length < 2) return "";
  const byRun = new Map<number, number[]>();
  for (const i of c.ranked(code)) {
    if (c.rank(i, code) > 3) break;
    const id = c.s.dataset.districts[i].id;
    let years = 1;
    for (const p of c.previous) {
      const r = rankIn(p, id, code);
      if (r === undefined || r > 3) break;
      years++;
    }
    if (years >= 2) byRun.set(years, [...(byRun.get(years) ?? []), i]);
  }
  const runs = [...byRun.entries()].sort((a, b) => b[0] - a[0]);
  if (!runs.length) return "";
  if (c.lang === "zh") return `${runs.map(([y, m]) => `${tiedZh(m.map((i) => c.full(i)))}连续${y === 2 ? "两" : numeralZh(y)}年排名前三`).join("；")}。`;
  return `${runs
    .map(
      ([y, m]) =>
        `${list(
          m.map((i) => c.full(i)),
          "en",
        )} ${m.length > 1 ? "have" : "has"} been in the top three ${y} years running`,
    )
    .join("; ")}.`;
}

/**
 * An input indicator's data sentence: 「从评估结果来看，虹口区排名第一，排名相较上一年度提升10位，提升幅度也排名第一；
 * 黄浦区与静安区分别排名第二、第三。」 Ties are said as ties; the change of rank only with last year.
 */
export function dataSentence(c: DraftContext, code: string): string {
  const zh = c.lang === "zh";
  const groups = rankGroups(c, code, 3);
  if (!groups.length) return "";
  const [first, ...rest] = groups;
  const names = (g: { members: number[] }) => g.members.map((i) => c.full(i));
  let lead = zh
    ? `${tiedZh(names(first))}${first.members.length > 1 ? "并列" : "排名"}${ordinal(first.rank, "zh")}`
    : `${list(names(first), "en")} ${first.members.length > 1 ? "tie for" : "ranks"} ${ordinal(first.rank, "en")}`;
  const move = first.members.length === 1 ? rankMove(c, code, first.members[0]) : undefined;
  if (move && move.change !== 0) {
    lead += zh
      ? `，排名相较上一年度${move.change > 0 ? "提升" : "下降"}${Math.abs(move.change)}位${move.largest ? "，提升幅度也排名第一" : ""}`
      : `, ${rankMoveText(move.change, "en")} on the previous year${move.largest ? ", the largest rise" : ""}`;
  }
  // The rest in rank order: 「甲与乙分别排名第二、第三」 when none ties, else each group as it stands.
  const each = (g: { rank: number; members: number[] }) =>
    g.members.length > 1
      ? zh
        ? `${tiedZh(names(g))}并列${ordinal(g.rank, "zh")}`
        : `${list(names(g), "en")} tie for ${ordinal(g.rank, "en")}`
      : zh
        ? `${names(g)[0]}排名${ordinal(g.rank, "zh")}`
        : `${names(g)[0]} ranks ${ordinal(g.rank, "en")}`;
  const untied = rest.length > 1 && rest.every((g) => g.members.length === 1);
  const tail = untied
    ? [
        zh
          ? `${tiedZh(rest.map((g) => names(g)[0]))}分别排名${rest.map((g) => ordinal(g.rank, "zh")).join("、")}`
          : `${list(
              rest.map((g) => names(g)[0]),
              "en",
            )} rank ${list(
              rest.map((g) => ordinal(g.rank, "en")),
              "en",
            )}`,
      ]
    : rest.map(each);
  const parts = [lead, ...tail];
  return zh ? `从评估结果来看，${parts.join("；")}。` : `On the results, ${parts.join("; ")}.`;
}

/** An entity's change of rank on last year, and whether it is the largest rise; undefined without last year. */
function rankMove(c: DraftContext, code: string, i: number): { change: number; largest: boolean } | undefined {
  const k = c.cmp?.codes.indexOf(code) ?? -1;
  if (!c.cmp || k < 0) return undefined;
  const id = c.s.dataset.districts[i].id;
  const own = c.cmp.districts.find((d) => d.district === id)?.indicators[k];
  if (!own) return undefined;
  const best = Math.max(...c.cmp.districts.map((d) => d.indicators[k].city.change));
  return { change: own.city.change, largest: own.city.change > 0 && own.city.change === best };
}
