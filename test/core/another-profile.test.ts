// A second, made-up assessment scored end to end: its own entity list (nine counties in three
// regions), its own coefficient and words, and a four-level framework. Through the core, the
// Excel model and the functions, and the same entities through the CLI with --districts and
// --framework. No word of the built-in assessment may appear in any of its output.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { assess, buildFramework, type Profile, type SourceTable } from "../../src/core";
import { reportLayout } from "../../src/report";
import { DISTRICTS_SHANGHAI } from "../../src/data";
import { COUNTIES, LEAVES, VALLEY_FRAMEWORK } from "../report/valley";
import { sci, tempDir } from "../cli/helpers";
import { cell, FakeError, installCustomFunctions, wait } from "../functions/fake-runtime";

// The made-up assessment's framework and counties, shared with the report draft's tests.
const FRAMEWORK = VALLEY_FRAMEWORK;

const framework = buildFramework(FRAMEWORK).framework!;
const profile: Profile = {
  id: "valley-test",
  name: { zh: "河谷省数字化评估", en: "Valley province digital assessment" },
  label: "2024",
  framework,
  districts: COUNTIES.map(([id, region, en]) => ({ id, region, en })),
  regions: [
    { id: "北部", zh: "北部", en: "North" },
    { id: "南部", zh: "南部", en: "South" },
    { id: "东部", zh: "东部", en: "East" },
  ],
  coefficient: { name: { zh: "数据质量系数", en: "Data quality factor" }, headers: ["数据质量系数", "quality"], min: 0, max: 1 },
  words: { entity: { zh: "县", en: "county" }, whole: { zh: "全省", en: "Province" }, rank: { zh: "位次", en: "Position" } },
};

/** Made-up inputs, two decimals as a table holds them, and a coefficient per county. */
const value = (i: number, j: number) => Number((50 + ((i * 37 + j * 11) % 90) + (i % 3) * 0.25).toFixed(2));
const coefficientOf = (i: number) => 1 - (i % 4) * 0.01;
const HEADER = ["县", ...LEAVES, "数据质量系数"];
const rows = (): (string | number)[][] => [HEADER, ...COUNTIES.map(([id], i) => [id, ...LEAVES.map((_, j) => value(i, j)), coefficientOf(i)])];

/** The composite worked out by hand from the tree above. */
function composite(i: number): number {
  const [a, b, c, d, e] = LEAVES.map((_, j) => value(i, j));
  return coefficientOf(i) * ((3 / 5) * ((1 / 2) * ((a + b) / 2) + (1 / 2) * c) + (2 / 5) * (d / 4 + (3 * e) / 4));
}
const cents = (x: number) => Math.round(x * 100);
const naiveRanks = (xs: number[]) => xs.map((x) => 1 + xs.filter((y) => cents(y) > cents(x)).length);

/** Every word that belongs to the built-in assessment and to no other. */
const BUILTIN_WORDS = [
  "上海",
  "Shanghai",
  "中心城区",
  "郊区",
  "Central districts",
  "Suburban",
  "网络安全",
  "Cybersecurity",
  "行政区",
  ...DISTRICTS_SHANGHAI.flatMap((d) => [d.id, d.en!]),
];
function expectNoBuiltinWord(text: string, where: string) {
  for (const w of BUILTIN_WORDS) expect(text.includes(w), `${where} contains "${w}"`).toBe(false);
}

const input = (): SourceTable => ({ sheet: "县表", origin: { row: 0, col: 0 }, rows: rows() });

describe("another assessment, through the core", () => {
  const a = assess({ input: input() }, profile, { label: "2024" });
  const s = a.scores!;
  const K = framework.order.length;

  it("scores every level of the four-level framework as worked out by hand", () => {
    expect(a.issues).toEqual([]);
    COUNTIES.forEach((_, i) => expect(s.values[i * K]).toBeCloseTo(composite(i), 10));
    const x11 = framework.index.get("X1.1")!;
    COUNTIES.forEach((_, i) => expect(s.values[i * K + x11]).toBeCloseTo((value(i, 0) + value(i, 1)) / 2, 12));
  });

  it("ranks over all nine and within each of the three regions; means per region", () => {
    const all = COUNTIES.map((_, i) => composite(i));
    expect(COUNTIES.map((_, i) => s.cityRanks[i * K])).toEqual(naiveRanks(all));
    for (const region of ["北部", "南部", "东部"]) {
      const members = COUNTIES.flatMap(([, r], i) => (r === region ? [i] : []));
      expect(members.map((i) => s.regionRanks[i * K])).toEqual(naiveRanks(members.map((i) => all[i])));
      expect(s.averages.get(region)![0]).toBeCloseTo(members.reduce((t, i) => t + all[i], 0) / 3, 10);
    }
    expect([...s.averages.keys()]).toEqual(["city", "北部", "南部", "东部"]);
  });

  it("the ranking sheets speak the assessment's words and no other's", () => {
    const text = reportLayout(s)
      .sheets.flatMap((sh) => [sh.name, ...sh.cells.flat().map((v) => (v === null ? "" : String(v)))])
      .join("\n");
    expectNoBuiltinWord(text, "the ranking layout");
    for (const w of ["全省平均", "位次", "数据质量系数", "北部平均", "2024年数字化指数排名"]) expect(text).toContain(w);
    expect(reportLayout(s).sheets.map((sh) => sh.key)).toEqual(["overall", "level1", "level2", "level3"]);
  });

  it("its messages name a county, its coefficient and its list", () => {
    const bad = rows();
    bad[2][0] = "白纱";
    bad[4][6] = 1.5;
    const r = assess({ input: { ...input(), rows: bad } }, profile);
    const text = r.issues.map((i) => `${i.zh}\n${i.en}`).join("\n");
    expect(r.issues.map((i) => i.code).sort()).toEqual(["coefficient-range", "unknown-district"]);
    expect(text).toContain("未知县「白纱」；是否指「白沙」");
    expect(text).toContain('unknown county "白纱"');
    expect(text).toContain("数据质量系数 1.5 不在 (0, 1] 内");
    expectNoBuiltinWord(text, "the issues");
  });
});

