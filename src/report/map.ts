// The district map as data: scores of one indicator over one scope → classes, fills, labels, a
// legend and the ranked list (mapLayout), then an SVG string (mapSvg, in map-svg.ts). Every
// entity in scope gets its name and value as text: inside its shape where they fit, else in an
// enlarged inset of the dense part, else beside it with a leader line; and the ranked list below
// repeats every value. Pure and deterministic.
import { CITY, regionOf } from "../core/district";
import { legendText } from "./map-legend";
import { methodNote, round2 } from "../core";
import type { Scores } from "../core/score";
import { titleZh, wordsOf } from "./layout";
import { displayWidth } from "./width";
import { classBreaks, classesFor, classOf, mergeSingles, NARROW_CLASSES, NARROW_SPREAD, relativeSpread, TIER_STEP, type ClassMethod } from "./classes";
import { sequentialScale, textOn } from "./colour";
import { boundsOf, contains as containsPoint, edgeDistance, labelPoint, type Bounds, type EntityShape, type Geometry, type Point } from "./geometry";

export type MapLang = "zh" | "en";

export interface MapOptions {
  classes?: ClassMethod;
  /** Classes wanted (quantile, equal). Default 5; never more than half the entities in scope. */
  k?: number;
  /** Width of the picture in px. Default 640. */
  width?: number;
  lang?: MapLang;
  /** The smallest text in px (default 11, legible at the picture's own size). */
  minFontSize?: number;
  /** The report's year or title (2020), instead of the dataset's own label. */
  label?: string;
}

/** One district as drawn. */
export interface MapArea {
  id: string;
  /** The name shown: the district id in Chinese, its English name in English. */
  name: string;
  /** The indicator's value; NaN when the district is outside the scope or has none. */
  value: number;
  /** Its rank in the scope, as the core ranks it; 0 outside the scope. */
  rank: number;
  /** Its class (0 = lowest), or -1: outside the scope or no value. */
  cls: number;
  fill: string;
  /** SVG path data in the map's own units (see MapLayout.frame). */
  d: string;
  /** The label's centre in px (in its panel), and its lines: name and value. */
  label: Point;
  labelLines: string[];
  labelFill: string;
  /** What the label's text is haloed with: its own fill inside the shape, white outside it. */
  labelHalo: string;
  /** 0: the label is on the main map; 1: on the inset. */
  panel: number;
  /** The point in the shape a leader line runs from, when the label sits outside the shape. */
  leader?: Point;
}

export interface MapLegendEntry {
  fill: string;
  from: number;
  to: number;
  count: number;
  /** As the legend prints it: `125.32 – 133.41（3 个行政区）`; the classes never share a value. */
  text: string;
}

/** Where geometry is drawn: px = x + (unit − minX) × scale, likewise y. */
export interface MapFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  minX: number;
  minY: number;
  scale: number;
}

export interface MapLayout {
  width: number;
  height: number;
  lang: MapLang;
  /** Title lines (wrapped to the width). */
  title: string;
  titleLines: string[];
  subtitle: string;
  subtitleLines: string[];
  frame: MapFrame;
  /** The enlarged dense part, below the main map, and the box it covers on the main map (px). */
  inset?: MapFrame & { caption: string; source: { x0: number; y0: number; x1: number; y1: number } };
  areas: MapArea[];
  /** Class breaks, ascending, at 2 decimals: class j holds [breaks[j], breaks[j+1]). */
  breaks: number[];
  legend: MapLegendEntry[];
  legendTitle: string;
  legendY: number;
  legendX: number;
  legendWidth: number;
  /** Every entity in scope by rank: the values as text, whatever the map could label. */
  list: {
    title: string;
    y: number;
    columns: number;
    columnWidth: number;
    rowHeight: number;
    rows: { rank: string; name: string; value: string; fill: string }[];
  };
  /** Districts in the scope with no shape in the geometry: named under the legend. */
  missing: string[];
  note: string;
  fontSize: number;
}

const OUTSIDE = "#ffffff";
const PAD = 10;
/** From this width (px) the inset and legend stand right of the map. */
const WIDE = 600;
/** Average advance of a display-width unit, in em: digits and Latin letters about 0.55, CJK 1.1. */
const EM = 0.56;

