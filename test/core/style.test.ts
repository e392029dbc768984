// How generated sheets look and print: rules, grey headers, centred ranks, the page setup and
// page breaks, derived from any layout (ranking, comparison, robustness).
import { compare, score, sensitivity } from "../../src/core";
import {
  blockCells,
  columnPoints,
  comparisonLayout,
  keepTablesWhole,
  layoutOrientation,
  reportLayout,
  sensitivityLayout,
  sheetStyle,
  wrapLines,
  type Block,
  type SheetLayout,
  type TableLayout,
} from "../../src/report";
import { datasetOf, inputRows, scores2020 } from "./fixtures";

const layout = reportLayout(scores2020(), "2020");
const sheet = (key: string) => layout.sheets.find((s) => s.key === key)!;
const cellsOf = (s: SheetLayout, b: Block) => [...blockCells(b)].map(([r, c]) => s.cells[r][c]);
const rowsOf = (b: Block) => Array.from({ length: b.rows }, (_, k) => b.row + k);

describe("the ranking sheets' style", () => {
  it("rules each table's header and body, not its title; shades exactly its header rows", () => {
    for (const s of layout.sheets) {
      const style = sheetStyle(s);
      expect(style.ruled).toHaveLength(s.tables.length);
      s.tables.forEach((t, k) => {
        // The title row (e.g. 中心城区 / Central districts) stays above the rules.
        expect(style.ruled[k]).toEqual({ row: t.row + 1, col: t.col, rows: t.rows - 1, cols: t.cols });
        expect(s.cells[t.row].filter((v) => v !== null)).toHaveLength(1);
        const header = style.headers[k];
        // Overall: one header row (排名, 行政区, …); indicator sheets: regions, then 排名/行政区/指数值.
        expect(header).toEqual({ row: t.row + 1, col: t.col, rows: s.key === "overall" ? 1 : 2, cols: t.cols });
        expect(rowsOf(header).every((r) => s.headerRows.includes(r))).toBe(true);
        expect(s.headerRows.includes(header.row + header.rows)).toBe(false); // the body is not shaded
        expect(s.cells[header.row + header.rows - 1].slice(0, 3)).toEqual(
          s.key === "overall" ? ["排名", "行政区", "智慧城市发展水平指数"] : ["排名", "行政区", "指数值"],
        );
      });
    }
  });

  it("centres the rank columns: every centred cell of a ranking sheet is a rank 1…16 or a region", () => {
    const overall = sheetStyle(sheet("overall"));
    // The city table's rank and region columns (16 districts) first, then the regions' ranks (8, 8).
    expect(overall.centered.map((b) => b.rows)).toEqual([16, 16, 8, 8]);
    expect(cellsOf(sheet("overall"), overall.centered[0])).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
    expect(new Set(cellsOf(sheet("overall"), overall.centered[1]))).toEqual(new Set(["中心城区", "郊区"]));
    for (const key of ["level1", "level2", "level3"]) {
      const s = sheet(key);
      const style = sheetStyle(s);
      expect(style.centered).toHaveLength(s.tables.length * 2); // 中心城区 and 郊区, each its own rank column
      for (const b of style.centered) {
        expect(s.cells[b.row - 1][b.col]).toBe("排名");
        for (const v of cellsOf(s, b)) expect(v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 8)).toBe(true);
      }
    }
  });

  it("prints every ranking sheet portrait, one page wide, frozen rows on top", () => {
    for (const s of layout.sheets) {
      const { page } = sheetStyle(s);
      const width = s.columnWidths.reduce((t, w) => t + columnPoints(w), 0);
      // A4 portrait less 0.5" margins each side is 7.27" = 523 pt across.
      expect(page.orientation, s.key).toBe(width > 523.4 ? "landscape" : "portrait");
      expect(page).toMatchObject({ paper: "A4", fitToWidth: 1, fitToHeight: 0, printTitleRows: s.freezeRows, centerHorizontally: true, footer: "&P / &N" });
      expect(page.printArea).toEqual({ row: 0, col: 0, rows: s.cells.length, cols: s.cells[0].length });
    }
    // 8 columns of 8 + 14 + 5 × 11 + 10 = 87 characters: (87 × 7 + 8 × 5) × 0.75 = 487 pt.
    expect(sheetStyle(sheet("overall")).page.orientation).toBe("portrait");
    expect(layoutOrientation(layout)).toBe("portrait");
    // Indicator sheets: the two regions' columns equal, filling the page (at most 94 characters).
    const widths = sheet("level3").columnWidths;
    expect(widths.slice(0, 3)).toEqual(widths.slice(3, 6));
    expect(widths.reduce((t, w) => t + w, 0)).toBeGreaterThan(85);
    expect(widths.reduce((t, w) => t + w, 0)).toBeLessThanOrEqual(94);
  });

  it("breaks pages between tables only, so no ranking table is cut", () => {
    // Overall, portrait: (11.69 − 1.2) × 72 / 16 = 47 rows, less 2 spare = 45 a page. Title,
    // English title, two source lines and a blank (rows 0–4); the city table (rows 5–23) and
    // 中心城区 (25–35) fit page 1; 郊区 (37–47) would cross row 45, so it starts page 2.
    const overall = sheet("overall");
    expect(overall.tables.map((t) => [t.key, t.row, t.rows])).toEqual([
      ["city", 5, 19],
      ["central", 25, 11],
      ["suburban", 37, 11],
    ]);
    expect(sheetStyle(overall).page.rowBreaks).toEqual([37]);
    // Indicator sheets: 45 rows a page, 43 after the first (the two title rows repeat); a table
    // is 13 rows and a blank one, from row 5: two on page 1, three on each page after.
    for (const key of ["level1", "level2", "level3"]) {
      const s = sheet(key);
      const breaks = sheetStyle(s).page.rowBreaks;
      const starts = new Set(s.tables.map((t) => t.row));
      expect(
        breaks.every((r) => starts.has(r)),
        key,
      ).toBe(true);
      const pages = [0, ...breaks, s.cells.length];
      for (const t of s.tables) {
        const page = pages.findIndex((p, k) => t.row >= p && t.row < pages[k + 1]);
        expect(t.row + t.rows, `${key} ${t.key}`).toBeLessThanOrEqual(pages[page + 1]);
        expect(t.row + t.rows - pages[page], `${key} ${t.key}`).toBeLessThanOrEqual(page === 0 ? 45 : 43);
      }
    }
    expect(sheet("level3").tables[0].rows).toBe(13);
    expect(sheetStyle(sheet("level3")).page.rowBreaks.slice(0, 3)).toEqual([5 + 2 * 14, 5 + 5 * 14, 5 + 8 * 14]);
  });
});

