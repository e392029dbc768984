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

/** Shanghai's two regions; other assessments bring their own. */
export const KNOWN_REGIONS: readonly Region[] = [
  { id: "central", zh: "中心城区", en: "Central districts" },
  { id: "suburban", zh: "郊区", en: "Suburban districts" },
];

export const CITY = { id: "city", zh: "全市", en: "City" } as const;

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s'’`\-]/g, "");

/** 中心城区 / central / Central districts → central. Unknown text passes through trimmed. */
export function regionId(text: string, regions: readonly Region[] = KNOWN_REGIONS): string | undefined {
  const q = norm(text);
  if (!q) return undefined;
  const r = regions.find((r) => [r.id, r.zh, r.en, r.en.replace(/\s*districts?$/i, "")].map(norm).includes(q));
  return r?.id;
}

export function regionOf(id: string, regions: readonly Region[] = KNOWN_REGIONS): Region {
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
  private readonly byAlias = new Map<string, District>();
  constructor(readonly districts: readonly District[]) {
    for (const d of districts) for (const a of aliasesOf(d)) if (!this.byAlias.has(a)) this.byAlias.set(a, d);
  }

  find(name: unknown): District | undefined {
    if (typeof name !== "string" && typeof name !== "number") return undefined;
    const q = norm(String(name));
    return this.byAlias.get(q) ?? this.byAlias.get(q.replace(/(新区|区)$/, ""));
  }

  /** The closest known name, when one is close enough to be a likely typo. */
  suggest(name: string): District | undefined {
    const q = norm(name);
    if (!q) return undefined;
    let best: District | undefined;
    let bestD = Infinity;
    for (const d of this.districts)
      for (const a of aliasesOf(d)) {
        const dist = editDistance(q, a);
        if (dist < bestD) [best, bestD] = [d, dist];
      }
    return bestD <= Math.max(1, Math.ceil(q.length / 3)) ? best : undefined;
  }

  resolve(name: unknown): Resolved {
    const d = this.find(name);
    if (d) return { ok: true, district: d };
    const text = typeof name === "string" || typeof name === "number" ? String(name) : "";
    const s = this.suggest(text);
    const hint = s ? `；是否指「${s.id}」` : "";
    const hintEn = s ? `; did you mean "${s.en ?? s.id}" (${s.id})` : "";
    return {
      ok: false,
      suggestion: s?.id,
      zh: `未知行政区「${text}」${hint}`,
      en: `unknown district "${text}"${hintEn}`,
    };
  }
}
