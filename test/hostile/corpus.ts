// Files a Chinese Excel user can produce, generated from the 2020 inputs (inputs.csv): every
// encoding and delimiter Excel's Save As offers, title rows, notes and hidden sheets, merged
// cells, huge used ranges, formulas without cached values, invisible and full-width characters,
// percent-formatted coefficients, overflowing numbers, terminal escapes and huge names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const FIXTURES = join(__dirname, "..", "fixtures", "shanghai-2020");

/** A spec CSV as rows of strings (they hold no quotes, so a plain split is exact). */
export function fixture(name: string): string[][] {
  return readFileSync(join(FIXTURES, name), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
}

/** inputs.csv: district, region, the 38 input codes, coefficient; 16 districts. */
export const inputs = (): string[][] => fixture("inputs.csv");
/** The published composite (SCI) of each district, two decimals. */
export const publishedSci = new Map(
  fixture("published-summary.csv")
    .slice(1)
    .map((r) => [r[0], Number(r[1])]),
);

export const col = (header: string[], name: string) => header.indexOf(name);

/** Rows as delimited text (no quoting needed: the fixture holds no delimiters). */
export const delimited = (rows: string[][], sep: string, eol = "\r\n") => rows.map((r) => r.join(sep)).join(eol) + eol;

export const utf8 = (s: string, bom = false) => Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(s, "utf8")]);

/** Excel's "Unicode text": UTF-16 LE with a BOM (tab-delimited). */
export const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);

/** UTF-16 BE with a BOM. */
export function utf16be(s: string): Buffer {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

/** GB18030 (GBK) bytes, from the decoder's own table (Node has no GBK encoder): Excel's Chinese "CSV". */
export function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder("gb18030");
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

/** Numbers as numbers, so an .xlsx holds what Excel would. */
const typed = (v: string): string | number => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

export interface SheetSpec {
  name: string;
  rows: (string | number | null)[][];
  /** Where rows[0][0] goes (1-based row and column). */
  at?: { row: number; col: number };
  state?: "visible" | "hidden";
  /** Ranges to merge, e.g. `B2:B8`. */
  merges?: string[];
  /** Extra cells: address → value. */
  cells?: Record<string, string | number | ExcelJS.CellFormulaValue>;
  /** Number formats: address → format. */
  formats?: Record<string, string>;
}

/** An .xlsx written by exceljs. */
export async function xlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
    const at = s.at ?? { row: 1, col: 1 };
    s.rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== "" && (ws.getCell(at.row + i, at.col + j).value = typeof v === "string" ? typed(v) : v)));
    for (const [a, v] of Object.entries(s.cells ?? {})) ws.getCell(a).value = v;
    for (const [a, f] of Object.entries(s.formats ?? {})) ws.getCell(a).numFmt = f;
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with every relationship target absolute (/xl/…), as openpyxl and pandas write them. */
export async function withAbsoluteTargets(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    const base = name.replace(/_rels\/[^/]+\.rels$/, ""); // xl/_rels/workbook.xml.rels → xl/
    const xml = await zip.file(name)!.async("string");
    const fixed = xml.replace(/Target="(?!\/|https?:)([^"]+)"/g, (_, t: string) => `Target="/${normalisePath(base + t)}"`);
    zip.file(name, fixed);
  }
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}
