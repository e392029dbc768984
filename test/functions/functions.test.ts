// The @customfunction wrappers in a fake custom-functions runtime: what each cell shows.
import * as sci from "../../src/functions/functions";
import { cell, FakeError, flush, installCustomFunctions } from "./fake-runtime";
import { inputRow } from "./fixtures";

beforeAll(() => {
  installCustomFunctions();
});

/** Runs a streaming function in a fresh cell and returns what the cell shows first. */
async function shows<T>(run: (inv: never) => void): Promise<T | FakeError | undefined> {
  const c = cell<T>();
  run(c.invocation as never);
  await flush();
  expect(c.results).toHaveLength(1);
  return c.last();
}

function excelError(v: unknown, code: "#VALUE!" | "#N/A"): string {
  expect(v).toBeInstanceOf(FakeError);
  const e = v as FakeError;
  expect(e.code).toBe(code);
  // The cell shows Excel's display language only (Chinese where none is known).
  expect(e.message, e.message).toMatch(/[\u3400-\u9fff]/);
  expect(e.message).not.toMatch(/ \/ [a-z]/i);
  return e.message!;
}

describe("the SCI functions as Excel sees them (2020 data, no SCI_Input table)", () => {
  it("SCI.DISTRICT", async () => {
    expect(await shows<number>((inv) => sci.district("浦东", null, inv))).toBeCloseTo(133.41, 2);
    expect(await shows<number>((inv) => sci.district(310115, "B2.3", inv))).toBe(128.67);
    expect(excelError(await shows((inv) => sci.district("浦栋", null, inv)), "#N/A")).toContain("浦东");
    expect(excelError(await shows((inv) => sci.district("浦东", "政务服务", inv)), "#VALUE!")).toContain("C2.1");
  });

  it("SCI.RANK", async () => {
    expect(await shows((inv) => sci.rank("徐汇", null, null, inv))).toBe(2);
    expect(await shows((inv) => sci.rank("普陀", "A2.3", null, inv))).toBe(1);
    expect(await shows((inv) => sci.rank("宝山", null, "region", inv))).toBe(1);
    expect(excelError(await shows((inv) => sci.rank("浦东", null, "浦西", inv)), "#VALUE!")).toContain("中心城区");
  });

  it("SCI.CITY", async () => {
    expect(await shows<number>((inv) => sci.city(null, null, inv))).toBeCloseTo(109.77, 2);
    expect(await shows<number>((inv) => sci.city(null, "中心城区", inv))).toBeCloseTo(119.44, 2);
    expect(await shows<number>((inv) => sci.city("SCI", "郊区", inv))).toBeCloseTo(100.1, 2);
    excelError(await shows((inv) => sci.city(null, "region", inv)), "#VALUE!");
  });

  it("SCI.RANKING spills a 16 × 3 table", async () => {
    const rows = (await shows<(string | number)[][]>((inv) => sci.ranking(null, null, inv))) as (string | number)[][];
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows[0].slice(0, 2)).toEqual([1, "浦东"]);
    excelError(await shows((inv) => sci.ranking("nonsense", null, inv)), "#N/A");
  });

  it("SCI.CONTRIB", async () => {
    expect(await shows<number>((inv) => sci.contrib("浦东", "B2.3", inv))).toBeCloseTo(128.67 / 46, 12);
    expect(excelError(await shows((inv) => sci.contrib("浦东", "B2", inv)), "#VALUE!")).toContain("三级");
  });

  it("SCI.INDICATORS", async () => {
    const rows = (await shows<(string | number)[][]>((inv) => sci.indicators(3, inv))) as (string | number)[][];
    expect(rows).toHaveLength(38);
    expect(rows[0]).toEqual(["A1.1", "5G建设应用", "5G deployment and applications", 1]);
    excelError(await shows((inv) => sci.indicators(7, inv)), "#VALUE!");
  });

  it("SCI.SCORE shows a number, or #VALUE! saying what is wrong", async () => {
    expect(await shows<number>((inv) => sci.score([inputRow("浦东")], null, inv))).toBeCloseTo(133.41, 2);
    expect(await shows<number>((inv) => sci.score([inputRow("黄浦")], 0.98, inv))).toBeCloseTo(125.32, 2);
    expect(excelError(await shows((inv) => sci.score([inputRow("浦东").slice(0, 37)], null, inv)), "#VALUE!")).toContain("37");
  });

  it("SCI.CHANGE without an SCI_Previous table: #N/A asking for one", async () => {
    const msg = excelError(await shows((inv) => sci.change("崇明", null, null, inv)), "#N/A");
    expect(msg).toContain("SCI_Previous");
  });

  it("answers each cell once while the model does not change", async () => {
    const c = cell<number>();
    sci.district("浦东", null, c.invocation);
    await flush();
    await flush();
    expect(c.results).toHaveLength(1);
  });

  it("an error in the cell is in Excel's display language: English for en-US", async () => {
    const g = globalThis as Record<string, unknown>;
    const before = g.Office;
    g.Office = { context: { displayLanguage: "en-US" } };
    try {
      const e = (await shows((inv) => sci.district("浦栋", null, inv))) as FakeError;
      expect(e).toBeInstanceOf(FakeError);
      expect(e.message).toBe('unknown district "浦栋"; did you mean "Pudong" (浦东)');
    } finally {
      g.Office = before;
    }
  });
});