const METHOD_TEXT: Record<ClassMethod, (n: number) => { zh: string; en: string }> = {
  quantile: (n) => ({ zh: `分位数分级（${n} 级，每级个数相近）`, en: `quantiles (${n} classes of about equal counts)` }),
  equal: (n) => ({ zh: `等距分级（${n} 级，每级等宽）`, en: `equal intervals (${n} classes of equal width)` }),
  tiers: (n) => ({ zh: `以 100 为基准每 ${TIER_STEP} 分一档（${n} 档）`, en: `${TIER_STEP}-point tiers about 100 (${n} tiers)` }),
};

export const textPx = (text: string, fontSize: number): number => displayWidth(text) * fontSize * EM;

/** Lines of at most `max` px: Latin words kept whole, CJK text broken between characters. */
export function wrapText(text: string, max: number, fontSize: number): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const t of tokens) {
    const next = line + t;
    // Closing punctuation stays at the end of its line, never starts the next.
    if (line.trim() && textPx(next.trimEnd(), fontSize) > max && !/^\s+$/.test(t) && !/^[，、。；：）」』]$/.test(t)) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [""];
}

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
  const ranks = scope === CITY.id ? s.cityRanks : s.regionRanks;

  // Classes: never more than half the entities, fewer for a narrow spread, no quantile class of one.
  const scoped = districts.flatMap((_, i) => (inScope(i) && Number.isFinite(valueAt(i)) ? [valueAt(i)] : []));
  const spread = relativeSpread(scoped);
  const narrow = scoped.length > 1 && spread < NARROW_SPREAD;
  const wanted = classesFor(scoped.length, Math.min(options.k ?? 5, narrow ? NARROW_CLASSES : Infinity));
  let breaks = classBreaks(scoped, method, method === "tiers" ? (options.k ?? 5) : wanted);
  if (method === "quantile") breaks = mergeSingles(scoped, breaks);
  const classes = Math.max(1, breaks.length - 1);
  // A narrow spread keeps to the lighter part of the ramp, so two classes do not look far apart.
  const fills = narrow && classes > 1 ? sequentialScale(5).slice(1, 1 + classes) : sequentialScale(classes);

  const least = options.minFontSize ?? 11;
  const fontSize = Math.round(Math.min(Math.max(12, least), Math.max(least, width / 70)) * 10) / 10;
  const inner = width - 2 * PAD;
  const words = wordsOf(s.dataset);
  const label = (options.label ?? s.dataset.label ?? "").trim();
  const labelEn = label === "本年" ? "this year" : label;
  const title = lang === "zh" ? `${titleZh(label)}${indicator.nameZh}` : `${indicator.nameEn}${labelEn ? ", " + labelEn : ""}`;
  const region = scope === CITY.id ? words.whole : regionOf(scope, s.dataset.regions);
  const lo = Math.min(...scoped);
  const hi = Math.max(...scoped);
  const range = scoped.length ? `${round2(lo).toFixed(2)}–${round2(hi).toFixed(2)}` : "";
  const titleFont = fontSize * 1.35;
  const titleLines = wrapText(title, inner, titleFont);
  let y = PAD + titleLines.length * titleFont * 1.2;

  // The main map, framed on the scope's own shapes.
  const byId = new Map(geometry.shapes.map((g) => [g.id, g]));
  const scopeShapes = districts.flatMap((d, i) => (inScope(i) && byId.has(d.id) ? [byId.get(d.id)!] : []));
  const b = boundsOf((scopeShapes.length ? scopeShapes : geometry.shapes).flatMap((g) => g.rings));
  // A wide picture (a sheet's) puts the inset and the legend in a column right of the map, so
  // it is not a tall strip; a narrow one (the pane's) stacks them under it.
  const wide = width >= WIDE;
  const mainW = wide ? Math.round(inner * 0.58) : inner;
  const sideX = PAD + mainW + 16;
  const sideW = inner - mainW - 16;
  const frameOf = (bb: Bounds, top: number, maxW: number, maxH: number, left = PAD, centre = !wide): MapFrame => {
    const scale = Math.min(maxW / Math.max(1e-9, bb.maxX - bb.minX), maxH / Math.max(1e-9, bb.maxY - bb.minY));
    const w = (bb.maxX - bb.minX) * scale;
    return {
      x: left + (centre ? (maxW - w) / 2 : 0),
      y: top,
      width: w,
      height: Math.round((bb.maxY - bb.minY) * scale),
      minX: bb.minX,
      minY: bb.minY,
      scale,
    };
  };
  // A non-default method is said under the title, with the scope and range.
  const how = methodNote(s.dataset);
  const subtitleLines = wrapText(
    lang === "zh" ? `${region.zh} · 范围 ${range}${how ? ` · ${how.zh}` : ""}` : `${region.en} · range ${range}${how ? ` · ${how.en}` : ""}`,
    inner,
    fontSize,
  );
  y += 4 + subtitleLines.length * fontSize * 1.25;
  const frame = frameOf(b, Math.round(y + 6), mainW, wide ? mainW * 1.1 : width * 1.2);
  const top = frame.y;
  y = frame.y + frame.height;
  let side = top; // the bottom of the right column, when wide
  const toPx = (f: MapFrame, [x, yy]: Point): Point => [f.x + (x - f.minX) * f.scale, f.y + (yy - f.minY) * f.scale];

  const areas: MapArea[] = [];
  const index = new Map<string, number>();
  districts.forEach((d, i) => {
    const shape = byId.get(d.id);
    if (!shape) return;
    const value = valueAt(i);
    const cls = classOf(value, breaks);
    const fill = cls < 0 ? OUTSIDE : fills[cls];
    const d2 = shape.rings.map((r) => `M${r.map(([x, yy]) => `${x} ${yy}`).join("L")}Z`).join("");
    index.set(d.id, areas.length);
    areas.push({
      id: d.id,
      name: lang === "zh" ? d.id : (d.en ?? d.id),
      value,
      rank: cls < 0 ? 0 : ranks[i * K + k],
      cls,
      fill,
      d: d2,
      label: toPx(frame, labelPoint(shape)),
      labelLines: [],
      labelFill: textOn(fill),
      labelHalo: fill,
      panel: 0,
    });
  });
  const shown = areas.filter((a) => a.cls >= 0);
  const shapeOf = (a: MapArea) => byId.get(a.id)!;
  const valueText = (a: MapArea) => round2(a.value).toFixed(2);

  // 1. Inside each shape, on the main map.
  const main = new Labeller(frame, fontSize, (a) => shapeOf(a));
  const left = main.inside(shown, (a) => edgeDistance(shapeOf(a), labelPoint(shapeOf(a))) * frame.scale, valueText);

  // 2. An inset when the unlabelled shapes crowd a small part of the main map: the shapes near
  // the smallest one left (within a third of the map), if there are two or more.
  let inset: MapLayout["inset"];
  let rest = left;
  const roomOf = (a: MapArea) => edgeDistance(shapeOf(a), labelPoint(shapeOf(a)));
  const tightest = [...left].sort((p, q) => roomOf(p) - roomOf(q))[0];
  const reach = Math.max(frame.width, frame.height) / 3;
  // Small shapes only: a large one left without a label takes a leader line on the main map.
  const small = (a: MapArea) => roomOf(a) * frame.scale < 1.6 * fontSize;
  const crowd = tightest ? left.filter((a) => small(a) && Math.hypot(a.label[0] - tightest.label[0], a.label[1] - tightest.label[1]) <= reach) : [];
  if (crowd.length >= 2) {
    rest = left.filter((a) => !crowd.includes(a));
    const bb = boundsOf(crowd.flatMap((a) => shapeOf(a).rings));
    const [w, h] = [(bb.maxX - bb.minX) * frame.scale, (bb.maxY - bb.minY) * frame.scale];
    if (w < 0.6 * frame.width && h < 0.6 * frame.height) {
      const m = 0.12 * Math.max(bb.maxX - bb.minX, bb.maxY - bb.minY);
      const padded = { minX: bb.minX - m, minY: bb.minY - m, maxX: bb.maxX + m, maxY: bb.maxY + m };
      const caption = lang === "zh" ? "局部放大" : "Enlarged";
      const f = wide
        ? frameOf(padded, Math.round(top + fontSize * 1.3 + 8), sideW, frame.height * 0.6, sideX, false)
        : frameOf(padded, Math.round(y + 14 + fontSize * 1.3), inner, width * 0.8);
      const [s0, s1] = [toPx(frame, [padded.minX, padded.minY]), toPx(frame, [padded.maxX, padded.maxY])];
      inset = { ...f, caption, source: { x0: s0[0], y0: s0[1], x1: s1[0], y1: s1[1] } };
      for (const a of crowd) a.label = toPx(f, labelPoint(shapeOf(a)));
      const zoom = new Labeller(f, fontSize, (a) => shapeOf(a));
      // Anchors of every shape in the inset, so a leader label covers none of them.
      zoom.anchors = shown.filter((a) => contains(f, toPx(f, labelPoint(shapeOf(a))))).map((a) => toPx(f, labelPoint(shapeOf(a))));
      zoom.leaders(
        zoom.inside(crowd, (a) => roomOf(a) * f.scale, valueText),
        valueText,
      );
      for (const a of crowd) a.panel = 1;
      if (wide) side = f.y + f.height;
      else y = f.y + f.height;
    } else rest = left;
  }
  // 3. Beside the shape, with a leader line, on the main map.
  if (rest.length) {
    main.anchors = shown.map((a) => a.label);
    main.leaders(rest, valueText);
  }

  // The legend, then the ranked list.
  const legend: MapLegendEntry[] = fills.slice(0, Math.max(0, breaks.length - 1)).map((fill, j) => {
    const count = areas.filter((a) => a.cls === j).length;
    const last = j === breaks.length - 2;
    return { fill, from: breaks[j], to: breaks[j + 1], count, text: legendText(breaks[j], breaks[j + 1], count, lang, words.entity.zh, last) };
  });
  const missing = districts.filter((d, i) => inScope(i) && !byId.has(d.id)).map((d) => (lang === "zh" ? d.id : (d.en ?? d.id)));
  const m = METHOD_TEXT[method](legend.length);
  const note = missing.length ? (lang === "zh" ? `无地图形状：${missing.join("、")}` : `No shape: ${missing.join(", ")}`) : "";
  const legendTitle = lang === "zh" ? `${indicator.nameZh}（${code}）· ${m.zh}` : `${indicator.nameEn} (${code}) · ${m.en}`;
  const legendX = wide ? sideX : PAD;
  const legendWidth = wide ? sideW : inner;
  const legendY = (wide ? side : y) + 12;
  const legendTitleLines = wrapText(legendTitle, legendWidth, fontSize).length;
  const legendEnd = legendY + legendTitleLines * fontSize * 1.25 + 4 + legend.length * (fontSize + 8) + (note ? fontSize * 1.5 : 0);
  y = wide ? Math.max(y, legendEnd) : legendEnd;

  const rows = districts
    .flatMap((d, i) => (inScope(i) && Number.isFinite(valueAt(i)) ? [{ i, d }] : []))
    .sort((p, q) => ranks[p.i * K + k] - ranks[q.i * K + k] || p.i - q.i)
    .map(({ i, d }) => ({
      rank: String(ranks[i * K + k]),
      name: lang === "zh" ? d.id : (d.en ?? d.id),
      value: round2(valueAt(i)).toFixed(2),
      fill: fills[classOf(valueAt(i), breaks)] ?? OUTSIDE,
    }));
  const cell = (r: (typeof rows)[number]) => 14 + textPx("00", fontSize) + 6 + textPx(r.name, fontSize) + 10 + textPx(r.value, fontSize);
  const columnWidth = Math.ceil(Math.max(0, ...rows.map(cell)) + 18);
  const columns = Math.max(1, Math.min(4, Math.floor((inner + 18) / Math.max(1, columnWidth)), rows.length));
  const rowHeight = Math.round(fontSize * 1.5);
  const listTitle = lang === "zh" ? `${words.rank.zh}（${region.zh}）` : `${words.rank.en} (${region.en})`;
  const list = { title: listTitle, y: y + 12, columns, columnWidth, rowHeight, rows };
  y = list.y + fontSize * 1.3 + 6 + Math.ceil(rows.length / columns) * rowHeight;

  return {
    width,
    height: Math.ceil(y + PAD),
    lang,
    title,
    titleLines,
    subtitle: subtitleLines.join(" "),
    subtitleLines,
    frame,
    inset,
    areas,
    breaks,
    legend,
    legendTitle,
    legendY,
    legendX,
    legendWidth,
    list,
    missing,
    note,
    fontSize,
  };
}

