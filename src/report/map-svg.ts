// A map layout as a standalone SVG document: no script, no external reference, every text
// escaped, the same bytes for the same layout.
import { round2 } from "../core";
import type { Scores } from "../core/score";
import type { Geometry } from "./geometry";
import { mapLayout, wrapText, type MapFrame, type MapLayout, type MapOptions } from "./map";

/** Chinese faces that Windows, macOS and Linux ship, then the generic family. */
export const MAP_FONTS = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
/** Text and attribute values: markup characters escaped, and characters XML forbids dropped. */
export const xml = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

const num = (x: number) => String(Math.round(x * 10) / 10);
/** 2 decimals as the report prints them (half away from zero): 103.245 is 103.25. */
const fixed = (x: number) => round2(x).toFixed(2);

/** The shapes drawn in a frame: the nested viewport scales the geometry's units and clips it. */
function shapes(m: MapLayout, f: MapFrame, tips: boolean): string[] {
  const stroke = String(Math.round(70 / f.scale) / 100); // 0.7 px, in units
  const out = [
    `<svg x="${num(f.x)}" y="${num(f.y)}" width="${num(f.width)}" height="${f.height}" viewBox="${f.minX} ${f.minY} ${num(f.width / f.scale)} ${num(f.height / f.scale)}" preserveAspectRatio="xMinYMin meet">`,
    `<g stroke="#555555" stroke-width="${stroke}" stroke-linejoin="round" fill-rule="evenodd">`,
  ];
  for (const a of m.areas) {
    // The hover title repeats what the label and the list show; it is never the only place.
    const tip = tips ? `<title>${xml(Number.isFinite(a.value) ? `${a.name} ${fixed(a.value)}` : a.name)}</title>` : "";
    const data = tips ? ` data-district="${xml(a.id)}" data-class="${a.cls}"${Number.isFinite(a.value) ? ` data-value="${fixed(a.value)}"` : ""}` : "";
    out.push(`<path d="${a.d}" fill="${a.fill}"${data}>${tip}</path>`);
  }
  out.push(`</g>`, `</svg>`);
  return out;
}

