import { score, validate } from "../../src/core";
import { reportLayout, type ReportLayout, type SheetLayout } from "../../src/report";
import { dataset2020, framework2020, INPUTS_2020 } from "../../src/data";
import { writeRanking } from "../../src/excel/generate";
import { displayText } from "../fakes/excel-state";
import { FakeExcel } from "../fakes/excel";
import { a1, chineseThenEnglish, csv } from "./fixtures";

const layout2020 = () => reportLayout(score(dataset2020()), "2020");
const expected = (sheet: SheetLayout) => sheet.cells.map((r) => r.map((v) => (v === null ? "" : v)));
const corner = (sheet: SheetLayout) => `A1:${a1(sheet.cells.length - 1, sheet.cells[0].length - 1)}`;
const inBlock = (sheet: SheetLayout, r: number, c: number) => sheet.numbers.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);

describe("writeRanking", () => {
  it("writes every sheet of the layout exactly, in 2 syncs: names, then everything", async () => {
    const layout = layout2020();
    const xl = new FakeExcel();
    const progress: number[] = [];
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout, (p) => progress.push(p)));
    expect(result).toEqual({
      ok: true,
      sheets: ["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"],
      syncs: 2,
      mismatches: [],
      largestRequest: expect.any(Number),
      notes: [],
    });
    expect(xl.syncs).toBe(2);
    expect(progress).toEqual([0.2, 1]);
    expect(xl.sheetNames()).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name)]);
    expect(layout.sheets.reduce((t, s) => t + s.tables.length, 0)).toBeGreaterThan(50);

    for (const sheet of layout.sheets) {
      expect(xl.values(sheet.name, corner(sheet))).toEqual(expected(sheet));
      // Nothing beyond the layout's rectangle (its last row is a blank spacer).
      const used = xl.values(sheet.name);
      expect(used.length).toBeLessThanOrEqual(sheet.cells.length);
      expect(used[0].length).toBeLessThanOrEqual(sheet.cells[0].length);
      sheet.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = xl.cell(sheet.name, a1(r, c));
          expect(cell.formula).toBeUndefined();
          const format = typeof v === "string" ? "@" : inBlock(sheet, r, c) ? "0.00" : "General";
          expect(cell.numberFormat, `${sheet.name}!${a1(r, c)}`).toBe(format);
          if (sheet.headerRows.includes(r)) expect(cell.bold).toBe(true);
          // Averages are bold too, styled as a table's totals.
          else expect(cell.bold).toBe((sheet.totals ?? []).some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols));
        }),
      );
      const ws = xl.sheet(sheet.name);
      expect(ws.freezeRows).toBe(sheet.freezeRows);
      expect(sheet.columnWidths.map((w, c) => ws.columnWidths.get(c))).toEqual(sheet.columnWidths.map((w) => (w * 7 + 5) * 0.75));
      expect(ws.charts).toHaveLength(sheet.charts.length);
      sheet.charts.forEach((ch, k) =>
        expect(ws.charts[k]).toMatchObject({
          type: "BarClustered",
          title: ch.title,
          source: ch.values,
          xValues: ch.categories,
          reversePlotOrder: true,
          legendVisible: false,
        }),
      );
    }
    // The composite and the three first-level indices are charted.
    expect(xl.sheet("排名 2020").charts.map((c) => c.title)).toEqual([
      "智慧城市发展水平指数 2020",
      "新型基础设施指数 2020",
      "智慧应用指数 2020",
      "发展环境指数 2020",
    ]);
    expect(xl.selection?.sheet).toBe("排名 2020");
  });

  it("shows the published figures, two decimals", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => writeRanking(ctx, layout2020()));
    const overall = xl.values("排名 2020");
    const published = csv("published-summary.csv");
    const head = published[0];
    // The city table is the last block: its rows carry the region column.
    const city = overall.filter((r) => r[7] === "中心城区" || r[7] === "郊区");
    expect(city).toHaveLength(16);
    for (const row of published.slice(1)) {
      const r = overall.findIndex((x) => x === city.find((y) => y[1] === row[0]));
      for (const [k, code] of ["SCI", "A", "B", "C"].entries()) {
        // The report's own rounding leaves 9 of these 64 figures a cent off (see test/core).
        const shown = Number(displayText(xl.cell("排名 2020", a1(r, 2 + k))));
        expect(Math.abs(shown - Number(row[head.indexOf(code)]))).toBeLessThanOrEqual(0.0100001);
      }
    }
    // What an evaluator reads on 浦东's line of the city table, cell by cell: the rank, the name as
    // text, the four published figures and the coefficient with two decimals; the header above it bold.
    const pudong = overall.indexOf(city.find((r) => r[1] === "浦东")!);
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => displayText(xl.cell("排名 2020", a1(pudong, c))))).toEqual([
      "1",
      "浦东",
      "133.41",
      "121.96",
      "136.12",
      "136.52",
      "1.00",
    ]);
    expect([0, 1, 2, 6].map((c) => xl.cell("排名 2020", a1(pudong, c)).numberFormat)).toEqual(["General", "@", "0.00", "0.00"]);
    let header = pudong;
    while (overall[header][0] !== "排名") header--;
    expect(xl.cell("排名 2020", a1(header, 2))).toMatchObject({ value: "智慧城市发展水平指数", bold: true });
    expect(xl.cell("排名 2020", a1(pudong, 2)).bold).toBe(false);
    expect(city.slice(0, 3).map((r) => [r[1], displayText(xl.cell("排名 2020", a1(overall.indexOf(r), 2)))])).toEqual([
      ["浦东", "133.41"],
      ["徐汇", "126.74"],
      ["黄浦", "125.32"],
    ]);
  });

  it("never overwrites: a taken name gets a fresh one and the user's sheet is untouched", async () => {
    const xl = new FakeExcel();
    xl.addSheet("排名 2020", [
      ["my ranking", 1],
      ["keep", "=me"],
    ]);
    const before = xl.snapshot();
    const first = await xl.runExcel((ctx) => writeRanking(ctx, layout2020()));
    expect(first.ok && first.sheets).toEqual(["排名 2020 (2)", "排名 2020 一级指标 (2)", "排名 2020 二级指标 (2)", "排名 2020 三级指标 (2)"]);
    expect(xl.snapshot().sheets.slice(0, 2)).toEqual(before.sheets);
    expect(new Set(xl.changes.map((c) => c.sheet))).toEqual(new Set(first.ok ? first.sheets : []));
    const second = await xl.runExcel((ctx) => writeRanking(ctx, layout2020()));
    expect(second.ok && second.sheets[0]).toBe("排名 2020 (3)");
    expect(xl.sheetNames()).toHaveLength(2 + 4 + 4);
  });

  it("keeps names within 31 characters and free of forbidden characters", async () => {
    const xl = new FakeExcel();
    const layout = reportLayout(score(dataset2020()), "2020/21 [上海]: 智慧城市发展水平评估报告附表");
    for (let i = 0; i < 3; i++) {
      const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
      expect(result.ok).toBe(true);
      if (result.ok) for (const name of result.sheets) expect(name.length <= 31 && !/[[\]:*?/\\]/.test(name)).toBe(true);
    }
    expect(new Set(xl.sheetNames().map((n) => n.toLowerCase())).size).toBe(1 + 12);
  });

  it("text stays text: formula-like district names from an open roster are never formulas", async () => {
    const head = INPUTS_2020[0];
    const names = ["=SUM(1,2)", "+86 区", "-东区", "@home", '=HYPERLINK("http://x")', "0012"];
    const rows = [["行政区", "区域", ...head.slice(2)], ...names.map((n, i) => [n, i % 2 ? "郊区" : "中心城区", ...INPUTS_2020[i + 1].slice(2)])];
    const { dataset, issues } = validate({ rows }, { framework: framework2020 });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const layout = reportLayout(score(dataset!), "=1+1");
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: true, mismatches: [] });
    for (const sheet of layout.sheets) {
      const name = result.ok ? result.sheets[layout.sheets.indexOf(sheet)] : "";
      expect(xl.values(name, corner(sheet))).toEqual(expected(sheet));
    }
    const written = result.ok ? result.sheets[0] : "";
    const texts = xl
      .values(written)
      .flat()
      .filter((v) => typeof v === "string");
    for (const n of names.filter((n) => n !== "0012")) expect(texts).toContain(n);
    expect(xl.values(written).flat()).not.toContain("#NAME?");
  });

  it("a fake layout of hostile strings lands as the same strings", async () => {
    const hostile = ["=1+1", "+1", "-x", "@me", "'quote", "TRUE", "0012", "1e3", " =x"];
    const layout: ReportLayout = {
      title: "t",
      sheets: [
        {
          key: "overall",
          name: "Hostile",
          cells: [hostile, hostile.map((_, i) => i)],
          numbers: [{ row: 1, col: 0, rows: 1, cols: 9 }],
          headerRows: [0],
          freezeRows: 1,
          tables: [],
          charts: [],
          columnWidths: [],
        },
      ],
    };
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [], largestRequest: expect.any(Number) });
    expect(xl.values("Hostile")).toEqual([hostile, [0, 1, 2, 3, 4, 5, 6, 7, 8]]);
    expect(hostile.map((_, c) => xl.cell("Hostile", a1(0, c)).formula)).toEqual(hostile.map(() => undefined));
  });

  it("the read-back notices a value Excel changed", async () => {
    // An Excel that ignored the text format would make "=1" a formula: the confirm step says so.
    const xl = new FakeExcel();
    xl.state.writeNumberFormat = () => {};
    const layout: ReportLayout = {
      title: "",
      sheets: [{ key: "x", name: "X", cells: [["=1", "ok", 2]], numbers: [], headerRows: [], freezeRows: 0, tables: [], charts: [], columnWidths: [] }],
    };
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: true, sheets: ["X"], mismatches: ["X!A1"] });
  });

  it("a failure half-way removes this click's sheets: the workbook is as before", async () => {
    const xl = new FakeExcel();
    xl.addSheet("Mine", [["x"]]);
    const before = xl.snapshot();
    xl.failOn("charts.add", 3);
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout2020()));
    expect(result).toMatchObject({ ok: false, reason: "failed", rolledBack: true, written: [], syncs: 4 });
    if (!result.ok) expect(chineseThenEnglish(result.message)).toBe(true);
    expect(xl.snapshot()).toEqual(before);
  });

  it("if the clean-up fails too, it names exactly the sheets left behind", async () => {
    const xl = new FakeExcel();
    xl.failOn("worksheets.add", 3);
    xl.failOn("worksheet.delete", 1);
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout2020()));
    const left = xl.sheetNames().slice(1);
    expect(left).toEqual(["排名 2020", "排名 2020 一级指标"]);
    expect(result).toMatchObject({ ok: false, rolledBack: false, written: left });
    if (!result.ok) {
      expect(chineseThenEnglish(result.message)).toBe(true);
      for (const n of left) expect(result.message.zh).toContain(n);
    }
  });
});
