// Longitude/latitude shapes → plane Geometry: projected, simplified along shared borders, rounded.
import { ringArea, type Geometry, type Point, type Ring } from "./geometry";

/** A lon/lat position, as GeoJSON writes it: [longitude, latitude]. */
export type LonLat = readonly [number, number];

/** One entity's shape in degrees: polygons, each an outer ring followed by its holes. */
export interface LonLatShape {
  id: string;
  polygons: readonly (readonly (readonly LonLat[])[])[];
}

export interface ProjectOptions {
  /** Kilometres per unit of the result. Default 0.1 (100 m). */
  unitKm?: number;
  /** Douglas–Peucker tolerance in units. Default 2 (200 m at the default unit). */
  tolerance?: number;
  /** Parts smaller than this (km²) are dropped, except each shape's largest. Default 0.5. */
  minPartKm2?: number;
}

const EARTH_KM = 6371.0088;

/**
 * Equirectangular projection about the centre of all shapes, x scaled by cos(latitude): at a
 * city's extent (~100 km) distances and areas are within a fraction of a percent. y points
 * south, as SVG draws. The origin is the top-left corner of the frame.
 */
export function projectShapes(shapes: readonly LonLatShape[], options: ProjectOptions = {}): Geometry {
  const unitKm = options.unitKm ?? 0.1;
  const tolerance = options.tolerance ?? 2;
  const minPart = (options.minPartKm2 ?? 0.5) / (unitKm * unitKm);
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of shapes)
    for (const poly of s.polygons)
      for (const ring of poly)
        for (const [lon, lat] of ring) {
          [minLon, maxLon] = [Math.min(minLon, lon), Math.max(maxLon, lon)];
          [minLat, maxLat] = [Math.min(minLat, lat), Math.max(maxLat, lat)];
        }
  const k = (EARTH_KM * Math.PI) / 180 / unitKm;
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const project = ([lon, lat]: LonLat): Point => [(lon - minLon) * cos * k, (maxLat - lat) * k];

  // Every ring, projected, without its closing point or repeated points.
  const rings: Point[][] = [];
  const owner: { shape: number; polygon: number; hole: boolean }[] = [];
  shapes.forEach((s, si) =>
    s.polygons.forEach((poly, pi) =>
      poly.forEach((ring, ri) => {
        const pts = dedupe(ring.map(project));
        if (pts.length >= 3) {
          rings.push(pts);
          owner.push({ shape: si, polygon: pi, hole: ri > 0 });
        }
      }),
    ),
  );
  const simplified = simplifyShared(rings, tolerance);

  const width = Math.ceil((maxLon - minLon) * cos * k);
  const height = Math.ceil((maxLat - minLat) * k);
  const parts = shapes.map(() => [] as { ring: Ring; area: number }[]);
  simplified.forEach((pts, r) => {
    const ring = dedupe(pts.map(([x, y]) => [Math.round(x), Math.round(y)] as Point));
    if (ring.length < 3) return;
    const a = ringArea(ring);
    if (a === 0) return;
    // Outer rings clockwise on the screen (positive), holes the other way.
    const wanted = owner[r].hole ? -1 : 1;
    parts[owner[r].shape].push(Math.sign(a) === wanted ? { ring, area: Math.abs(a) } : { ring: [...ring].reverse(), area: Math.abs(a) });
  });
  return {
    unitKm,
    width,
    height,
    shapes: shapes.map((s, si) => {
      const largest = Math.max(0, ...parts[si].map((p) => p.area));
      return { id: s.id, rings: parts[si].filter((p) => p.area >= minPart || p.area === largest).map((p) => p.ring) };
    }),
  };
}

function dedupe(pts: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

const keyOf = (p: Point) => `${p[0]},${p[1]}`;

/**
 * Douglas–Peucker on every ring, cut at the points where the rings sharing a border change
 * (the border's ends), so that a border two districts share is simplified once, the same way
 * for both: simplified neighbours keep meeting without gaps or overlaps.
 */
function simplifyShared(rings: readonly Point[][], tolerance: number): Point[][] {
  const owners = new Map<string, Set<number>>();
  rings.forEach((ring, r) => ring.forEach((p) => (owners.get(keyOf(p)) ?? owners.set(keyOf(p), new Set()).get(keyOf(p))!).add(r)));
  const sig = (p: Point) => [...owners.get(keyOf(p))!].sort((a, b) => a - b).join(",");
  return rings.map((ring) => {
    const n = ring.length;
    const sigs = ring.map(sig);
    const nodes: number[] = [];
    for (let i = 0; i < n; i++) if (sigs[i] !== sigs[(i + n - 1) % n] || sigs[i] !== sigs[(i + 1) % n]) nodes.push(i);
    if (nodes.length < 2) {
      // An island (or a ring touching others at one point): cut it at its first node and the
      // point farthest from it.
      const a = nodes[0] ?? 0;
      let far = a;
      for (let i = 0; i < n; i++) if (dist2(ring[i], ring[a]) > dist2(ring[far], ring[a])) far = i;
      nodes.splice(0, nodes.length, ...[a, far].sort((x, y) => x - y));
    }
    const out: Point[] = [];
    nodes.forEach((start, j) => {
      const end = nodes[(j + 1) % nodes.length];
      const arc: Point[] = [];
      for (let i = start; ; i = (i + 1) % n) {
        arc.push(ring[i]);
        if (i === end && arc.length > 1) break;
      }
      // The same border in the neighbour runs the other way: simplify it in one direction only.
      const flip = keyOf(arc[0]) > keyOf(arc[arc.length - 1]);
      const kept = douglasPeucker(flip ? [...arc].reverse() : arc, tolerance);
      if (flip) kept.reverse();
      out.push(...kept.slice(0, -1));
    });
    return out;
  });
}

const dist2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function lineDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.sqrt(dist2(p, a));
  return Math.abs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / len;
}

/** The points of a polyline that stay within `tolerance` of it; the ends are kept. */
function douglasPeucker(line: readonly Point[], tolerance: number): Point[] {
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let best = -1;
    let bestD = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = lineDistance(line[i], line[a], line[b]);
      if (d > bestD) [best, bestD] = [i, d];
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}
