// The map's place on the overall sheet, and how the sheet then prints.
import { reportLayout, sheetStyle } from "../../src/report";
import { GEOMETRY_SHANGHAI } from "../../src/data";
import { compositeMap, MAP_ROWS, SHEET_MAP_WIDTH, withMap, withPicture } from "../../src/report/map-place";
import { scores2020 } from "../core/fixtures";

describe("the map on the overall sheet", () => {
  const s = scores2020();
  const overall = reportLayout(s, "2020").sheets[0];
  const sheet = withPicture(overall, { key: "map", title: "map", svg: "<svg/>", width: 68, height: 100 });
  const slot = sheet.pictures![0];

  it("puts the map one empty column right of the table, from row 3, 24 rows (480 px) tall", () => {
    expect(overall.cells[0]).toHaveLength(8);
    expect([slot.row, slot.col, slot.rows, slot.height]).toEqual([2, 9, MAP_ROWS, 480]);
    expect(slot.width).toBe(Math.round(480 * 0.68));
    expect(slot.cols).toBe(Math.ceil(slot.width / 64));
    expect(sheet.cells).toBe(overall.cells);
  });

  it("is the composite's map over the city, on the overall sheet only", () => {
    const layout = withMap(reportLayout(s, "2020"), s, GEOMETRY_SHANGHAI);
    const [first, ...rest] = layout.sheets;
    const map = compositeMap(s, GEOMETRY_SHANGHAI);
    expect(first.pictures!.map((p) => [p.key, p.svg])).toEqual([["map", map.svg]]);
    expect(map.width).toBe(SHEET_MAP_WIDTH);
    expect(map.svg).toContain('data-district="浦东" data-class="4"');
    expect(map.title).toBe("智慧城市发展水平指数 — 全市 · 范围 87.31–133.41");
    for (const x of rest) expect(x.pictures).toBeUndefined();
  });

  it("prints the map with the table: the print area takes it in, and no page break cuts it", () => {
    const before = sheetStyle(overall).page;
    const page = sheetStyle(sheet).page;
    expect(page.printArea).toEqual({ row: 0, col: 0, rows: overall.cells.length, cols: slot.col + slot.cols });
    expect(before.printArea.cols).toBe(8);
    for (const r of page.rowBreaks) expect(r <= slot.row || r >= slot.row + slot.rows).toBe(true);
    // The region tables and the map share the first page; the city table starts the second.
    const city = overall.tables.find((t) => t.key === "city")!;
    expect(page.rowBreaks[0]).toBe(city.row);
  });
});
