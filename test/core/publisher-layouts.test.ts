// Publishers' layouts read by the one reading (readGrid): headers over several rows, group and
// note rows, footnote columns, aggregates, long exports, and the user's own entity list.
import { buildFramework, frameworkSkeleton, readGrid, Roster, validate, type Framework } from "../../src/core";

const FW: Framework = buildFramework([
  { code: "IDX", nameZh: "指数", nameEn: "Index", weight: 1 },
  { code: "LE", parent: "IDX", nameZh: "预期寿命", nameEn: "Life expectancy at birth", weight: "1/3" },
  { code: "EYS", parent: "IDX", nameZh: "预期受教育年限", nameEn: "Expected years of schooling", weight: "1/3" },
  { code: "GNI", parent: "IDX", nameZh: "人均收入", nameEn: "Gross national income (GNI) per capita", weight: "1/3" },
]).framework!;

// Table 1's shape: a title, names over units over a row of years and footnote letters, a group
// row, footnote columns beside the values, "..", aggregates and notes at the bottom.
const TABLE_1 = [
  ["Table 1. Index and its components"],
  [],
  [null, null, "Index", null, "Life expectancy at birth", null, "Expected years of schooling", null, "Gross national income (GNI) per capita"],
  ["Rank", "Country", "Value", null, "(years)", null, "(years)", null, "(2017 PPP $)"],
  [null, null, 2021, null, 2021, null, 2021, "a", 2021],
  [null, "VERY HIGH HUMAN DEVELOPMENT"],
  [1, "Alpha", 0.9, null, 80, null, 16, "c", 50000],
  [2, "Beta", 0.8, null, 75, null, 14, null, 30000],
  [null, "Gamma", "..", null, 70, null, "..", null, 1000],
  [],
  [null, "Regions"],
  [null, "Arab States", 0.7, null, 72, null, 12, null, 14000],
  [null, "World", 0.73, null, 72.8, null, 12.8, null, 16700],
  [],
  [null, "a. Data refer to 2019."],
];

describe("a statistical annex table as published", () => {
  const r = readGrid(TABLE_1, { framework: FW, sheet: "Table 1" });

  it("finds the header under the title, skips the units, the years row and the group row", () => {
    expect(r.header).toBe(2);
    expect(r.fields.filter((f) => f.role.kind === "indicator").map((f) => [f.role.kind === "indicator" && f.role.code, f.address])).toEqual([
      ["LE", "E3"],
      ["EYS", "G3"],
      ["GNI", "I3"],
    ]);
    expect(r.entities.map((e) => e.name)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(r.skipped.filter((s) => s.line > 2 && s.line < 6).map((s) => s.kind)).toEqual(["header", "header", "note"]);
  });

  it("leaves aggregates out with one note naming them; notes below are no entity", () => {
    const notes = r.issues.filter((i) => i.code === "aggregate-rows");
    expect(notes.length).toBe(1);
    expect(notes[0].en).toContain("Arab States, World");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("keeps the publisher's own composite column to check against", () => {
    expect(r.published).toEqual([{ code: "IDX", index: 2 }]);
  });

  it('reads ".." as missing: an error unless the framework\'s coverage rules expect gaps', () => {
    // The reading hands the cells on as they are; validation decides.
    const gamma = r.entities.find((e) => e.name === "Gamma")!;
    expect(r.lines[gamma.line][6]).toBe("..");
  });
});

describe("the user's own entity list", () => {
  it("a row it does not name is left out with one note; a near miss stays, with its correction", () => {
    const roster = new Roster([
      { id: "Alpha", region: "" },
      { id: "Beta", region: "" },
    ]);
    const grid = [
      ["Country", "Life expectancy at birth", "Expected years of schooling", "Gross national income (GNI) per capita"],
      ["Alpha", 80, 16, 5e4],
      ["Betta", 75, 14, 3e4],
      ["Zimbabwe", 60, 9, 2e3],
      ["Omega", 61, 8, 2e3],
    ];
    const r = readGrid(grid, { framework: FW, roster, listed: true });
    expect(r.entities.map((e) => [e.name, e.status, e.suggestion])).toEqual([
      ["Alpha", "matched", undefined],
      ["Betta", "unknown", "Beta"],
    ]);
    const note = r.issues.filter((i) => i.code === "rows-not-listed");
    expect(note.map((i) => i.en)).toEqual(["2 rows are not in the entity list and not scored: Zimbabwe, Omega"]);
  });

  it("an input table without a region column ranks every entity over all only", () => {
    const v = validate(
      {
        rows: [
          ["district", "LE", "EYS", "GNI"],
          ["Alpha", 80, 16, 5e4],
          ["Beta", 75, 14, 3e4],
        ],
      },
      { framework: FW, coefficient: null, plausibleMax: Infinity },
    );
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.dataset!.districts.map((d) => d.region)).toEqual(["", ""]);
  });
});

describe("long exports (OECD.Stat, SDMX)", () => {
  const HEAD = ["LOCATION", "Country", "INDICATOR", "Indicator", "INEQUALITY", "Value", "Flag Codes"];
  const LONG = [
    HEAD,
    ["AAA", "Alpha", "LE", "Life expectancy", "TOT", 80, ""],
    ["AAA", "Alpha", "LE", "Life expectancy", "MN", 78, "E"],
    ["AAA", "Alpha", "EYS", "Years", "TOT", 16, ""],
    ["AAA", "Alpha", "GNI", "Income", "TOT", 50000, ""],
    ["BBB", "Beta", "LE", "Life expectancy", "TOT", 75, ""],
    ["BBB", "Beta", "EYS", "Years", "TOT", 14, ""],
    ["BBB", "Beta", "EYS", "Years", "WMN", 15, ""],
    ["BBB", "Beta", "GNI", "Income", "TOT", 30000, ""],
    ["OTO", "OECD - Total", "LE", "Life expectancy", "TOT", 79, ""],
    ["OTO", "OECD - Total", "EYS", "Years", "TOT", 15, ""],
    ["OTO", "OECD - Total", "GNI", "Income", "TOT", 40000, ""],
  ];

  it("pivots to one row per entity, the key column resolved to its total member, the aggregate left out", () => {
    const r = readGrid(LONG, { framework: FW, sheet: "bli.csv" });
    expect(r.long).toBe(true);
    expect(r.entities.map((e) => e.name)).toEqual(["Alpha", "Beta"]);
    const row = (name: string) => r.lines[r.entities.find((e) => e.name === name)!.line];
    const col = (code: string) => r.fields.findIndex((f) => f.role.kind === "indicator" && f.role.code === code);
    expect(["LE", "EYS", "GNI"].map((c) => row("Beta")[col(c)])).toEqual([75, 14, 30000]);
    expect(["LE", "EYS", "GNI"].map((c) => row("Alpha")[col(c)])).toEqual([80, 16, 50000]);
    const note = r.issues.find((i) => i.code === "long-format")!;
    expect(note.en).toContain("INEQUALITY = TOT");
    expect(note.en).toContain('entity column "Country"');
    expect(r.issues.find((i) => i.code === "aggregate-rows")!.en).toContain("OECD - Total");
  });

  it("no total member to take: one error listing the members and saying how to choose", () => {
    const noTotal = LONG.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 4 ? (v === "TOT" ? "X1" : "X2") : v))));
    const r = readGrid(noTotal, { framework: FW, sheet: "bli.csv" });
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => i.code)).toEqual(["long-format-members"]);
    expect(errors[0].en).toContain("INEQUALITY: X1, X2");
    expect(errors[0].en).toContain("filter it to one member");
  });
});

