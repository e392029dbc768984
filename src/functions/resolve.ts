// The SCI functions without Excel: argument parsing and the figures, against one model.
// Every failure says what was wrong and what would be right, Chinese first; never a wrong number.
import {
  changeOf,
  contributions,
  describeIndicator,
  findIndicator,
  parseCell,
  quote,
  rankChangeText,
  regionId,
  regionOf,
  Roster,
  scoreRow,
  type Dataset,
  type Framework,
  type Region,
  type Scores,
} from "../core";
import { framework2020 } from "../data";
import type { Model } from "../excel/model";
import { INPUT_TABLE } from "../excel/input";
import { SOURCE_TABLES } from "../excel/sources";

/** `invalidValue` → #VALUE! (a malformed argument), `notAvailable` → #N/A (nothing to show). */
export type Failure = { ok: false; code: "invalidValue" | "notAvailable"; message: string };
export type Outcome<T> = { ok: true; value: T } | Failure;
export type Cell = string | number;

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (code: Failure["code"], zh: string, en: string): Failure => ({ ok: false, code, message: `${zh} / ${en}` });
const zhOf = (message: string) => message.split(" / ")[0];
const enOf = (message: string) => message.split(" / ").slice(1).join(" / ") || message;

/** Excel passes null for an omitted optional argument and "" for an empty cell. */
export const isOmitted = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const LEVEL_ZH = ["综合指数", "一级指标", "二级指标", "三级指标"];
const LEVEL_EN = ["the composite", "a first-level indicator", "a second-level indicator", "a third-level indicator"];

/** The scores to answer from, or why there are none (a table the model reads has errors). */
export function usable(model: Model): Outcome<Scores> {
  if (model.scores) return ok(model.scores);
  const blocking = model.errorTables?.length ? model.errorTables : [INPUT_TABLE];
  const errors = blocking.flatMap((t) => tableIssues(model, t)).filter((i) => i.severity === "error");
  return tableErrors(blocking, errors.length ? errors : model.issues.filter((i) => i.severity === "error"));
}

/** The issues of one table (all issues for a model built before tables were told apart). */
function tableIssues(model: Model, table: string) {
  if (!model.issuesOf) return model.issues;
  const kind = (Object.keys(SOURCE_TABLES) as (keyof typeof SOURCE_TABLES)[]).find((k) => SOURCE_TABLES[k] === table);
  // Inputs missing for a new indicator of SCI_Framework are reported with the inputs.
  return [...(kind ? model.issuesOf[kind] ?? [] : []), ...(table === SOURCE_TABLES.framework && !model.tables?.input ? model.issuesOf.input ?? [] : [])];
}

function tableErrors(tables: readonly string[], errors: readonly { message: string }[]): Failure {
  const first = errors[0]?.message ?? "";
  const clip = (s: string) => (s.length > 90 ? s.slice(0, 89) + "…" : s);
  const names = tables.join("、");
  const namesEn = tables.join(", ");
  return fail(
    "notAvailable",
    `${names} 表有 ${errors.length} 个错误，请打开 SCI 任务窗格查看并修正${first ? "。第一个：" + clip(zhOf(first)) : ""}`,
    `the ${namesEn} table${tables.length > 1 ? "s have" : " has"} ${errors.length} error${errors.length === 1 ? "" : "s"}; open the SCI task pane to see and fix them${first ? ". First: " + clip(enOf(first)) : ""}`,
  );
}

/** The framework of the current model (the 2020 one unless the model brings another). */
export const frameworkOf = (model: Model): Framework => model.framework ?? model.dataset?.framework ?? framework2020;

/**
 * The framework for SCORE and INDICATORS: the workbook's SCI_Framework when it has one. If that
 * table has errors there is no framework to use, and saying so beats silently using 2020's.
 */
export function usableFramework(model: Model): Outcome<Framework> {
  if (model.frameworkSource === "workbook" && !model.framework)
    return tableErrors([SOURCE_TABLES.framework], (model.issuesOf?.framework ?? []).filter((i) => i.severity === "error"));
  return ok(frameworkOf(model));
}

const argKey = (v: unknown) => `${typeof v}:${String(v)}`;

// Lookups are cached per framework / dataset: a thousand cells asking for 浦东 parse it once.
const indicatorCache = new WeakMap<Framework, Map<string, Outcome<string>>>();
const rosterCache = new WeakMap<Dataset, { roster: Roster; found: Map<string, Outcome<number>> }>();

