// sci score under a non-default method says it in the ranking's title, in the terminal and in
// the workbook, so it never passes for the official ranking.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ROOT, sci, tempDir } from "./helpers";

const dir = tempDir();
const OFFICIAL = "2020年 智慧城市发展水平指数排名 / 2020 Smart City Development Index ranking";
const firstLine = (s: string) => s.split("\n")[0];

describe("the ranking's title names the method", () => {
  it("the official method: the plain title", async () => {
    expect(firstLine((await sci(["score"], dir)).stdout)).toBe(OFFICIAL);
  });
  it.each([
    [["--aggregation", "geometric"], "（几何平均 / geometric mean）"],
    [["--rounding", "report"], "（逐级保留两位小数 / rounded to 2 decimals at each level）"],
    [["--treat", "jrc"], "（JRC 异常值处理 / JRC outlier treatment）"],
  ])("%j", async (args, note) => {
    const r = await sci(["score", ...args], dir);
    expect(r.code).toBe(0);
    expect(firstLine(r.stdout)).toBe(OFFICIAL + note);
  });
  it("the workbook's sheet headings too", async () => {
    const out = join(dir, "geometric.xlsx");
    expect((await sci(["score", "--aggregation", "geometric", "--out", out], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // Each heading is two lines: Chinese in A1, English in A2.
    const headings = wb.worksheets.filter((w) => w.name.startsWith("排名")).map((w) => [w.getCell("A1").value, w.getCell("A2").value]);
    expect(headings).toEqual([
      ["2020年智慧城市发展水平指数排名（几何平均）", "2020 Smart City Development Index ranking (geometric mean)"],
      ["2020年一级指标排名（几何平均）", "2020 level-1 indicator rankings (geometric mean)"],
      ["2020年二级指标排名（几何平均）", "2020 level-2 indicator rankings (geometric mean)"],
      ["2020年三级指标排名（几何平均）", "2020 level-3 indicator rankings (geometric mean)"],
    ]);
  });

  it("sci compare's title too", async () => {
    const r = await sci(["compare", join(ROOT, "examples", "inputs-2020.csv"), join(ROOT, "examples", "inputs-2021.csv"), "--aggregation", "geometric"], dir);
    expect(r.code).toBe(0);
    expect(firstLine(r.stdout)).toBe(
      "智慧城市发展水平指数（SCI）变化 2020→2021 / Change in Smart City Development Index (SCI), 2020→2021（几何平均 / geometric mean）",
    );
  });
});
