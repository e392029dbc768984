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

  /** A row of the table under `heading` whose first cell is `code`. */
  const rowIn = (heading: string, code: string) => {
    const top = csv.findIndex((r) => r[0] === heading);
    expect(top).toBeGreaterThan(0);
    return csv.slice(top).find((r) => r[0] === code)!;
  };
  it("shows the statistics to 2 decimals and undefined ones as —", () => {
    const b21 = rowIn("分布 / Distribution", "B2.1");
    expect(b21.slice(1, 9)).toEqual(["社区云平台应用水平", "16", "92.74", "22.75", "22.01", "106.47", "-2.54", "6.39"]);
    const b46 = rowIn("分布 / Distribution", "B4.6");
    expect(b46[7]).toBe("—");
    expect(b46[9]).toBe("否 no");
  });
  it("opens with the title in two lines, the source line and the summary; the flags follow in plain words", () => {
    expect(csv[0][0]).toBe("2020年统计审计");
    expect(csv[1][0]).toBe("2020 statistical audit");
    expect(csv[2][0]).toMatch(/^来源：/);
    expect(csv[3][0]).toMatch(/^Source: /);
    const summary = csv.findIndex((r) => r[0] === "审计结论 / Summary");
    const flags = csv.findIndex((r) => r[0] === "需关注 / Flags");
    expect(summary).toBeGreaterThan(3);
    expect(csv[summary + 1].slice(0, 2)).toEqual([
      "结论",
      "需关注 9 项：7 个指标分布偏斜，2 对同级指标高度相关；另有 6 个指标与上级弱相关（与 0 无显著差别），不必处理。",
    ]);
    expect(flags).toBeGreaterThan(summary);
    // Title, two lines of explanation, the header; then A3 in Chinese and in English.
    expect(csv[flags + 4].slice(0, 3)).toEqual(["A3", "信息资源", "分布偏斜"]);
    expect(csv[flags + 5].slice(0, 3)).toEqual(["", "Information resources", "skewed"]);
    // B2.5's r = −0.014 is no flag: it is named among the weakly related in the summary only.
    const end = csv.findIndex((r) => r[0] === "分布 / Distribution");
    const labels = csv.slice(flags, end).map((r) => r[2]);
    expect(labels.filter((l) => /与上级/.test(l))).toEqual([]);
    expect(csv.flat().some((c) => /请核对指标方向/.test(c))).toBe(false);
  });
  it("keeps every correlation matrix's colour scale as a conditional format", () => {
    const cf = (resaved as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.length).toBe(13);
    expect(cf.every((c) => c.rules.some((r) => r.type === "colorScale"))).toBe(true);
  });
});
