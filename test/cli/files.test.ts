// A file is read as what its bytes are, whatever its name says, and a file that cannot be read as
// a table gets one message that says what it is and what to do, before anything is scored.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fileKind } from "../../src/cli/file-kind";
import { compoundFile } from "./cfb";
import { fixtureRows, INPUTS_CSV, ROOT, sci, STACK, tempDir } from "./helpers";

const dir = tempDir();
const rows = fixtureRows("inputs.csv"); // district, region, the 38 codes, coefficient

/** The fixture's rows as a real .xlsx workbook (numbers as numbers), at `file`. */
async function asWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("SCI_Input");
  rows.forEach((r, i) => ws.addRow(i === 0 ? r : r.map((v, c) => (c >= 2 ? Number(v) : v))));
  await wb.xlsx.writeFile(file);
}

/** Each line a command printed to stderr. */
const lines = (text: string) => text.split("\n").filter((l) => l !== "");

/** Nothing but the inputs in the folder: no workbook, no temporary file. */
const written = () => readdirSync(dir).filter((f) => f.startsWith("out") || f.endsWith(".tmp"));

describe("a workbook saved under a .csv name", () => {
  it("is read as the .xlsx it is, with one warning first; the scores are the CSV's", async () => {
    const xlsx = join(dir, "book.xlsx");
    await asWorkbook(xlsx);
    const misnamed = join(dir, "inputs.csv");
    copyFileSync(xlsx, misnamed);
    const ran = await sci(["score", misnamed, "--json"]);
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr)[0]).toBe(
      "警告 warning [file-misnamed] inputs.csv 名为 .csv，实为 Excel 工作簿 (.xlsx)，已按 .xlsx 读取；建议将其改名为 .xlsx / inputs.csv is named .csv but is an Excel workbook (.xlsx); it was read as one. Rename it to .xlsx to be sure",
    );
    expect(lines(ran.stderr)).toHaveLength(1); // not 39 errors about a missing district column
    const json = JSON.parse(ran.stdout);
    expect(json.districts).toHaveLength(16);
    const pudong = json.districts.find((d: { district: string }) => d.district === "浦东");
    expect(Math.round(pudong.values.SCI * 100) / 100).toBe(133.41); // the 2020 report's figure
    expect(pudong.values["A1.1"]).toBe(120.75);
  });
});

