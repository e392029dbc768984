// A bar chart as a standalone SVG: one horizontal bar per label, its value at the bar's end,
// bars from zero. The edges rasterise it (the CLI with resvg, the pane with a canvas).
import { MAP_FONTS, xml } from "../map-svg";
import { displayWidth } from "../width";
import { fmt } from "./text";

const BAR = "#2f6fa7";
const ROW = 30;
const TOP = 14;

/** Bars of `values` (NaN: no bar) labelled `labels`, `width` px wide. */
export function barsSvg(labels: readonly string[], values: readonly number[], width = 640): string {
  const fs = 15;
  const labelW = Math.min(width * 0.45, Math.max(40, ...labels.map((l) => displayWidth(l) * fs * 0.55))) + 10;
  const valueW = 56;
  const plotW = width - labelW - valueW - 10;
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const height = TOP * 2 + labels.length * ROW;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_FONTS}" font-size="${fs}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<line x1="${labelW}" y1="${TOP - 4}" x2="${labelW}" y2="${height - TOP + 4}" stroke="#888888" stroke-width="1"/>`,
  ];
  labels.forEach((label, j) => {
    const y = TOP + j * ROW;
    const v = values[j];
    const w = Number.isFinite(v) && max > 0 ? Math.max(0, (v / max) * plotW) : 0;
    out.push(`<text x="${labelW - 8}" y="${y + ROW / 2 + fs * 0.35}" text-anchor="end" fill="#1a1a1a">${xml(label)}</text>`);
    if (w > 0) out.push(`<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW - 8}" fill="${BAR}"/>`);
    out.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + ROW / 2 + fs * 0.35}" fill="#1a1a1a">${xml(fmt(v))}</text>`);
  });
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
