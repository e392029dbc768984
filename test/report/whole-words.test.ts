// The whole set's words ("city" and its mean) are the profile's in every generated sheet and in
// the map: the made-up province (test/report/valley.ts) says 全省 / Province, and a list of
// counties scored under the built-in framework says nothing of a city. The workbooks are
// written as the CLI writes them and read back cell by cell.
import type { Workbook } from "exceljs";
import { assess, compare, sensitivity, type Profile, type Scores, type SourceTable } from "../../src/core";
import { comparisonLayout, mapLayout, mapSvg, reportLayout, sensitivityLayout, type ReportLayout } from "../../src/report";
import { layoutWorkbook } from "../../src/cli/write-xlsx";
import { rankingTable } from "../../src/cli/table";
import { DISTRICTS_SHANGHAI, INPUTS_2020, shanghai2020 } from "../../src/data";
import { COUNTIES, valley, valleyRows } from "./valley";

const DATE = "2024-06-30";

/** A table of the given rows, as a sheet holds it from A1. */
const table = (sheet: string, rows: (string | number)[][]): SourceTable => ({ sheet, origin: { row: 0, col: 0 }, rows });

const scored = (sources: Record<string, SourceTable>, profile: Profile, label: string): Scores => {
  const a = assess(sources, profile, { label });
  expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
  return a.scores!;
};

/** Every sheet name and text cell of the workbook the CLI writes for the layout. */
async function texts(layout: ReportLayout): Promise<string> {
  const wb: Workbook = await layoutWorkbook(layout);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && out.push(cell.value))));
  }
  return out.join("\n");
}

/** The three workbooks (ranking, comparison, robustness) of a year and the year before. */
async function workbooks(before: Scores, now: Scores, label: string) {
  const robust = sensitivity(now.dataset, { replications: 20, perturbation: 0.1, seed: 1 }).result!;
  return {
    ranking: await texts(reportLayout(now, label, { date: DATE })),
    comparison: await texts(comparisonLayout(compare(before, now), { date: DATE })),
    robustness: await texts({ title: label, sheets: [sensitivityLayout(robust, now.dataset, label, { date: DATE })] }),
  };
}

/** Squares in a row, one per county: shapes enough for a map. */
const squares = (ids: readonly string[]) => ({
  unitKm: 1,
  width: ids.length * 10,
  height: 10,
  shapes: ids.map((id, i) => ({
    id,
    rings: [
      [
        [i * 10, 0],
        [i * 10 + 10, 0],
        [i * 10 + 10, 10],
        [i * 10, 10],
        [i * 10, 0],
      ] as const,
    ],
  })),
});

describe("the made-up province: 全省 / Province, never 全市 / City", () => {
  const input = (shift: number): Record<string, SourceTable> => ({ input: table("县表", valleyRows(shift)) });
  const before = scored(input(-5), valley, "2023");
  const now = scored(input(0), valley, "2024");

  it("the ranking, comparison and robustness workbooks", async () => {
    const books = await workbooks(before, now, "2024");
    for (const [name, text] of Object.entries(books)) {
      expect(text, name).not.toMatch(/全市|City/);
      expect(text, name).toContain(`；生成于 ${DATE}`);
    }
    // The whole's table and its mean on the ranking; the mean of each year on the comparison.
    expect(books.ranking).toContain("全省 / Province");
    expect(books.ranking).toContain("全省平均");
    expect(books.comparison).toContain("全省平均");
    // Ranks over the whole, in its word.
    expect(books.comparison).toContain("全省排名 / province rank");
    expect(books.robustness).toContain("全省排名 / province rank");
    // Each names its entities as the profile does.
    expect(books.ranking).toContain("县");
    for (const text of [books.comparison, books.robustness]) expect(text).toContain("县 / county");
  });

  it("the map: its subtitle and ranked list", () => {
    const m = mapLayout(now, valley.framework.root, "city", squares(COUNTIES.map(([id]) => id)));
    const svg = mapSvg(m);
    expect(svg).not.toMatch(/全市|City/);
    expect(m.subtitle).toMatch(/^全省 · /);
    expect(svg).toContain("位次（全省）");
  });
});

describe("a list of counties under the built-in framework: no city, no City mean", () => {
  // Nine counties with the first nine districts' 2020 inputs; the list's header names them 县.
  const list = table("名单", [["县", "区域"], ...COUNTIES.map(([id, region]) => [id, region])]);
  const rows = (shift: number) => [
    ["县", ...INPUTS_2020[0].slice(2)],
    ...COUNTIES.map(([id], i) => [id, ...INPUTS_2020[i + 1].slice(2).map((v, j) => (j < 38 && typeof v === "number" ? v + shift : v))]),
  ];
  const before = scored({ districts: list, input: table("输入", rows(-1)) }, shanghai2020, "2019");
  const now = scored({ districts: list, input: table("输入", rows(0)) }, shanghai2020, "2020");

  it("the list's own word for an entity, and the generic whole (总体 / Overall)", () => {
    expect(now.dataset.words).toMatchObject({ entity: { zh: "县", en: "county" }, whole: { zh: "总体", en: "Overall" } });
  });

  it("every workbook and the terminal's table", async () => {
    const books = await workbooks(before, now, "2020");
    // The built-in framework's names say "City" (Smart City Development Index, City operations):
    // they stay; the whole is never called the city.
    for (const [name, text] of Object.entries(books)) expect(text, name).not.toMatch(/全市|City mean|city rank|\/ City$/m);
    expect(books.ranking).toContain("总体 / Overall");
    expect(books.ranking).toContain("总体平均");
    expect(books.comparison).toContain("总体平均");
    expect(books.robustness).toContain("总体排名 / overall rank");
    const table = rankingTable(now);
    expect(table).not.toMatch(/全市|City mean/);
    expect(table).toContain("总体平均 Overall mean");
  });

  it("the built-in list itself, regions edited, keeps the built-in words: 全市 / City", () => {
    const own = table("名单", [["district", "region"], ...DISTRICTS_SHANGHAI.map((d, i) => [d.id, i % 2 ? "北部" : "南部"])]);
    const s = scored({ districts: own }, shanghai2020, "2020");
    expect(s.dataset.words?.whole).toEqual({ zh: "全市", en: "City" });
    expect(rankingTable(s)).toContain("全市平均 City mean");
  });
});
