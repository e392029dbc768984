// SCI_Choices: the builder's choices as a table, read into the same choices the CLI takes, and
// the workbook's model scoring with them.
import { assess, choicesFromTable, choicesTemplate, type SourceTable } from "../../src/core";
import { shanghai2020 } from "../../src/data";
import { modelFromSources } from "../../src/excel/build";
import { insertChoicesTable } from "../../src/excel/source-templates";
import { insertTemplate } from "../../src/excel/template";
import { readSources } from "../../src/excel/sources";
import { FakeExcel } from "../fakes/excel";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sci, tempDir } from "../cli/helpers";
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

describe("the changed values, marked in the generated sheets", () => {
  const input: SourceTable = { sheet: "SCI 输入", origin: { row: 0, col: 0 }, rows: inputRows() };

  it("with treat = jrc the ranking layout gains a sheet listing every treated value; without choices it has none", async () => {
    const { reportLayout, withAdjustments } = await import("../../src/report");
    const treated = assess({ input }, shanghai2020, { choices: { treat: "jrc" } });
    const changed = treated.prepared!.treatments.flatMap((t) => t.changed.map((c) => [t.indicator, c.district, c.from, c.to]));
    expect(changed.length).toBeGreaterThan(0);
    const layout = withAdjustments(reportLayout(treated.scores!), treated.prepared, treated.scores!);
    const sheet = layout.sheets.at(-1)!;
    expect(sheet.key).toBe("adjustments");
    expect(sheet.name).toBe(`插补与处理 ${treated.scores!.dataset.label}`);
    const body = sheet.cells.slice(sheet.freezeRows).map((r) => [r[2], r[1], r[4], r[5]]);
    expect(body).toEqual(changed);
    const plain = assess({ input }, shanghai2020);
    expect(withAdjustments(reportLayout(plain.scores!), plain.prepared, plain.scores!).sheets.map((s) => s.key)).toEqual([
      "overall",
      "level1",
      "level2",
      "level3",
    ]);
  });

  it("imputed cells are listed with the cell that was empty", async () => {
    const { adjustmentsSheet } = await import("../../src/report");
    const rows = inputRows().map((r) => [...r]);
    const col = rows[0].indexOf("B2.3");
    rows[3][col] = "";
    const a = assess({ input: { ...input, rows } }, shanghai2020, { choices: { impute: "region-mean" } });
    const sheet = adjustmentsSheet(a.prepared, a.scores!)!;
    const [row] = sheet.cells.slice(sheet.freezeRows);
    expect(row.slice(0, 3)).toEqual(["插补 / imputed", rows[3][0], "B2.3"]);
    expect(row[6]).toContain("SCI 输入!");
  });
});

describe("sci score --treat jrc --out", () => {
  const dir = tempDir();
  it("writes the sheet of treated values after the ranking sheets", async () => {
    const out = join(dir, "treated.xlsx");
    const ran = await sci(["score", "--treat", "jrc", "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.at(-1)).toBe("插补与处理 2020");
    expect(wb.getWorksheet("插补与处理 2020")!.getCell("A5").value).toMatch(/缩尾|对数/);
  });
});
