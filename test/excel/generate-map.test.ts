// The composite's map on the overall ranking sheet: a native SVG shape in the same write batch
// (ExcelApi 1.9), a note where Excel cannot take one, removed with the sheets on a rollback.
import { score } from "../../src/core";
import { reportLayout } from "../../src/report";
import { dataset2020, GEOMETRY_SHANGHAI } from "../../src/data";
import { writeRanking } from "../../src/excel/generate";
import { withMap } from "../../src/report/map-place";
import { FakeExcel } from "../fakes/excel";

const scores = score(dataset2020());
const plain = reportLayout(scores, "2020");
const layout = withMap(plain, scores, GEOMETRY_SHANGHAI);
const slot = layout.sheets[0].pictures![0];

describe("the map on the ranking sheets", () => {
  it("is one SVG shape under the city table, in the same 2 syncs, with the charts right of it", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [], notes: [] });
    const overall = xl.sheet("排名 2020");
    expect(overall.shapes).toHaveLength(1);
    const [shape] = overall.shapes;
    expect(shape.svg).toBe(slot.svg);
    expect(shape.svg).toContain('data-district="浦东" data-class="4"');
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
      const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
      expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [] });
      if (!result.ok) return;
      expect(result.notes).toEqual([
        {
          zh: "此版本的 Excel 不支持插入 SVG 图形（ExcelApi 1.9），「排名 2020」未附地图",
          en: 'this Excel cannot insert SVG shapes (ExcelApi 1.9): "排名 2020" has no map',
        },
      ]);
      expect(xl.sheet("排名 2020").shapes).toEqual([]);
      expect(xl.sheet("排名 2020").charts).toHaveLength(4);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("goes with the sheets when the write fails: the workbook is as before", async () => {
    const xl = new FakeExcel();
    xl.addSheet("Mine", [["x"]]);
    const before = xl.snapshot();
    xl.failOn("charts.add", 2);
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(xl.snapshot()).toEqual(before);
  });

  it("a failing shape rolls the whole write back too", async () => {
    const xl = new FakeExcel();
    const before = xl.snapshot();
    xl.failOn("shapes.addSvg");
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: false, rolledBack: true });
    expect(xl.snapshot()).toEqual(before);
  });
});
