// An assessment profile: everything that makes one assessment differ from another, as data.
// The core, the report and every edge take a profile; none of them names an assessment.
import { Roster, type District, type Region } from "./district";
import type { Framework } from "./framework";
import type { Geometry } from "./geometry";
import type { Text } from "./issue";

/** The coefficient a composite is multiplied by (e.g. a cybersecurity coefficient), if any. */
export interface CoefficientSpec {
  /** The column's name in both languages, as headers and reports print it. */
  name: Text;
  /** Every header that means this column (matched without case and spaces). */
  headers: readonly string[];
  /** Valid values: (min, max], e.g. (0, 1]. */
  min: number;
  max: number;
}

/** The words an assessment uses in its tables and titles. */
export interface ProfileWords {
  /** One ranked entity: 行政区 / district, 县 / county, 街镇 / subdistrict. */
  entity: Text;
  /** The whole set, as averages and ranks name it: 全市 / City. */
  whole: Text;
  /** The average over the whole set, as its rows name it; absent: the whole's word and 平均 / mean (全市平均 / City mean). */
  mean?: Text;
  /** The rank column: 排名 / Rank. */
  rank: Text;
  /** The report's title, before the composite's name: e.g. 2020 ("2020年…"). */
  title?: Text;
}

export interface Profile {
  /** A stable id, e.g. for settings: `shanghai-2020`. */
  id: string;
  /** The assessment's name in both languages. */
  name: Text;
  /** The default label of a year's data (`2020`). */
  label?: string;
  framework: Framework;
  /**
   * The known entities. Empty: any name is accepted and the input's region column decides
   * (a roster of N entities from a file or table replaces it).
   */
  districts: readonly District[];
  /** Regions in report order; an entity's `region` is one of these ids. */
  regions: readonly Region[];
  /** Absent: the composite is not multiplied by anything, and nothing is said about it. */
  coefficient?: CoefficientSpec;
  words: ProfileWords;
  /** The entities' shapes, for maps; absent: the assessment has no map unless given shapes. */
  geometry?: Geometry;
  /** Inputs shipped with the profile (header row first), scored when a workbook has none. */
  builtinInputs?: readonly (readonly (string | number)[])[];
}

/** Looks the profile's entities up by any alias; cached per profile. */
const rosters = new WeakMap<Profile, Roster>();
export function rosterOf(p: Profile): Roster {
  let r = rosters.get(p);
  if (!r) rosters.set(p, (r = new Roster(p.districts)));
  return r;
}

/** What validation needs to know of a profile: its framework, entity list, regions, coefficient and words. */
export function profileOptions(p: Profile): {
  framework: Framework;
  roster?: Roster;
  regions: readonly Region[];
  coefficient: CoefficientSpec | null;
  words: ProfileWords;
} {
  return {
    framework: p.framework,
    roster: p.districts.length ? rosterOf(p) : undefined,
    regions: p.regions,
    coefficient: p.coefficient ?? null,
    words: p.words,
  };
}

/** The same assessment with another framework, entity list or coefficient (a new object). */
export function withProfile(p: Profile, changes: Partial<Omit<Profile, "id">>): Profile {
  return { ...p, ...changes };
}

/** Generic words for an assessment that brings none. */
export const GENERIC_WORDS: ProfileWords = {
  entity: { zh: "地区", en: "entity" },
  whole: { zh: "总体", en: "Overall" },
  rank: { zh: "排名", en: "Rank" },
};

/** The label of the whole set's average row: the profile's own, else 全市平均 / City mean from its word for the whole. */
export function meanWords(w: ProfileWords): Text {
  return w.mean ?? { zh: `${w.whole.zh}平均`, en: `${w.whole.en} mean` };
}

/**
 * The words of an entity list that replaces the profile's. The list names its entities by its
 * name column's header (县 / county), if that says what they are. The profile's word for the
 * whole (全市) stays only for its own kind of entity, or when every name is one of the profile's
 * own; any other list gets the generic whole, so a list of counties never prints 全市平均 / City mean.
 */
export function listWords(profile: ProfileWords, entity: Text | undefined, own: boolean): ProfileWords {
  const same = !!entity && (entity.en.toLowerCase() === profile.entity.en.toLowerCase() || entity.zh === profile.entity.zh);
  if (same || own) return { ...profile, entity: entity ?? profile.entity };
  return { entity: entity ?? GENERIC_WORDS.entity, whole: GENERIC_WORDS.whole, rank: profile.rank, ...(profile.title ? { title: profile.title } : {}) };
}

/**
 * The profile scored with another framework: the base with that framework when they share an
 * input indicator (reweighted, extended); else another assessment altogether, with none of the
 * base's entities, regions, coefficient, data or shapes.
 */
export function forFramework(base: Profile, framework: Framework): Profile {
  if (framework.leaves.some((c) => base.framework.indicators.has(c))) return withProfile(base, { framework });
  const root = framework.indicators.get(framework.root)!;
  return { id: `${base.id}+own`, name: { zh: root.nameZh, en: root.nameEn }, framework, districts: [], regions: [], words: GENERIC_WORDS };
}
