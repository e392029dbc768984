import { quote } from "./cell";
import type { Text } from "./issue";

/** A district (or any entity an assessment ranks) and its region. */
export interface District {
  /** Short Chinese name, the id used everywhere: 浦东. */
  id: string;
  fullZh?: string;
  en?: string;
  /** GB/T 2260 code: 310115. */
  code?: string;
  region: string;
}

export interface Region {
  id: string;
  zh: string;
  en: string;
}

/** The scope of every entity together; its words come from the profile (全市 / City). */
export const CITY = { id: "city", zh: "全部", en: "All" } as const;

const ENTITY = { zh: "地区", en: "entity" };

const norm = (s: string) =>
  /^[A-Za-z0-9]*$/.test(s)
    ? s.toLowerCase()
    : s
        .normalize("NFKC")
        .trim()
        .toLowerCase()
        .replace(/[\s'’`\-\u200b-\u200d\u2060]/g, "");

/** A region's id from any of its names (`中心城区`, `central`, `Central districts`); undefined if none. */
export function regionId(text: string, regions: readonly Region[]): string | undefined {
  if (regions.length === 0) return undefined;
  const names = regionNames(regions);
  return names.get(text) ?? names.get(norm(text));
}

/** Each region's names, as written and normalised, worked out once per list of regions. */
const regionNameCache = new WeakMap<readonly Region[], Map<string, string>>();
function regionNames(regions: readonly Region[]): Map<string, string> {
  let names = regionNameCache.get(regions);
  if (!names) {
    names = new Map();
    for (const r of regions)
      for (const name of [r.id, r.zh, r.en, r.en.replace(/\s*districts?$/i, "")]) {
        const q = norm(name);
        if (q && !names.has(q)) names.set(q, r.id);
        if (!names.has(name)) names.set(name, r.id);
      }
    regionNameCache.set(regions, names);
  }
  return names;
}

/** A region by id; a region known only by the name written in a table is named by it. */
export function regionOf(id: string, regions: readonly Region[] = []): Region {
  return regions.find((r) => r.id === id) ?? { id, zh: id, en: id };
}

/** Every name a district answers to. */
export function aliasesOf(d: District): string[] {
  const names = [d.id, d.fullZh, d.en, d.code].filter((x): x is string => !!x);
  if (d.en) names.push(`${d.en} district`, `${d.en} new area`);
  return names.map(norm);
}

export type Resolved = { ok: true; district: District } | ({ ok: false; suggestion?: string } & Text);

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Looks districts up by any alias: 浦东, 浦东新区, Pudong, 310115. */
export class Roster {
  private aliases: Map<string, District> | undefined;
  private readonly byId = new Map<string, District>();
  constructor(readonly districts: readonly District[]) {
    for (const d of districts) if (!this.byId.has(d.id)) this.byId.set(d.id, d);
  }

  /** Every alias, normalised: built on the first name that is not an id as written. */
  private get byAlias(): Map<string, District> {
    if (!this.aliases) {
      this.aliases = new Map();
      for (const d of this.districts) for (const a of aliasesOf(d)) if (!this.aliases.has(a)) this.aliases.set(a, d);
    }
    return this.aliases;
  }

  /** The entity whose id is exactly this cell's text, if any (no cleaning, no aliases). */
  withId(name: unknown): District | undefined {
    return typeof name === "string" ? this.byId.get(name) : undefined;
  }

  find(name: unknown): District | undefined {
    if (typeof name !== "string" && typeof name !== "number") return undefined;
    // The id as written is the common case: no normalisation needed (100k rows read fast).
    const exact = this.byId.get(String(name));
    if (exact) return exact;
    const q = norm(String(name));
    return this.byAlias.get(q) ?? this.byAlias.get(q.replace(/(新区|区|县|市|镇|街道)$/, ""));
  }

  /** The closest known name, when one is close enough to be a likely typo. */
  suggest(name: string): District | undefined {
    const q = norm(name);
    // Edit distance to every alias is O(roster): past a few thousand entities it is not a hint
    // worth its time, and a long text is no typo of a name.
    if (!q || q.length > 60 || this.districts.length > 5000) return undefined;
    let best: District | undefined;
    let bestD = Infinity;
    for (const d of this.districts)
      for (const a of aliasesOf(d)) {
        const dist = editDistance(q, a);
        if (dist < bestD) [best, bestD] = [d, dist];
      }
    return bestD <= Math.max(1, Math.ceil(q.length / 3)) ? best : undefined;
  }

  resolve(name: unknown, words: { zh: string; en: string } = ENTITY): Resolved {
    const d = this.find(name);
    if (d) return { ok: true, district: d };
    const text = typeof name === "string" || typeof name === "number" ? String(name) : "";
    const s = this.suggest(text);
    const hint = s ? `；是否指「${s.id}」` : "";
    const hintEn = s ? `; did you mean "${s.en ?? s.id}" (${s.id})` : "";
    return {
      ok: false,
      suggestion: s?.id,
      zh: `未知${words.zh}「${quote(text)}」${hint}`,
      en: `unknown ${words.en} "${quote(text)}"${hintEn}`,
    };
  }
}
