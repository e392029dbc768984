// sci sensitivity: rank intervals under perturbed weights, seeded and repeatable.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { INPUTS_CSV, sci, STACK, tempDir } from "./helpers";
import type { RankInterval } from "../../src/core";

const dir = tempDir();

interface SensitivityJson {
  indicator: string;
  replications: number;
  perturbation: number;
  seed: number;
  districts: { district: string; region: string; value: number; ranks: { city: RankInterval; region: RankInterval } }[];
  issues: unknown[];
}
const json = async (args: string[]) => {
  const ran = await sci(["sensitivity", ...args, "--json"]);
  expect(ran.code, ran.stderr).toBe(0);
  return JSON.parse(ran.stdout) as SensitivityJson;
};
const dataRows = (stdout: string) => stdout.split("\n").filter((l) => /^\s*\d+\s/.test(l));

describe("sci sensitivity", () => {
  it("prints every district by baseline rank with its median, interval and share kept", async () => {
    const ran = await sci(["sensitivity", "--replications", "2000"]);
    expect(ran.code).toBe(0);
    const lines = ran.stdout.split("\n");
    expect(lines[0]).toBe("2020年 智慧城市发展水平指数排名稳健性 / Robustness of the Smart City Development Index ranking 2020");
    expect(lines[1]).toContain("±10%");
    expect(lines[1]).toContain("2000 replications, seed 1");
    const rows = dataRows(ran.stdout);
    expect(rows).toHaveLength(16);
    expect(
      rows[0]
        .trim()
        .split(/\s{2,}/)
        .slice(0, 6),
    ).toEqual(["1", "浦东 Pudong", "133.41", "1", "1", "100.0%"]);
    expect(rows[15]).toContain("崇明 Chongming");
  });

  it("--perturbation 0: every district keeps its exact rank every time", async () => {
    const ran = await sci(["sensitivity", "--perturbation", "0", "--replications", "300"]);
    expect(ran.code).toBe(0);
    dataRows(ran.stdout).forEach((line, i) => {
      const cells = line.trim().split(/\s{2,}/);
      expect(cells[0]).toBe(String(i + 1));
      expect(cells.slice(3, 6)).toEqual([String(i + 1), String(i + 1), "100.0%"]);
      expect(cells[10]).toBe("100.0%");
    });
  });

  it("--json: the same seed gives the same result; 10% and 0.1 are the same perturbation", async () => {
    const a = await json(["--replications", "3000", "--seed", "7", "--perturbation", "10%"]);
    const b = await json(["--replications", "3000", "--seed", "7", "--perturbation", "0.1"]);
    expect(b).toEqual(a);
    expect([a.replications, a.perturbation, a.seed, a.indicator]).toEqual([3000, 0.1, 7, "SCI"]);
    expect(a.districts).toHaveLength(16);
    const pudong = a.districts.find((d) => d.district === "浦东")!.ranks.city;
    expect(pudong.baseline).toBe(1);
    expect(pudong.keep).toBeGreaterThan(0.95);
    expect(pudong.counts!.reduce((s, n) => s + n, 0)).toBe(3000);
    const c = await json(["--replications", "3000", "--seed", "8"]);
    expect(c.districts.map((d) => d.ranks.city.counts!)).not.toEqual(a.districts.map((d) => d.ranks.city.counts!));
  });

  it("tests another indicator, from an input file", async () => {
    const r = await json([INPUTS_CSV, "--indicator", "B", "--replications", "100", "--perturbation", "0"]);
    expect(r.indicator).toBe("B");
    // The published B of 徐汇 (136.25) leads 浦东 (136.12) and 黄浦 (135.94).
    const top = r.districts.filter((d) => d.ranks.city.baseline <= 3).sort((x, y) => x.ranks.city.baseline - y.ranks.city.baseline);
    expect(top.map((d) => d.district)).toEqual(["徐汇", "浦东", "黄浦"]);
  });

  it("--out writes the sensitivity sheet", async () => {
    const out = join(dir, "robust.xlsx");
    const ran = await sci(["sensitivity", "--replications", "500", "--out", out]);
    expect(ran.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["稳健性 2020"]);
    const ws = wb.worksheets[0];
    // Under the title (2 rows), the source (2) and method (2) lines, a blank row and 2 header rows.
    expect(ws.getCell("A1").value).toBe("2020年智慧城市发展水平指数排名稳健性");
    expect(ws.getCell("A3").value).toMatch(/^来源：2020年输入数据，.*；生成于 \d{4}-\d{2}-\d{2}$/);
    expect(ws.getCell("A6").value).toMatch(/^Method: .*, 500 replications, seed 1$/);
    expect(ws.getCell("A10").value).toBe("浦东");
    expect(ws.getCell("D10").value).toBe(1);
  });

  it("bad options are usage errors, exit 2, without a stack trace", async () => {
    for (const args of [
      ["--perturbation", "2"],
      ["--perturbation", "lots"],
      ["--replications", "ten"],
      ["--replications", "0"],
      ["--indicator", "nothing"],
    ]) {
      const ran = await sci(["sensitivity", ...args]);
      expect(ran.code, args.join(" ")).toBe(2);
      expect(ran.stderr).toMatch(/用法错误/);
      expect(ran.stderr).not.toMatch(STACK);
    }
  });
});
