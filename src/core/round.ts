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
