// The draft's tables, as text cells with their numbered captions. Figures print at 2 decimals.
import type { DraftContext } from "./context";
import type { Numbering, TableBlock } from "./model";
import { fmt, rankMoveText } from "./text";

/** A header starts with a capital: district → District (Chinese is as it is). */
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

const valueWord = (c: DraftContext) => (c.lang === "zh" ? "指数值" : "Value");

/** Rows side by side: [a, b] of width w each → one row of 2w, the left half first (ranks 1–8 | 9–16). */
function twoPairs(rows: string[][], width: number): string[][] {
  const half = Math.ceil(rows.length / 2);
  return rows.slice(0, half).map((r, j) => [...r, ...(rows[half + j] ?? Array<string>(width).fill(""))]);
}

/** 表 1-1: the indicator system, one row per input indicator, its ancestors merged down. */
export function indicatorSystemTable(c: DraftContext, num: Numbering): TableBlock {
  const fw = c.fw;
  const depth = Math.max(...fw.leaves.map((l) => c.ind(l).level));
  const levels = Array.from({ length: depth }, (_, j) => j + 1);
  const header = [...levels.slice(0, -1).map((l) => c.levelWord(l)), c.lang === "zh" ? "序号" : "No.", c.levelWord(depth)];
  const rows = fw.leaves.map((leaf, j) => {
    const path: string[] = [];
    for (let k: string | undefined = leaf; k && k !== fw.root; k = c.ind(k).parent) path.unshift(k);
    const names = levels.slice(0, -1).map((_, l) => (path[l] && path[l] !== leaf ? c.name(path[l]) : ""));
    return [...names, String(c.ind(leaf).no ?? j + 1), c.name(leaf)];
  });
  const caption = c.lang === "zh" ? "评估指标体系" : "The indicator system";
  return {
    kind: "table",
    number: num.table(),
    caption,
    header: [header],
    rows,
    mergeColumns: levels.slice(0, -1).map((l) => l - 1),
    centered: [depth - 1],
    widths: [...levels.slice(0, -1).map(() => 3), 1, 6],
  };
}

/** 表 1-2: each entity and its region, as two column pairs. */
export function regionTable(c: DraftContext, num: Numbering): TableBlock {
  const regionWord = c.lang === "zh" ? "区域划分" : "Region";
  const rows = c.s.dataset.districts.map((d, i) => [
    c.short(i),
    c.regionName(c.regions.find((r) => r.id === d.region) ?? { id: d.region, zh: d.region, en: d.region }),
  ]);
  const pair = [cap(c.t(c.words.entity)), regionWord];
  const names = c.regions.map((r) => c.regionName(r)).join(c.lang === "zh" ? "—" : "–");
  return {
    kind: "table",
    number: num.table(),
    caption: c.lang === "zh" ? `${names}划分表` : `${names} division`,
    header: [[...pair, ...pair]],
    rows: twoPairs(rows, 2),
  };
}

/** 表 2-x: the means of an index's children over all entities and per region (and their change). */
export function childMeansTable(c: DraftContext, code: string, num: Numbering): TableBlock {
  const kids = c.ind(code).children;
  const level = c.ind(kids[0]).level;
  const hasChange = c.previous.length > 0;
  const header = [
    c.levelWord(level),
    c.lang === "zh" ? `${c.words.whole.zh}${valueWord(c)}` : `${c.words.whole.en} value`,
    ...c.regions.map((r) => c.regionName(r)),
    ...(hasChange ? [c.lang === "zh" ? "较上一年变化" : "Change on last year"] : []),
  ];
  const rows = kids.map((k) => {
    const ch = c.meanChange("city", k);
    return [c.name(k), fmt(c.mean("city", k)), ...c.regions.map((r) => fmt(c.mean(r.id, k))), ...(hasChange ? [ch === undefined ? "—" : signed(ch)] : [])];
  });
  const caption = c.lang === "zh" ? `${c.name(code)}相关${c.levelWord(level)}指数值` : `${c.name(code)}: its ${c.levelWord(level)}`;
  return { kind: "table", number: num.table(), caption, header: [header], rows };
}

const signed = (x: number) => (Number(fmt(x)) > 0 ? "+" : "") + fmt(x);

