// `sci score` over a hostile corpus (./corpus.ts). Each file is either read correctly — every
// district scored to its published composite, the workbook written — or refused with exit 1
// and one message naming the cause and the cell, with no workbook written. Nothing unbounded
// or raw reaches the terminal, and no library's English text is in a Chinese sentence.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInputFile } from "../../src/cli/read";
import { run } from "../../src/cli/main";
import type { ScoresJson } from "../../src/cli/json";
import { cents, columnName } from "../cli/helpers";
import { col, delimited, gb18030, inputs, publishedSci, utf16be, utf16le, utf8, withAbsoluteTargets, xlsx } from "./corpus";

const dir = mkdtempSync(join(tmpdir(), "sci-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Outcome {
  code: number;
  json?: ScoresJson;
  stderr: string;
  /** Whether --out's workbook exists afterwards. */
  wrote: boolean;
  file: string;
}

async function sci(name: string, bytes: Buffer | string): Promise<Outcome> {
  const file = join(dir, `${n++}-${name}`);
  writeFileSync(file, bytes);
  const out = join(dir, `${n++}-out.xlsx`);
  let stdout = "";
  let stderr = "";
  const code = await run(["score", file, "--rounding", "report", "--json", "--out", out], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: dir,
  });
  // Whatever happened: bounded, printable lines.
  expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  for (const line of stderr.split("\n")) expect(line.length, line.slice(0, 80)).toBeLessThanOrEqual(600);
  expect(stderr).not.toMatch(/^\s+at\s/m);
  expect(stderr).not.toMatch(/意外错误|unexpected error/);
  return { code, json: stdout ? (JSON.parse(stdout) as ScoresJson) : undefined, stderr, wrote: existsSync(out), file };
}

/** Read correctly: exit 0, all 16 districts at their published composite, the workbook written. */
function scoredAsPublished(o: Outcome): void {
  expect(o.code, o.stderr).toBe(0);
  expect(o.wrote).toBe(true);
  const got = new Map(o.json!.districts.map((d) => [d.district, cents(d.values.SCI)]));
  expect(got).toEqual(publishedSci);
}

/** Refused: exit 1, no workbook, and the one error message contains every `words`. */
function refused(o: Outcome, ...words: string[]): string {
  expect(o.code, o.stderr).toBe(1);
  expect(o.wrote).toBe(false);
  const errors = o.stderr.split("\n").filter((l) => l && !/^警告|^输入有 \d+ 个错误/.test(l));
  expect(errors, o.stderr).toHaveLength(1);
  for (const w of words) expect(errors[0]).toContain(w);
  const zh = errors[0].split(" / ")[0];
  expect(zh, "no English library text in the Chinese part").not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/);
  return errors[0];
}

const warnings = (o: Outcome) => (o.json?.issues ?? []).filter((i) => i.severity === "warning");

const rows = inputs();
const header = rows[0];
const csv = (sep = ",") => delimited(rows, sep);

describe("encodings and delimiters Excel's Save As offers", () => {
  it("CSV UTF-8, with and without a BOM", async () => {
    scoredAsPublished(await sci("plain.csv", utf8(csv())));
    scoredAsPublished(await sci("bom.csv", utf8(csv(), true)));
  });

  it('"Unicode text": UTF-16 LE with a BOM, tab-delimited; and UTF-16 BE', async () => {
    scoredAsPublished(await sci("unicode.csv", utf16le(csv("\t"))));
    scoredAsPublished(await sci("unicode-be.csv", utf16be(csv("\t"))));
  });

  it('GB18030/GBK (Excel\'s Chinese "CSV"), with a warning to save as UTF-8', async () => {
    const o = await sci("gbk.csv", gb18030(csv()));
    scoredAsPublished(o);
    expect(warnings(o).map((i) => i.code)).toEqual(["csv-encoding"]);
  });

  it("semicolons and tabs as delimiters", async () => {
    scoredAsPublished(await sci("semicolon.csv", utf8(csv(";"), true)));
    scoredAsPublished(await sci("tab.csv", utf8(csv("\t"))));
  });
});

