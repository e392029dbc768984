// readSources over the fake workbook, which (like some Excel hosts) refuses a whole batch that
// touches a missing table: every SCI table in one round trip when the caller's guess of which
// exist is right, and still every table (never an error) when it is wrong.
import { readSources, tableLabel, yearIn, type SourceKind } from "../../src/excel/sources";
import { FakeExcel } from "../fakes/excel";

function workbook(kinds: Record<string, string>): FakeExcel {
  const xl = new FakeExcel();
  let n = 0;
  for (const [name, sheet] of Object.entries(kinds)) {
    // Each table two rows down and one column in, under a title in A1.
    xl.addSheet(sheet, [
      [`${sheet} title`, "", ""],
      ["", "", ""],
      ["", "h1", "h2"],
      ["", n, n + 1],
    ]);
    xl.addTable(sheet, "B3:C4", name);
    n += 10;
  }
  return xl;
}

const ALL = {
  SCI_Input: "输入 2020",
  SCI_Framework: "框架",
  SCI_Raw: "原始",
  SCI_Settings: "设置",
  SCI_Previous: "上一年 2019",
  SCI_Districts: "名单",
  SCI_Choices: "选项",
};

describe("readSources", () => {
  it("reads all seven tables in one sync: cells, origin, sheet, id and the title above", async () => {
    const xl = workbook(ALL);
    const s = await xl.runExcel((ctx) => readSources(ctx));
    expect(xl.syncs).toBe(1);
    expect(Object.keys(s).sort()).toEqual(["choices", "districts", "framework", "input", "previous", "raw", "settings"]);
    expect(s.input).toEqual({
      sheet: "输入 2020",
      origin: { row: 2, col: 1 },
      rows: [
        ["h1", "h2"],
        [0, 1],
      ],
      id: String(xl.table("SCI_Input")!.id),
      title: "输入 2020 title",
      sheetId: `{${xl.sheet("输入 2020").id}}`,
    });
    expect(s.previous?.rows).toEqual([
      ["h1", "h2"],
      [40, 41],
    ]);
    expect(xl.changes).toEqual([]); // reading writes nothing
  });

  it("a table at A1 has no title", async () => {
    const xl = new FakeExcel();
    xl.addSheet("S", [["行政区"], ["浦东"]]);
    xl.addTable("S", "A1:A2", "SCI_Previous");
    const s = await xl.runExcel((ctx) => readSources(ctx));
    expect(s.previous).toEqual({ sheet: "S", origin: { row: 0, col: 0 }, rows: [["行政区"], ["浦东"]], id: expect.any(String), sheetId: expect.any(String) });
  });

  it("expecting tables that are missing: the refused batch, the list, then the tables present (3 syncs)", async () => {
    const xl = workbook({ SCI_Input: "in" });
    const s = await xl.runExcel((ctx) => readSources(ctx));
    expect(Object.keys(s)).toEqual(["input"]);
    expect(xl.syncs).toBe(3);
  });

  it("expecting exactly what is there: one sync, whatever the set — none included", async () => {
    for (const [tables, expect_] of [
      [{ SCI_Input: "in" }, ["input"]],
      [{ SCI_Input: "in", SCI_Previous: "prev" }, ["input", "previous"]],
      [{}, []],
    ] as [Record<string, string>, SourceKind[]][]) {
      const xl = workbook(tables);
      const s = await xl.runExcel((ctx) => readSources(ctx, expect_));
      expect(Object.keys(s).sort()).toEqual([...expect_].sort());
      expect(xl.syncs).toBe(1);
    }
  });

  it("a table added since (not expected): one more sync", async () => {
    const xl = workbook({ SCI_Input: "in", SCI_Previous: "prev" });
    const s = await xl.runExcel((ctx) => readSources(ctx, ["input"]));
    expect(s.previous?.sheet).toBe("prev");
    expect(xl.syncs).toBe(2);
  });

  it("names compare without case, as in Excel; other tables are not read", async () => {
    const xl = workbook({ sci_previous: "p", Notes: "n" });
    const s = await xl.runExcel((ctx) => readSources(ctx, []));
    expect(Object.keys(s)).toEqual(["previous"]);
  });
});

describe("year labels", () => {
  it("a year in the title, else in the sheet name, else a short title, else the fallback", () => {
    expect(yearIn("2019 年输入")).toBe("2019");
    expect(yearIn("输入2018年")).toBe("2018");
    expect(yearIn("12019")).toBeUndefined();
    expect(yearIn("3000")).toBeUndefined();
    expect(tableLabel({ sheet: "SCI 上一年", title: "上一年输入（2019） / Last year's inputs (2019)" }, "上一年")).toBe("2019");
    expect(tableLabel({ sheet: "输入 2018" }, "上一年")).toBe("2018");
    expect(tableLabel({ sheet: "S", title: "去年" }, "上一年")).toBe("去年");
    expect(tableLabel({ sheet: "S", title: "上一年输入：请在此标题中写上年份 / Last year's inputs: write the year" }, "上一年")).toBe("上一年");
  });
});