const contains = (f: MapFrame, [x, y]: Point) => x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => !(a.x1 <= b.x0 || a.x0 >= b.x1 || a.y1 <= b.y0 || a.y0 >= b.y1);

/** Labels on one panel: none overlaps another, none covers another shape's anchor. */
class Labeller {
  placed: Box[] = [];
  anchors: Point[] = [];
  constructor(
    readonly frame: MapFrame,
    readonly fontSize: number,
    readonly shape: (a: MapArea) => EntityShape,
  ) {}

  /** The box, shrunk by a tenth, has its corners and edge midpoints inside the shape. */
  private within(a: MapArea, b: Box): boolean {
    const f = this.frame;
    const [mx, my] = [(b.x1 - b.x0) * 0.1, (b.y1 - b.y0) * 0.1];
    const xs = [b.x0 + mx, (b.x0 + b.x1) / 2, b.x1 - mx];
    const ys = [b.y0 + my, (b.y0 + b.y1) / 2, b.y1 - my];
    const shape = this.shape(a);
    return xs.every((x) => ys.every((y) => containsPoint(shape, [f.minX + (x - f.x) / f.scale, f.minY + (y - f.y) / f.scale])));
  }

  private box([cx, cy]: Point, lines: string[]): Box {
    const half = Math.max(...lines.map((t) => textPx(t, this.fontSize))) / 2 + 2;
    const h = (lines.length * this.fontSize * 1.15) / 2 + 1;
    return { x0: cx - half, x1: cx + half, y0: cy - h, y1: cy + h };
  }
  private free(b: Box) {
    return this.placed.every((p) => !overlaps(p, b));
  }

