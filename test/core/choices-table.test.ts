// SCI_Choices: the builder's choices as a table, read into the same choices the CLI takes, and
// the workbook's model scoring with them.
import { assess, choicesFromTable, choicesTemplate, type SourceTable } from "../../src/core";
import { shanghai2020 } from "../../src/data";
import { modelFromSources } from "../../src/excel/build";
import { insertChoicesTable } from "../../src/excel/source-templates";
import { insertTemplate } from "../../src/excel/template";
import { readSources } from "../../src/excel/sources";
import { FakeExcel } from "../fakes/excel";
import { inputRows } from "./fixtures";

const table = (rows: (string | null)[][]): SourceTable => ({ sheet: "SCI 计算选项", origin: { row: 2, col: 0 }, rows });
const withValues = (values: Record<string, string>) => choicesTemplate().map((r, i) => (i === 0 ? r : [r[0], values[r[0] as string] ?? null, r[2]]));

describe("SCI_Choices", () => {
  it("the template lists every setting with its value empty: no choice at all", () => {
    const t = choicesTemplate();
    expect(t.map((r) => r[0])).toEqual(["setting", "impute", "treat", "missing", "aggregation"]);
    expect(choicesFromTable(table(t))).toEqual({ choices: {}, issues: [] });
  });

  it("filled in, it gives the CLI's choices; a bad setting or value is an error at its cell", () => {
    expect(choicesFromTable(table(withValues({ treat: "JRC", aggregation: "geometric" }))).choices).toEqual({ treat: "jrc", aggregation: "geometric" });
    const bad = withValues({ impute: "district-mean" });
    bad.push(["weights", "equal", null]);
    const r = choicesFromTable(table(bad));
    expect(r.issues.map((i) => [i.code, i.cell?.address])).toEqual([
      ["choices-bad-value", "B4"],
      ["choices-unknown-setting", "A8"],
    ]);
    expect(r.issues[0].en).toContain("impute must be region-mean | region-median | city-mean | city-median");
  });

  it("the pipeline scores with the table's choices exactly as with the same options", () => {
    const input: SourceTable = { sheet: "SCI 输入", origin: { row: 0, col: 0 }, rows: inputRows() };
    const viaTable = assess({ input, choices: table(withValues({ treat: "jrc" })) }, shanghai2020);
    const viaOptions = assess({ input }, shanghai2020, { choices: { treat: "jrc" } });
    expect(viaTable.prepared?.treatments.length).toBeGreaterThan(0);
    expect(Array.from(viaTable.scores!.values)).toEqual(Array.from(viaOptions.scores!.values));
    const plain = assess({ input }, shanghai2020);
    expect(Array.from(viaTable.scores!.values)).not.toEqual(Array.from(plain.scores!.values));
    // A command line option wins over the table.
    const both = assess({ input, choices: table(withValues({ aggregation: "geometric" })) }, shanghai2020, { choices: { aggregation: "arithmetic" } });
    expect(Array.from(both.scores!.values)).toEqual(Array.from(plain.scores!.values));
  });

  it("in the workbook: the pane inserts SCI_Choices; with treat = jrc the model's figures follow; a bad value keeps figures back", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    const inserted = await xl.runExcel((ctx) => insertChoicesTable(ctx));
    expect(inserted.ok).toBe(true);
    const read = async () => modelFromSources(await xl.runExcel((ctx) => readSources(ctx)), 1);
    const before = await read();
    expect(before.issues.filter((i) => i.severity === "error")).toEqual([]);
    const t = xl.table("SCI_Choices")!;
    const rows = choicesTemplate();
    // The value cell of `treat`: the table's second column, on the setting's row.
    const address = `B${t.area.row + rows.findIndex((r) => r[0] === "treat") + 1}`;
    xl.setCell(t.sheet.name, address, "jrc");
    const after = await read();
    expect(after.prepared?.treatments.length).toBeGreaterThan(0);
    expect(after.issues.some((i) => i.severity === "warning" && i.zh.includes("SCI 输入!"))).toBe(true);
    expect(Array.from(after.scores!.values)).not.toEqual(Array.from(before.scores!.values));
    xl.setCell(t.sheet.name, address, "none");
    const broken = await read();
    expect(broken.scores).toBeUndefined();
    expect(broken.errorTables).toEqual(["SCI_Choices"]);
  });
});
