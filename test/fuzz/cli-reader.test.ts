// `sci score` on hostile files: bytes in the wrong encoding, BOMs and NULs in the middle,
// Excel oddities inside an .xlsx, corrupt archives. It always ends with exit 0 or 1, never a
// stack trace, prints JSON whose numbers are all finite, and names every bad cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { run } from "../../src/cli/main";
import type { ScoresJson } from "../../src/cli/json";
import { a1, COEFFICIENT_COLUMN, FIXTURES, INPUTS, LEAF_COLUMNS } from "./hostile";

const dir = mkdtempSync(join(tmpdir(), "sci-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function sci(file: string, bytes: Uint8Array | string) {
  const path = join(dir, `${n++}-${file}`);
  writeFileSync(path, bytes);
  let stdout = "";
  let stderr = "";
  const code = await run(["score", path, "--json"], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir });
  expect([0, 1], stderr).toContain(code);
  expect(stderr).not.toMatch(/^\s+at\s/m); // no stack trace
  expect(stderr).not.toMatch(/意外错误|unexpected error|内部错误|internal error/);
  let json: ScoresJson | undefined;
  if (stdout) {
    json = JSON.parse(stdout) as ScoresJson;
    assertFinite(json);
    if (code === 0) expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
    else expect(json.districts).toEqual([]);
  } else expect(code).toBe(1); // only a file that cannot be read at all prints no JSON
  return { code, json, stderr };
}

