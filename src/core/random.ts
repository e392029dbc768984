/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence
 * on every machine, so a sensitivity run can be repeated and checked. Not for cryptography.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): Random {
  // State kept as a signed 32-bit integer: V8 then holds it unboxed, with no allocation per call.
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed from what a user typed: a whole number in [0, 2^32) is used as is; anything else
 * (text, a fraction, a larger number) is hashed (FNV-1a) so every input names one run.
 */
export function seedOf(value: number | string): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 4294967296) return value;
  const text = String(value).trim();
  if (/^\d+$/.test(text) && Number(text) < 4294967296) return Number(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
