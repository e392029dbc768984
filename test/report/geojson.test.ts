// A profile's own GeoJSON → Geometry: projection, shared-border simplification, roster matching.
import { Roster, type District } from "../../src/core";
import { geometryFromGeoJson } from "../../src/report/geojson";
import { areaKm2, ringArea } from "../../src/report/geometry";
import { projectShapes, type LonLat } from "../../src/report/project";
import { ROSTER } from "../core/fixtures";

// One degree of longitude at the equator: 2π·6371.0088 km / 360.
const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360;
const square = (lon: number, lat: number, size: number): LonLat[] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = "Polygon") => ({
  type: "Feature",
  properties,
  geometry: { type, coordinates },
});
const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });

describe("projectShapes", () => {
  it("projects a 0.1° square at the equator to (0.1 × 111.195 km)², its north-west corner at the origin", () => {
    const g = projectShapes([{ id: "a", polygons: [[square(10, 0, 0.1)]] }], { tolerance: 0 });
    expect(g.width).toBe(Math.ceil(0.1 * KM_PER_DEGREE * 10));
    // Corners are rounded to the 100 m unit: 11.12 km becomes 11.1 km.
    expect(areaKm2(g.shapes[0], g)).toBeCloseTo(11.1 * 11.1, 6);
    // The north-west corner (10°E, 0.1°N) is the frame's origin.
    expect(g.shapes[0].rings[0]).toContainEqual([0, 0]);
  });

  it("scales x by the cosine of the latitude: a 0.1° square at 60°N is half as wide as tall", () => {
    const g = projectShapes([{ id: "a", polygons: [[square(10, 59.95, 0.1)]] }], { tolerance: 0 });
    expect(g.width / g.height).toBeCloseTo(0.5, 2);
  });

  it("simplifies a border two shapes share the same way in both, so they still tile", () => {
    // A zigzag border at 0.1°E with equal teeth: Douglas–Peucker meets ties, and a ring walked
    // the other way would break them differently.
    const teeth: LonLat[] = Array.from({ length: 21 }, (_, i) => [0.1 + (i % 2 ? 0.004 : 0) * (i % 4 === 1 ? 1 : -1), i * 0.005]);
    const west: LonLat[] = [[0, 0], ...teeth, [0, 0.1]];
    const east: LonLat[] = [[0.2, 0], [0.2, 0.1], ...[...teeth].reverse()];
    const whole = projectShapes([{ id: "w", polygons: [[square(0, 0, 0.1).map(([x, y]) => [x * 2, y] as LonLat)]] }], { tolerance: 0 });
    const g = projectShapes(
      [
        { id: "w", polygons: [[west]] },
        { id: "e", polygons: [[east]] },
      ],
      { tolerance: 6 },
    );
    const [w, e] = g.shapes;
    expect(w.rings[0].length).toBeLessThan(west.length);
    // No gap and no overlap: the two areas add up to the rectangle's.
    expect(ringArea(w.rings[0]) + ringArea(e.rings[0])).toBe(ringArea(whole.shapes[0].rings[0]));
    const border = (ring: readonly (readonly [number, number])[]) =>
      ring
        .filter(([x]) => x > 20 && x < g.width - 20)
        .map((p) => p.join(","))
        .sort();
    expect(border(w.rings[0])).toEqual(border(e.rings[0]));
  });

  it("stores outer rings clockwise on the screen and holes the other way, whatever the file's winding", () => {
    const outer = square(0, 0, 0.1);
    const hole = square(0.03, 0.03, 0.04);
    for (const rings of [
      [outer, hole],
      [[...outer].reverse(), [...hole].reverse()],
    ]) {
      const g = projectShapes([{ id: "a", polygons: [rings] }], { tolerance: 0 });
      const [o, h] = g.shapes[0].rings;
      expect(ringArea(o)).toBeGreaterThan(0);
      expect(ringArea(h)).toBeLessThan(0);
      expect(areaKm2(g.shapes[0], g)).toBeCloseTo((0.01 - 0.0016) * KM_PER_DEGREE ** 2, -1);
    }
  });

  it("drops islets under the minimum area but never a shape's largest part", () => {
    const g = projectShapes(
      [
        { id: "a", polygons: [[square(0, 0, 0.1)], [square(0.2, 0, 0.002)]] },
        { id: "b", polygons: [[square(0.5, 0, 0.002)]] },
      ],
      { tolerance: 0 },
    );
    expect(g.shapes[0].rings).toHaveLength(1);
    expect(g.shapes[1].rings).toHaveLength(1);
  });
});

describe("geometryFromGeoJson", () => {
  const sq = (lon: number) => [square(lon, 31, 0.05)];

  it("matches features to districts by name, full name, English name or code", () => {
    const json = collection(
      feature({ name: "黄浦区" }, sq(121.0)),
      feature({ name_en: "Xuhui" }, sq(121.1)),
      feature({ code: 310115 }, [sq(121.2), sq(121.3)], "MultiPolygon"),
      feature({ NAME: "静安" }, sq(121.4)),
    );
    const { geometry, issues } = geometryFromGeoJson(json, ROSTER, "map.geojson");
    expect(geometry!.shapes.map((s) => s.id)).toEqual(["浦东", "黄浦", "静安", "徐汇"]);
    expect(geometry!.shapes[0].rings).toHaveLength(2);
    // The other twelve districts have no shape: one warning each, naming the district.
    const missing = issues.filter((i) => i.code === "geometry-missing-district");
    expect(missing.map((i) => i.district).sort()).toEqual(
      ROSTER.districts
        .map((d) => d.id)
        .filter((id) => !["浦东", "黄浦", "静安", "徐汇"].includes(id))
        .sort(),
    );
    expect(missing.every((i) => i.severity === "warning")).toBe(true);
    expect(issues).toHaveLength(12);
  });

  it("reports a feature no district answers to, and one that is not a lon/lat polygon", () => {
    const roster = new Roster([
      { id: "甲", en: "Alpha", region: "r" },
      { id: "乙", en: "Beta", region: "r" },
    ] as District[]);
    const json = collection(
      feature({ name: "甲" }, sq(1)),
      feature({ name: "Atlantis" }, sq(2)),
      feature({ name: "Beta" }, [
        [
          [350000, 3400000],
          [351000, 3400000],
          [351000, 3401000],
          [350000, 3400000],
        ],
      ]),
      feature(
        { name: "甲" },
        [
          [0, 0],
          [1, 1],
        ],
        "LineString",
      ),
    );
    const { geometry, issues } = geometryFromGeoJson(json, roster, "map.geojson");
    expect(geometry!.shapes.map((s) => s.id)).toEqual(["甲"]);
    expect(issues.map((i) => [i.severity, i.code, i.district])).toEqual([
      ["warning", "geometry-unknown-feature", undefined],
      ["warning", "geometry-bad-feature", "乙"],
      ["warning", "geometry-bad-feature", "甲"],
      ["warning", "geometry-missing-district", "乙"],
    ]);
  });

  it.each([
    ["a bare geometry", { type: "Polygon", coordinates: sq(1) }],
    ["a list", []],
    ["null", null],
    ["features that match nothing", collection(feature({ name: "Atlantis" }, sq(1)))],
  ])("gives one error for %s, and no geometry", (_, json) => {
    const { geometry, issues } = geometryFromGeoJson(json, ROSTER, "map.geojson");
    expect(geometry).toBeUndefined();
    expect(issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["geometry-invalid"]);
  });
});
