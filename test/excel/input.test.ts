import { cellAddress } from "../../src/core";
import { INPUTS_2020 } from "../../src/data";
import { readInput } from "../../src/excel/input";
import { FakeExcel } from "../fakes/excel";

describe("readInput", () => {
  it("reads the SCI_Input table, header included, in one round trip", async () => {
    const xl = new FakeExcel();
    const rows = INPUTS_2020.map((r) => [...r]);
    xl.addSheet("Input", rows, "C3");
    xl.addTable("Input", `C3:${cellAddress(2 + rows.length - 1, 2 + rows[0].length - 1)}`, "SCI_Input");
    const table = await xl.runExcel(readInput);
    expect(xl.syncs).toBe(1);
    expect(table).toEqual({ sheet: "Input", origin: { row: 2, col: 2 }, rows });
  });

  it("answers undefined when there is no such table, even though Excel refuses the first batch", async () => {
    const xl = new FakeExcel();
    xl.addSheet("Other", [["x"]]);
    xl.addTable("Other", "A1:A2", "Something");
    expect(await xl.runExcel(readInput)).toBeUndefined();
    expect(xl.syncs).toBe(2);
    expect(xl.changes).toEqual([]);
  });

  it("finds the table whatever the case of its name", async () => {
    const xl = new FakeExcel();
    xl.addSheet("S", [["行政区"], ["浦东"]]);
    xl.addTable("S", "A1:A2", "sci_input");
    expect((await xl.runExcel(readInput))?.rows).toEqual([["行政区"], ["浦东"]]);
  });
});