/** An indicator by code (B2.3), report number (13), name or path; omitted → `fallback`. */
export function resolveIndicator(fw: Framework, arg: unknown, fallback?: string): Outcome<string> {
  if (isOmitted(arg)) {
    if (fallback !== undefined) return ok(fallback);
    return fail("invalidValue", "缺少指标参数，请写代码（如 B2.3）、序号（如 13）或名称", "the indicator argument is missing: give a code (B2.3), report number (13) or name");
  }
  let cache = indicatorCache.get(fw);
  if (!cache) indicatorCache.set(fw, (cache = new Map()));
  const key = argKey(arg);
  let found = cache.get(key);
  if (!found) {
    const r = typeof arg === "string" || typeof arg === "number" ? findIndicator(fw, arg) : findIndicator(fw, "");
    found = r.ok ? ok(r.value) : { ok: false, code: r.code === "ambiguous" ? "invalidValue" : "notAvailable", message: r.message };
    cache.set(key, found);
  }
  return found;
}

/** A district of the model's dataset by any alias (浦东, 浦东新区, Pudong, 310115) → its row. */
export function resolveDistrict(ds: Dataset, arg: unknown): Outcome<number> {
  const names = () => ds.districts.map((d) => d.id).join("、");
  const namesEn = () => ds.districts.map((d) => d.en ?? d.id).join(", ");
  if (isOmitted(arg)) return fail("invalidValue", `缺少行政区参数，可用：${names()}`, `the district argument is missing; use one of: ${namesEn()}`);
  let entry = rosterCache.get(ds);
  if (!entry) rosterCache.set(ds, (entry = { roster: new Roster(ds.districts), found: new Map() }));
  const key = argKey(arg);
  let found = entry.found.get(key);
  if (!found) {
    const r = entry.roster.resolve(arg);
    if (r.ok) found = ok(ds.districts.indexOf(r.district));
    else {
      const list = r.suggestion ? "" : `。可用：${names()}`;
      const listEn = r.suggestion ? "" : `; known: ${namesEn()}`;
      found = fail("notAvailable", zhOf(r.message) + list, enOf(r.message) + listEn);
    }
    entry.found.set(key, found);
  }
  return found;
}

export type Scope = { kind: "city" } | { kind: "region"; region: Region };

const CITY_WORDS = ["全市", "city", "全部", "all", "上海", "shanghai", "全市平均"];
const OWN_REGION_WORDS = ["region", "区域", "本区域", "所属区域", "own"];

/**
 * 全市 (default) / 中心城区 / 郊区 / region (the district's own region). `district` is the row
 * asked about; without one, `region` cannot be answered.
 */
export function resolveScope(ds: Dataset, arg: unknown, district?: number): Outcome<Scope> {
  if (isOmitted(arg)) return ok({ kind: "city" });
  let cache = scopeCache.get(ds);
  if (!cache) scopeCache.set(ds, (cache = new Map()));
  const key = `${argKey(arg)}|${district === undefined ? "" : "district"}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = parseScope(ds, arg, district !== undefined)));
  if (found !== OWN_REGION) return found;
  if (district === undefined) {
    const { zh, en } = scopeChoices(ds);
    return fail("invalidValue", `「${quote(arg)}」指行政区所在区域，此函数没有行政区参数；请用 ${zh}`, `"${quote(arg)}" means the district's own region, but this function has no district; use ${en}`);
  }
  return ok({ kind: "region", region: regionOf(ds.districts[district].region, ds.regions) });
}

/** Marks "the district's own region", which each call resolves against its district. */
const OWN_REGION: Failure = { ok: false, code: "invalidValue", message: "region" };
const scopeCache = new WeakMap<Dataset, Map<string, Outcome<Scope>>>();

function scopeChoices(ds: Dataset) {
  return {
    zh: `全市、${ds.regions.map((r) => r.zh).join("、")}`,
    en: `全市 (city), ${ds.regions.map((r) => `${r.zh} (${r.id})`).join(", ")}`,
  };
}

