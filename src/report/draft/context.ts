// What every part of the draft reads: the scores, last years' scores, the comparison with last
// year, and the assessment's names, in the draft's language.
import { compare, type Comparison, type Indicator, type ProfileWords, type Region, type Scores, type Text } from "../../core";
import { wordsOf } from "../layout";
import type { DraftLang } from "./model";

export interface DraftInput {
  scores: Scores;
  /** Earlier years' scores, the most recent first: changes are against the first, runs of years over all. */
  previous?: readonly Scores[];
  /** The assessment's name (the profile's): the report is titled after it. */
  name: Text;
  lang: DraftLang;
  /** Whether the edges can draw maps (the entities have shapes). */
  maps: boolean;
}

const LEVELS_ZH = ["", "一级指标", "二级指标", "三级指标", "四级指标", "五级指标"];
const LEVELS_EN = ["", "first-level", "second-level", "third-level", "fourth-level", "fifth-level"];

export class DraftContext {
  readonly s: Scores;
  readonly lang: DraftLang;
  readonly words: ProfileWords;
  readonly previous: readonly Scores[];
  /** Against last year, when given. */
  readonly cmp?: Comparison;
  readonly label: string;
  readonly K: number;
  constructor(readonly input: DraftInput) {
    this.s = input.scores;
    this.lang = input.lang;
    this.words = wordsOf(this.s.dataset);
    this.previous = input.previous ?? [];
    this.label = this.s.dataset.label ?? "";
    this.K = this.s.dataset.framework.order.length;
    if (this.previous.length) this.cmp = compare(this.previous[0], this.s);
  }
  get fw() {
    return this.s.dataset.framework;
  }
  get regions(): readonly Region[] {
    return this.s.dataset.regions;
  }
  get n(): number {
    return this.s.dataset.districts.length;
  }
  t(text: Text): string {
    return this.lang === "zh" ? text.zh : text.en;
  }
  ind(code: string): Indicator {
    return this.fw.indicators.get(code)!;
  }
  name(code: string): string {
    const i = this.ind(code);
    return this.lang === "zh" ? i.nameZh : i.nameEn;
  }
  levelWord(level: number): string {
    return this.lang === "zh" ? (LEVELS_ZH[level] ?? `${level}级指标`) : `${LEVELS_EN[level] ?? `level-${level}`} indicators`;
  }
  regionName(r: Region): string {
    return this.lang === "zh" ? r.zh : r.en;
  }
  /** The name in tables: 浦东 / Pudong. */
  short(i: number): string {
    const d = this.s.dataset.districts[i];
    return this.lang === "zh" ? d.id : (d.en ?? d.id);
  }
  /** The name in sentences: 浦东新区 / Pudong (the full name where the list has one). */
  full(i: number): string {
    const d = this.s.dataset.districts[i];
    return this.lang === "zh" ? (d.fullZh ?? d.id) : (d.en ?? d.fullZh ?? d.id);
  }
  value(i: number, code: string): number {
    return this.s.values[i * this.K + this.fw.index.get(code)!];
  }
  rank(i: number, code: string): number {
    return this.s.cityRanks[i * this.K + this.fw.index.get(code)!];
  }
  regionRank(i: number, code: string): number {
    return this.s.regionRanks[i * this.K + this.fw.index.get(code)!];
  }
  /** The mean over all entities (`city`) or a region. */
  mean(scope: string, code: string): number {
    return this.s.averages.get(scope)?.[this.fw.index.get(code)!] ?? NaN;
  }
  /** This year's mean minus last year's, or undefined without last year (or the indicator then). */
  meanChange(scope: string, code: string): number | undefined {
    const p = this.previous[0];
    const k = p?.dataset.framework.index.get(code);
    if (!p || k === undefined) return undefined;
    const old = p.averages.get(scope)?.[k];
    return old === undefined ? undefined : this.mean(scope, code) - old;
  }
  /** Entities of a region (all for `city`), best first: by rank, then as listed. */
  ranked(code: string, scope = "city"): number[] {
    const members = this.s.dataset.districts.flatMap((d, i) => (scope === "city" || d.region === scope ? [i] : []));
    const rank = scope === "city" ? (i: number) => this.rank(i, code) : (i: number) => this.regionRank(i, code);
    return members.sort((a, b) => rank(a) - rank(b) || a - b);
  }
  /** The plain mean of the coefficient over a year's entities. */
  coefficientMean(s: Scores = this.s): number {
    const c = s.dataset.coefficients;
    let t = 0;
    for (const x of c) t += x;
    return c.length ? t / c.length : NaN;
  }
  /** The non-leaf indicators' children that are themselves indices (not inputs). */
  isLeaf(code: string): boolean {
    return this.ind(code).children.length === 0;
  }
}
