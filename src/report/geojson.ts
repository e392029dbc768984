// A profile's own GeoJSON (FeatureCollection of Polygon/MultiPolygon in lon/lat) → Geometry,
// each feature matched to the roster by name, full name, English name or code.
import type { Roster } from "../core/district";
import { issue, type Issue } from "../core/issue";
import type { Geometry } from "./geometry";
import { projectShapes, type LonLat, type LonLatShape, type ProjectOptions } from "./project";

/** The properties a feature's district may be named by, most specific first. */
const NAME_KEYS = ["code", "adcode", "id", "name", "name_zh", "NAME", "Name", "fullname", "full_name", "name_en", "NAME_EN"];

type Polygon = LonLat[][];

const isPosition = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === "number" && typeof p[1] === "number" && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** A Polygon's rings, or undefined when any position is not a lon/lat pair. */
function polygonOf(coords: unknown): Polygon | undefined {
  if (!Array.isArray(coords) || coords.length === 0) return undefined;
  const rings: LonLat[][] = [];
  for (const ring of coords) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return undefined;
    rings.push(ring.map((p) => [p[0], p[1]] as LonLat));
  }
  return rings;
}

function polygonsOf(geometry: unknown): Polygon[] | undefined {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g?.type === "Polygon") {
    const p = polygonOf(g.coordinates);
    return p && [p];
  }
  if (g?.type === "MultiPolygon" && Array.isArray(g.coordinates)) {
    const ps = g.coordinates.map(polygonOf);
    return ps.every((p): p is Polygon => !!p) ? ps : undefined;
  }
  return undefined;
}

/**
 * Matches every feature to a district and projects them all. A feature no district answers to,
 * and a district without a feature, are warnings (the map leaves it out); a file with no usable
 * feature is an error. Several features of one district are its parts.
 */
export function geometryFromGeoJson(json: unknown, roster: Roster, file = "GeoJSON", options: ProjectOptions = {}): { geometry?: Geometry; issues: Issue[] } {
  const issues: Issue[] = [];
  const features = (json as { type?: unknown; features?: unknown } | null)?.features;
  if ((json as { type?: unknown } | null)?.type !== "FeatureCollection" || !Array.isArray(features)) {
    issues.push(issue("error", "geometry-invalid", `${file}：不是 GeoJSON 要素集合（FeatureCollection）`, `${file}: not a GeoJSON FeatureCollection`));
    return { issues };
  }
  const parts = new Map<string, Polygon[]>();
  features.forEach((f: unknown, n) => {
    const feature = f as { id?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown } | null;
    const props = { id: feature?.id, ...(feature?.properties ?? {}) } as Record<string, unknown>;
    const names = NAME_KEYS.map((k) => props[k]).filter((v): v is string | number => typeof v === "string" || typeof v === "number");
    const label = names.length ? String(props.name ?? names[0]) : `#${n + 1}`;
    const district = names.map((v) => roster.find(v)).find((d) => d);
    if (!district) {
      issues.push(
        issue(
          "warning",
          "geometry-unknown-feature",
          `${file}：要素「${label}」不对应任何行政区，未用于地图`,
          `${file}: feature "${label}" matches no district and is not mapped`,
        ),
      );
      return;
    }
    const polygons = polygonsOf(feature?.geometry);
    if (!polygons) {
      issues.push(
        issue(
          "warning",
          "geometry-bad-feature",
          `${file}：要素「${label}」不是经纬度的 Polygon 或 MultiPolygon，未用于地图`,
          `${file}: feature "${label}" is not a Polygon or MultiPolygon in longitude/latitude and is not mapped`,
          {
            district: district.id,
          },
        ),
      );
      return;
    }
    parts.set(district.id, [...(parts.get(district.id) ?? []), ...polygons]);
  });
  if (parts.size === 0) {
    issues.push(issue("error", "geometry-invalid", `${file}：没有可用于地图的行政区形状`, `${file}: no district shape to map`));
    return { issues };
  }
  for (const d of roster.districts)
    if (!parts.has(d.id))
      issues.push(
        issue(
          "warning",
          "geometry-missing-district",
          `${file}：缺少行政区「${d.id}」的形状，地图中不显示`,
          `${file}: no shape for district "${d.en ?? d.id}" (${d.id}); the map leaves it out`,
          { district: d.id },
        ),
      );
  const shapes: LonLatShape[] = roster.districts.filter((d) => parts.has(d.id)).map((d) => ({ id: d.id, polygons: parts.get(d.id)! }));
  return { geometry: projectShapes(shapes, options), issues };
}
