// `sci map` and the map on the ranking workbook's overall sheet, run in-process.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { displayWidth } from "../../src/report";
import { GEOMETRY_SHANGHAI } from "../../src/data";
import { contains, edgeDistance, type Point } from "../../src/report/geometry";
import { mapLayout, type MapLayout } from "../../src/report/map";
import { scores2020 } from "../core/fixtures";
import { decodePng } from "./png";
import { fixtureRows, INPUTS_CSV, sci, tempDir } from "./helpers";

const dir = tempDir();
const paths = (svg: string) => [...svg.matchAll(/<path [^>]*data-district="([^"]+)" data-class="(-?\d+)"/g)].map((m) => [m[1], Number(m[2])] as const);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * A point well inside each district (3 px from every edge) and clear of every label, in the
 * map's px: where its fill shows unmixed.
 */
function samplePoints(m: MapLayout): Map<string, Point> {
  const f = m.frame;
  // A label's box, with 2 px to spare: text is at most 0.6 em per display column and 1.1 em a line.
  const clear = ([x, y]: Point) =>
    m.areas.every(
      (a) =>
        !a.labelLines.length ||
        Math.abs(x - a.label[0]) > (Math.max(...a.labelLines.map(displayWidth)) * m.fontSize * 0.6) / 2 + 2 ||
        Math.abs(y - a.label[1]) > (a.labelLines.length * m.fontSize * 1.1) / 2 + 2,
    );
  const out = new Map<string, Point>();
  for (const a of m.areas) {
    const shape = GEOMETRY_SHANGHAI.shapes.find((s) => s.id === a.id)!;
    found: for (let py = f.y; py < f.y + f.height; py += 2)
      for (let px = f.x; px < f.x + f.width; px += 2) {
        const g: Point = [f.minX + (px - f.x) / f.scale, f.minY + (py - f.y) / f.scale];
        if (contains(shape, g) && edgeDistance(shape, g) * f.scale >= 3 && clear([px, py])) {
          out.set(a.id, [px, py]);
          break found;
        }
      }
  }
  return out;
}