function assertFinite(v: unknown): void {
  if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  else if (Array.isArray(v)) v.forEach(assertFinite);
  else if (v && typeof v === "object") Object.values(v).forEach(assertFinite);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const csvText = readFileSync(join(FIXTURES, "inputs.csv"), "utf8");
/** The cells named by errors, each once (a cell may be both negative and too large to compute with). */
const errorsAt = (json: ScoresJson | undefined) => [...new Set((json?.issues ?? []).filter((i) => i.severity === "error").map((i) => i.cell?.address))];

/** GBK bytes for text, from the decoder's own table (Node has no GBK encoder). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder("gbk");
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
}

describe("sci score on hostile CSV files", () => {
  it("any bytes at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => void (await sci("x.csv", bytes))),
      { numRuns: 60 },
    );
  });

  it("the 2020 file with random bytes overwritten (broken UTF-8, NULs, BOMs, quotes)", async () => {
    const base = utf8(csvText);
    const hits = fc.array(fc.tuple(fc.nat(base.length - 1), fc.constantFrom(0x00, 0x22, 0x2c, 0x0a, 0xef, 0xbb, 0xbf, 0xff, 0xc3, 0xa9, 0x80)), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(hits, async (hs) => {
        const bytes = base.slice();
        for (const [i, b] of hs) bytes[i] = b;
        await sci("x.csv", bytes);
      }),
      { numRuns: 60 },
    );
  });

  it("GBK (as Excel saves CSV on Chinese Windows): read with a warning, same scores as UTF-8", async () => {
    const a = await sci("utf8.csv", utf8("\uFEFF" + csvText));
    const b = await sci("gbk.csv", gbk(csvText));
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.json?.issues.map((i) => i.code)).toContain("csv-encoding");
    expect(b.json?.districts).toEqual(a.json?.districts);
  });

  it("UTF-8 read as Latin-1 and saved again (mojibake): one error for the 16 unknown names, at the first", async () => {
    const mojibake = Buffer.from(Buffer.from(csvText, "utf8").toString("latin1"), "utf8");
    const { code, json } = await sci("mojibake.csv", mojibake);
    expect(code).toBe(1);
    expect(json!.issues.filter((i) => i.code === "unknown-district")).toEqual([]);
    const roster = json!.issues.filter((i) => i.code === "unknown-roster");
    expect(roster.map((i) => i.cell?.address)).toEqual([a1(1, 0)]);
    expect(roster[0].zh).toContain("16 个名称");
    expect(roster[0].en).toContain("--districts");
  });

  it("a NUL or a formula inside a number is an error at exactly that cell; an invisible BOM is not", async () => {
    const rows = INPUTS.map((r) => [...r]);
    const [b23] = LEAF_COLUMNS.find(([code]) => code === "B2.3")!.slice(1) as [number];
    rows[1][b23] = "128\uFEFF.67";
    rows[5][b23] = "12\u00008";
    rows[9][COEFFICIENT_COLUMN] = "=1/0";
    rows[0][1] = "\uFEFFregion"; // a BOM in the middle of the header row is harmless
    const { code, json } = await sci("inner.csv", utf8(rows.map((r) => r.join(",")).join("\r\n")));
    expect(code).toBe(1);
    expect(errorsAt(json).sort()).toEqual([a1(5, b23), a1(9, COEFFICIENT_COLUMN)].sort());
  });
});

describe("sci score on hostile .xlsx files", () => {
  /** The 2020 table on sheet SCI_Input at `origin`, with the given cells replaced. */
  async function workbook(edits: [number, number, ExcelJS.CellValue][], origin = { row: 0, col: 0 }): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("SCI_Input");
    INPUTS.forEach((r, i) => r.forEach((v, c) => (ws.getCell(origin.row + i + 1, origin.col + c + 1).value = i > 0 && c > 1 ? Number(v) : v)));
    for (const [r, c, v] of edits) ws.getCell(origin.row + r + 1, origin.col + c + 1).value = v;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  const leaf = (code: string) => LEAF_COLUMNS.find(([c]) => c === code)![1];

  it("Excel oddities are read as what they show: each bad one an error at its cell, the good ones scored", async () => {
    const bad: [number, number, ExcelJS.CellValue][] = [
      [1, leaf("A1.1"), { error: "#N/A" } as ExcelJS.CellErrorValue],
      [2, leaf("A2.1"), { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue],
      [3, leaf("B1.1"), "=SUM(A1:A2)"],
      [4, leaf("B2.3"), new Date(Date.UTC(2020, 11, 31))],
      [5, leaf("C1.1"), { richText: [{ text: "12" }, { text: "x" }] }],
      [6, leaf("C3.3"), Number.MAX_VALUE * -1],
      [7, COEFFICIENT_COLUMN, 1.5],
      [8, leaf("A3.2"), true],
    ];
    const good: [number, number, ExcelJS.CellValue][] = [
      [9, leaf("A1.1"), { formula: "100+20.75", result: 120.75 } as ExcelJS.CellFormulaValue],
      [10, leaf("A1.1"), { richText: [{ text: "1" }, { text: "20.5" }] }],
      [11, leaf("A1.1"), { text: "99", hyperlink: "https://example.org" }],
      [12, leaf("A1.1"), " 88.5 "],
    ];
    const origin = { row: 2, col: 1 };
    const { code, json } = await sci("odd.xlsx", await workbook([...bad, ...good], origin));
    expect(code).toBe(1);
    expect(errorsAt(json).sort()).toEqual(bad.map(([r, c]) => a1(origin.row + r, origin.col + c)).sort());
  });

  it("good oddities alone score as their numbers", async () => {
    const edits: [number, number, ExcelJS.CellValue][] = [[1, leaf("A1.1"), { formula: "100+20.75", result: 120.75 } as ExcelJS.CellFormulaValue]];
    const { code, json } = await sci("good.xlsx", await workbook(edits));
    expect(code).toBe(0);
    expect(json!.districts[0].values["A1.1"]).toBe(120.75);
  });

  it("random cell values anywhere in the table", async () => {
    const value = fc.oneof(
      fc.double(),
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.constantFrom<ExcelJS.CellValue>(null, true, { error: "#REF!" } as ExcelJS.CellErrorValue, "#NUM!", "=1+1", new Date(0)),
    );
    const edits = fc.array(fc.tuple(fc.nat(INPUTS.length - 1), fc.nat(INPUTS[0].length - 1), value), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(edits, async (es) => void (await sci("r.xlsx", await workbook(es as never)))),
      { numRuns: 25 },
    );
  });

  it("a corrupt or truncated archive is one clear message and exit 1", async () => {
    const good = await workbook([]);
    for (const bytes of [good.subarray(0, good.length >> 1), Buffer.from("PK\u0003\u0004not a zip"), Buffer.alloc(0), utf8(csvText)]) {
      const { code, stderr } = await sci("bad.xlsx", bytes);
      expect(code).toBe(1);
      expect(stderr).toMatch(/bad\.xlsx/);
    }
  });
});
