// A sequential single-hue scale, even steps of lightness in CIELAB: it reads in greyscale print
// and for every kind of colour blindness, because the classes differ in lightness, not hue.

type Lab = readonly [number, number, number];

/** The lightest and darkest class: a pale blue and a deep navy (L* 95 and 24). */
const LIGHT: Lab = [95, -2, -7];
const DARK: Lab = [24, 8, -42];

const D65 = [0.95047, 1, 1.08883];

function labToRgb([L, a, b]: Lab): [number, number, number] {
  const fy = (L + 16) / 116;
  const f = [fy + a / 500, fy, fy - b / 200];
  const [x, y, z] = f.map((t, i) => D65[i] * (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27)));
  const linear = [3.2404542 * x - 1.5371385 * y - 0.4985314 * z, -0.969266 * x + 1.8760108 * y + 0.041556 * z, 0.0556434 * x - 0.2040259 * y + 1.0572252 * z];
  const gamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
  return linear.map((c) => Math.round(Math.min(1, Math.max(0, gamma(c))) * 255)) as [number, number, number];
}

const hex = (rgb: readonly number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** `n` fills from light (lowest class) to dark (highest), as #rrggbb. */
export function sequentialScale(n: number): string[] {
  if (n <= 1) return [hex(labToRgb([(LIGHT[0] + DARK[0]) / 2, 3, -25]))];
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return hex(labToRgb([0, 1, 2].map((c) => LIGHT[c] + t * (DARK[c] - LIGHT[c])) as unknown as Lab));
  });
}

/** WCAG relative luminance of #rrggbb, 0 (black) to 1 (white). */
export function luminance(fill: string): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(fill.slice(i, i + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Text on a fill: near-black on light classes, white on dark ones, whichever contrasts more. */
export function textOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#1a1a1a" : "#ffffff";
}
