// The fake's workbook names, range.getTables and table.convertToRange, as Office documents
// them: names and tables share one namespace, a name follows its range, a null object answers
// for a name that is gone, and turning a table back into a range keeps its cells.
import { FakeExcel, FakeOfficeError } from "../fakes/excel";

function book(): FakeExcel {
  const xl = new FakeExcel({ sheets: ["数据"] });
  xl.addSheet("其他", [
    ["a", "b"],
    [1, 2],
  ]);
  xl.addTable("其他", "A1:B2", "MyTable");
  return xl;
}

describe("fake Excel: names, tables under a range", () => {
  it("adds a name over a range, reads its range and formula, deletes it", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.names.add("SCI_Input", ctx.workbook.worksheets.getItem("数据").getRange("B2:C3"), "note");
      await ctx.sync();
      const item = ctx.workbook.names.getItem("sci_input");
      item.load("name,formula,comment");
      const range = item.getRange();
      range.load("address,rowIndex,columnIndex");
      await ctx.sync();
      expect([item.name, item.formula, item.comment]).toEqual(["SCI_Input", "=数据!$B$2:$C$3", "note"]);
      expect([range.address, range.rowIndex, range.columnIndex]).toEqual(["数据!B2:C3", 1, 1]);
    });
    expect(xl.name("SCI_Input")).toMatchObject({ area: { row: 1, col: 1, rows: 2, cols: 2 } });
    await xl.run(async (ctx) => {
      ctx.workbook.names.getItem("SCI_Input").delete();
      await ctx.sync();
    });
    expect(xl.name("SCI_Input")).toBeUndefined();
  });

  it("a missing name is a null object, and so is its range; getItem fails the sync", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const range = ctx.workbook.names.getItemOrNullObject("SCI_Input").getRangeOrNullObject();
      range.load("values");
      await ctx.sync();
      expect(range.isNullObject).toBe(true);
      ctx.workbook.names.getItem("SCI_Input").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("names and tables share one namespace", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.names.add("MyTable", ctx.workbook.worksheets.getItem("数据").getRange("A1"));
      await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
      ctx.workbook.names.add("MyNamed", ctx.workbook.worksheets.getItem("数据").getRange("A1"));
      await ctx.sync();
      ctx.workbook.tables.getItem("MyTable").name = "mynamed";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
  });

  it("range.getTables lists the tables a range overlaps; convertToRange keeps the cells", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("其他");
      const over = sheet.getRange("B2").getTables(false);
      over.load("items/name");
      const none = sheet.getRange("D5").getTables(false);
      none.load("items/name");
      await ctx.sync();
      expect(over.items.map((t) => t.name)).toEqual(["MyTable"]);
      expect(none.items).toEqual([]);
      ctx.workbook.tables.getItem("MyTable").convertToRange();
      await ctx.sync();
    });
    expect(xl.table("MyTable")).toBeUndefined();
    expect(xl.values("其他", "A1:B2")).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
  });
});