describe("a workbook that cannot be read", () => {
  const encrypted = compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]);
  const xls = compoundFile(["Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]);

  it("the bytes are told apart by the compound file's directory", () => {
    expect(fileKind(encrypted)).toBe("encrypted");
    expect(fileKind(xls)).toBe("xls");
    expect(fileKind(compoundFile(["Book"]))).toBe("xls"); // Excel 5/95
    expect(fileKind(compoundFile(["WordDocument"]))).toBe("compound");
    expect(fileKind(Buffer.from("district,region\n"))).toBe("other");
  });

  it("a password-protected workbook: one message, exit 1, nothing written", async () => {
    const file = join(dir, "budget.xlsx");
    writeFileSync(file, encrypted);
    const ran = await sci(["score", file, "--out", join(dir, "out-1.xlsx")]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      "budget.xlsx 是设有密码保护（加密）的 Excel 工作簿，无法读取；请在 Excel 中打开它，在「文件 › 信息 › 保护工作簿 › 用密码进行加密」中删除密码并保存，再试一次 / budget.xlsx is a password-protected (encrypted) Excel workbook and cannot be read; open it in Excel, remove the password under File › Info › Protect Workbook › Encrypt with Password, save it, and try again\n",
    );
    expect(ran.stderr).not.toMatch(STACK);
    expect(written()).toEqual([]);
  });

  it("an old .xls saved under .xlsx: one message, exit 1, nothing written", async () => {
    const file = join(dir, "old.xlsx");
    writeFileSync(file, xls);
    const ran = await sci(["score", file, "--out", join(dir, "out-2.xlsx")]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      'old.xlsx 是旧版 Excel 97–2003 工作簿 (.xls)，只是名为 .xlsx，无法读取；请在 Excel 中打开它，另存为「Excel 工作簿 (*.xlsx)」，再试一次 / old.xlsx is an old Excel 97–2003 workbook (.xls) named .xlsx and cannot be read; open it in Excel, save it as "Excel Workbook (*.xlsx)", and try again\n',
    );
    expect(written()).toEqual([]);
  });

  it("a real .xls (LibreOffice's Excel 97 export of the example inputs) renamed .xlsx: the same message", async () => {
    const file = join(dir, "inputs.xlsx");
    copyFileSync(join(ROOT, "test", "fixtures", "files", "inputs-2020.xls"), file);
    const ran = await sci(["score", file]);
    expect([ran.code, ran.stdout]).toEqual([1, ""]);
    expect(ran.stderr).toBe(
      'inputs.xlsx 是旧版 Excel 97–2003 工作簿 (.xls)，只是名为 .xlsx，无法读取；请在 Excel 中打开它，另存为「Excel 工作簿 (*.xlsx)」，再试一次 / inputs.xlsx is an old Excel 97–2003 workbook (.xls) named .xlsx and cannot be read; open it in Excel, save it as "Excel Workbook (*.xlsx)", and try again\n',
    );
  });

  it("the same under a .csv name: the same one message, never a table of errors", async () => {
    const file = join(dir, "old.csv");
    writeFileSync(file, xls);
    const ran = await sci(["score", file, "--out", join(dir, "out-3.xlsx")]);
    expect([ran.code, ran.stdout]).toEqual([1, ""]);
    expect(ran.stderr).toBe(
      'old.csv 是旧版 Excel 97–2003 工作簿 (.xls)，无法读取；请在 Excel 中打开它，另存为「Excel 工作簿 (*.xlsx)」，再试一次 / old.csv is an old Excel 97–2003 workbook (.xls) and cannot be read; open it in Excel, save it as "Excel Workbook (*.xlsx)", and try again\n',
    );
    const locked = join(dir, "locked.csv");
    writeFileSync(locked, encrypted);
    const again = await sci(["score", locked]);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toHaveLength(1);
    expect(again.stderr).toMatch(/^locked\.csv 是设有密码保护（加密）的 Excel 工作簿/);
    expect(written()).toEqual([]);
  });
});

describe("a CSV row with more fields than its header", () => {
  const header = rows[0].join(",");
  const csv = (name: string, body: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, [header, ...body].join("\n") + "\n");
    return file;
  };

  it("an unquoted decimal comma (120,75) is named at its row, first and alone; nothing written", async () => {
    // 浦东's A1.1, 120.75, typed with a decimal comma: 42 fields under 41 headers, every value
    // after it one column to the right, the coefficient 1 past the last column (AP).
    const pudong = ["浦东", "central", "120,75", ...rows[1].slice(3)].join(",");
    const file = csv("comma.csv", [pudong, ...rows.slice(2).map((r) => r.join(","))]);
    const ran = await sci(["score", file, "--out", join(dir, "out-4.xlsx")]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(lines(ran.stderr)).toEqual([
      '错误 error [row-too-long] comma.csv!AP2：第 2 行有 42 个字段，表头只有 41 列（多出：1.00）；可能是未加引号的小数逗号（120,75 应写作 120.75 或 "120,75"），或最后一列之后多了一个值 / comma.csv!AP2: row 2 has 42 fields; the header has 41 columns (extra: 1.00); perhaps a decimal comma without quotes (write 120,75 as 120.75 or "120,75"), or a value past the last column',
      "输入有 1 个错误，未评分，未写出 out-4.xlsx / 1 input error: nothing scored, out-4.xlsx not written",
    ]);
    expect(written()).toEqual([]);
  });

  it("a stray value past the last column is never ignored silently", async () => {
    const body = rows.slice(1).map((r, i) => (i === 4 ? [...r, "", "9"] : r).join(","));
    const file = csv("stray.csv", body);
    const ran = await sci(["score", file, "--out", join(dir, "out-5.xlsx")]);
    expect(ran.code).toBe(1);
    expect(lines(ran.stderr)[0]).toBe(
      '错误 error [row-too-long] stray.csv!AQ6：第 6 行有 43 个字段，表头只有 41 列（多出：9）；可能是未加引号的小数逗号（120,75 应写作 120.75 或 "120,75"），或最后一列之后多了一个值 / stray.csv!AQ6: row 6 has 43 fields; the header has 41 columns (extra: 9); perhaps a decimal comma without quotes (write 120,75 as 120.75 or "120,75"), or a value past the last column',
    );
    expect(lines(ran.stderr)).toHaveLength(2);
    expect(written()).toEqual([]);
  });

  it("empty fields past the last column (a trailing comma) hold nothing and pass", async () => {
    const file = csv(
      "trailing.csv",
      rows.slice(1).map((r) => r.join(",") + ",,"),
    );
    const ran = await sci(["score", file, "--out", join(dir, "trailing.xlsx")]);
    expect(ran.stderr).toBe("已写出排名工作簿 trailing.xlsx（4 个工作表） / wrote the ranking workbook trailing.xlsx (4 sheets)\n");
    expect(ran.code).toBe(0);
  });

  it("the fixture itself has none", async () => {
    expect((await sci(["score", INPUTS_CSV])).code).toBe(0);
  });
});

