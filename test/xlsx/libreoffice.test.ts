// The ranking workbook that `sci score --out` writes, opened by a real spreadsheet program:
// LibreOffice converts every sheet to CSV (cells as displayed) and the workbook to PDF. The
// cells must read back as the core's numbers to the 2 decimals shown, and the PDF must hold
// the rendered tables. Without LibreOffice the suite is skipped and says why.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { parseCsv, round2, score } from "../../src/core";
import { reportLayout, withMap, type SheetLayout } from "../../src/report";
import { dataset2020, GEOMETRY_SHANGHAI } from "../../src/data";
import { CSV_FILTER, SKIP, soffice, which } from "./soffice";

describe.skipIf(!!SKIP)(SKIP ? `LibreOffice check (skipped: ${SKIP})` : "the ranking workbook in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "sci-lo-"));
  const xlsx = join(dir, "ranking.xlsx");
  // As `sci score --out` lays it out: today's date on the source line, the map under the city table.
  const s2020 = score(dataset2020());
  const layout = withMap(reportLayout(s2020, undefined, { date: new Date().toISOString().slice(0, 10) }), s2020, GEOMETRY_SHANGHAI);
  let sheetNames: string[] = [];

  beforeAll(async () => {
    let stderr = "";
    const code = await run(["score", "--out", xlsx], { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir });
    expect(code, stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    sheetNames = wb.worksheets.map((w) => w.name);
    await Promise.all([soffice(dir, CSV_FILTER, xlsx, join(dir, "csv")), soffice(dir, "pdf", xlsx, join(dir, "pdf"))]);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one sheet per layout sheet", () => {
    expect(sheetNames).toHaveLength(layout.sheets.length);
    expect(sheetNames.length).toBeGreaterThanOrEqual(4); // overall + three indicator levels
  });

  it("every cell of every sheet reads back as the core's value, numbers to the 2 decimals shown", () => {
    layout.sheets.forEach((sheet, s) => {
      const file = join(dir, "csv", `ranking-${sheetNames[s]}.csv`);
      expect(existsSync(file), `LibreOffice wrote no CSV for sheet ${sheetNames[s]}`).toBe(true);
      const read = parseCsv(readFileSync(file, "utf8"));
      const want = shown(sheet);
      expect(read.length).toBe(want.length);
      want.forEach((row, r) => {
        const got = [...read[r], ...Array(Math.max(0, row.length - read[r].length)).fill("")];
        row.forEach((w, c) => {
          expect(got[c], `sheet ${sheetNames[s]} ${cellName(r, c)}`).toBe(w);
        });
        expect(
          got.slice(row.length).every((v) => v === ""),
          `sheet ${sheetNames[s]} row ${r + 1} has extra cells`,
        ).toBe(true);
      });
    });
    // Values computed a few ulps below a half-cent (青浦 B1 103.245 as 103.24499999999999)
    // show as SCI ranks them because the layout stores 15 significant digits, as Excel does.
  });

  it("shows the published headline figures: 浦东 133.41, city mean 109.77", () => {
    const overall = parseCsv(readFileSync(join(dir, "csv", `ranking-${sheetNames[0]}.csv`), "utf8"));
    expect(overall.some((r) => r[1] === "浦东" && r[2] === "133.41")).toBe(true);
    expect(overall.some((r) => r[1] === "全市平均" && r[2] === "109.77")).toBe(true);
  });

  it("renders the tables to PDF: a page for every sheet at least", () => {
    const pdf = join(dir, "pdf", "ranking.pdf");
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = which("pdfinfo")
      ? Number(/^Pages:\s+(\d+)/m.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1])
      : (bytes.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(layout.sheets.length);
  });

  // Without poppler these checks cannot run: they are reported as skipped, with the reason.
  const NO_PDFTOTEXT = which("pdftotext") ? "" : " (skipped: pdftotext missing, apt-get install -y poppler-utils)";
  it.skipIf(!!NO_PDFTOTEXT)(`the PDF holds every district and figure${NO_PDFTOTEXT}`, () => {
    const pdf = join(dir, "pdf", "ranking.pdf");
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 }).stdout;
    const { districts } = dataset2020();
    for (const d of districts) expect(text).toContain(d.id);
    const overall = layout.sheets[0];
    for (const v of overall.cells.flat()) if (typeof v === "number" && !Number.isInteger(v)) expect(text).toContain(round2(v).toFixed(2));
  });

  const NO_PDFIMAGES = which("pdfimages") ? "" : " (skipped: pdfimages missing, apt-get install -y poppler-utils)";
  it.skipIf(!!NO_PDFIMAGES)(`prints the composite's map under the city table, on the second page, with 中心城区's table${NO_PDFIMAGES}`, () => {
    const list = spawnSync("pdfimages", ["-list", join(dir, "pdf", "ranking.pdf")], { encoding: "utf8" }).stdout;
    // page num type width height …: the picture (and its alpha mask) on page 1, at its full resolution.
    const images = list
      .split("\n")
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[2] === "image");
    // The page break falls at the picture's first row: LibreOffice lists it on page 1 too, where
    // none of it shows (its anchor row), and draws it on page 2.
    expect(images.map((f) => f[0])).toContain("2");
    // Drawn at twice the size shown: inset and legend beside the map, so wider than tall.
    expect(Number(images[0][3])).toBeGreaterThan(1000);
    expect(Number(images[0][4])).toBeLessThan(Number(images[0][3]));
  });
});

const cellName = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

/**
 * A layout sheet as LibreOffice displays it: numbers in a `0.00` block with 2 decimals,
 * other numbers (ranks) as integers, text as written, empty cells empty. Trailing empty
 * rows are dropped, as the CSV export ends at the last used row.
 */
function shown(sheet: SheetLayout): string[][] {
  const inBlock = (r: number, c: number) => sheet.numbers.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);
  const rows = sheet.cells.map((row, r) =>
    row.map((v, c) => (v === null ? "" : typeof v === "number" ? (inBlock(r, c) ? round2(v).toFixed(2) : String(v)) : v)),
  );
  while (rows.length && rows[rows.length - 1].every((v) => v === "")) rows.pop();
  return rows;
}
