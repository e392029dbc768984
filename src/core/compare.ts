import type { Region } from "./district";
import type { Framework } from "./framework";
import { GENERIC_WORDS, type ProfileWords } from "./profile";
import { issue, type Issue, type Text } from "./issue";
import { methodNote, methodSuffix } from "./method-note";
import type { Scores } from "./score";

/** A rank in two years. `change` is old − new: positive means the district moved up. */
export interface RankChange {
  old: number;
  new: number;
  change: number;
}

export interface IndicatorChange {
  indicator: string;
  old: number;
  new: number;
  /** new − old, at full precision (shown rounded to 2 decimals). */
  change: number;
  city: RankChange;
  region: RankChange;
}

export interface DistrictChange {
  district: string;
  /** The region in the newer year. */
  region: string;
  /** One per compared indicator, in `Comparison.codes` order. */
  indicators: IndicatorChange[];
}

export interface Comparison {
  oldLabel: string;
  newLabel: string;
  /** The newer year's framework: names and order come from it. */
  framework: Framework;
  /** Indicators in both years' frameworks, in the newer framework's order. */
  codes: string[];
  /** Districts in both years, in the newer year's order. */
  districts: DistrictChange[];
  /** The newer year's regions, for their names. */
  regions: readonly Region[];
  /** The assessment's words (行政区, 全市 …). */
  words: ProfileWords;
  /** Districts in only one of the years: listed, not compared. */
  onlyOld: string[];
  onlyNew: string[];
  issues: Issue[];
  /** A title's note when the years were scored another way than the report's (`（几何平均 / geometric mean）`), else "". */
  method: string;
  /** The same note in each language, for a title in two lines; absent for the report's method. */
  note?: Text;
  /** The mean over every entity of each year (as its ranking prints it), per compared indicator, in `codes` order. */
  means: { old: number; new: number }[];
}

/**
 * Year over year: for every district in both years and every indicator in both frameworks,
 * the value then and now, its change, and the change of rank over the city and within the
 * region. Ranks are each year's own (competition ranks on values rounded to 2 decimals).
 * Districts or indicators present in one year only become warnings, never a failure.
 */
export function compare(older: Scores, newer: Scores, labels: { old?: string; new?: string } = {}): Comparison {
  const oldLabel = labels.old ?? older.dataset.label ?? "旧 old";
  const newLabel = labels.new ?? newer.dataset.label ?? "新 new";
  const oldFw = older.dataset.framework;
  const fw = newer.dataset.framework;
  const issues: Issue[] = [];
  const words = newer.dataset.words ?? GENERIC_WORDS;
  const e = words.entity;

  const codes = fw.order.filter((c) => oldFw.index.has(c));
  for (const c of fw.order.filter((c) => !oldFw.index.has(c)))
    issues.push(
      issue("warning", "compare-new-indicator", `指标 ${c} 仅见于${newLabel}，未比较`, `indicator ${c} is only in ${newLabel}; not compared`, { indicator: c }),
    );
  for (const c of oldFw.order.filter((c) => !fw.index.has(c)))
    issues.push(
      issue("warning", "compare-dropped-indicator", `指标 ${c} 仅见于${oldLabel}，未比较`, `indicator ${c} is only in ${oldLabel}; not compared`, {
        indicator: c,
      }),
    );

  const oldIndex = new Map(older.dataset.districts.map((d, i) => [d.id, i]));
  const newIds = new Set(newer.dataset.districts.map((d) => d.id));
  const onlyOld = older.dataset.districts.filter((d) => !newIds.has(d.id)).map((d) => d.id);
  const onlyNew = newer.dataset.districts.filter((d) => !oldIndex.has(d.id)).map((d) => d.id);
  for (const d of onlyOld)
    issues.push(
      issue(
        "warning",
        "compare-district-dropped",
        `${e.zh}「${d}」仅见于${oldLabel}数据，未比较`,
        `${e.en} "${d}" is only in the ${oldLabel} data; not compared`,
        { district: d },
      ),
    );
  for (const d of onlyNew)
    issues.push(
      issue("warning", "compare-district-new", `${e.zh}「${d}」仅见于${newLabel}数据，未比较`, `${e.en} "${d}" is only in the ${newLabel} data; not compared`, {
        district: d,
      }),
    );

  const Ko = oldFw.order.length;
  const Kn = fw.order.length;
  const districts: DistrictChange[] = [];
  newer.dataset.districts.forEach((d, j) => {
    const i = oldIndex.get(d.id);
    if (i === undefined) return;
    const was = older.dataset.districts[i];
    if (was.region !== d.region)
      issues.push(
        issue(
          "warning",
          "compare-region-changed",
          `${e.zh}「${d.id}」的区域由 ${was.region} 变为 ${d.region}，区内排名按各年区域计`,
          `district "${d.id}" moved from region ${was.region} to ${d.region}; rank in region is each year's own`,
          { district: d.id },
        ),
      );
    districts.push({
      district: d.id,
      region: d.region,
      indicators: codes.map((code) => {
        const a = i * Ko + oldFw.index.get(code)!;
        const b = j * Kn + fw.index.get(code)!;
        const rank = (o: number, n: number): RankChange => ({ old: o, new: n, change: o - n });
        return {
          indicator: code,
          old: older.values[a],
          new: newer.values[b],
          change: newer.values[b] - older.values[a],
          city: rank(older.cityRanks[a], newer.cityRanks[b]),
          region: rank(older.regionRanks[a], newer.regionRanks[b]),
        };
      }),
    });
  });
  if (districts.length === 0)
    issues.push(
      issue(
        "error",
        "compare-no-common-district",
        `${oldLabel}与${newLabel}数据没有共同的${e.zh}`,
        `the ${oldLabel} and ${newLabel} data have no ${e.en} in common`,
      ),
    );
  const method = methodSuffix(newer.dataset);
  const note = methodNote(newer.dataset);
  const [oldMean, newMean] = [older.averages.get("city"), newer.averages.get("city")];
  const means = codes.map((code) => ({ old: oldMean?.[oldFw.index.get(code)!] ?? NaN, new: newMean?.[fw.index.get(code)!] ?? NaN }));
  return {
    oldLabel,
    newLabel,
    framework: fw,
    codes,
    districts,
    regions: newer.dataset.regions,
    words,
    onlyOld,
    onlyNew,
    issues,
    method,
    ...(note ? { note } : {}),
    means,
  };
}

/** One district's change on one indicator (by code), or undefined if it was not compared. */
export function changeOf(c: Comparison, district: string, indicator: string): IndicatorChange | undefined {
  const k = c.codes.indexOf(indicator);
  return k < 0 ? undefined : c.districts.find((d) => d.district === district)?.indicators[k];
}

/** 排名上升5位 / up 5 places; 排名下降1位 / down 1 place; 排名不变 / unchanged. */
export function rankChangeText(change: number): string {
  const n = Math.abs(change);
  const places = `${n} place${n === 1 ? "" : "s"}`;
  if (change > 0) return `排名上升${n}位 / up ${places}`;
  if (change < 0) return `排名下降${n}位 / down ${places}`;
  return "排名不变 / unchanged";
}