export function mapSvg(m: MapLayout): string {
  const f = m.frame;
  const fs = m.fontSize;
  const out: string[] = [];
  const title = `${m.title} — ${m.subtitle}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}" role="img" aria-label="${xml(title)}" font-family="${MAP_FONTS}">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${m.width}" height="${m.height}" fill="#ffffff"/>`,
  );
  const x0 = 10;
  let y = 10;
  for (const line of m.titleLines) {
    y += fs * 1.35 * 1.2;
    out.push(`<text x="${x0}" y="${num(y - fs * 0.3)}" font-size="${num(fs * 1.35)}" font-weight="bold" fill="#1a1a1a">${xml(line)}</text>`);
  }
  y += 4;
  for (const line of m.subtitleLines) {
    y += fs * 1.25;
    out.push(`<text x="${x0}" y="${num(y - fs * 0.2)}" font-size="${num(fs)}" fill="#444444">${xml(line)}</text>`);
  }
  out.push(...shapes(m, f, true));
  const inset = m.inset;
  if (inset) {
    const s = inset.source;
    out.push(
      `<rect x="${num(s.x0)}" y="${num(s.y0)}" width="${num(s.x1 - s.x0)}" height="${num(s.y1 - s.y0)}" fill="none" stroke="#1a1a1a" stroke-width="1" stroke-dasharray="3 2"/>`,
      `<text x="${num(inset.x)}" y="${num(inset.y - 6)}" font-size="${num(fs)}" font-weight="bold" fill="#1a1a1a">${xml(inset.caption)}</text>`,
      ...shapes(m, inset, false),
      `<rect x="${num(inset.x)}" y="${num(inset.y)}" width="${num(inset.width)}" height="${inset.height}" fill="none" stroke="#1a1a1a" stroke-width="1" stroke-dasharray="3 2"/>`,
    );
  }
  // Leader lines, then every label: haloed in its shape's colour inside it, in white outside.
  out.push(`<g stroke="#1a1a1a" stroke-width="0.8" fill="#1a1a1a">`);
  for (const a of m.areas) {
    if (!a.leader || !a.labelLines.length) continue;
    const [lx, ly] = a.leader;
    const [cx, cy] = a.label;
    out.push(`<circle cx="${num(lx)}" cy="${num(ly)}" r="1.6" stroke="none"/>`, `<line x1="${num(lx)}" y1="${num(ly)}" x2="${num(cx)}" y2="${num(cy)}"/>`);
  }
  // The halo is its own text under the label (not paint-order, which not every renderer keeps).
  out.push(`</g>`, `<g text-anchor="middle" font-size="${num(fs)}">`);
  for (const a of m.areas) {
    if (!a.labelLines.length) continue;
    const [x, yy] = a.label;
    const top = yy - ((a.labelLines.length - 1) * fs * 1.15) / 2 + fs * 0.35;
    const tspans = a.labelLines.map((t, i) => `<tspan x="${num(x)}" y="${num(top + i * fs * 1.15)}">${xml(t)}</tspan>`).join("");
    out.push(
      `<text fill="none" stroke="${a.labelHalo}" stroke-width="3" stroke-linejoin="round" aria-hidden="true">${tspans}</text>`,
      `<text fill="${a.labelFill}" data-label="${xml(a.id)}">${tspans}</text>`,
    );
  }
  out.push(`</g>`);
  // The legend: its title says what the classes are; one swatch per class, top class first.
  y = m.legendY;
  const lx = m.legendX;
  out.push(`<g font-size="${num(fs)}" fill="#1a1a1a">`);
  const legendLines = wrapLegend(m);
  for (const line of legendLines) {
    y += fs * 1.25;
    out.push(`<text x="${num(lx)}" y="${num(y - fs * 0.2)}" font-weight="bold">${xml(line)}</text>`);
  }
  y += 4;
  for (const e of [...m.legend].reverse()) {
    out.push(
      `<rect x="${num(lx)}" y="${num(y)}" width="22" height="${num(fs + 3)}" fill="${e.fill}" stroke="#555555" stroke-width="0.7"/>`,
      `<text x="${num(lx + 30)}" y="${num(y + fs)}">${xml(e.text)}</text>`,
    );
    y += fs + 8;
  }
  if (m.note) out.push(`<text x="${num(lx)}" y="${num(y + fs)}" fill="#444444">${xml(m.note)}</text>`);
  // The ranked list: rank, swatch, name, value, column by column.
  const L = m.list;
  out.push(`<text x="${x0}" y="${num(L.y + fs)}" font-weight="bold">${xml(L.title)}</text>`);
  const perColumn = Math.ceil(L.rows.length / L.columns);
  const top = L.y + fs * 1.3 + 6;
  L.rows.forEach((r, i) => {
    const cx = x0 + Math.floor(i / perColumn) * L.columnWidth;
    const cy = top + (i % perColumn) * L.rowHeight;
    const rankRight = cx + fs * 1.2;
    const valueRight = cx + L.columnWidth - 18;
    out.push(
      `<g data-rank="${xml(r.rank)}">`,
      `<text x="${num(rankRight)}" y="${num(cy + fs)}" text-anchor="end">${xml(r.rank)}</text>`,
      `<rect x="${num(rankRight + 4)}" y="${num(cy + 2)}" width="8" height="${num(fs - 1)}" fill="${r.fill}" stroke="#555555" stroke-width="0.5"/>`,
      `<text x="${num(rankRight + 16)}" y="${num(cy + fs)}">${xml(r.name)}</text>`,
      `<text x="${num(valueRight)}" y="${num(cy + fs)}" text-anchor="end">${xml(r.value)}</text>`,
      `</g>`,
    );
  });
  out.push(`</g>`, `</svg>`);
  return out.join("\n") + "\n";
}

function wrapLegend(m: MapLayout): string[] {
  // The same wrapping the layout measured with.
  return wrapText(m.legendTitle, m.legendWidth, m.fontSize);
}

/** The map of one indicator over a scope (`city` or a region id) as an SVG document. */
export const districtMap = (s: Scores, code: string, scope: string, geometry: Geometry, options: MapOptions = {}): string =>
  mapSvg(mapLayout(s, code, scope, geometry, options));
