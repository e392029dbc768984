// sci compare OLD NEW: the 2020 inputs against a copy with known changes.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { labelOf } from "../../src/cli/compare";
import { fixtureRows, INPUTS_CSV, sci, STACK, tempDir } from "./helpers";

const dir = tempDir();
const [head, ...rows] = fixtureRows("inputs.csv");
const isInput = (c: number) => c > 1 && c < head.length - 1; // between region and coefficient

function write(name: string, body: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, [head, ...body].map((r) => r.join(",")).join("\n"));
  return file;
}
// 2021: 崇明 +10 on every input (composite +9.9 at coefficient 0.99), 徐汇 −10.
const shift: Record<string, number> = { 崇明: 10, 徐汇: -10 };
const NEW = write(
  "inputs-2021.csv",
  rows.map((r) => (shift[r[0]] ? r.map((v, c) => (isInput(c) ? String(Number(v) + shift[r[0]]) : v)) : r)),
);

interface ChangeJson {
  old: number;
  new: number;
  change: number;
  ranks: { city: { old: number; new: number; change: number }; region: { old: number; new: number; change: number } };
}
interface CompareJson {
  old: string;
  new: string;
  indicators: string[];
  districts: { district: string; region: string; changes: Record<string, ChangeJson> }[];
  onlyOld: string[];
  onlyNew: string[];
  issues: { code: string; severity: string }[];
}

describe("sci compare", () => {
  it("prints the composite's change for every district by new rank, with the rank change in words", async () => {
    const ran = await sci(["compare", INPUTS_CSV, NEW]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    const lines = ran.stdout.split("\n");
    expect(lines[0]).toBe("智慧城市发展水平指数（SCI）变化 inputs→2021 / Change in Smart City Development Index (SCI), inputs→2021");
    const row = (d: string) =>
      lines
        .find((l) => l.includes(` ${d} `))!
        .trim()
        .split(/\s{2,}/);
    // rank, district, old, new, change, old rank, new rank, words
    expect(row("崇明")).toEqual(["14", "崇明", "87.31", "97.21", "+9.90", "16", "14", "排名上升2位 / up 2 places"]);
    expect(row("徐汇")).toEqual(["4", "徐汇", "126.74", "116.74", "-10.00", "2", "4", "排名下降2位 / down 2 places"]);
    expect(row("浦东")).toEqual(["1", "浦东", "133.41", "133.41", "0.00", "1", "1", "排名不变 / unchanged"]);
    expect(row("奉贤").slice(-1)).toEqual(["排名下降1位 / down 1 place"]);
    expect(lines.filter((l) => /^\s*\d+\s/.test(l))).toHaveLength(16);
  });

  it("--indicator shows another indicator: C3 (试点示范) of 崇明 rises by exactly 10", async () => {
    const ran = await sci(["compare", INPUTS_CSV, NEW, "--indicator", "试点示范"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("试点示范（C3）");
    expect(ran.stdout.split("\n").find((l) => l.includes(" 崇明 "))).toContain("+10.00");
  });

  it("--json: every district and indicator with values, changes and ranks", async () => {
    const ran = await sci(["compare", INPUTS_CSV, NEW, "--json", "--old-label", "2020"]);
    expect(ran.code).toBe(0);
    const j = JSON.parse(ran.stdout) as CompareJson;
    expect([j.old, j.new]).toEqual(["2020", "2021"]);
    expect(j.indicators).toHaveLength(52);
    expect(j.districts).toHaveLength(16);
    const cm = j.districts.find((d) => d.district === "崇明")!;
    expect(Object.keys(cm.changes)).toEqual(j.indicators);
    expect(cm.changes.SCI.change).toBeCloseTo(9.9, 9);
    expect(cm.changes.SCI.ranks).toEqual({ city: { old: 16, new: 14, change: 2 }, region: { old: 8, new: 6, change: 2 } });
    expect(cm.changes["B2.3"].change).toBeCloseTo(10, 9);
    expect(j.districts.find((d) => d.district === "浦东")!.changes.SCI.change).toBe(0);
    expect(j.issues).toEqual([]);
  });

  it("--out writes the overview and detail sheets", async () => {
    const out = join(dir, "compare.xlsx");
    const ran = await sci(["compare", INPUTS_CSV, NEW, "--out", out, "--old-label", "2020"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("wrote the comparison workbook compare.xlsx (2 sheets)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["对比 2020→2021", "对比明细 2020→2021"]);
    const overview = wb.worksheets[0];
    const rowOf = (d: string) => overview.getRows(1, overview.rowCount)!.find((r) => r.getCell(1).value === d)!;
    expect(rowOf("崇明").getCell(9).value).toBe("排名上升2位 / up 2 places");
    expect(rowOf("崇明").getCell(5).numFmt).toBe("0.00");
    // The title in two rows, the source and date in two, a blank row and two header rows.
    const today = new Date().toISOString().slice(0, 10);
    expect([1, 2, 3, 4].map((r) => overview.getCell(r, 1).value)).toEqual([
      "智慧城市发展水平指数变化 2020→2021",
      "Change in the Smart City Development Index, 2020→2021",
      `来源：2020年与2021年输入数据，由 SCI 按评估的指标体系与权重计算；生成于 ${today}`,
      `Source: 2020 and 2021 inputs, computed by SCI with the assessment's framework and weights; generated ${today}`,
    ]);
    expect(wb.worksheets[1].rowCount).toBe(7 + 52 * 16);
  });

  it("a district in one year only is listed and the rest compared", async () => {
    const old = write(
      "inputs-2019.csv",
      rows.filter((r) => r[0] !== "金山"),
    );
    const ran = await sci(["compare", old, NEW]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("warning [compare-district-new]");
    expect(ran.stderr).toContain("金山");
    expect(ran.stdout).toContain("仅见于2021 / only in 2021: 金山");
    expect(ran.stdout.split("\n").filter((l) => /^\s*\d+\s/.test(l))).toHaveLength(15);
  });

  it("an input error in either year: exit 1, every issue with its cell, no workbook", async () => {
    const bad = write(
      "bad-2021.csv",
      rows.map((r) => (r[0] === "徐汇" ? r.map((v, c) => (head[c] === "B2.3" ? "abc" : v)) : r)),
    );
    const out = join(dir, "never.xlsx");
    const ran = await sci(["compare", INPUTS_CSV, bad, "--out", out]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("bad-2021.csv!O5，徐汇，B2.3");
    expect(ran.stderr).toContain("nothing compared, never.xlsx not written");
    expect(existsSync(out)).toBe(false);
    expect(ran.stderr).not.toMatch(STACK);
  });

  it("usage errors: exit 2", async () => {
    expect((await sci(["compare", INPUTS_CSV])).code).toBe(2);
    expect((await sci(["compare", INPUTS_CSV, join(dir, "missing.csv")])).code).toBe(2);
    expect((await sci(["compare", INPUTS_CSV, NEW, "--indicator", "政务服务"])).stderr).toContain("ambiguous");
    expect((await sci(["compare", INPUTS_CSV, NEW, "--out", "x.csv"])).code).toBe(2);
  });

  it("labels come from a year in the file name", () => {
    expect(labelOf("data/inputs-2019.csv")).toBe("2019");
    expect(labelOf("2021年.xlsx")).toBe("2021");
    expect(labelOf("inputs.csv")).toBe("inputs");
    expect(labelOf("v12345.csv")).toBe("v12345");
  });
});
