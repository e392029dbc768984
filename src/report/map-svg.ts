// A map layout as a standalone SVG document: no script, no external reference, every text
// escaped, the same bytes for the same layout.
import { round2 } from "../core";
import type { Scores } from "../core/score";
import type { Geometry } from "./geometry";
import { mapLayout, type MapLayout, type MapOptions } from "./map";

/** Chinese faces that Windows, macOS and Linux ship, then the generic family. */
export const MAP_FONTS = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
/** Text and attribute values: markup characters escaped, and characters XML forbids dropped. */
export const xml = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

const num = (x: number) => String(Math.round(x * 10) / 10);
/** 2 decimals as the report prints them (half away from zero): 103.245 is 103.25. */
const fixed = (x: number) => round2(x).toFixed(2);

export function mapSvg(m: MapLayout): string {
  const f = m.frame;
  const fs = m.fontSize;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}" role="img" aria-label="${xml(`${m.title} — ${m.subtitle}`)}" font-family="${MAP_FONTS}">`,
    `<title>${xml(`${m.title} — ${m.subtitle}`)}</title>`,
    `<rect width="${m.width}" height="${m.height}" fill="#ffffff"/>`,
    `<text x="${f.x}" y="20" font-size="${num(fs * 1.35)}" font-weight="bold" fill="#1a1a1a">${xml(m.title)}</text>`,
    `<text x="${f.x}" y="38" font-size="${num(fs)}" fill="#444444">${xml(m.subtitle)}</text>`,
  );
  // The districts, in the geometry's units; the nested viewport scales and clips them.
  const stroke = String(Math.round(70 / f.scale) / 100); // 0.7 px, in units
  out.push(
    `<svg x="${f.x}" y="${f.y}" width="${num(f.width)}" height="${f.height}" viewBox="${f.minX} ${f.minY} ${num(f.width / f.scale)} ${num(f.height / f.scale)}" preserveAspectRatio="xMinYMin meet">`,
    `<g stroke="#555555" stroke-width="${stroke}" stroke-linejoin="round" fill-rule="evenodd">`,
  );
  for (const a of m.areas) {
    const tip = Number.isFinite(a.value) ? `${a.name} ${fixed(a.value)}` : a.name;
    out.push(`<path d="${a.d}" fill="${a.fill}" data-district="${xml(a.id)}" data-class="${a.cls}"><title>${xml(tip)}</title></path>`);
  }
  out.push(`</g>`, `</svg>`);
  // Names (and values where they fit), centred on each district's label point.
  out.push(`<g text-anchor="middle" font-size="${num(fs)}" pointer-events="none">`);
  for (const a of m.areas) {
    if (!a.labelLines.length) continue;
    const [x, y] = a.label;
    const top = y - ((a.labelLines.length - 1) * fs * 1.1) / 2 + fs * 0.35;
    const tspans = a.labelLines.map((t, i) => `<tspan x="${num(x)}" y="${num(top + i * fs * 1.1)}">${xml(t)}</tspan>`).join("");
    out.push(`<text fill="${a.labelFill}">${tspans}</text>`);
  }
  out.push(`</g>`);
  // The legend: one swatch per class with its breaks and count.
  let y = f.y + f.height + 10;
  out.push(`<g font-size="${num(fs)}" fill="#1a1a1a">`, `<text x="${f.x}" y="${num(y + fs)}" font-weight="bold">${xml(m.legendTitle)}</text>`);
  y += 18;
  for (const e of [...m.legend].reverse()) {
    out.push(
      `<rect x="${f.x}" y="${y}" width="22" height="14" fill="${e.fill}" stroke="#555555" stroke-width="0.7"/>`,
      `<text x="${f.x + 30}" y="${num(y + 11)}">${xml(e.text)}</text>`,
    );
    y += 20;
  }
  if (m.note) out.push(`<text x="${f.x}" y="${num(y + 11)}" fill="#444444">${xml(m.note)}</text>`);
  out.push(`</g>`, `</svg>`);
  return out.join("\n") + "\n";
}

/** The map of one indicator over a scope (`city` or a region id) as an SVG document. */
export const districtMap = (s: Scores, code: string, scope: string, geometry: Geometry, options: MapOptions = {}): string =>
  mapSvg(mapLayout(s, code, scope, geometry, options));