describe("another assessment, through the Excel model and the functions", () => {
  beforeAll(() => void installCustomFunctions());
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it("SCI_Input of nine counties: the model scores it as the profile says; SCI.* answer in its words", async () => {
    vi.resetModules();
    const { FakeExcel } = await import("../fakes/excel");
    const { installEvents } = await import("../browser/fake-events");
    const xl = new FakeExcel();
    xl.addSheet("县表", rows());
    xl.addTable("县表", `A1:G${COUNTIES.length + 1}`, "SCI_Input");
    installEvents(xl);
    (globalThis as Record<string, unknown>).Excel = xl.namespace;
    const model = await import("../../src/excel/model");
    const sciFns = await import("../../src/functions/functions");
    model.useProfile(profile);
    await model.refresh();
    const m = model.getModel();
    expect(m.issues).toEqual([]);
    expect(m.scores!.dataset.districts.map((d) => d.id)).toEqual(COUNTIES.map(([id]) => id));
    COUNTIES.forEach((_, i) => expect(m.scores!.values[i * framework.order.length]).toBeCloseTo(composite(i), 10));

    const shows = async (run: (inv: never) => void) => {
      const c = cell();
      run(c.invocation as never);
      await wait(0);
      return c.last();
    };
    expect(await shows((inv) => sciFns.district("Baisha", null, inv))).toBeCloseTo(composite(1), 10);
    expect(await shows((inv) => sciFns.district("青石", "X1.1", inv))).toBeCloseTo((value(0, 0) + value(0, 1)) / 2, 10);
    const ranks = naiveRanks(COUNTIES.map((_, i) => composite(i)));
    expect(await shows((inv) => sciFns.rank("龙泉", null, null, inv))).toBe(ranks[6]);
    expect(await shows((inv) => sciFns.city(null, "全省", inv))).toBeCloseTo(COUNTIES.reduce((t, _, i) => t + composite(i), 0) / 9, 10);
    const ranking = (await shows((inv) => sciFns.ranking(null, "南部", inv))) as unknown[][];
    expect(ranking.map((r) => r[1]).sort()).toEqual(["云台", "石门", "金湾"].sort());
    const unknown = (await shows((inv) => sciFns.district("白纱", null, inv))) as FakeError;
    expect(unknown).toBeInstanceOf(FakeError);
    expect(unknown.message).toBe("未知县「白纱」；是否指「白沙」");
    const scope = (await shows((inv) => sciFns.city(null, "西部", inv))) as FakeError;
    expectNoBuiltinWord(scope.message ?? "", "a scope error");
    expect(scope.message).toContain("全省、北部、南部、东部");
  });
});

