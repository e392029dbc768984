// The district map as data: scores of one indicator over one scope → classes, fills, labels and
// a legend (mapLayout), then an SVG string (mapSvg, in map-svg.ts). Pure and deterministic.
import { CITY, regionOf } from "../core/district";
import { legendText } from "./map-legend";
import { methodNote, round2 } from "../core";
import type { Scores } from "../core/score";
import { titleZh, wordsOf } from "./layout";
import { displayWidth } from "./width";
import { classBreaks, classOf, TIER_STEP, type ClassMethod } from "./classes";
import { sequentialScale, textOn } from "./colour";
import { boundsOf, edgeDistance, labelPoint, type Geometry, type Point } from "./geometry";

export type MapLang = "zh" | "en";

export interface MapOptions {
  classes?: ClassMethod;
  /** Classes wanted (quantile, equal). Default 5. */
  k?: number;
  /** Width of the picture in px. Default 640. */
  width?: number;
  lang?: MapLang;
  /** The smallest text in px (default 9): a picture shown at its own size (the pane's) asks 11. */
  minFontSize?: number;
}

/** One district as drawn. */
export interface MapArea {
  id: string;
  /** The name shown: the district id in Chinese, its English name in English. */
  name: string;
  /** The indicator's value; NaN when the district is outside the scope or has none. */
  value: number;
  /** Its class (0 = lowest), or -1: outside the scope or no value. */
  cls: number;
  fill: string;
  /** SVG path data in the map's own units (see MapLayout.frame). */
  d: string;
  /** The label's centre in px, and whether the name (and value) fit inside the district there. */
  label: Point;
  labelLines: string[];
  labelFill: string;
}

export interface MapLegendEntry {
  fill: string;
  from: number;
  to: number;
  count: number;
  /** As the legend prints it: `125.32 – 133.41（3 个行政区）`. */
  text: string;
}

export interface MapLayout {
  width: number;
  height: number;
  lang: MapLang;
  title: string;
  subtitle: string;
  /** Where the geometry is drawn: px = x + (unit − minX) × scale, likewise y. */
  frame: { x: number; y: number; width: number; height: number; minX: number; minY: number; scale: number };
  areas: MapArea[];
  /** Class breaks, ascending, at 2 decimals: class j holds [breaks[j], breaks[j+1]). */
  breaks: number[];
  legend: MapLegendEntry[];
  legendTitle: string;
  /** Districts in the scope with no shape in the geometry: named under the legend. */
  missing: string[];
  note: string;
  fontSize: number;
}

const OUTSIDE = "#ffffff";
const TITLE_H = 46;
const PAD = 10;
const LEGEND_ROW = 20;

const METHOD_TEXT: Record<ClassMethod, (n: number) => { zh: string; en: string }> = {
  quantile: (n) => ({ zh: `分位数分级（${n} 级）`, en: `quantile classes (${n})` }),
  equal: (n) => ({ zh: `等距分级（${n} 级）`, en: `equal intervals (${n})` }),
  tiers: (n) => ({ zh: `每 ${TIER_STEP} 分一档（100 为基准，${n} 档）`, en: `tiers of ${TIER_STEP} points (100 = benchmark; ${n})` }),
};