  /**
   * Name over value inside the shape, where the two lines stay within the shape's inscribed
   * circle (a little overhang, haloed in the shape's colour); roomiest shapes first. Returns
   * the areas left without a label.
   */
  inside(areas: MapArea[], room: (a: MapArea) => number, value: (a: MapArea) => string): MapArea[] {
    const left: MapArea[] = [];
    const order = [...areas].sort((p, q) => room(q) - room(p) || p.id.localeCompare(q.id));
    for (const a of order) {
      const lines = [a.name, value(a)];
      const b = this.box(a.label, lines);
      const r = room(a);
      if (((b.x1 - b.x0 <= 2.4 * r && b.y1 - b.y0 <= 1.9 * r) || this.within(a, b)) && this.free(b)) {
        a.labelLines = lines;
        this.placed.push(b);
      } else left.push(a);
    }
    return left;
  }

  /**
   * "Name value" on one line, beside the shape, joined to it by a leader line: the nearest free
   * place around the anchor inside the panel, tried in widening rings of directions.
   */
  leaders(areas: MapArea[], value: (a: MapArea) => string): void {
    const f = this.frame;
    const fs = this.fontSize;
    for (const a of [...areas].sort((p, q) => p.label[1] - q.label[1] || p.label[0] - q.label[0])) {
      const lines = [`${a.name} ${value(a)}`];
      const at = a.label;
      const probe = this.box([0, 0], lines);
      const [hw, hh] = [(probe.x1 - probe.x0) / 2, (probe.y1 - probe.y0) / 2];
      let chosen: Box | undefined;
      let fallback: Box | undefined;
      for (const r of [0.6, 1.2, 2, 3, 4.5, 6.5, 9, 12].map((x) => x * fs)) {
        for (let d = 0; d < 16 && !chosen; d++) {
          const t = (d * Math.PI) / 8;
          const [dx, dy] = [Math.cos(t), Math.sin(t)];
          const c: Point = [at[0] + dx * (r + hw), at[1] + dy * (r + hh)];
          const b = { x0: c[0] - hw, x1: c[0] + hw, y0: c[1] - hh, y1: c[1] + hh };
          if (b.x0 < f.x - PAD / 2 || b.x1 > f.x + f.width + PAD / 2 || b.y0 < f.y || b.y1 > f.y + f.height) continue;
          if (!this.free(b)) continue;
          fallback ??= b;
          if (this.anchors.some((p) => p !== at && p[0] >= b.x0 - 2 && p[0] <= b.x1 + 2 && p[1] >= b.y0 - 2 && p[1] <= b.y1 + 2)) continue;
          chosen = b;
        }
        if (chosen) break;
      }
      const b = chosen ?? fallback ?? { x0: at[0] - hw, x1: at[0] + hw, y0: at[1] - hh, y1: at[1] + hh };
      this.placed.push(b);
      a.leader = at;
      a.label = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
      a.labelLines = lines;
      a.labelFill = "#1a1a1a";
      a.labelHalo = "#ffffff";
    }
  }
}