describe("--label with characters a sheet name cannot hold", () => {
  const sheetNames = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets.map((s) => s.name);
  };

  it("an apostrophe at either end is dropped where it ends a sheet name; the workbook is written", async () => {
    const out = join(dir, "quoted.xlsx");
    const ran = await sci(["score", "--label", "'2021'", "--out", out]);
    expect(ran.stderr).toBe("已写出排名工作簿 quoted.xlsx（4 个工作表） / wrote the ranking workbook quoted.xlsx (4 sheets)\n");
    expect(ran.code).toBe(0);
    expect(await sheetNames(out)).toEqual(["排名 '2021", "排名 '2021' 一级指标", "排名 '2021' 二级指标", "排名 '2021' 三级指标"]);
    // A formula quotes a sheet name in apostrophes and doubles each one inside it.
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<definedName name="_xlnm\.Print_Area" localSheetId="0">&apos;排名 &apos;&apos;2021&apos;!\$A1:\$[A-Z]+\d+<\/definedName>/);
  });

  it("[]:*?/\\ become _, as the add-in names its sheets", async () => {
    const out = join(dir, "slashes.xlsx");
    const ran = await sci(["score", "--label", "a/b:c*d?[e]\\f", "--out", out]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).not.toMatch(/标题过长/); // replaced characters are not a cut
    expect(await sheetNames(out)).toEqual(["排名 a_b_c_d__e__f", "排名 a_b_c_d__e__f 一级指标", "排名 a_b_c_d__e__f 二级指标", "排名 a_b_c_d__e__f 三级指标"]);
  });

  it("a long label is cut to Excel's 31 characters, never ending in an apostrophe", async () => {
    const out = join(dir, "long.xlsx");
    // The heading keeps 17 of the label's characters: "2020–2021 report'" ends in the apostrophe.
    const ran = await sci(["score", "--label", "2020–2021 report's figures, revised", "--out", out]);
    expect(ran.code).toBe(0);
    expect(await sheetNames(out)).toEqual([
      "排名 2020–2021 report",
      "排名 2020–2021 report' 一级指标",
      "排名 2020–2021 report' 二级指标",
      "排名 2020–2021 report' 三级指标",
    ]);
    expect(existsSync(out)).toBe(true);
    // The cut is said, as the pane says it.
    expect(ran.stderr.split("\n")[1]).toBe(
      '注意 note: 标题过长，工作表名已截为「排名 2020–2021 report」 / The title is too long for a sheet name; the sheet is named "排名 2020–2021 report"',
    );
  });
});
