/**
 * Rounds to 2 decimals as the report prints, half away from zero on the decimal value:
 * 120.505 is stored as 120.50499…, and toPrecision(12) removes that binary noise first.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const y = Math.abs(x) * 100;
  // toPrecision(12) moves y by under 1e-11·y, so it can only change the result next to a
  // half-cent; elsewhere skip it (ranking calls this for every value of every indicator).
  if (Math.abs(y - Math.floor(y) - 0.5) > 1e-9 * Math.max(1, y)) return (Math.sign(x) * Math.round(y)) / 100;
  const scaled = Number(y.toPrecision(12));
  return (Math.sign(x) * Math.round(scaled)) / 100;
}

/** Powers of ten for the decimals an assessment may choose (0–6). */
export const SCALE = [1, 10, 100, 1000, 1e4, 1e5, 1e6];

/** Rounds to `decimals` places as round2 does to 2 (half away from zero on the decimal value). */
export function roundTo(x: number, decimals: number): number {
  if (decimals === 2) return round2(x);
  if (!Number.isFinite(x)) return x;
  const f = SCALE[decimals] ?? 10 ** decimals;
  const y = Math.abs(x) * f;
  if (Math.abs(y - Math.floor(y) - 0.5) > 1e-9 * Math.max(1, y)) return (Math.sign(x) * Math.round(y)) / f;
  return (Math.sign(x) * Math.round(Number(y.toPrecision(12)))) / f;
}

/** `x` at `decimals` places as text, e.g. 0.962 at 3 → "0.962". */
export const fixedTo = (x: number, decimals: number): string => roundTo(x, decimals).toFixed(decimals);
