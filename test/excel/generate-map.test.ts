// The composite's map on the overall ranking sheet: a PNG image shape (ShapeCollection.addImage,
// ExcelApi 1.9; the pane draws the SVG on a canvas, here resvg stands in for it) in the same
// write batch, a note where Excel lacks 1.9 or the map could not be drawn, removed with the
// sheets on a rollback.
import { svgToPng } from "../../src/cli/png";
import { score } from "../../src/core";
import { reportLayout } from "../../src/report";
import { dataset2020, GEOMETRY_SHANGHAI } from "../../src/data";
import { writeRanking } from "../../src/excel/generate";
import { officeWorkbook } from "../../src/excel/workbook";
import { withMap } from "../../src/report/map-place";
import { FakeExcel } from "../fakes/excel";

const scores = score(dataset2020());
const plain = reportLayout(scores, "2020");
const layout = withMap(plain, scores, GEOMETRY_SHANGHAI);
const slot = layout.sheets[0].pictures![0];

/** The map drawn as the pane draws it: PNG at twice its size, base64. */
let png: string;
let images: Map<typeof slot, string>;
beforeAll(async () => {
  png = (await svgToPng(slot.svg, { width: slot.width * 2 })).png.toString("base64");
  images = new Map([[slot, png]]);
});

describe("the map on the ranking sheets", () => {
  it("is one PNG image under the city table, in the same 2 syncs, with the charts right of it", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, undefined, images));
    expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [], notes: [] });
    const overall = xl.sheet("排名 2020");
    expect(overall.shapes).toHaveLength(1);
    const [shape] = overall.shapes;
    expect(shape.image).toBe(png);
    expect(shape.format).toBe("PNG");
    expect(Buffer.from(png, "base64").readUInt32BE(16)).toBe(slot.width * 2); // drawn at twice its size
    expect(shape).toMatchObject({ name: "map", altTextTitle: slot.title, lockAspectRatio: true });
    expect(slot.title).toMatch(/^2020年智慧城市发展水平指数 — 全市/);
    // Left: column A; top: the row after the city table and an empty one, at 15 pt a row;
    // size: the slot's px in points.
    const city = layout.sheets[0].tables.find((t) => t.key === "city")!;
    expect(slot.row).toBe(city.row + city.rows + 1);
    expect(shape.left).toBe(0);
    expect(shape.top).toBe(slot.row * 15);
    expect([shape.width, shape.height]).toEqual([slot.width * 0.75, slot.height * 0.75]);
    for (const name of xl.sheetNames().filter((n) => n !== "排名 2020")) expect(xl.sheet(name).shapes).toEqual([]);
    // The charts start right of the map, not under it.
    const right = slot.col + slot.cols;
    for (const c of overall.charts) expect(c.position!.start.replace(/\d+$/, "") > String.fromCharCode(65 + right - 1)).toBe(true);
  });

  it("costs no extra sync: the plain sheets take the same 2", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, plain));
    expect(result).toMatchObject({ ok: true, syncs: 2 });
    expect(xl.sheet("排名 2020").shapes).toEqual([]);
  });

  it("is left out, with a note in both languages, where Excel lacks ExcelApi 1.9", async () => {
    vi.stubGlobal("Office", { context: { requirements: { isSetSupported: (set: string, v: string) => set !== "ExcelApi" || Number(v) < 1.9 } } });
    try {
      const xl = new FakeExcel();
      const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, undefined, images));
      expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [] });
      if (!result.ok) return;
      expect(result.notes).toEqual([
        {
          zh: "此版本的 Excel 不支持 ExcelApi 1.9（插入图片），「排名 2020」未附地图",
          en: 'this Excel lacks ExcelApi 1.9 (inserting pictures): "排名 2020" has no map',
        },
      ]);
      expect(xl.sheet("排名 2020").shapes).toEqual([]);
      expect(xl.sheet("排名 2020").charts).toHaveLength(4);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("is left out, with a note, where the pane could not draw it; the rest is written", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, undefined, new Map()));
    expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [] });
    if (!result.ok) return;
    expect(result.notes).toEqual([{ zh: "地图未能绘制为图片，「排名 2020」未附地图", en: 'the map could not be drawn as a picture: "排名 2020" has no map' }]);
    expect(xl.sheet("排名 2020").shapes).toEqual([]);
  });

  it("Excel takes PNG or JPEG only: SVG markup given as the image fails the write, which is rolled back", async () => {
    const xl = new FakeExcel();
    const before = xl.snapshot();
    const svg = new Map([[slot, Buffer.from(slot.svg).toString("base64")]]);
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, undefined, svg));
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(xl.snapshot()).toEqual(before);
  });

  it("goes with the sheets when the write fails: the workbook is as before", async () => {
    const xl = new FakeExcel();
    xl.addSheet("Mine", [["x"]]);
    const before = xl.snapshot();
    xl.failOn("charts.add", 2);
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, undefined, images));
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(xl.snapshot()).toEqual(before);
  });

  it("a failing shape rolls the whole write back too", async () => {
    const xl = new FakeExcel();
    const before = xl.snapshot();
    xl.failOn("shapes.addImage");
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, undefined, images));
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(xl.snapshot()).toEqual(before);
  });

  it("the pane's workbook draws the map before the write and inserts it; a drawing that fails leaves a note", async () => {
    const xl = new FakeExcel();
    const drawn: string[] = [];
    const result = await officeWorkbook(xl.runExcel, async (p) => (drawn.push(p.key), png)).writeRanking(layout);
    expect(result).toMatchObject({ ok: true, notes: [] });
    expect(drawn).toEqual(["map"]);
    expect(xl.sheet("排名 2020").shapes.map((x) => x.image)).toEqual([png]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await officeWorkbook(new FakeExcel().runExcel, () => Promise.reject(new Error("no canvas"))).writeRanking(layout);
    errors.mockRestore();
    expect(failed).toMatchObject({ ok: true, notes: [{ en: 'the map could not be drawn as a picture: "排名 2020" has no map' }] });
  });
});
