// The measures a map needs from an assessment's shapes: area, centroid, containment, a point to
// put the name on. Pure: no map library.

import type { EntityShape, Geometry, Point, Ring } from "../core/geometry";

export type { EntityShape, Geometry, Point, Ring };

/**
 * The shoelace area. Positive for rings that wind clockwise on the screen (y down), which is
 * how outer rings are stored; holes come out negative.
 */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/** Area in square units: outer rings minus holes. */
export const shapeArea = (shape: EntityShape): number => shape.rings.reduce((s, r) => s + ringArea(r), 0);

/** Area in km². */
export const areaKm2 = (shape: EntityShape, g: Geometry): number => shapeArea(shape) * g.unitKm * g.unitKm;

/** The area-weighted centroid of all rings (holes subtract). */
export function centroid(shape: EntityShape): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of shape.rings)
    for (let i = 0, n = ring.length; i < n; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[(i + 1) % n];
      const f = x1 * y2 - x2 * y1;
      a += f;
      cx += (x1 + x2) * f;
      cy += (y1 + y2) * f;
    }
  return a === 0 ? (shape.rings[0]?.[0] ?? [0, 0]) : [cx / (3 * a), cy / (3 * a)];
}

/** Even-odd rule over all rings, so holes and separate parts come out right. */
export function contains(shape: EntityShape, [x, y]: Point): boolean {
  let inside = false;
  for (const ring of shape.rings)
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

function segmentDistance([x, y]: Point, [x1, y1]: Point, [x2, y2]: Point): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
  return Math.hypot(x - x1 - t * dx, y - y1 - t * dy);
}

/** Distance to the nearest edge of any ring. */
export function edgeDistance(shape: EntityShape, p: Point): number {
  let d = Infinity;
  for (const ring of shape.rings) for (let i = 0, n = ring.length; i < n; i++) d = Math.min(d, segmentDistance(p, ring[i], ring[(i + 1) % n]));
  return d;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundsOf(rings: Iterable<Ring>): Bounds {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const ring of rings)
    for (const [x, y] of ring) {
      b.minX = Math.min(b.minX, x);
      b.minY = Math.min(b.minY, y);
      b.maxX = Math.max(b.maxX, x);
      b.maxY = Math.max(b.maxY, y);
    }
  return b;
}

/** Shapes are immutable data (a profile's), so each one's label point is found once. */
const labels = new WeakMap<EntityShape, Point>();

/**
 * Where the name goes: the point of the largest part farthest from every edge (the pole of
 * inaccessibility), found on a grid refined around the best cell. A centroid can fall outside
 * a crescent or between islands; this point is always inside, as deep as the shape allows.
 */
export function labelPoint(shape: EntityShape): Point {
  let p = labels.get(shape);
  if (!p) labels.set(shape, (p = findLabelPoint(shape)));
  return p;
}

function findLabelPoint(shape: EntityShape): Point {
  const largest = shape.rings.reduce<Ring | undefined>((best, r) => (!best || ringArea(r) > ringArea(best) ? r : best), undefined);
  if (!largest || largest.length === 0) return [0, 0];
  const b = boundsOf([largest]);
  let best: Point = centroid({ id: shape.id, rings: [largest] });
  let bestD = contains(shape, best) ? edgeDistance(shape, best) : -1;
  let [cx, cy] = [(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2];
  let [hw, hh] = [(b.maxX - b.minX) / 2, (b.maxY - b.minY) / 2];
  const N = 16;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i <= N; i++)
      for (let j = 0; j <= N; j++) {
        const p: Point = [cx - hw + (2 * hw * i) / N, cy - hh + (2 * hh * j) / N];
        if (!contains(shape, p)) continue;
        const d = edgeDistance(shape, p);
        if (d > bestD) [best, bestD] = [p, d];
      }
    // The next grid spans two cells either side of the best point.
    [cx, cy] = best;
    [hw, hh] = [(4 * hw) / N, (4 * hh) / N];
  }
  return best;
}
