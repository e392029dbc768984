// Resolving an SCI call against one model: the scores or framework to answer from, and the
// district, indicator and scope its arguments name. Lookups are cached; failures explain.
import { findIndicator, GENERIC_WORDS, quote, regionId, regionOf, Roster, type Dataset, type Framework, type Region, type Scores, type Text } from "../core";
import { defaultProfile } from "../data";
import type { Model } from "../excel/model";
import { INPUT_TABLE } from "../excel/input";
import { SOURCE_TABLES } from "../excel/sources";
import { argKey, fail, isOmitted, ok, type Failure, type Outcome } from "./outcome";

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
  return [...(kind ? (model.issuesOf[kind] ?? []) : []), ...(table === SOURCE_TABLES.framework && !model.tables?.input ? (model.issuesOf.input ?? []) : [])];
}

/** #N/A naming the tables with errors, how many, and the first of them. */
export function tableErrors(tables: readonly string[], errors: readonly Text[]): Failure {
  const first = errors[0];
  const clip = (s: string) => (s.length > 90 ? s.slice(0, 89) + "…" : s);
  const names = tables.join("、");
  const namesEn = tables.join(", ");
  return fail(
    "notAvailable",
    `${names} 表有 ${errors.length} 个错误，请打开 SCI 任务窗格查看并修正${first ? "。第一个：" + clip(first.zh) : ""}`,
    `the ${namesEn} table${tables.length > 1 ? "s have" : " has"} ${errors.length} error${errors.length === 1 ? "" : "s"}; open the SCI task pane to see and fix them${first ? ". First: " + clip(first.en) : ""}`,
  );
}

/** The framework of the current model (the 2020 one unless the model brings another). */
export const frameworkOf = (model: Model): Framework => model.framework ?? model.dataset?.framework ?? model.profile?.framework ?? defaultProfile.framework;

/**
 * The framework for SCORE and INDICATORS: the workbook's SCI_Framework when it has one. If that
 * table has errors there is no framework to use, and saying so beats silently using 2020's.
 */
export function usableFramework(model: Model): Outcome<Framework> {
  if (model.frameworkSource === "workbook" && !model.framework)
    return tableErrors(
      [SOURCE_TABLES.framework],
      (model.issuesOf?.framework ?? []).filter((i) => i.severity === "error"),
    );
  return ok(frameworkOf(model));
}

// Lookups are cached per framework / dataset: a thousand cells asking for 浦东 parse it once.
const indicatorCache = new WeakMap<Framework, Map<string, Outcome<string>>>();
const rosterCache = new WeakMap<Dataset, { roster: Roster; found: Map<string, Outcome<number>> }>();

/** An indicator by code (B2.3), report number (13), name or path; omitted → `fallback`. */
export function resolveIndicator(fw: Framework, arg: unknown, fallback?: string): Outcome<string> {
  if (isOmitted(arg)) {
    if (fallback !== undefined) return ok(fallback);
    return fail(
      "invalidValue",
      "缺少指标参数，请写代码（如 B2.3）、序号（如 13）或名称",
      "the indicator argument is missing: give a code (B2.3), report number (13) or name",
    );
  }
  let cache = indicatorCache.get(fw);
  if (!cache) indicatorCache.set(fw, (cache = new Map()));
  const key = argKey(arg);
  let found = cache.get(key);
  if (!found) {
    const r = typeof arg === "string" || typeof arg === "number" ? findIndicator(fw, arg) : findIndicator(fw, "");
    found = r.ok ? ok(r.value) : fail(r.code === "ambiguous" ? "invalidValue" : "notAvailable", r.zh, r.en);
    cache.set(key, found);
  }
  return found;
}

/** A district of the model's dataset by any alias (浦东, 浦东新区, Pudong, 310115) → its row. */
export function resolveDistrict(ds: Dataset, arg: unknown): Outcome<number> {
  const names = () => ds.districts.map((d) => d.id).join("、");
  const namesEn = () => ds.districts.map((d) => d.en ?? d.id).join(", ");
  const e = entityOf(ds);
  if (isOmitted(arg)) return fail("invalidValue", `缺少${e.zh}参数，可用：${names()}`, `the ${e.en} argument is missing; use one of: ${namesEn()}`);
  let entry = rosterCache.get(ds);
  if (!entry) rosterCache.set(ds, (entry = { roster: new Roster(ds.districts), found: new Map() }));
  const key = argKey(arg);
  let found = entry.found.get(key);
  if (!found) {
    const r = entry.roster.resolve(arg, e);
    if (r.ok) found = ok(ds.districts.indexOf(r.district));
    else {
      const list = r.suggestion ? "" : `。可用：${names()}`;
      const listEn = r.suggestion ? "" : `; known: ${namesEn()}`;
      found = fail("notAvailable", r.zh + list, r.en + listEn);
    }
    entry.found.set(key, found);
  }
  return found;
}

export type Scope = { kind: "city" } | { kind: "region"; region: Region };

/** Words for every entity together, besides the profile's own (全市 / City). */
const CITY_WORDS = ["全市", "city", "全部", "all", "全市平均", "total"];
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
    const e = entityOf(ds);
    return fail(
      "invalidValue",
      `「${quote(arg)}」指${e.zh}所在区域，此函数没有${e.zh}参数；请用 ${zh}`,
      `"${quote(arg)}" means the ${e.en}'s own region, but this function has no ${e.en}; use ${en}`,
    );
  }
  return ok({ kind: "region", region: regionOf(ds.districts[district].region, ds.regions) });
}

/** The words for every entity together: the profile's (全市 / City), or generic ones. */
export const wholeOf = (ds: Dataset): Text => (ds.words ?? GENERIC_WORDS).whole;

/** The word for one entity: the profile's (行政区 / district), or a generic one. */
export const entityOf = (ds: Dataset): Text => (ds.words ?? GENERIC_WORDS).entity;

/** Marks "the district's own region", which each call resolves against its district. */
const OWN_REGION: Failure = fail("invalidValue", "region", "region");
const scopeCache = new WeakMap<Dataset, Map<string, Outcome<Scope>>>();

function scopeChoices(ds: Dataset) {
  return {
    zh: `${wholeOf(ds).zh}、${ds.regions.map((r) => r.zh).join("、")}`,
    en: `${wholeOf(ds).zh} (${wholeOf(ds).en}), ${ds.regions.map((r) => (r.zh === r.id ? r.zh : `${r.zh} (${r.id})`)).join(", ")}`,
  };
}

function parseScope(ds: Dataset, arg: unknown, withDistrict: boolean): Outcome<Scope> {
  const text = typeof arg === "string" ? arg.normalize("NFKC").trim().toLowerCase() : "";
  const whole = wholeOf(ds);
  if (CITY_WORDS.includes(text) || text === whole.zh.toLowerCase() || text === whole.en.toLowerCase()) return ok({ kind: "city" });
  if (OWN_REGION_WORDS.includes(text)) return OWN_REGION;
  const id = text ? regionId(text, ds.regions) : undefined;
  const region = ds.regions.find((r) => r.id === id);
  if (region) return ok({ kind: "region", region });
  const { zh, en } = scopeChoices(ds);
  const own = withDistrict ? "，或 region（所在区域）" : "";
  const ownEn = withDistrict ? `, or "region" (the ${entityOf(ds).en}'s own region)` : "";
  return fail("invalidValue", `未知范围「${quote(arg)}」，可用：${zh}${own}`, `unknown scope "${quote(arg)}"; use ${en}${ownEn}`);
}