describe("keepTablesWhole", () => {
  const t = (row: number, rows: number): TableLayout => ({ key: String(row), title: "", row, col: 0, rows, cols: 2 });

  it("breaks before a table that would cross the page's end, and not before one that fits", () => {
    // 10 rows a page, 1 title row repeated: page 1 holds rows 0–9, later pages 9 new rows.
    expect(keepTablesWhole([t(1, 4), t(6, 4)], 10, 1)).toEqual([]); // rows 1–9
    expect(keepTablesWhole([t(1, 4), t(6, 5)], 10, 1)).toEqual([6]); // row 10 would be page 2
    // After the break at 6 the page holds 9 rows (6–14): a table at 12–14 fits, one to 15 not.
    expect(keepTablesWhole([t(1, 4), t(6, 5), t(12, 3)], 10, 1)).toEqual([6]);
    expect(keepTablesWhole([t(1, 4), t(6, 5), t(12, 4)], 10, 1)).toEqual([6, 12]);
  });

  it("lets a table taller than a page flow, and counts the natural breaks it makes", () => {
    // 30 rows from 0 on 10-row pages (9 after the first): natural breaks at 10, 19, 28.
    expect(keepTablesWhole([t(0, 30)], 10, 1)).toEqual([]);
    // The next table, rows 30–34, fits the page that began at 28 (rows 28–36).
    expect(keepTablesWhole([t(0, 30), t(30, 5)], 10, 1)).toEqual([]);
    // Rows 33–38 would cross 37: a break before 33.
    expect(keepTablesWhole([t(0, 30), t(33, 6)], 10, 1)).toEqual([33]);
    // A table that starts a page is never broken before.
    expect(keepTablesWhole([t(0, 10), t(10, 9)], 10, 1)).toEqual([]);
  });
});

