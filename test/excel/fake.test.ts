// The fake must behave like Excel where SCI depends on it, or the other tests prove nothing.
import { FakeExcel } from "../fakes/excel";

describe("fake Excel", () => {
  it("writes text as Excel would: '=' makes a formula unless the cell is text (@)", async () => {
    const xl = new FakeExcel();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").values = [["=1+2", "+x", "00123", "'=kept"]];
      const text = ws.getRange("A2:D2");
      text.numberFormat = [["@", "@", "@", "@"]];
      text.values = [["=1+2", "+x", "00123", "-y"]];
      await ctx.sync();
    });
    expect(xl.cell("Sheet1", "A1")).toMatchObject({ formula: "=1+2" });
    expect(xl.cell("Sheet1", "B1")).toMatchObject({ formula: "=+x" });
    expect(xl.cell("Sheet1", "C1").value).toBe(123);
    expect(xl.cell("Sheet1", "D1")).toMatchObject({ value: "=kept", formula: undefined });
    expect(xl.values("Sheet1", "A2:D2")).toEqual([["=1+2", "+x", "00123", "-y"]]);
    expect(["A2", "B2", "C2", "D2"].map((a) => xl.cell("Sheet1", a).formula)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("refuses to read a property before load and sync", async () => {
    const xl = new FakeExcel();
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[""]]);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  it("counts syncs and rejects a batch left unsynced", async () => {
    const xl = new FakeExcel();
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.add("X");
      }),
    ).rejects.toThrow(/never synced/);
    await xl.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(xl.syncs).toBe(2);
  });

  it("null objects: isNullObject after sync; reaching through one fails the sync", async () => {
    const xl = new FakeExcel();
    await xl.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject("Nope");
      expect(() => t.isNullObject).toThrow();
      await ctx.sync();
      expect(t.isNullObject).toBe(true);
      t.getRange().load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("a failing action keeps the earlier actions of its batch and drops the later ones", async () => {
    const xl = new FakeExcel();
    xl.failOn("worksheets.add", 2);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.add("A");
      ctx.workbook.worksheets.add("B");
      ctx.workbook.worksheets.add("C");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
    expect(xl.sheetNames()).toEqual(["Sheet1", "A"]);
  });

  it("enforces Excel's sheet-name rules and protection", async () => {
    const xl = new FakeExcel();
    for (const bad of ["a/b", "x".repeat(32), "'q", "sheet1", "History"])
      await expect(
        xl.run(async (ctx) => {
          ctx.workbook.worksheets.add(bad);
          await ctx.sync();
        }),
      ).rejects.toBeTruthy();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.protect();
      await ctx.sync();
      ws.getRange("A1").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
  });

  it("tables: add with headers, name, ranges, lookup; selection", async () => {
    const xl = new FakeExcel();
    xl.addSheet(
      "Data",
      [
        ["a", "b"],
        [1, 2],
        [3, 4],
      ],
      "B2",
    );
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const t = ws.tables.add(ws.getRange("B2:C4"), true);
      t.name = "T_x";
      const body = t.getDataBodyRange();
      body.load("address, values");
      const all = ctx.workbook.tables;
      all.load("items/name");
      await ctx.sync();
      expect(body.address).toBe("Data!B3:C4");
      expect(body.values).toEqual([
        [1, 2],
        [3, 4],
      ]);
      expect(all.items.map((x) => x.name)).toEqual(["T_x"]);
      t.getHeaderRowRange().getCell(0, 1).select();
      await ctx.sync();
    });
    expect(xl.selection).toEqual({ sheet: "Data", address: "C2" });
    expect(xl.changes.map((c) => c.op)).toEqual(["tables.add", "table.name"]);
  });
});

describe("fake Excel display", () => {
  it("rounds as Excel shows numbers: from 15 significant digits, half away from zero", async () => {
    const { excelFixed } = await import("../fakes/excel-state");
    expect(excelFixed(135.755, 2)).toBe("135.76");
    expect(excelFixed(1.005, 2)).toBe("1.01");
    expect(excelFixed(-2.5, 0)).toBe("-3");
    expect(excelFixed(99.995, 2)).toBe("100.00");
    expect(excelFixed(0.0001, 2)).toBe("0.00");
    expect(excelFixed(133.4149, 2)).toBe("133.41");
  });
});

describe("fake Excel text of fractions", () => {
  it("shows a weight formatted # ???/??? as its fraction", async () => {
    const xl = new FakeExcel();
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.numberFormat = [["# ???/???", "# ???/???", "0.0000"]];
      r.values = [[9 / 40, 4 / 23, 1 / 46]];
      r.load("text");
      await ctx.sync();
      expect(r.text).toEqual([["9/40", "4/23", "0.0217"]]);
    });
  });
});
