// The audit workbook that `sci audit --out` writes, opened by LibreOffice: the sheet converted to
// CSV (cells as displayed) and re-saved as .xlsx, whose conditional formats exceljs then reads.
// LibreOffice keeping the colour scales shows they are real conditional formats, not fills.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { parseCsv } from "../../src/core";
import { CSV_FILTER, SKIP, soffice } from "./soffice";

describe.skipIf(!!SKIP)(SKIP ? `LibreOffice check (skipped: ${SKIP})` : "the audit workbook in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "sci-lo-audit-"));
  const xlsx = join(dir, "audit.xlsx");
  let csv: string[][] = [];
  let resaved: ExcelJS.Worksheet;

  beforeAll(async () => {
    let stderr = "";
    const code = await run(["audit", "--samples", "100", "--out", xlsx], { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir });
    expect(code, stderr).toBe(0);
    await Promise.all([soffice(dir, CSV_FILTER, xlsx, join(dir, "csv")), soffice(dir, "xlsx:Calc MS Excel 2007 XML", xlsx, join(dir, "xlsx"))]);
    const file = readdirSync(join(dir, "csv"))[0];
    csv = parseCsv(readFileSync(join(dir, "csv", file), "utf8")).map((r) => r.map((c) => String(c ?? "")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "xlsx", "audit.xlsx"));
    resaved = wb.worksheets[0];
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows the statistics to 2 decimals and undefined ones as —", () => {
    const b21 = csv.find((r) => r[0] === "B2.1")!;
    expect(b21.slice(3, 10)).toEqual(["16", "92.74", "22.75", "22.01", "106.47", "-2.54", "6.39"]);
    const b46 = csv.find((r) => r[0] === "B4.6")!;
    expect(b46[8]).toBe("—");
    expect(b46[10]).toBe("否 no");
  });
  it("keeps text as text: the flags come first", () => {
    const at = csv.findIndex((r) => r[0] === "需关注 / Flags");
    expect(at).toBe(3);
    expect(csv[at + 2].slice(0, 2)).toEqual(["异常值 outlier", "A3"]);
  });
  it("keeps every correlation matrix's colour scale as a conditional format", () => {
    const cf = (resaved as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.length).toBe(13);
    expect(cf.every((c) => c.rules.some((r) => r.type === "colorScale"))).toBe(true);
  });
});
