// The figures the model-backed SCI functions answer: DISTRICT, RANK, CHANGE, CITY, RANKING
// and CONTRIB, each from the model's scores once its arguments resolve.
import { changeOf, contributions, describeIndicator, rankChangeText, regionOf, type Dataset, type Scores } from "../core";
import type { Model } from "../excel/model";
import { INPUT_TABLE } from "../excel/input";
import { SOURCE_TABLES } from "../excel/sources";
import { fail, ok, type Cell, type Outcome } from "./outcome";
import { entityOf, resolveDistrict, resolveIndicator, resolveScope, tableErrors, usable, wholeOf } from "./resolve";

const LEVEL_ZH = ["综合指数", "一级指标", "二级指标", "三级指标"];
const LEVEL_EN = ["the composite", "a first-level indicator", "a second-level indicator", "a third-level indicator"];

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
      `${d.id}属于${home.zh}，不在${sc.value.region.zh}内排名；请用 ${wholeOf(ds).zh}、${home.zh} 或 region`,
      `${d.en ?? d.id} is in ${home.en}, not ranked within ${sc.value.region.en}; use ${wholeOf(ds).zh} (${wholeOf(ds).en}), ${home.zh} or "region"`,
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

/** SCI.CITY: the plain mean over every entity, or over one region's. */
export function scopeAverage(model: Model, indicator?: unknown, scope?: unknown): Outcome<number> {
  const s = usable(model);
  if (!s.ok) return s;
  const fw = s.value.dataset.framework;
  const k = resolveIndicator(fw, indicator, fw.root);
  if (!k.ok) return k;
  const sc = resolveScope(s.value.dataset, scope);
  if (!sc.ok) return sc;
  const means = s.value.averages.get(sc.value.kind === "city" ? "city" : sc.value.region.id);
  if (!means) return fail("notAvailable", `该范围没有${entityOf(s.value.dataset).zh}`, `no ${entityOf(s.value.dataset).en} in that scope`);
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