/** Scope `city` or a region id of the dataset. */
export function mapLayout(s: Scores, code: string, scope: string, geometry: Geometry, options: MapOptions = {}): MapLayout {
  const fw = s.dataset.framework;
  const k = fw.index.get(code);
  const indicator = fw.indicators.get(code);
  if (k === undefined || !indicator) throw new Error(`unknown indicator ${code}`);
  const K = fw.order.length;
  const lang = options.lang ?? "zh";
  const width = Math.max(200, Math.round(options.width ?? 640));
  const method = options.classes ?? "quantile";
  const districts = s.dataset.districts;
  const inScope = (i: number) => scope === CITY.id || districts[i].region === scope;
  const valueAt = (i: number) => (inScope(i) ? s.values[i * K + k] : NaN);

  const scoped = districts.flatMap((_, i) => (inScope(i) && Number.isFinite(valueAt(i)) ? [valueAt(i)] : []));
  const breaks = classBreaks(scoped, method, options.k ?? 5);
  const fills = sequentialScale(Math.max(1, breaks.length - 1));

  // The frame: the scope's shapes, with the others drawn around them for context.
  const byId = new Map(geometry.shapes.map((g) => [g.id, g]));
  const scopeShapes = districts.flatMap((d, i) => (inScope(i) && byId.has(d.id) ? [byId.get(d.id)!] : []));
  const b = boundsOf((scopeShapes.length ? scopeShapes : geometry.shapes).flatMap((g) => g.rings));
  const scale = (width - 2 * PAD) / Math.max(1, b.maxX - b.minX);
  const mapH = Math.round((b.maxY - b.minY) * scale);
  const frame = { x: PAD, y: TITLE_H, width: width - 2 * PAD, height: mapH, minX: b.minX, minY: b.minY, scale };
  const least = options.minFontSize ?? 9;
  const fontSize = Math.round(Math.min(Math.max(12, least), Math.max(least, width / 70)) * 10) / 10;
  const px = ([x, y]: Point): Point => [frame.x + (x - b.minX) * scale, frame.y + (y - b.minY) * scale];

  const areas: MapArea[] = [];
  const rooms: number[] = [];
  districts.forEach((d, i) => {
    const shape = byId.get(d.id);
    if (!shape) return;
    const value = valueAt(i);
    const cls = classOf(value, breaks);
    const fill = cls < 0 ? OUTSIDE : fills[cls];
    const at = labelPoint(shape);
    rooms.push(edgeDistance(shape, at) * scale);
    const d2 = shape.rings.map((r) => `M${r.map(([x, y]) => `${x} ${y}`).join("L")}Z`).join("");
    areas.push({ id: d.id, name: lang === "zh" ? d.id : (d.en ?? d.id), value, cls, fill, d: d2, label: px(at), labelLines: [], labelFill: textOn(fill) });
  });
  placeLabels(areas, rooms, fontSize);
  const words = wordsOf(s.dataset);
  const legend: MapLegendEntry[] = fills.slice(0, Math.max(0, breaks.length - 1)).map((fill, j) => {
    const count = areas.filter((a) => a.cls === j).length;
    return { fill, from: breaks[j], to: breaks[j + 1], count, text: legendText(breaks[j], breaks[j + 1], count, lang, words.entity.zh) };
  });
  const missing = districts.filter((d, i) => inScope(i) && !byId.has(d.id)).map((d) => (lang === "zh" ? d.id : (d.en ?? d.id)));
  const region = scope === CITY.id ? words.whole : regionOf(scope, s.dataset.regions);
  const label = s.dataset.label ?? "";
  const m = METHOD_TEXT[method](legend.length);
  const title = lang === "zh" ? `${titleZh(label ?? "")}${indicator.nameZh}` : `${indicator.nameEn}${label ? ", " + label : ""}`;
  // A non-default method is said under the title, on the line with room for it.
  const how = methodNote(s.dataset);
  const note = missing.length ? (lang === "zh" ? `无地图形状：${missing.join("、")}` : `No shape: ${missing.join(", ")}`) : "";
  const legendRows = legend.length + (note ? 1 : 0);
  return {
    width,
    height: TITLE_H + mapH + PAD + 18 + legendRows * LEGEND_ROW + PAD,
    lang,
    title,
    subtitle: lang === "zh" ? `${region.zh} · ${m.zh}${how ? ` · ${how.zh}` : ""}` : `${region.en} · ${m.en}${how ? ` · ${how.en}` : ""}`,
    frame,
    areas,
    breaks,
    legend,
    legendTitle: lang === "zh" ? `${indicator.nameZh}（${code}）` : `${indicator.nameEn} (${code})`,
    missing,
    note,
    fontSize,
  };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Names, and values below them, where they fit: a line may overhang the district's inscribed
 * circle a little, never another label. Every name first (roomiest districts first), then
 * the values, so a crowded centre loses its values before its names.
 */
function placeLabels(areas: MapArea[], rooms: number[], fontSize: number): void {
  const placed: Box[] = [];
  const lineH = fontSize * 1.1;
  const boxOf = (a: MapArea, lines: string[]): Box => {
    const half = Math.max(...lines.map((t) => (displayWidth(t) * fontSize * 0.52) / 2));
    const h = (lines.length * lineH) / 2;
    return { x0: a.label[0] - half, x1: a.label[0] + half, y0: a.label[1] - h, y1: a.label[1] + h };
  };
  // A name may overhang more than name and value together: it is what the map is read by.
  const fits = (b: Box, room: number, slack: number) => b.x1 - b.x0 <= 2.6 * slack * room && b.y1 - b.y0 <= 1.8 * slack * room;
  const free = (b: Box, except?: Box) => placed.every((p) => p === except || b.x1 <= p.x0 || b.x0 >= p.x1 || b.y1 <= p.y0 || b.y0 >= p.y1);
  const order = areas.map((_, i) => i).sort((a, b) => rooms[b] - rooms[a] || a - b);
  const names = new Map<number, Box>();
  for (const i of order) {
    const b = boxOf(areas[i], [areas[i].name]);
    if (areas[i].cls < 0 || !fits(b, rooms[i], 1.8) || !free(b)) continue;
    areas[i].labelLines = [areas[i].name];
    names.set(i, b);
    placed.push(b);
  }
  // Then the values, where the taller label still fits and meets no other.
  for (const i of order) {
    const own = names.get(i);
    if (!own) continue;
    const lines = [areas[i].name, round2(areas[i].value).toFixed(2)];
    const b = boxOf(areas[i], lines);
    if (!fits(b, rooms[i], 1) || !free(b, own)) continue;
    areas[i].labelLines = lines;
    placed[placed.indexOf(own)] = b;
  }
}