describe("wrapping long headers", () => {
  it("wraps at spaces, keeps Latin words whole, breaks CJK anywhere", () => {
    expect(wrapLines("排名", 4)).toBe(1);
    expect(wrapLines("智慧城市发展水平指数", 21)).toBe(1); // 20 wide
    expect(wrapLines("智慧城市发展水平指数", 19)).toBe(2);
    // 2020全市排名 (12) / (1) city (4) rank (4) 2020 (4), 11 a line: "2020全市排名" | "/ city rank" | "2020".
    expect(wrapLines("2020全市排名 / city rank 2020", 11)).toBe(3);
    expect(wrapLines("区域 / region", 11)).toBe(2); // "区域 /" is 6; " region" would make 13
    expect(wrapLines("antidisestablishment", 8)).toBe(3); // 20 letters
    expect(wrapLines("", 5)).toBe(1);
  });

  it("the ranking sheets' headers over numbers wrap rather than widen them; the comparison's and robustness sheet's wrap", () => {
    for (const s of layout.sheets.slice(1)) expect(sheetStyle(s).wrapped, s.key).toEqual([]);
    // 智慧城市发展水平指数 (20 wide) in a column of 11: two lines, on the city's and each region's header.
    const overall = sheet("overall");
    expect(sheetStyle(overall).wrapped).toEqual(overall.tables.map((t) => ({ row: t.row + 1, col: 0, rows: 1, cols: t.cols, points: 32 })));
    expect(overall.tables.map((t) => t.cols)).toEqual([8, 7, 7]); // the city table has the region column
    const ds = datasetOf(inputRows());
    const robust = sensitivityLayout(sensitivity(ds, { replications: 10, perturbation: 0.1, seed: 1 }).result!, ds, "2020");
    // Rows 0–5 are the title, source and method lines, 6 blank. Row 7 (全市排名 / city rank across
    // 5 columns) fits; row 8's "保持原排名（%）/ kept (%)" in 11 takes 3 lines: "保持原排名" |
    // "（%）/ kept" | "(%)".
    expect(sheetStyle(robust).wrapped).toEqual([{ row: 8, col: 0, rows: 1, cols: 13, points: 48 }]);
  });
});

describe("other layouts get the same style without asking", () => {
  it("a comparison: its table ruled from the header down, the header grey, ranks centred, landscape", () => {
    const older = score({ ...datasetOf(inputRows()), label: "2020" });
    const newer = score({ ...datasetOf(inputRows()), label: "2021" });
    for (const s of comparisonLayout(compare(older, newer)).sheets) {
      const style = sheetStyle(s);
      const t = s.tables[0];
      expect(style.ruled).toEqual([{ row: t.row, col: 0, rows: t.rows, cols: t.cols }]);
      // Two header rows: each group (value, rank over the city, rank in the region), then its columns.
      expect(style.headers).toEqual([{ row: t.row, col: 0, rows: 2, cols: t.cols }]);
      expect(s.cells[t.row + 1][0]).toMatch(/district|code/);
      // Old rank, new rank, change; city then region.
      expect(style.centered.map((b) => [s.cells[t.row][b.col], ...s.cells[t.row + 1].slice(b.col, b.col + b.cols)])).toEqual([
        ["全市排名 / city rank", "2020", "2021", "变化 / change"],
        ["区内排名 / rank in region", "2020", "2021", "变化 / change"],
      ]);
      expect(style.page).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: s.freezeRows, rowBreaks: [] });
    }
  });

  it("a robustness sheet: two header rows grey, the rank columns centred", () => {
    const ds = datasetOf(inputRows());
    const s = sensitivityLayout(sensitivity(ds, { replications: 50, perturbation: 0.1, seed: 1 }).result!, ds, "2020");
    const style = sheetStyle(s);
    // Under the title (2 rows), the source (2) and the method (2) lines and a blank row.
    expect(style.headers).toEqual([{ row: 7, col: 0, rows: 2, cols: 13 }]);
    expect(style.ruled).toEqual([{ row: 7, col: 0, rows: 18, cols: 13 }]);
    expect(style.centered.map((b) => s.cells[8].slice(b.col, b.col + b.cols))).toEqual([
      ["基准 / baseline", "中位 / median", "5%分位 / P5", "95%分位 / P95"],
      ["基准 / baseline", "中位 / median", "5%分位 / P5", "95%分位 / P95"],
    ]);
    expect(style.page.printTitleRows).toBe(9);
  });

  it("a layout without tables or hints gets none, and still a page setup", () => {
    const bare: SheetLayout = {
      key: "x",
      name: "x",
      cells: [["a", 1]],
      numbers: [],
      headerRows: [0],
      freezeRows: 0,
      tables: [],
      charts: [],
      columnWidths: [10, 10],
    };
    expect(sheetStyle(bare)).toMatchObject({ ruled: [], headers: [], centered: [], page: { orientation: "portrait", printTitleRows: 0, rowBreaks: [] } });
  });
});
