import { checkTable } from "../../src/excel/issues";
import { readInput } from "../../src/excel/input";
import { insertTemplate } from "../../src/excel/template";
import { score, valueOf, round2 } from "../../src/core";
import { FakeExcel } from "../fakes/excel";
import { a1, chineseThenEnglish, csv, fraction } from "./fixtures";

const framework = csv("framework.csv");
const leaves = framework.slice(1).filter((r) => r[1] === "3");
const inputs = csv("inputs.csv");
const districts = csv("districts.csv").slice(1);
const REGION_ZH: Record<string, string> = { central: "中心城区", suburban: "郊区" };
const WIDTH = 2 + 38 + 1;

describe("insertTemplate", () => {
  it("empty: SCI_Input on a new sheet with Chinese headers and codes, 16 districts, blank values", async () => {
    const xl = new FakeExcel();
    const before = xl.snapshot().sheets[0];
    const result = await xl.runExcel((ctx) => insertTemplate(ctx, "empty"));
    expect(result).toEqual({ ok: true, inputSheet: "SCI 输入", frameworkSheet: "SCI 指标体系", syncs: 2 });
    expect(xl.syncs).toBe(2);
    expect(xl.sheetNames()).toEqual(["Sheet1", "SCI 输入", "SCI 指标体系"]);
    expect(xl.snapshot().sheets[0]).toEqual(before);

    expect(xl.table("SCI_Input")).toMatchObject({ sheet: xl.sheet("SCI 输入"), area: { row: 0, col: 0, rows: 17, cols: WIDTH } });
    const rows = xl.values("SCI 输入", `A1:${a1(16, WIDTH - 1)}`);
    expect(rows[0]).toEqual(["行政区", "区域", ...leaves.map((r) => `${r[4]} (${r[0]})`), "网络安全状况系数"]);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual(districts.map((d) => [d[0], REGION_ZH[d[4]]]));
    expect(rows.slice(1).every((r) => r.slice(2).every((v) => v === ""))).toBe(true);
    // Names and regions are text cells; values are formatted 0.00 ready for typing.
    expect(xl.cell("SCI 输入", "A2").numberFormat).toBe("@");
    expect(xl.cell("SCI 输入", "B17").numberFormat).toBe("@");
    expect(xl.cell("SCI 输入", "C2").numberFormat).toBe("0.00");
    expect(xl.sheet("SCI 输入").freezeRows).toBe(1);
    expect(xl.selection).toEqual({ sheet: "SCI 输入", address: "C2" });

    // Validation sees every blank value as an error naming its cell.
    const check = checkTable(await xl.runExcel(readInput));
    expect(check.issues.filter((i) => i.code === "empty-cell")).toHaveLength(16 * 39);
    expect(check.issues[0].cell).toMatchObject({ sheet: "SCI 输入", address: "C2" });
  });

  it("2020: the values equal the published inputs, and score to the published figures", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    const rows = xl.values("SCI 输入", `A1:${a1(16, WIDTH - 1)}`);
    const codeOf = (h: unknown) => /\(([A-C]\d\.\d)\)$/.exec(String(h))?.[1];
    const [head, ...body] = inputs;
    for (const [r, d] of districts.entries()) {
      const published = body.find((x) => x[0] === d[0])!;
      rows[0].forEach((h, c) => {
        const code = codeOf(h);
        if (code) expect(rows[r + 1][c]).toBe(Number(published[head.indexOf(code)]));
      });
      expect(rows[r + 1][WIDTH - 1]).toBe(Number(published[head.indexOf("coefficient")]));
    }
    const check = checkTable(await xl.runExcel(readInput));
    expect(check.issues).toEqual([]);
    const s = score(check.dataset!);
    expect(
      round2(
        valueOf(
          s,
          check.dataset!.districts.findIndex((d) => d.id === "浦东"),
          "SCI",
        ),
      ),
    ).toBe(133.41);
  });

  it("the framework sheet beside it: the tree, weights as numbers, effective weights; read-only", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "empty"));
    const rows = xl.values("SCI 指标体系", `A1:H${framework.length}`);
    expect(rows[0]).toEqual(["代码", "层级", "序号", "上级", "中文名称", "English", "权重", "综合权重"]);
    const byCode = new Map(framework.slice(1).map((r) => [r[0], r]));
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...byCode.keys()].sort());
    for (const row of rows.slice(1)) {
      const [code, level, no, parent, zh, en, weight] = byCode.get(String(row[0]))!;
      expect(row.slice(0, 6)).toEqual([code, Number(level), no === "" ? "" : Number(no), parent, zh, en]);
      expect(row[6]).toBeCloseTo(fraction(weight), 15);
      // The effective weight multiplies the weights up to the root.
      let w = 1;
      for (let c = code; c !== "SCI"; c = byCode.get(c)![3]) w *= fraction(byCode.get(c)![6]);
      expect(row[7]).toBeCloseTo(w, 12);
    }
    const effective = rows
      .slice(1)
      .filter((r) => r[1] === 3)
      .reduce((t, r) => t + (r[7] as number), 0);
    expect(effective).toBeCloseTo(1, 12);
    expect(xl.cell("SCI 指标体系", "G3").numberFormat).toBe("# ???/???");
    expect(xl.cell("SCI 指标体系", "H3").numberFormat).toBe("0.0000");
    expect(xl.sheet("SCI 指标体系").protected).toBe(true);
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("SCI 指标体系").getRange("G3").values = [[0.5]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("never a second SCI_Input: says so, Chinese then English, and selects the table", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").activate();
      await ctx.sync();
    });
    const before = xl.snapshot();
    xl.syncs = 0;
    xl.clearChanges();
    const again = await xl.runExcel((ctx) => insertTemplate(ctx, "empty"));
    expect(again).toMatchObject({ ok: false, reason: "exists", sheet: "SCI 输入", syncs: 2 });
    if (again.ok) throw new Error("unreachable");
    expect(chineseThenEnglish(again.message)).toBe(true);
    expect(again.message.zh).toContain("SCI_Input");
    expect(again.message.en).toContain("SCI_Input");
    expect(xl.snapshot()).toEqual(before);
    expect(xl.changes).toEqual([]);
    expect(xl.selection).toEqual({ sheet: "SCI 输入", address: a1(0, 0) + ":" + a1(16, WIDTH - 1) });
  });

  it("takes fresh sheet names and leaves the user's sheet of the same name untouched", async () => {
    const xl = new FakeExcel();
    xl.addSheet("SCI 输入", [["my own notes", 42]]);
    const mine = xl.snapshot().sheets[1];
    const result = await xl.runExcel((ctx) => insertTemplate(ctx, "empty"));
    expect(result).toMatchObject({ ok: true, inputSheet: "SCI 输入 (2)", frameworkSheet: "SCI 指标体系 (2)" });
    expect(xl.snapshot().sheets[1]).toEqual(mine);
    expect(new Set(xl.changes.map((c) => c.sheet))).toEqual(new Set(["SCI 输入 (2)", "SCI 指标体系 (2)"]));
  });

  it("a failure half-way leaves the workbook as it was", async () => {
    const xl = new FakeExcel();
    const before = xl.snapshot();
    xl.failOn("protection.protect");
    const result = await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    expect(result).toMatchObject({ ok: false, reason: "failed", rolledBack: true, written: [] });
    if (result.ok) throw new Error("unreachable");
    expect(chineseThenEnglish(result.message)).toBe(true);
    expect(xl.snapshot()).toEqual(before);
  });
});