function parseScope(ds: Dataset, arg: unknown, withDistrict: boolean): Outcome<Scope> {
  const text = typeof arg === "string" ? arg.normalize("NFKC").trim().toLowerCase() : "";
  if (CITY_WORDS.includes(text)) return ok({ kind: "city" });
  if (OWN_REGION_WORDS.includes(text)) return OWN_REGION;
  const id = text ? regionId(text, ds.regions) : undefined;
  const region = ds.regions.find((r) => r.id === id);
  if (region) return ok({ kind: "region", region });
  const { zh, en } = scopeChoices(ds);
  const own = withDistrict ? "，或 region（所在区域）" : "";
  const ownEn = withDistrict ? ', or "region" (the district\'s own region)' : "";
  return fail("invalidValue", `未知范围「${quote(arg)}」，可用：${zh}${own}`, `unknown scope "${quote(arg)}"; use ${en}${ownEn}`);
}

/** Shared preamble: scores, district row, indicator code. */
function prepare(model: Model, district: unknown, indicator: unknown) {
  const s = usable(model);
  if (!s.ok) return s;
  const d = resolveDistrict(s.value.dataset, district);
  if (!d.ok) return d;
  const fw = s.value.dataset.framework;
  const k = resolveIndicator(fw, indicator, fw.root);
  if (!k.ok) return k;
  return ok({ scores: s.value, row: d.value, code: k.value, at: d.value * fw.order.length + fw.index.get(k.value)! });
}

/** SCI.DISTRICT: a district's value of an indicator (default the composite), unrounded. */
export function districtValue(model: Model, district: unknown, indicator?: unknown): Outcome<number> {
  const p = prepare(model, district, indicator);
  return p.ok ? ok(p.value.scores.values[p.value.at]) : p;
}

/** SCI.RANK: the competition rank over the city, a region, or the district's own region. */
export function districtRank(model: Model, district: unknown, indicator?: unknown, scope?: unknown): Outcome<number> {
  const p = prepare(model, district, indicator);
  if (!p.ok) return p;
  const { scores, row, at } = p.value;
  const sc = rankScope(scores.dataset, row, scope);
  if (!sc.ok) return sc;
  return ok(sc.value === "city" ? scores.cityRanks[at] : scores.regionRanks[at]);
}

/**
 * Which ranks a scope means for a district: the city's, or its region's. A region the
 * district is not in has no rank for it.
 */
function rankScope(ds: Dataset, row: number, scope: unknown): Outcome<"city" | "region"> {
  const sc = resolveScope(ds, scope, row);
  if (!sc.ok) return sc;
  if (sc.value.kind === "city") return ok("city");
  const d = ds.districts[row];
  const home = regionOf(d.region, ds.regions);
  if (sc.value.region.id !== d.region)
    return fail(
      "notAvailable",
      `${d.id}属于${home.zh}，不在${sc.value.region.zh}内排名；请用 全市、${home.zh} 或 region`,
      `${d.en ?? d.id} is in ${home.en}, not ranked within ${sc.value.region.en}; use 全市 (city), ${home.zh} or "region"`,
    );
  return ok("region");
}

/**
 * SCI.CHANGE: last year (SCI_Previous) → this year for one district and indicator, as one row:
 * [new − old value, rank change (old rank − new rank: positive = moved up), 排名上升5位 / up 5 places].
 * Ranks are each year's own competition ranks within the scope. Decisions:
 * - No SCI_Previous table, or one with errors: #N/A saying so — there is nothing to compare with,
 *   and a 0 would read as "no change".
 * - A district missing from SCI_Previous (new this year): #N/A naming it and the year.
 * - Arguments are checked as SCI.RANK checks them; a malformed one is #VALUE!.
 */
export function districtChange(model: Model, district: unknown, indicator?: unknown, scope?: unknown): Outcome<Cell[][]> {
  const p = prepare(model, district, indicator);
  if (!p.ok) return p;
  const { scores, row, code } = p.value;
  const sc = rankScope(scores.dataset, row, scope);
  if (!sc.ok) return sc;
  const previous = SOURCE_TABLES.previous;
  if (!model.tables?.previous)
    return fail(
      "notAvailable",
      `没有上一年的数据：插入上一年输入表 ${previous}（与 ${INPUT_TABLE} 同样的列），可从 SCI 任务窗格插入`,
      `no data for last year: add a ${previous} table (the same columns as ${INPUT_TABLE}); the SCI task pane can insert one`,
    );
  if (!model.previous) {
    const errors = (model.issuesOf?.previous ?? []).filter((i) => i.severity === "error");
    return tableErrors([previous], errors);
  }
  const c = model.comparison;
  const d = scores.dataset.districts[row];
  const change = c && changeOf(c, d.id, code);
  if (!c || !change) {
    const label = c?.oldLabel ?? model.previous.dataset.label ?? "上一年";
    return fail(
      "notAvailable",
      `${d.id}不在上一年输入表 ${previous}（${label}）中，无法比较；请在该表中添加这一行`,
      `${d.en ?? d.id} is not in last year's table ${previous} (${label}), so there is nothing to compare; add its row there`,
    );
  }
  const rank = sc.value === "city" ? change.city : change.region;
  return ok([[change.change, rank.change, rankChangeText(rank.change)]]);
}