describe("what people put around a table", () => {
  it("a title row above the header (CSV and .xlsx), skipped with a warning naming it", async () => {
    const titled = [["2020 年智慧城市发展水平评估输入"], ...rows];
    for (const o of [await sci("title.csv", utf8(delimited(titled, ","))), await sci("title.xlsx", await xlsx([{ name: "输入", rows: titled }]))]) {
      scoredAsPublished(o);
      expect(warnings(o).map((i) => [i.code, i.cell?.address])).toEqual([["title-row", "A1"]]);
    }
  });

  it("a notes sheet before the data, and a hidden first sheet: the data sheet is read, with a warning", async () => {
    const notes = await sci(
      "notes.xlsx",
      await xlsx([
        { name: "说明", rows: [["填表说明"], ["1. 数值保留两位小数"], ["2. 系数在 0 到 1 之间"]] },
        { name: "数据", rows },
      ]),
    );
    scoredAsPublished(notes);
    expect(warnings(notes).map((i) => i.code)).toEqual(["sheet-chosen"]);
    expect(warnings(notes)[0].zh).toContain("数据");
    const hidden = await sci(
      "hidden.xlsx",
      await xlsx([
        {
          name: "旧",
          rows: [
            ["x", "y"],
            [1, 2],
          ],
          state: "hidden",
        },
        { name: "数据", rows },
      ]),
    );
    scoredAsPublished(hidden);
    expect(warnings(hidden)[0].zh).toContain("数据");
  });

  it("a stray cell in the last row (A1048576): the table is read, memory follows the data", async () => {
    const file = await xlsx([{ name: "数据", rows, cells: { A1048576: "x" } }]);
    const o = await sci("stray.xlsx", file);
    scoredAsPublished(o);
    expect(warnings(o).map((i) => [i.code, i.cell?.address])).toEqual([["cells-outside-table", "A1048576"]]);
    const read = await readInputFile(o.file);
    expect(read.table.rows).toHaveLength(17); // header + 16 districts, not a million rows
  });

  it("merged cells read as Excel does: only the top-left cell holds the value", async () => {
    // The region column merged over the central districts: the merged-away cells are empty,
    // and the region then comes from the district list.
    const r = col(header, "region");
    const merged = await sci("merged-region.xlsx", await xlsx([{ name: "数据", rows, merges: [`${columnName(r)}2:${columnName(r)}8`] }]));
    scoredAsPublished(merged);
    // An indicator cell merged with its right neighbour: that neighbour is empty, at its cell.
    const c = col(header, "A1.1");
    const a = `${columnName(c)}2`;
    const b = `${columnName(c + 1)}2`;
    const o = await sci("merged-value.xlsx", await xlsx([{ name: "数据", rows, merges: [`${a}:${b}`] }]));
    expect(o.code).toBe(1);
    expect(o.wrote).toBe(false);
    expect(o.json!.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell?.address])).toEqual([["empty-cell", b]]);
  });

  it("a workbook written by openpyxl or pandas (absolute relationship targets)", async () => {
    scoredAsPublished(await sci("openpyxl.xlsx", await withAbsoluteTargets(await xlsx([{ name: "Sheet1", rows }]))));
  });

  it("formulas without cached values are refused, naming the first cell and how many", async () => {
    const c = col(header, "A1.1");
    const cells: Record<string, { formula: string }> = {};
    for (let r = 2; r <= 17; r++) cells[`${columnName(c)}${r}`] = { formula: `${columnName(c + 1)}${r}*1` };
    const message = refused(
      await sci("formulas.xlsx", await xlsx([{ name: "数据", rows: rows.map((x) => x.map((v, j) => (j === c ? null : v))), cells }])),
      `${columnName(c)}2`,
      "16",
    );
    expect(message).toContain("公式");
  });
});

describe("what is inside the cells", () => {
  it("invisible characters (U+200B, U+FEFF, NBSP) around names, headers and numbers", async () => {
    const dirty = rows.map((r) => [...r]);
    dirty[1][0] = `${dirty[1][0]}\u200b`;
    dirty[2][0] = `\ufeff${dirty[2][0]}`;
    dirty[3][2] = `\u00a0${dirty[3][2]}\u00a0`;
    dirty[0][3] = `${dirty[0][3]}\u200b`;
    scoredAsPublished(await sci("invisible.csv", utf8(delimited(dirty, ","))));
  });

  it("full-width digits, letters and punctuation", async () => {
    const wide = (s: string) => s.replace(/[0-9A-Za-z.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const full = rows.map((r, i) => r.map((v, j) => (i === 0 && j > 1 ? wide(v) : i > 0 && j > 1 ? wide(v) : v)));
    scoredAsPublished(await sci("fullwidth.csv", utf8(delimited(full, ","))));
  });

  it("percent-formatted coefficients: 98% in a CSV, 0.98 shown as 98% in an .xlsx", async () => {
    const k = col(header, "coefficient");
    const pct = rows.map((r, i) => r.map((v, j) => (i > 0 && j === k ? `${Math.round(Number(v) * 100)}%` : v)));
    scoredAsPublished(await sci("percent.csv", utf8(delimited(pct, ","))));
    const formats: Record<string, string> = {};
    for (let r = 2; r <= 17; r++) formats[`${columnName(k)}${r}`] = "0%";
    scoredAsPublished(await sci("percent.xlsx", await xlsx([{ name: "数据", rows, formats }])));
  });

  it("1e308 in two districts: each refused at its cell, never Infinity, no file", async () => {
    const c = col(header, "B2.3");
    const big = rows.map((r, i) => r.map((v, j) => (j === c && (i === 1 || i === 2) ? "1e308" : v)));
    const o = await sci("huge.csv", utf8(delimited(big, ",")));
    expect(o.code).toBe(1);
    expect(o.wrote).toBe(false);
    expect(o.json!.districts).toEqual([]);
    expect(o.json!.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell?.address])).toEqual([
      ["value-too-large", `${columnName(c)}2`],
      ["value-too-large", `${columnName(c)}3`],
    ]);
    expect(o.stderr).toContain("1e+308 过大，无法计算");
  });

  it("terminal escape sequences and a 1 MB name are quoted safely and cut short", async () => {
    const evil = rows.map((r) => [...r]);
    evil[1][0] = "\u001b[2J\u001b[31m浦东\u0007";
    evil[2][0] = "黄".repeat(1 << 20);
    const o = await sci("evil.csv", utf8(delimited(evil, ",")));
    expect(o.code).toBe(1);
    expect(o.wrote).toBe(false);
    expect(o.stderr.length).toBeLessThan(20_000);
    expect(o.stderr).toContain("A2");
    expect(o.stderr).toContain("A3");
  });

  it("a file that is not a workbook at all: one message, in each language its own words", async () => {
    refused(await sci("broken.xlsx", "this is not a zip"), "broken.xlsx");
  });
});