/** 表 3-x: every entity's value and rank on one indicator, as two column pairs (ranks 1–8 | 9–16). */
export function allEntitiesTable(c: DraftContext, code: string, num: Numbering): TableBlock {
  const rows = c.ranked(code).map((i) => [String(c.rank(i, code)), c.short(i), fmt(c.value(i, code))]);
  const pair = [c.t(c.words.rank), cap(c.t(c.words.entity)), valueWord(c)];
  const caption = c.lang === "zh" ? `各${c.words.entity.zh}${c.name(code)}` : `${c.name(code)} by ${c.words.entity.en}`;
  return { kind: "table", number: num.table(), caption, header: [[...pair, ...pair]], rows: twoPairs(rows, 3), centered: [0, 3] };
}

/** 表 3-1…: the composite's table (its top three, or a region's entities) with every first-level index and the coefficient. */
export function overallTable(c: DraftContext, members: number[], caption: string, num: Numbering, byRegion = false): TableBlock {
  const root = c.fw.root;
  const codes = [root, ...c.ind(root).children];
  const coef = c.s.dataset.coefficient;
  const header = [c.t(c.words.rank), cap(c.t(c.words.entity)), ...codes.map((k) => c.name(k)), ...(coef ? [c.t(coef.name)] : [])];
  const rows = members.map((i) => [
    String(byRegion ? c.regionRank(i, root) : c.rank(i, root)),
    c.short(i),
    ...codes.map((k) => fmt(c.value(i, k))),
    ...(coef ? [fmt(c.s.dataset.coefficients[i])] : []),
  ]);
  return { kind: "table", number: num.table(), caption, header: [header], rows, centered: [0] };
}

/** 表 3-x: a region's entities on one indicator, by their rank in the region. */
export function regionRankTable(c: DraftContext, code: string, region: string, num: Numbering): TableBlock {
  const r = c.regions.find((x) => x.id === region)!;
  const rows = c.ranked(code, region).map((i) => [String(c.regionRank(i, code)), c.short(i), fmt(c.value(i, code))]);
  const caption = c.lang === "zh" ? `${r.zh}各${c.words.entity.zh}${c.name(code)}` : `${c.name(code)}, ${r.en}`;
  return { kind: "table", number: num.table(), caption, header: [[c.t(c.words.rank), cap(c.t(c.words.entity)), valueWord(c)]], rows, centered: [0] };
}

/** Against last year: each entity's value then and now, the change and both ranks, in this year's order. */
export function changeTable(c: DraftContext, code: string, num: Numbering): TableBlock | undefined {
  const cmp = c.cmp;
  const k = cmp?.codes.indexOf(code) ?? -1;
  if (!cmp || k < 0) return undefined;
  const byId = new Map(cmp.districts.map((d) => [d.district, d.indicators[k]]));
  const zh = c.lang === "zh";
  const header = [
    cap(c.t(c.words.entity)),
    cmp.oldLabel,
    cmp.newLabel,
    zh ? "变化" : "Change",
    zh ? `${cmp.oldLabel}排名` : `Rank ${cmp.oldLabel}`,
    zh ? `${cmp.newLabel}排名` : `Rank ${cmp.newLabel}`,
    zh ? "排名变化" : "Rank change",
  ];
  const rows = c.ranked(code).flatMap((i) => {
    const ch = byId.get(c.s.dataset.districts[i].id);
    return ch
      ? [[c.short(i), fmt(ch.old), fmt(ch.new), signed(ch.change), String(ch.city.old), String(ch.city.new), rankMoveText(ch.city.change, c.lang)]]
      : [];
  });
  const caption = zh ? `各${c.words.entity.zh}${c.name(code)}较上一年变化` : `${c.name(code)}: change on the previous year`;
  return { kind: "table", number: num.table(), caption, header: [header], rows, centered: [4, 5] };
}

/** The coefficient's table: 序号 / entity / coefficient, highest first. */
export function coefficientTable(c: DraftContext, num: Numbering): TableBlock | undefined {
  const coef = c.s.dataset.coefficient;
  if (!coef) return undefined;
  const co = c.s.dataset.coefficients;
  const order = c.s.dataset.districts.map((_, i) => i).sort((a, b) => co[b] - co[a] || a - b);
  const rows = order.map((i, j) => [String(j + 1), c.short(i), fmt(co[i])]);
  const header = [c.lang === "zh" ? "序号" : "No.", cap(c.t(c.words.entity)), c.t(coef.name)];
  return {
    kind: "table",
    number: num.table(),
    caption: c.lang === "zh" ? `各${c.words.entity.zh}${coef.name.zh}` : `${coef.name.en} by ${c.words.entity.en}`,
    header: [header],
    rows,
    centered: [0],
  };
}