/** SCI.CITY: the plain mean over the city, 中心城区 or 郊区. */
export function scopeAverage(model: Model, indicator?: unknown, scope?: unknown): Outcome<number> {
  const s = usable(model);
  if (!s.ok) return s;
  const fw = s.value.dataset.framework;
  const k = resolveIndicator(fw, indicator, fw.root);
  if (!k.ok) return k;
  const sc = resolveScope(s.value.dataset, scope);
  if (!sc.ok) return sc;
  const means = s.value.averages.get(sc.value.kind === "city" ? "city" : sc.value.region.id);
  if (!means) return fail("notAvailable", "该范围没有行政区", "no district in that scope");
  return ok(means[fw.index.get(k.value)!]);
}

const rankingCache = new WeakMap<Scores, Map<string, Outcome<Cell[][]>>>();

/** SCI.RANKING: rows of rank, district, value, best first (ties keep the dataset's order). */
export function rankingTable(model: Model, indicator?: unknown, scope?: unknown): Outcome<Cell[][]> {
  const s = usable(model);
  if (!s.ok) return s;
  const scores = s.value;
  const fw = scores.dataset.framework;
  const k = resolveIndicator(fw, indicator, fw.root);
  if (!k.ok) return k;
  const sc = resolveScope(scores.dataset, scope);
  if (!sc.ok) return sc;
  const regionId = sc.value.kind === "region" ? sc.value.region.id : undefined;
  let cache = rankingCache.get(scores);
  if (!cache) rankingCache.set(scores, (cache = new Map()));
  const key = `${k.value}|${regionId ?? "city"}`;
  let table = cache.get(key);
  if (!table) {
    const K = fw.order.length;
    const col = fw.index.get(k.value)!;
    const ranks = regionId ? scores.regionRanks : scores.cityRanks;
    const rows = scores.dataset.districts
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => !regionId || d.region === regionId)
      .map(({ d, i }) => ({ rank: ranks[i * K + col], id: d.id, value: scores.values[i * K + col], i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i);
    table = ok(rows.map((r) => [r.rank, r.id, r.value]));
    cache.set(key, table);
  }
  return table;
}

/** SCI.CONTRIB: what one third-level indicator adds to the district's composite. */
export function contribution(model: Model, district: unknown, indicator: unknown): Outcome<number> {
  const s = usable(model);
  if (!s.ok) return s;
  const d = resolveDistrict(s.value.dataset, district);
  if (!d.ok) return d;
  const fw = s.value.dataset.framework;
  const k = resolveIndicator(fw, indicator);
  if (!k.ok) return k;
  const leaf = fw.leaves.indexOf(k.value);
  if (leaf < 0) {
    const ind = fw.indicators.get(k.value)!;
    let example = k.value;
    while (fw.indicators.get(example)!.children.length) example = fw.indicators.get(example)!.children[0];
    return fail(
      "invalidValue",
      `${describeIndicator(fw, k.value).trim()} 是${LEVEL_ZH[ind.level] ?? "上级指标"}，CONTRIB 只接受三级（输入）指标，如 ${example}`,
      `${k.value} (${ind.nameEn}) is ${LEVEL_EN[ind.level] ?? "a parent indicator"}; CONTRIB takes a third-level (input) indicator such as ${example}`,
    );
  }
  return ok(contributions(s.value, d.value)[leaf]);
}

/**
 * SCI.SCORE: the composite of one row or column of input values in report order (1–38),
 * times the coefficient (default 1), from the arguments alone.
 */
export function scoreValues(values: unknown, coefficient?: unknown, fw: Framework = framework2020): Outcome<number> {
  const L = fw.leaves.length;
  const grid = Array.isArray(values) ? values.map((r) => (Array.isArray(r) ? r : [r])) : [[values]];
  const rows = grid.length;
  const cols = Math.max(0, ...grid.map((r) => r.length));
  if (rows > 1 && cols > 1)
    return fail("invalidValue", `需要一行或一列共 ${L} 个值，收到 ${rows} 行 × ${cols} 列`, `needs one row or one column of ${L} values; got ${rows} rows × ${cols} columns`);
  const flat = grid.flat();
  if (flat.length !== L)
    return fail(
      "invalidValue",
      `收到 ${flat.length} 个值，需要 ${L} 个：每个三级指标一个，按报告序号排列（${describeIndicator(fw, fw.leaves[0])} … ${describeIndicator(fw, fw.leaves[L - 1])}）`,
      `got ${flat.length} values; ${L} are needed, one per third-level indicator in report order (${fw.leaves[0]} … ${fw.leaves[L - 1]})`,
    );
  const inputs = new Float64Array(L);
  const bad: { zh: string; en: string }[] = [];
  flat.forEach((v, j) => {
    const p = parseCell(v);
    if (p.kind === "number" && Number.isFinite(p.value) && p.value >= 0) {
      inputs[j] = p.value;
      return;
    }
    const where = `第 ${j + 1} 个值（${describeIndicator(fw, fw.leaves[j])}）`;
    const whereEn = `value ${j + 1} (${fw.leaves[j]} ${fw.indicators.get(fw.leaves[j])!.nameEn})`;
    if (p.kind === "empty") bad.push({ zh: `${where}为空`, en: `${whereEn} is empty` });
    else if (p.kind === "number") bad.push({ zh: `${where} ${p.value} 须为非负有限数`, en: `${whereEn} ${p.value} must be a finite number ≥ 0` });
    else bad.push({ zh: `${where}「${quote(p.text)}」不是数字`, en: `${whereEn} "${quote(p.text)}" is not a number` });
  });
  if (bad.length) {
    const more = bad.length > 1 ? `（另有 ${bad.length - 1} 处）` : "";
    const moreEn = bad.length > 1 ? ` (and ${bad.length - 1} more)` : "";
    return fail("invalidValue", bad[0].zh + more, bad[0].en + moreEn);
  }
  let c = 1;
  if (!isOmitted(coefficient)) {
    const p = parseCell(coefficient);
    if (p.kind !== "number" || !(p.value > 0 && p.value <= 1))
      return fail("invalidValue", `网络安全状况系数「${quote(coefficient)}」须在 (0, 1] 内，如 0.98`, `the coefficient "${quote(coefficient)}" must be in (0, 1], e.g. 0.98`);
    c = p.value;
  }
  const out = new Float64Array(fw.order.length);
  scoreRow(fw, inputs, 0, c, out, 0); // the same walk the model uses, so the same digits
  return ok(out[0]);
}

/** SCI.INDICATORS: code, 中文名, English name, weight relative to siblings; all levels or one. */
const listCache = new WeakMap<Framework, Map<string, Outcome<Cell[][]>>>();

export function indicatorRows(fw: Framework, level?: unknown): Outcome<Cell[][]> {
  let cache = listCache.get(fw);
  if (!cache) listCache.set(fw, (cache = new Map()));
  const key = isOmitted(level) ? "all" : argKey(level);
  let found = cache.get(key);
  if (!found) cache.set(key, (found = listIndicators(fw, level)));
  return found;
}

function listIndicators(fw: Framework, level: unknown): Outcome<Cell[][]> {
  const depth = Math.max(...[...fw.indicators.values()].map((i) => i.level));
  let wanted: number | undefined;
  if (!isOmitted(level)) {
    const p = parseCell(level);
    if (p.kind !== "number" || !Number.isInteger(p.value) || p.value < 0 || p.value > depth)
      return fail(
        "invalidValue",
        `层级「${quote(level)}」须为 0–${depth} 的整数（0 综合指数，1 一级，2 二级，3 三级）`,
        `level "${quote(level)}" must be an integer 0–${depth} (0 composite, 1 first, 2 second, 3 third level)`,
      );
    wanted = p.value;
  }
  const rows = fw.order
    .map((c) => fw.indicators.get(c)!)
    .filter((i) => wanted === undefined || i.level === wanted)
    .map((i) => [i.code, i.nameZh, i.nameEn, i.weight]);
  return ok(rows);
}