describe("sci map", () => {
  it("prints the composite's SVG map of the built-in 2020 data: 16 districts, 浦东, 徐汇, 黄浦 on top", async () => {
    const r = await sci(["map"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith("<svg ")).toBe(true);
    const p = new Map(paths(r.stdout));
    expect(p.size).toBe(16);
    for (const id of ["浦东", "徐汇", "黄浦"]) expect(p.get(id)).toBe(4);
    expect(p.get("崇明")).toBe(0);
  });

  it("writes a PNG whose colour at a point inside each district is its class's", async () => {
    const out = join(dir, "map.png");
    const r = await sci(["map", INPUTS_CSV, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const png = readFileSync(out);
    const image = decodePng(png);
    const m = mapLayout(scores2020(), "SCI", "city", GEOMETRY_SHANGHAI, { width: 640 });
    // Drawn at twice the SVG's size.
    expect([image.width, image.height]).toEqual([2 * m.width, 2 * m.height]);
    const points = samplePoints(m);
    expect(points.size).toBe(16);
    for (const a of m.areas) {
      const [x, y] = points.get(a.id)!;
      const got = image.at(Math.round(2 * x), Math.round(2 * y));
      const want = rgb(a.fill);
      for (let c = 0; c < 3; c++) expect(Math.abs(got[c] - want[c]), `${a.id} at ${x},${y}: ${got} vs ${a.fill}`).toBeLessThanOrEqual(2);
    }
    // The title is drawn: dark pixels in the title band, which the background alone would not have.
    let dark = 0;
    for (let y = 0; y < 60; y++) for (let x = 0; x < image.width / 2; x++) if (image.at(x, y)[0] < 100) dark++;
    expect(dark).toBeGreaterThan(200);
  });

  it("maps any indicator over a region, in English, to an .svg file", async () => {
    const out = join(dir, "a.svg");
    const r = await sci(["map", "--indicator", "新型基础设施", "--scope", "郊区", "--lang", "en", "--classes", "equal", "--k", "4", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg).toContain("New infrastructure index, 2020");
    expect(svg).toContain("Suburban districts · range ");
    // The legend's title, wrapped over its lines: what the classes are.
    const texts = [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(texts).toContain("equal intervals (4 classes of equal width)");
    const p = paths(svg);
    expect(p.filter(([, c]) => c >= 0)).toHaveLength(8);
    expect(p.find(([id]) => id === "浦东")![1]).toBe(-1);
  });

  it.each([
    [["map", "--indicator", "nonsense"], /--indicator/],
    [["map", "--classes", "jenks"], /--classes/],
    [["map", "--k", "1"], /--k/],
    [["map", "--scope", "Atlantis"], /--scope/],
    [["map", "--out", "map.pdf"], /--out/],
    [["map", "--geometry", "no-such.geojson"], /no-such\.geojson/],
  ])("refuses %j with a usage error (exit 2)", async (argv, message) => {
    const r = await sci(argv as string[], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("maps with a GeoJSON file matched by name and code, warning about what is missing", async () => {
    const square = (lon: number) => [
      [
        [lon, 31],
        [lon + 0.05, 31],
        [lon + 0.05, 31.05],
        [lon, 31.05],
        [lon, 31],
      ],
    ];
    const file = join(dir, "few.geojson");
    const features = [
      { type: "Feature", properties: { name: "浦东新区" }, geometry: { type: "Polygon", coordinates: square(121.5) } },
      { type: "Feature", properties: { adcode: 310101 }, geometry: { type: "Polygon", coordinates: square(121.4) } },
      { type: "Feature", properties: { name: "Atlantis" }, geometry: { type: "Polygon", coordinates: square(121.3) } },
    ];
    writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }));
    const r = await sci(["map", "--geometry", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(paths(r.stdout).map(([id]) => id)).toEqual(["浦东", "黄浦"]);
    expect(r.stderr).toContain("geometry-unknown-feature");
    expect(r.stderr.match(/geometry-missing-district/g)).toHaveLength(14);
    expect(r.stdout).toContain("无地图形状：");
  });

  it("fails (exit 1) on a geometry file that is not JSON, and draws nothing", async () => {
    const file = join(dir, "broken.geojson");
    writeFileSync(file, "{ not json");
    const r = await sci(["map", "--geometry", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("geometry-invalid");
  });
});

describe("the ranking workbook's map", () => {
  it("puts the composite's map as a PNG under the city-wide table, and nowhere else", async () => {
    const out = join(dir, "ranking.xlsx");
    const r = await sci(["score", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const [overall, ...rest] = wb.worksheets;
    const images = overall.getImages();
    expect(images).toHaveLength(1);
    const picture = wb.getImage(Number(images[0].imageId));
    expect(picture.extension).toBe("png");
    const png = decodePng(Buffer.from(picture.buffer as unknown as Uint8Array));
    expect(png.width).toBeGreaterThan(600);
    // Under the city table (title, English title, two source lines, a blank; then the table's
    // title, header, 16 districts and the average: rows 6–24), after one empty row, column A.
    expect(overall.getCell("A6").value).toBe("全市 / City");
    expect(overall.getCell("B24").value).toBe("全市平均");
    expect(images[0].range.tl.nativeCol).toBe(0);
    expect(images[0].range.tl.nativeRow).toBe(25);
    for (const ws of rest) expect(ws.getImages()).toHaveLength(0);
    // As wide as the table's 8 columns, at most; the print area spans them.
    const ext = (images[0].range as unknown as { ext: { width: number; height: number } }).ext;
    const columns = Array.from({ length: 8 }, (_, c) => Math.round((overall.getColumn(c + 1).width ?? 8.43) * 7 + 5)).reduce((t, w) => t + w, 0);
    expect(ext.width).toBeLessThanOrEqual(columns);
    expect(ext.width).toBeGreaterThan(columns * 0.8);
    expect(/^A1:([A-Z])\d+$/.exec(overall.pageSetup.printArea ?? "")![1]).toBe("H");
  });
});

describe("another entity list", () => {
  // Three made-up counties with the 2020 inputs of the first three rows, in two regions.
  const rows = fixtureRows("inputs.csv");
  const names = ["甲县", "乙县", "丙县"];
  const input = join(dir, "counties.csv");
  const list = join(dir, "counties-list.csv");
  writeFileSync(input, [rows[0], ...rows.slice(1, 4).map((r, i) => [names[i], i ? "西部" : "东部", ...r.slice(2)])].map((r) => r.join(",")).join("\n"));
  writeFileSync(list, ["district,region", "甲县,东部", "乙县,西部", "丙县,西部"].join("\n"));

  it("has no map: the workbook is written without one, and sci map says how to bring shapes", async () => {
    const out = join(dir, "counties.xlsx");
    const r = await sci(["score", input, "--districts", list, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].getImages()).toHaveLength(0);
    const m = await sci(["map", input, "--districts", list]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain("geometry-missing");
    expect(m.stderr).toContain("--geometry");
  });

  it("maps with its own GeoJSON, over one of its regions", async () => {
    const square = (lon: number) => [
      [
        [lon, 30],
        [lon + 0.1, 30],
        [lon + 0.1, 30.1],
        [lon, 30.1],
        [lon, 30],
      ],
    ];
    const file = join(dir, "counties.geojson");
    writeFileSync(
      file,
      JSON.stringify({
        type: "FeatureCollection",
        features: names.map((name, i) => ({ type: "Feature", properties: { name }, geometry: { type: "Polygon", coordinates: square(110 + i / 10) } })),
      }),
    );
    const r = await sci(["map", input, "--districts", list, "--geometry", file, "--scope", "西部"]);
    expect(r.code, r.stderr).toBe(0);
    const p = new Map(paths(r.stdout));
    expect([...p.keys()]).toEqual(names);
    expect(p.get("甲县")).toBe(-1);
    expect(r.stdout).toContain("西部 · ");
    expect(r.stdout).not.toMatch(/上海|全市|中心城区|郊区/);
  });
});
