// The report's tables as cell arrays: what the CLI and the add-in write.
import { rankOf, valueOf } from "../../src/core";
import { reportLayout, type Block, type LayoutCell, type SheetLayout } from "../../src/report";
import { FW, regionOfDistrict, scores2020 } from "./fixtures";

const s = scores2020();
const layout = reportLayout(s, "2020");
const sheet = (key: string) => layout.sheets.find((x) => x.key === key)!;
const idx = (id: string) => s.dataset.districts.findIndex((d) => d.id === id);
const K = (code: string) => FW.index.get(code)!;
const regions = regionOfDistrict();
// Sheets hold 15 significant digits, as Excel keeps them (see layout.ts).
const shown = (x: number) => Number(x.toPrecision(15));
const shownValue = (sc: typeof s, i: number, code: string) => shown(valueOf(sc, i, code));
const inBlock = (b: Block, r: number, c: number) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols;

describe("overall sheet", () => {
  const overall = sheet("overall");

  it.each([
    ["central", "中心城区"],
    ["suburban", "郊区"],
  ])("the %s table: 8 districts by region rank, composite, A, B, C, coefficient, average", (key, zh) => {
    const t = overall.tables.find((x) => x.key === key)!;
    const cells = overall.cells;
    expect(cells[t.row][0]).toContain(zh);
    expect(cells[t.row + 1].slice(0, 7)).toEqual([
      "排名",
      "行政区",
      "智慧城市发展水平指数",
      "新型基础设施指数",
      "智慧应用指数",
      "发展环境指数",
      "网络安全状况系数",
    ]);
    const body = cells.slice(t.row + 2, t.row + 10);
    expect(body.map((r) => r[1]).sort()).toEqual(
      [...regions]
        .filter(([, r]) => r === key)
        .map(([d]) => d)
        .sort(),
    );
    for (const r of body) {
      const i = idx(r[1] as string);
      expect(r[0]).toBe(rankOf(s, i, "SCI", "region"));
      expect(r.slice(2, 7)).toEqual([
        shownValue(s, i, "SCI"),
        shownValue(s, i, "A"),
        shownValue(s, i, "B"),
        shownValue(s, i, "C"),
        shown(s.dataset.coefficients[i]),
      ]);
    }
    const ranks = body.map((r) => r[0] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    const avg = cells[t.row + 10];
    expect(avg[1]).toBe(`${zh}平均`);
    expect(avg.slice(2, 6)).toEqual(["SCI", "A", "B", "C"].map((c) => shown(s.averages.get(key)![K(c)])));
    expect(t.rows).toBe(11);
  });

  it("中心城区 is led by 浦东 133.41…, 郊区 by 宝山", () => {
    const first = (key: string) => overall.cells[overall.tables.find((x) => x.key === key)!.row + 2];
    expect(first("central").slice(0, 2)).toEqual([1, "浦东"]);
    expect(first("central")[2]).toBeCloseTo(133.41, 2);
    expect(first("suburban").slice(0, 2)).toEqual([1, "宝山"]);
  });

  it("the city table ranks all 16 with their region", () => {
    const t = overall.tables.find((x) => x.key === "city")!;
    const body = overall.cells.slice(t.row + 2, t.row + 18);
    expect(body.map((r) => r[0])).toEqual(body.map((r) => rankOf(s, idx(r[1] as string), "SCI", "city")));
    expect(body.map((r) => r[1]).slice(0, 3)).toEqual(["浦东", "徐汇", "黄浦"]);
    for (const r of body) expect(r[7]).toBe(regions.get(r[1] as string) === "central" ? "中心城区" : "郊区");
    expect(overall.cells[t.row + 18].slice(1, 3)).toEqual(["全市平均", shown(s.averages.get("city")![K("SCI")])]);
  });

  it("charts of the composite and the three first-level indices point at the city table", () => {
    expect(overall.charts).toHaveLength(4);
    for (const [k, ch] of overall.charts.entries()) {
      const names = overall.cells.slice(ch.categories.row, ch.categories.row + ch.categories.rows).map((r) => r[ch.categories.col]);
      const vals = overall.cells.slice(ch.values.row, ch.values.row + ch.values.rows).map((r) => r[ch.values.col]);
      expect(names).toHaveLength(16);
      const code = ["SCI", "A", "B", "C"][k];
      expect(vals).toEqual(names.map((n) => shownValue(s, idx(n as string), code)));
    }
  });
});

describe("indicator sheets", () => {
  it.each([
    ["level1", 1, 3],
    ["level2", 2, 10],
    ["level3", 3, 38],
  ] as const)("%s has one table per level-%i indicator (%i)", (key, level, count) => {
    const sh = sheet(key);
    expect(sh.tables.map((t) => t.key)).toEqual(FW.order.filter((c) => FW.indicators.get(c)!.level === level));
    expect(sh.tables).toHaveLength(count);
  });

  it("every indicator table holds each region's districts, ranks and values, and the averages", () => {
    let checked = 0;
    for (const key of ["level1", "level2", "level3"]) {
      const sh = sheet(key);
      for (const t of sh.tables) {
        const code = t.key;
        expect(sh.cells[t.row][0]).toContain(`（${code}）`);
        expect(sh.cells[t.row + 2]).toEqual(["排名", "行政区", "指数值", "排名", "行政区", "指数值"]);
        s.dataset.regions.forEach((region, g) => {
          expect(sh.cells[t.row + 1][g * 3]).toBe(region.zh);
          const rows = sh.cells.slice(t.row + 3, t.row + 11).map((r) => r.slice(g * 3, g * 3 + 3));
          expect(rows.map((r) => r[1]).sort()).toEqual(
            [...regions]
              .filter(([, r]) => r === region.id)
              .map(([d]) => d)
              .sort(),
          );
          for (const [rank, id, value] of rows) {
            const i = idx(id as string);
            expect(value, `${code} ${id}`).toBe(shownValue(s, i, code));
            expect(rank, `${code} ${id}`).toBe(rankOf(s, i, code, "region"));
            checked++;
          }
          expect(rows.map((r) => r[0] as number)).toEqual(rows.map((r) => r[0] as number).sort((a, b) => a - b));
          const avg = sh.cells[t.row + 11].slice(g * 3, g * 3 + 3);
          expect(avg).toEqual([null, `${region.zh}平均`, shown(s.averages.get(region.id)![K(code)])]);
        });
        expect(sh.cells[t.row + 12].slice(0, 3)).toEqual([null, "全市平均", shown(s.averages.get("city")![K(code)])]);
      }
    }
    expect(checked).toBe(51 * 16);
  });

  it("the A2.3 table shows the tie: 普陀 and 虹口 both rank 1 in 中心城区, in the district list's order, 杨浦 3", () => {
    const sh = sheet("level3");
    const t = sh.tables.find((x) => x.key === "A2.3")!;
    expect(sh.cells[t.row][0]).toBe("4. 物联感知建设应用（A2.3）/ IoT sensing deployment and applications");
    const central = sh.cells.slice(t.row + 3, t.row + 6).map((r) => r.slice(0, 2));
    // Tied entities print as the district list orders them: 普陀 comes before 虹口 there.
    expect(central).toEqual([
      [1, "普陀"],
      [1, "虹口"],
      [3, "杨浦"],
    ]);
  });
});

describe("every sheet", () => {
  it("has unique names of at most 31 characters that Excel accepts", () => {
    const names = layout.sheets.map((x) => x.name);
    expect(names).toEqual(["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"]);
    const long = reportLayout(s, "上海市智慧城市发展水平评估 2020 年度 第二轮 复核版本 (终稿)");
    // In English (the English pane's sheets): Ranking 2020 level 1 …, a long title cut so each
    // level's name and a " (2)" still fit 31 characters.
    const english = reportLayout(s, "2020", { sheetLang: "en" });
    expect(english.sheets.map((x) => x.name)).toEqual(["Ranking 2020", "Ranking 2020 level 1", "Ranking 2020 level 2", "Ranking 2020 level 3"]);
    const longEn = reportLayout(s, "Smart city assessment, second review", { sheetLang: "en" });
    expect(longEn.sheets.map((x) => x.name)).toEqual([
      "Ranking Smart city",
      "Ranking Smart city level 1",
      "Ranking Smart city level 2",
      "Ranking Smart city level 3",
    ]);
    for (const n of longEn.sheets.map((x) => `${x.name} (2)`)) expect(n.length).toBeLessThanOrEqual(31);
    for (const l of [layout, long, english, longEn]) {
      const ns = l.sheets.map((x) => x.name);
      expect(new Set(ns).size).toBe(ns.length);
      for (const n of ns) {
        expect(n.length, n).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it.each(["overall", "level1", "level2", "level3"])("%s: cells are a rectangle, numbers blocks hold numbers, headers frozen", (key) => {
    const sh: SheetLayout = sheet(key);
    const width = sh.cells[0].length;
    for (const r of sh.cells) expect(r).toHaveLength(width);
    expect(sh.columnWidths).toHaveLength(width);
    // The title, Chinese then English, is frozen and repeats on every printed page.
    expect(sh.freezeRows).toBe(2);
    expect(sh.titleLines).toEqual([0, 1]);
    expect(sh.headerRows).toContain(0);
    for (const b of sh.numbers)
      for (let r = b.row; r < b.row + b.rows; r++)
        for (let c = b.col; c < b.col + b.cols; c++) expect(sh.cells[r][c] === null || typeof sh.cells[r][c] === "number", `${key} ${r},${c}`).toBe(true);
    // Every non-integer number is an index value and so formatted 0.00.
    sh.cells.forEach((row: LayoutCell[], r) =>
      row.forEach((v, c) => {
        if (typeof v === "number" && !Number.isInteger(v))
          expect(
            sh.numbers.some((b) => inBlock(b, r, c)),
            `${key} ${r},${c}`,
          ).toBe(true);
      }),
    );
    for (const t of sh.tables) expect(t.row + t.rows).toBeLessThanOrEqual(sh.cells.length);
  });
});

describe("numbers as sheets hold them", () => {
  it("a value a few ulps below a half cent is written as the half cent SCI ranks it as", () => {
    const sh = layout.sheets.find((x) => x.key === "level2")!;
    const t = sh.tables.find((x) => x.key === "B1")!;
    const row = sh.cells.slice(t.row + 3, t.row + 11).find((r) => r[4] === "青浦")!;
    // 青浦 B1 = (120.27 + 89.07 + 101.43 + 102.21) / 4 = 103.245, computed as 103.24499999999999.
    expect(valueOf(s, idx("青浦"), "B1")).not.toBe(103.245);
    expect(row[5]).toBe(103.245);
  });
});
