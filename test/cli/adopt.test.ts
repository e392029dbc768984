// `sci score WORKBOOK --sheet NAME [--range]` and `sci inspect`: the evaluator's own layout —
// under a title row on a sheet that is not the first, and transposed — scores the published figures.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { inputsGrid, transposedGrid, under, type Grid } from "../core/adopt-fixtures";
import { ONE_CENT_OFF, publishedSummary } from "../core/fixtures";
import { cents, INPUTS_CSV, sci, sciJson, tempDir } from "./helpers";

const dir = tempDir();

async function workbook(name: string, sheets: [string, Grid, string?][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, grid, at = "A1"] of sheets) {
    const ws = wb.addWorksheet(sheetName);
    const top = ws.getCell(at);
    grid.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(Number(top.row) + r, Number(top.col) + c).value = v)));
  }
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const OWN = under([["2020年各区智慧城市发展水平评估 三级指标"], ["注：指数以 100 为基准"]], inputsGrid("zh"));

/** The published summary, to the cent (nine a cent away as listed), and the built-in run's every figure. */
async function expectPublished(json: Awaited<ReturnType<typeof sciJson>>) {
  expect(json.ran.code).toBe(0);
  const builtin = await sciJson(["score"]);
  expect(json.districts).toEqual(builtin.districts);
  expect(json.averages).toEqual(builtin.averages);
  for (const p of publishedSummary()) {
    const d = json.districts.find((x) => x.district === p.district)!;
    for (const code of ["SCI", "A", "B", "C"])
      expect(cents(d.values[code]), `${p.district} ${code}`).toBe(ONE_CENT_OFF[`${p.district} ${code}`] ?? p.figures[code]);
  }
}

describe("sci score --sheet on the evaluator's own workbook", async () => {
  const file = await workbook("own.xlsx", [
    ["说明", [["本工作簿记录各区评估数据"], ["见「数据」工作表"]]],
    ["数据", OWN, "B2"],
    ["报告表", transposedGrid(), "C4"],
  ]);

  it("reads the data under a title row on the second sheet and scores the published figures", async () => {
    const json = await sciJson(["score", file, "--sheet", "数据"]);
    // 政务服务 and its three namesakes are read as their input indicators, with a warning each.
    expect(json.issues.map((i) => i.code)).toEqual(Array(4).fill("adopt-ambiguous-header"));
    await expectPublished(json);
  });

  it("reads a transposed sheet (indicators as rows, districts as columns) and scores the published figures", async () => {
    const json = await sciJson(["score", file, "--sheet", "报告表"]);
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(["aggregate-rows"]);
    await expectPublished(json);
  });

  it("reads only --range when given, with the sheet's own addresses in messages", async () => {
    // On 数据 (from B2) the header is row 4 and the districts rows 5–20: B4:AQ19 leaves out the last.
    const json = await sciJson(["score", file, "--sheet", "数据", "--range", "B4:AQ19"]);
    expect(json.ran.code).toBe(1);
    expect(json.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.district])).toEqual([["missing-district", "崇明"]]);
    const full = await sciJson(["score", file, "--sheet", "数据", "--range", "B4:AQ20"]);
    await expectPublished(full);
  });

  it("names the sheet's own cell for a broken value, and lists the sheets for an unknown one", async () => {
    const grid = OWN.map((r) => [...r]);
    grid[5][3] = "待补"; // third district, third column: sheet row 7 (from B2), column E
    const broken = await workbook("broken.xlsx", [
      ["说明", [["x"]]],
      ["数据", grid, "B2"],
    ]);
    const ran = await sci(["score", broken, "--sheet", "数据"]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("错误 error [not-a-number] 数据!E7，静安，A2.1");
    const unknown = await sci(["score", broken, "--sheet", "Data"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("没有工作表「Data」；工作表有：说明、数据");
  });

  it("refuses --sheet on a CSV and a range that is not one", async () => {
    expect((await sci(["score", file, "--sheet", "数据", "--range", "here"])).code).toBe(2);
    expect((await sci(["score", "--sheet", "数据"])).code).toBe(2);
    const csv = await sci(["score", INPUTS_CSV, "--sheet", "数据"]);
    expect([csv.code, csv.stderr.split("\n")[0]]).toEqual([
      2,
      "用法错误：--sheet 只用于 .xlsx 文件，inputs.csv 是 CSV / usage error: --sheet is for .xlsx files; inputs.csv is a CSV file",
    ]);
  });
});

describe("sci inspect", async () => {
  const file = await workbook("inspect.xlsx", [
    ["说明", [["x"]]],
    ["数据", OWN, "B2"],
    ["报告表", transposedGrid(), "C4"],
  ]);

  it("prints the header, the mapping and every entity, without scoring", async () => {
    const ran = await sci(["inspect", file, "--sheet", "数据"]);
    expect(ran.code).toBe(0);
    const out = ran.stdout;
    expect(out).toContain("表头 / Header: 数据 第 4 行 / 数据 row 4");
    expect(out).toContain("跳过 / Skipped: 数据 第 2 行 标题或说明 / 数据 row 2 title or note");
    expect(out).toContain("方向 / Orientation: 每行一个行政区 / one district per row");
    expect(out).toContain(
      "数据!D4  5G建设应用 → A1.1 新型基础设施/基础能力/5G建设应用 / A1.1 New infrastructure/Basic capacity/5G deployment and applications  [按名称 / by name]",
    );
    expect(out).toContain("[有歧义 ambiguous: B1 | C2.1；暂按 / read as C2.1]");
    expect(out).toContain("缺少 / Missing: 无 / none");
    expect(out).toContain("数据!B5  浦东 → 浦东");
    expect(out).not.toContain("133.41");
  });

  it("never prints a terminal escape from a cell, in its reading or its problems", async () => {
    const grid = transposedGrid();
    grid[0][5] = "\u001b[2J\u001b[31m徐会\u0007";
    const f = await workbook("escape.xlsx", [["报告表", grid, "C4"]]);
    const ran = await sci(["inspect", f, "--sheet", "报告表"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("未知行政区");
    expect(ran.stdout).not.toMatch(/[\u001b\u0007]/);
  });

  it("shows a transposed sheet's orientation and a misspelt district's suggestion, and exits 1", async () => {
    const grid = transposedGrid();
    grid[0][5] = "徐会";
    const f = await workbook("misspelt.xlsx", [["报告表", grid, "C4"]]);
    const ran = await sci(["inspect", f, "--sheet", "报告表"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("方向 / Orientation: 转置，每列一个行政区 / transposed: one district per column");
    expect(ran.stdout).toContain("报告表!H4  徐会 → 未知 / unknown，是否指「徐汇」/ did you mean 徐汇");
    expect(ran.stdout).toContain(
      '错误 error [unknown-district] 报告表!H4：未知行政区「徐会」；是否指「徐汇」 / 报告表!H4: unknown district "徐会"; did you mean "Xuhui" (徐汇)',
    );
  });
});

describe("a transposed table in a plain CSV (no --sheet or --range)", () => {
  it("is read as the add-in reads it and scores the published figures", async () => {
    const file = join(dir, "transposed.csv");
    const grid = transposedGrid();
    writeFileSync(file, grid.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n") + "\n");
    const json = await sciJson(["score", file]);
    expect(json.ran.code).toBe(0);
    expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
    await expectPublished(json);
  });
});
