// The map's place on the overall sheet, and how the sheet then prints.
import { reportLayout, sheetStyle } from "../../src/report";
import { GEOMETRY_SHANGHAI } from "../../src/data";
import { compositeMap, MAP_ROWS, ROW_PX, SHEET_MAP_WIDTH, withMap, withPicture } from "../../src/report/map-place";
import { scores2020 } from "../core/fixtures";

describe("the map on the overall sheet", () => {
  const s = scores2020();
  const plain = reportLayout(s, "2020");
  const overall = plain.sheets[0];
  const layout = withMap(plain, s, GEOMETRY_SHANGHAI);
  const sheet = layout.sheets[0];
  const slot = sheet.pictures![0];
  const city = sheet.tables.find((t) => t.key === "city")!;

  it("puts a picture from the given row in column A, as wide as the given columns, its height in proportion", () => {
    // Widths 8 and 14 characters: 61 and 103 px.
    const two = withPicture(
      { ...overall, columnWidths: [8, 14, ...overall.columnWidths.slice(2)] },
      { key: "m", title: "m", svg: "<svg/>", width: 328, height: 100 },
      4,
      2,
    );
    const p = two.pictures![0];
    expect([p.row, p.col, p.cols, p.width, p.height, p.rows]).toEqual([4, 0, 2, 164, 50, 3]);
    // Never more than MAP_ROWS rows tall: a tall picture is made narrower instead.
    const tall = withPicture(overall, { key: "m", title: "m", svg: "<svg/>", width: 100, height: 1000 }).pictures![0];
    expect(tall.height).toBe(MAP_ROWS * ROW_PX);
    expect(tall.width).toBe(Math.round((MAP_ROWS * ROW_PX * 100) / 1000));
  });

  it("is the composite's map over the city, under the city table, on the overall sheet only", () => {
    const map = compositeMap(s, GEOMETRY_SHANGHAI, "2020");
    expect(sheet.pictures!.map((p) => [p.key, p.svg])).toEqual([["map", map.svg]]);
    expect(map.width).toBe(SHEET_MAP_WIDTH);
    expect(map.svg).toContain('data-district="浦东" data-class="4"');
    expect(map.title).toBe("2020年智慧城市发展水平指数 — 全市 · 范围 87.31–133.41");
    expect(slot.row).toBe(city.row + city.rows + 1);
    expect(slot.col).toBe(0);
    for (const x of layout.sheets.slice(1)) expect(x.pictures).toBeUndefined();
  });

  it("moves the region tables below the map, and leaves the city table as it was", () => {
    const before = overall.tables.map((t) => [t.key, t.row]);
    expect(sheet.tables.find((t) => t.key === "city")!.row).toBe(overall.tables.find((t) => t.key === "city")!.row);
    const central = sheet.tables.find((t) => t.key === "central")!;
    expect(central.row).toBeGreaterThanOrEqual(slot.row + slot.rows);
    expect(before).toEqual([
      ["city", 5],
      ["central", 25],
      ["suburban", 37],
    ]);
  });

  it("prints the map with the tables: the print area takes it in, and no page break cuts it", () => {
    const page = sheetStyle(sheet).page;
    expect(page.printArea).toEqual({ row: 0, col: 0, rows: sheet.cells.length, cols: 8 });
    for (const r of page.rowBreaks) expect(r <= slot.row || r >= slot.row + slot.rows).toBe(true);
    expect(page.orientation).toBe("portrait");
  });
});
