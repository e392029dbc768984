// Timing helpers: a figure is the median of several runs after a warm-up, so one slow run
// (a GC pause, the other core busy) does not decide it.
import { performance } from "node:perf_hooks";

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Calls per sample. */
  inner?: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times `fn` after `warmup` untimed calls. Each of the `runs` samples times `inner` calls and
 * divides, so sub-millisecond work is not lost in timer resolution. Milliseconds per call.
 */
export function time(fn: () => unknown, runs = 15, warmup = 5, inner = 1): Timing {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < inner; j++) sink = fn();
    ms.push((performance.now() - t0) / inner);
  }
  keep(sink);
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs, inner };
}

export async function timeAsync(fn: () => Promise<unknown>, runs = 7, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs };
}

// Results go somewhere observable so the engine cannot drop the work as dead code.
let kept = 0;
function keep(v: unknown): void {
  if (v instanceof Float64Array) kept += v[0] ?? 0;
  else if (typeof v === "number") kept += v;
  else if (v) kept++;
}
export const keptSum = (): number => kept;

/** A small seeded generator (mulberry32): the same synthetic data on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
