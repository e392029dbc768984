/** Parses a weight written as `0.25`, `1/4` or `25%`; NaN when it is none of these. */
export function parseWeight(text: string | number): number {
  if (typeof text === "number") return text;
  const s = text.trim();
  const frac = /^([+-]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (frac) return Number(frac[2]) === 0 ? NaN : Number(frac[1]) / Number(frac[2]);
  const pct = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(s);
  if (pct) return Number(pct[1]) / 100;
  return s === "" ? NaN : Number(s);
}
