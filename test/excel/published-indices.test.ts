// The same two real indices in Excel: the publishers' sheets in the fake workbook, adopted through
// 使用所选数据 with the examples' framework and settings as the workbook's SCI_Framework and
// SCI_Settings tables, give the CLI's figures: UNDP's HDI and rank, the OECD's BLI.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Scalar } from "../fakes/excel";
import { useFunctionsRuntime } from "../functions/fake-runtime";
import { openOwn, ownSheet, type AdoptRuntime } from "./adopt-runtime";
import { sciJson } from "../cli/helpers";

useFunctionsRuntime();

const ROOT = join(__dirname, "..", "..");
const REAL = join(ROOT, "..", "shared", "realdata");
const HDI_XLSX = join(REAL, "hdi", "HDR21-22_Statistical_Annex_HDI_Table.xlsx");
const BLI_CSV = join(REAL, "oecd-bli", "oecd_bli_2015.csv");
const have = existsSync(HDI_XLSX) && existsSync(BLI_CSV);
if (!have) console.warn("skipped: the publishers' files are not in ../shared/realdata");

/** A CSV of the examples as rows of cells (they hold no quoted commas). */
const csvRows = (file: string): Scalar[][] =>
  readFileSync(join(ROOT, file), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(",").map((v) => (v === "" ? "" : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));

/** A sheet's values as Excel shows them: a merge's value in its top-left cell only. */
async function sheetValues(file: string, name: string): Promise<Scalar[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const rows: Scalar[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: Scalar[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      let v = cell.isMerged && cell.master !== cell ? null : (cell.value as unknown);
      if (v && typeof v === "object") {
        const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
        v = o.richText ? o.richText.map((t) => t.text).join("") : "result" in o ? o.result : o.text;
      }
      out.push(typeof v === "number" || typeof v === "string" ? v : "");
    }
    rows[r - 1] = out;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The long CSV as rows of cells (its quoted fields hold no commas but names). */
function longRows(): Scalar[][] {
  return readFileSync(BLI_CSV, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((l) => [...l.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]).slice(0, 17))
    .map((r) => r.map((v) => (v !== "" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
}

const address = (rows: Scalar[][]) => {
  const width = Math.max(...rows.map((r) => r.length));
  const col = (n: number): string => (n >= 26 ? col(Math.floor(n / 26) - 1) : "") + String.fromCharCode(65 + (n % 26));
  return `A1:${col(width - 1)}${rows.length}`;
};

async function adoptRaw(sheet: string, data: Scalar[][], framework: string, settings: string): Promise<AdoptRuntime> {
  const fw = csvRows(framework);
  const st = csvRows(settings);
  const rt = await openOwn((xl) => {
    ownSheet(xl, sheet, data);
    ownSheet(xl, "框架", fw);
    xl.addTable("框架", address(fw), "SCI_Framework");
    ownSheet(xl, "设置", st);
    xl.addTable("设置", address(st), "SCI_Settings");
  });
  rt.xl.selectArea(sheet, address(data));
  const selected = await rt.xl.runExcel((ctx) => rt.adopt.readSelected(ctx));
  const r = await rt.xl.runExcel((ctx) => rt.link.linkInput(ctx, selected, {}));
  expect(r.ok, JSON.stringify(r)).toBe(true);
  await rt.model.refresh();
  return rt;
}

describe.skipIf(!have)("published indices adopted in Excel", () => {
  // Read before the runtime's fake timers start: exceljs reads with real ones.
  let table1: Scalar[][] = [];
  let cliHdi: Awaited<ReturnType<typeof sciJson>>;
  beforeAll(async () => {
    table1 = await sheetValues(HDI_XLSX, "Table 1");
    cliHdi = await sciJson([
      "score",
      "--raw",
      HDI_XLSX,
      "--sheet",
      "Table 1",
      "--framework",
      "examples/hdi/framework.csv",
      "--settings",
      "examples/hdi/settings.csv",
    ]);
  });

  it("UNDP's Table 1 with SCI_Framework and SCI_Settings: the CLI's figures, UNDP's 191 ranks, the agreement said", async () => {
    const rt = await adoptRaw("Table 1", table1, "examples/hdi/framework.csv", "examples/hdi/settings.csv");
    const m = rt.model.getModel();
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(m.mode).toBe("raw");
    const cli = cliHdi;
    const s = m.scores!;
    const K = s.dataset.framework.order.length;
    expect(s.dataset.districts.map((d) => d.id)).toEqual(cli.districts.map((d) => d.district));
    cli.districts.forEach((d, i) => {
      expect(Number.isNaN(s.values[i * K]) ? null : s.values[i * K]).toBe(d.values.HDI);
      expect(s.cityRanks[i * K] || null).toBe(d.ranks.HDI.city);
    });
    expect([...s.cityRanks].filter((r, k) => k % K === 0 && r > 0).length).toBe(191);
    expect(m.issues.find((i) => i.code === "published-agreement")!.en).toContain("191 of 191 at 3 decimals");
  });

  it("the OECD's long export pasted as a sheet: the CLI's figures for the 36 countries", async () => {
    const rt = await adoptRaw("BLI", longRows(), "examples/oecd-bli/framework.csv", "examples/oecd-bli/settings.csv");
    const m = rt.model.getModel();
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    const cli = await sciJson(["score", "--raw", BLI_CSV, "--framework", "examples/oecd-bli/framework.csv", "--settings", "examples/oecd-bli/settings.csv"]);
    const s = m.scores!;
    const K = s.dataset.framework.order.length;
    expect(s.dataset.districts.map((d) => d.id)).toEqual(cli.districts.map((d) => d.district));
    cli.districts.forEach((d, i) => s.dataset.framework.order.forEach((code, k) => expect(s.values[i * K + k]).toBe(d.values[code])));
    expect(m.issues.find((i) => i.code === "long-format")!.en).toContain("INEQUALITY = TOT");
  });
});