describe("the same counties through the CLI, with --districts and --framework", () => {
  const dir = tempDir();
  const csv = (name: string, table: readonly (readonly unknown[])[]) => {
    const file = join(dir, name);
    writeFileSync(file, table.map((r) => r.join(",")).join("\n") + "\n");
    return file;
  };
  const districts = csv("counties.csv", [["district", "region", "name_en"], ...COUNTIES]);
  const fw = csv("framework.csv", [
    ["code", "level", "no", "parent", "name_zh", "name_en", "weight"],
    ...FRAMEWORK.map((r) => [r.code, "", r.no ?? "", r.parent ?? "", r.nameZh, r.nameEn, r.weight]),
  ]);
  // The CLI's table of the counties: no coefficient column, so the composite is the plain tree.
  const inputs = csv("inputs-2024.csv", [["名称", ...LEAVES], ...COUNTIES.map(([id], i) => [id, ...LEAVES.map((_, j) => value(i, j))])]);

  it("--json: the hand-worked composites, regions keyed as the list writes them, no issue", async () => {
    const ran = await sci(["score", inputs, "--districts", districts, "--framework", fw, "--json"]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const json = JSON.parse(ran.stdout);
    expect(json.issues).toEqual([]);
    expect(json.districts.map((d: { district: string }) => d.district)).toEqual(COUNTIES.map(([id]) => id));
    json.districts.forEach((d: { values: Record<string, number> }, i: number) => expect(d.values.X).toBeCloseTo(composite(i) / coefficientOf(i), 10));
    expect(Object.keys(json.averages)).toEqual(["city", "北部", "南部", "东部"]);
    expectNoBuiltinWord(ran.stdout, "the JSON");
  });

  it("sci audit: every indicator audited, no coefficient choice (there is none), no word of the built-in assessment", async () => {
    const ran = await sci(["audit", inputs, "--districts", districts, "--framework", fw, "--samples", "100", "--json"]);
    expect(ran.code).toBe(0);
    const json = JSON.parse(ran.stdout);
    expect(Object.keys(json.indicators)).toEqual(FRAMEWORK.filter((r) => r.parent).map((r) => r.code));
    expect(json.sobol.factors.map((f: { key: string }) => f.key)).not.toContain("coefficient");
    expectNoBuiltinWord(ran.stdout + ran.stderr, "the audit");
  });

  it("the table and the ranking workbook: no word of the built-in assessment", async () => {
    const out = join(dir, "ranking.xlsx");
    const ran = await sci(["score", inputs, "--districts", districts, "--framework", fw, "--out", out]);
    expect(ran.code).toBe(0);
    expectNoBuiltinWord(ran.stdout + ran.stderr, "the terminal table");
    expect(ran.stdout).toContain("青石 Qingshi");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as never);
    const text: string[] = [];
    wb.eachSheet((ws) => {
      text.push(ws.name);
      ws.eachRow((row) => row.eachCell((c) => void text.push(String(c.value ?? ""))));
    });
    expectNoBuiltinWord(text.join("\n"), "the workbook");
    expect(text).toContain("北部 / 北部");
  });

  it("another assessment's framework without --districts: the names as written, each ranked over all only", async () => {
    // The framework shares no indicator with the built-in one: the built-in districts are not its list.
    const ran = await sci(["score", inputs, "--framework", fw, "--json"]);
    expect(ran.code).toBe(0);
    const json = JSON.parse(ran.stdout);
    expect(json.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
    expect(json.districts.map((d: { district: string; region: string }) => [d.district, d.region])).toEqual(COUNTIES.map(([id]) => [id, ""]));
    // No coefficient column: the plain tree.
    const plainTree = (i: number) => composite(i) / coefficientOf(i);
    const ranks = naiveRanks(COUNTIES.map((_, i) => plainTree(i)));
    json.districts.forEach((d: { values: Record<string, number>; ranks: Record<string, { city: number }> }, i: number) => {
      expect(d.values[framework.root]).toBeCloseTo(plainTree(i), 10);
      expect(d.ranks[framework.root].city).toBe(ranks[i]);
    });
  });
});

describe("another entity list in the workbook: SCI_Districts", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it("the pane's SCI_Districts (prefilled with the built-in list) edited to nine counties replaces the list", async () => {
    vi.resetModules();
    const { FakeExcel } = await import("../fakes/excel");
    const { insertDistrictsTable, districtRows } = await import("../../src/excel/source-templates");
    const xl = new FakeExcel();
    const inserted = await xl.runExcel((ctx) => insertDistrictsTable(ctx));
    expect(inserted.ok).toBe(true);
    expect(districtRows().length).toBe(DISTRICTS_SHANGHAI.length + 1);
    // The evaluator replaces the list with the counties, in a table of their own layout.
    xl.addSheet("名单", [["县", "区域"], ...COUNTIES.map(([id, region]) => [id, region])]);
    await xl.run(async (ctx) => {
      ctx.workbook.tables.getItem("SCI_Districts").delete();
      await ctx.sync();
    });
    xl.addTable("名单", `A1:B${COUNTIES.length + 1}`, "SCI_Districts");
    xl.addSheet("县表", [
      HEADER.slice(0, -1),
      ...rows()
        .slice(1)
        .map((r) => r.slice(0, -1)),
    ]);
    xl.addTable("县表", `A1:F${COUNTIES.length + 1}`, "SCI_Input");
    (globalThis as Record<string, unknown>).Excel = xl.namespace;
    const model = await import("../../src/excel/model");
    // The built-in framework has other indicators: score the counties under theirs.
    model.useProfile({ ...profile, districts: [], regions: [], coefficient: undefined });
    const m = await model.refresh();
    expect(m.issues).toEqual([]);
    expect(m.scores!.dataset.regions.map((r) => r.id)).toEqual(["北部", "南部", "东部"]);
    expect(m.scores!.dataset.words?.entity).toEqual({ zh: "县", en: "county" });
    COUNTIES.forEach((_, i) => expect(m.scores!.values[i * framework.order.length]).toBeCloseTo(composite(i) / coefficientOf(i), 10));
  });
});
