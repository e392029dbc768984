// functions_10k_calls_ms: 10,000 SCI function calls of every kind, resolved by the functions'
// pure resolver against one model — what a recalculation of a workbook full of SCI cells costs.
import { performance } from "node:perf_hooks";
import { round2 } from "../src/core";
import { DISTRICTS_SHANGHAI, framework2020, INPUTS_2020 } from "../src/data";
import { buildModel, type Model } from "../src/excel/model";
import { contribution, districtRank, districtValue, rankingTable, scopeAverage } from "../src/functions/figures";
import { indicatorRows, scoreValues } from "../src/functions/framework";
import { evaluateRange, rangeRank, rangeValue } from "../src/functions/range";
import type { Outcome } from "../src/functions/outcome";
import { median, seeded, type Timing } from "./measure";

type Call = (m: Model) => Outcome<unknown>;

export const CALLS = 10_000;

/** A seeded mix: every district by every alias, indicators by code, number, name and path, bad arguments too. */
export function callMix(n = CALLS): { calls: Call[]; bad: number } {
  const fw = framework2020;
  const rnd = seeded(5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const districts = DISTRICTS_SHANGHAI.flatMap((d) => [d.id, d.fullZh, d.en, d.code].filter((x): x is string => !!x));
  // Names shared by two indicators (政务服务 is B1 and C2.1) are ambiguous: only unique ones here.
  const nameCount = new Map<string, number>();
  for (const c of fw.order) nameCount.set(fw.indicators.get(c)!.nameZh, (nameCount.get(fw.indicators.get(c)!.nameZh) ?? 0) + 1);
  const indicatorArgs = fw.order.flatMap((c) => {
    const ind = fw.indicators.get(c)!;
    return [c, ...(nameCount.get(ind.nameZh) === 1 ? [ind.nameZh] : []), ...(ind.no !== undefined ? [ind.no, String(ind.no)] : [])];
  });
  const leaves = fw.leaves.flatMap((c) => [c, ...(nameCount.get(fw.indicators.get(c)!.nameZh) === 1 ? [fw.indicators.get(c)!.nameZh] : [])]);
  const scopes = [null, "全市", "中心城区", "郊区", "central", "suburban"];
  const row = INPUTS_2020[1].slice(2, 2 + fw.leaves.length);
  const calls: Call[] = [];
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.02) {
      bad++; // an unknown district, an ambiguous name (政务服务 is B1 and C2.1), a bad scope
      const which = i % 3;
      calls.push(
        which === 0 ? (m) => districtValue(m, "浦西") : which === 1 ? (m) => districtValue(m, "浦东", "政务服务") : (m) => scopeAverage(m, "A", "乡村"),
      );
    } else if (r < 0.45) {
      const d = pick(districts);
      const k = pick([null, ...indicatorArgs, "区域创新/政务服务"]);
      calls.push((m) => districtValue(m, d, k));
    } else if (r < 0.7) {
      const d = pick(districts);
      const k = pick([null, ...indicatorArgs]);
      const s = pick([null, "全市", "region", "区域"]);
      calls.push((m) => districtRank(m, d, k, s));
    } else if (r < 0.82) {
      const k = pick([null, ...indicatorArgs]);
      const s = pick(scopes);
      calls.push((m) => scopeAverage(m, k, s));
    } else if (r < 0.9) {
      const d = pick(districts);
      const k = pick(leaves);
      calls.push((m) => contribution(m, d, k));
    } else if (r < 0.95) {
      const k = pick([null, ...indicatorArgs]);
      const s = pick(scopes);
      calls.push((m) => rankingTable(m, k, s));
    } else if (r < 0.99) {
      const c = pick([null, 1, 0.98]);
      calls.push(() => scoreValues([row], c));
    } else {
      const level = pick([null, 0, 1, 2, 3]);
      calls.push(() => indicatorRows(fw, level));
    }
  }
  return { calls, bad };
}

const model = () => buildModel({ sheet: "SCI_Input", rows: INPUTS_2020 }, 1);

/** Checks the mix answers right before timing it: a fast wrong answer is no figure. */
function check(calls: Call[], bad: number): void {
  const m = model();
  const pudong = districtValue(m, "Pudong");
  if (!pudong.ok || round2(pudong.value) !== 133.41) throw new Error(`SCI.DISTRICT("Pudong") is not 133.41: ${JSON.stringify(pudong)}`);
  const failed = calls.map((c) => c(m)).filter((o) => !o.ok).length;
  if (failed !== bad) throw new Error(`${failed} of the mixed calls failed; ${bad} were meant to`);
}

/**
 * Each sample builds a fresh model (as after an edit, so per-dataset caches start empty) and
 * times only the 10,000 calls against it.
 */
export async function functionCalls(runs = 15, warmup = 5): Promise<Timing> {
  const { calls, bad } = callMix();
  check(calls, bad);
  const ms: number[] = [];
  let sink = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const m = model();
    const t0 = performance.now();
    for (const c of calls) sink += c(m).ok ? 1 : 0;
    if (i >= warmup) ms.push(performance.now() - t0);
  }
  if (sink === 0) throw new Error("no call succeeded");
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs };
}

// evaluate_1k_ms: 1,000 formulas over one 16-row range (SCI.EVALUATE, SCI.VALUE, SCI.RANKOF),
// each handed its own copy of the range's values as Excel passes them, after an edit to it.

/** The 2020 inputs as a user's range: a title row above a header, values as numbers. */
function userRange(edit: number): unknown[][] {
  const [head, ...body] = INPUTS_2020;
  const rows = body.map((r) => r.map((v, c) => (c < 2 ? v : Number(v))));
  rows[0][2] = Number(rows[0][2]) + edit / 1e6; // each sample edits the range: the first formula reads it afresh
  return [["2020 年各区数据", ...Array(head.length - 1).fill("")], [...head], ...rows];
}

export const FORMULAS = 1_000;

export function evaluateCalls(runs = 15, warmup = 5): Timing {
  const m = model();
  const check = evaluateRange(m, userRange(0));
  const ranking = rankingTable(m);
  if (!check.ok || !ranking.ok || JSON.stringify(check.value) !== JSON.stringify(ranking.value))
    throw new Error(`SCI.EVALUATE over the 2020 range is not the 2020 ranking: ${JSON.stringify(check)}`);
  const pudong = rangeValue(m, userRange(0), "浦东");
  if (!pudong.ok || round2(pudong.value) !== 133.41) throw new Error(`SCI.VALUE(range, "浦东") is not 133.41: ${JSON.stringify(pudong)}`);
  const xuhui = rangeRank(m, userRange(0), "徐汇");
  if (!xuhui.ok || xuhui.value !== 2) throw new Error(`SCI.RANKOF(range, "徐汇") is not 2: ${JSON.stringify(xuhui)}`);
  const names = DISTRICTS_SHANGHAI.map((d) => d.id);
  const ms: number[] = [];
  let sink = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const copies = Array.from({ length: FORMULAS }, () => userRange(i + 1)); // made before timing, as Excel marshals them
    const t0 = performance.now();
    copies.forEach((range, k) => {
      const d = names[k % names.length];
      const o = k % 3 === 0 ? evaluateRange(m, range) : k % 3 === 1 ? rangeValue(m, range, d) : rangeRank(m, range, d, null, "region");
      sink += o.ok ? 1 : 0;
    });
    if (i >= warmup) ms.push(performance.now() - t0);
  }
  if (sink !== (warmup + runs) * FORMULAS) throw new Error("a range formula failed");
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs };
}