describe("a framework skeleton from a newcomer's data", () => {
  it("every numeric column a leaf under one root, equal weights, named by its longest header text", () => {
    const { rows, leaves } = frameworkSkeleton(TABLE_1);
    expect(leaves).toBe(5); // Rank, Index, and the three components
    expect(rows.slice(2).map((r) => [r[0], r[5], r[6]])).toEqual([
      ["Rank", "Rank", "1/5"],
      ["Index", "Index", "1/5"],
      ["X3", "Life expectancy at birth", "1/5"],
      ["X4", "Expected years of schooling", "1/5"],
      ["X5", "Gross national income (GNI) per capita", "1/5"],
    ]);
    expect(rows[1].slice(0, 4)).toEqual(["INDEX", 0, null, null]);
  });
});

describe("a column of small integers is no header", () => {
  it("a framework with report numbers still reads a table whose values repeat those numbers as rows", () => {
    const numbered = buildFramework([
      { code: "IDX", nameZh: "指数", nameEn: "Index", weight: 1 },
      { code: "LE", parent: "IDX", no: 1, nameZh: "预期寿命", nameEn: "Life expectancy at birth", weight: "1/3" },
      { code: "EYS", parent: "IDX", no: 2, nameZh: "预期受教育年限", nameEn: "Expected years of schooling", weight: "1/3" },
      { code: "GNI", parent: "IDX", no: 3, nameZh: "人均收入", nameEn: "Gross national income (GNI) per capita", weight: "1/3" },
    ]).framework!;
    // The rank column holds 1, 2, 3, then 1, 2, 3 again: a line that names an indicator twice by
    // number is values, not a header (it read as a transposed header before).
    const grid = [
      ["Country", "Rank", "Life expectancy at birth", "Expected years of schooling", "Gross national income (GNI) per capita"],
      ["Alpha", 1, 80, 16, 5e4],
      ["Beta", 2, 75, 14, 3e4],
      ["Gamma", 3, 70, 12, 1e4],
      ["Delta", 1, 81, 17, 6e4],
      ["Epsilon", 2, 76, 13, 2e4],
      ["Zeta", 3, 71, 11, 9e3],
    ];
    const r = readGrid(grid, { framework: numbered });
    expect([r.orientation, r.header]).toEqual(["rows", 0]);
    expect(r.entities.map((e) => e.name)).toEqual(["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]);
  });
});
