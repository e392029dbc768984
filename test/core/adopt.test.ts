// Reading an evaluator's own table: header below titles, transposed tables, headers written
// every way, ambiguous names, entities by alias and near-misses; then the one validation.
import { adoptInput, adoptedTable, assess, locateAssessment, readGrid, score, validate, withChoices, type Reading } from "../../src/core";
import { shanghai2020 } from "../../src/data";
import { readingOptions } from "../../src/core";
import { expectPublished2020, inputsGrid, transposedGrid, under, type Grid, type Naming } from "./adopt-fixtures";
import { FW, ROSTER, isChineseThenEnglish } from "./fixtures";

const options = (extra = {}) => ({ ...readingOptions(shanghai2020), roster: ROSTER, framework: FW, ...extra });
const read = (grid: Grid, extra = {}) => readGrid(grid, options(extra));

/** Validates and scores what the reading makes of the grid, as the one pipeline would. */
function scoreReading(r: Reading) {
  const { table, locate } = adoptedTable(r);
  const v = validate(table, { framework: FW, roster: ROSTER });
  return { scores: v.dataset && score(v.dataset), issues: locate(v.issues) };
}

describe("readGrid: where the header is", () => {
  it("reads a plain input table as it is: header on the first row, 38 indicators, 16 districts", () => {
    const r = read(inputsGrid());
    expect([r.orientation, r.header, r.entityField]).toEqual(["rows", 0, 0]);
    expect(r.missing).toEqual([]);
    expect(r.entities.map((e) => e.id)).toEqual(
      inputsGrid()
        .slice(1)
        .map((row) => row[0]),
    );
    expect(r.fields.filter((f) => f.role.kind === "indicator")).toHaveLength(38);
    expect(r.fields.map((f) => f.role.kind).filter((k) => k !== "indicator")).toEqual(["entity", "region", "coefficient"]);
    expect(r.issues).toEqual([]);
    expectPublished2020(scoreReading(r).scores!);
  });

  it("skips a title row and notes above a header on row 3, and a note and an average below", () => {
    const grid = under([["2020年各区智慧城市评估数据"], ["注：数据来源于各区上报", "单位：指数"]], inputsGrid("zh"));
    grid.push([null], ["全市", ...Array(grid[2].length - 1).fill(100)], ["注：以上为初步数据"]);
    const r = read(grid, { sheet: "数据", origin: { row: 4, col: 1 } });
    expect([r.orientation, r.header]).toEqual(["rows", 2]);
    expect(r.fields[2].address).toBe("D7"); // origin B5 + two title rows; third column
    expect(r.skipped).toEqual([
      { line: 0, kind: "title" },
      { line: 1, kind: "title" },
      { line: 19, kind: "blank" },
      { line: 20, kind: "aggregate" },
      { line: 21, kind: "note" },
    ]);
    expect(r.entities).toHaveLength(16);
    const { scores, issues } = scoreReading(r);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expectPublished2020(scores!);
  });

  it("a header repeated lower down (a printed table's next page) ties with the first: the top one is the header", () => {
    const g = inputsGrid();
    const grid = [g[0], ...g.slice(1, 11), [...g[0]], ...g.slice(11)];
    const r = read(grid);
    expect([r.orientation, r.header]).toEqual(["rows", 0]);
    expect(r.entities.map((e) => e.id)).toEqual(g.slice(1).map((row) => row[0]));
    expect(r.skipped.map((x) => x.line)).toEqual([11]);
    expectPublished2020(scoreReading(r).scores!);
  });

  it.each(["Average", "AVERAGE", "ＡＶＥＲＡＧＥ", "Mean", "Total", "平 均", "合计"])(
    "an aggregate row written %s is skipped, not read as an entity",
    (word) => {
      const grid = inputsGrid();
      grid.push([word, ...Array(grid[0].length - 1).fill(100)]);
      const r = read(grid);
      expect(r.entities).toHaveLength(16);
      expect(r.entities.map((e) => e.name)).not.toContain(word);
      expect(r.skipped).toEqual([{ line: 17, kind: "aggregate" }]);
    },
  );

  it("recognises a transposed table (indicators as rows, districts as columns) and skips its 全市 column", () => {
    const r = read(transposedGrid());
    expect(r.orientation).toBe("columns");
    expect(r.entities.map((e) => e.name)).toEqual(
      inputsGrid()
        .slice(1)
        .map((row) => row[0]),
    );
    // The 序号 column is the header (numbers name no two indicators alike); the names beside
    // it are a second header line that names the coefficient and region rows.
    expect(r.header).toBe(0);
    expect(r.skipped.map((s) => s.kind)).toEqual(["header", "aggregate"]);
    expect(r.fields.at(-1)).toMatchObject({ header: "网络安全状况系数", role: { kind: "coefficient" }, address: "A41" });
    expect(r.fields[1]).toMatchObject({ header: "区域", role: { kind: "region" }, address: "A2" });
    expect(r.issues.map((i) => [i.code, i.en.includes("全市")])).toEqual([["aggregate-rows", true]]);
    expect(r.missing).toEqual([]);
    expectPublished2020(scoreReading(r).scores!);
  });

  it.each<Naming>(["code", "zh", "en", "number", "name-code", "path"])("maps headers written by %s", (naming) => {
    const r = read(inputsGrid(naming));
    expect(r.missing).toEqual([]);
    const by = r.fields.filter((f) => f.role.kind === "indicator").map((f) => (f.match.status === "role" ? f.match.by : f.match.status));
    const expected = { code: "code", zh: "name", en: "name", number: "number", "name-code": "name-code", path: "path" }[naming];
    // 政务服务, 城市运行, 数字经济, 公共服务 name both a second-level and an input indicator.
    expect(new Set(by)).toEqual(new Set(naming === "zh" ? [expected, "ambiguous"] : [expected]));
    expectPublished2020(scoreReading(r).scores!);
  });

  it("finds no header in a grid that names no indicator, and says so in both languages", () => {
    const r = read(
      [
        ["a", "b"],
        [1, 2],
      ],
      { sheet: "S" },
    );
    expect(r.header).toBe(-1);
    expect(r.issues.map((i) => [i.code, i.cell?.address])).toEqual([["adopt-no-header", "A1"]]);
    expect(isChineseThenEnglish(r.issues[0])).toBe(true);
    expect(adoptedTable(r).table.rows).toEqual([]);
  });
});

describe("readGrid: mapping", () => {
  it("reads a bare ambiguous name as its input indicator in a plain input table, saying so", () => {
    const r = read(inputsGrid("zh"));
    const f = r.fields.find((x) => x.header === "政务服务")!;
    expect([f.role, f.decided]).toEqual([{ kind: "indicator", code: "C2.1" }, "guess"]);
    const w = r.issues.find((i) => i.code === "adopt-ambiguous-header" && i.cell?.address === f.address)!;
    expect(w.zh).toContain("B1");
    expect(w.en).toContain("read as C2.1");
    expect(isChineseThenEnglish(w)).toBe(true);
  });

  it("waits for a choice when the table also has computed columns; the choice resolves it", () => {
    const grid = inputsGrid("zh");
    const c21 = grid[0].indexOf("政务服务");
    grid.forEach((row, i) => row.push(i === 0 ? "智慧应用" : 120)); // a computed first-level column
    const r = read(grid);
    const f = r.fields[c21];
    expect(f.match).toEqual({ status: "ambiguous", choices: ["B1", "C2.1"] });
    expect(f.role).toEqual({ kind: "ignore" });
    expect(r.missing).toEqual(["C2.1", "C2.2", "C2.3", "C2.4"]);
    expect(r.issues.map((i) => i.code).sort()).toEqual([
      "adopt-ambiguous-header",
      "adopt-ambiguous-header",
      "adopt-ambiguous-header",
      "adopt-ambiguous-header",
      "adopt-computed-header",
    ]);
    expect(
      scoreReading(r)
        .issues.map((i) => [i.code, i.indicator])
        .filter(([c]) => c === "missing-column"),
    ).toEqual([
      ["missing-column", "C2.1"],
      ["missing-column", "C2.2"],
      ["missing-column", "C2.3"],
      ["missing-column", "C2.4"],
    ]);
    const chosen = withChoices(r, { fields: { 政务服务: "C2.1", 城市运行: "C2.2", 数字经济: "C2.3", 公共服务: "C2.4" } });
    expect(chosen.fields[c21]).toMatchObject({ role: { kind: "indicator", code: "C2.1" }, decided: "choice" });
    expect(chosen.missing).toEqual([]);
    expectPublished2020(scoreReading(chosen).scores!);
  });

  it("ignores an unknown column with a warning that offers near names", () => {
    const grid = inputsGrid();
    grid.forEach((row, i) => row.push(i === 0 ? "排名" : i));
    const r = read(grid);
    const w = r.issues.find((i) => i.code === "adopt-unknown-header")!;
    expect(w.cell?.address).toBe("AP1");
    expect(isChineseThenEnglish(w)).toBe(true);
    expectPublished2020(scoreReading(r).scores!);
  });

  it("a choice may mark any column as the coefficient, the region or not read", () => {
    const grid = inputsGrid();
    grid[0][grid[0].length - 1] = "系数2020";
    const r = read(grid);
    expect(r.fields.at(-1)!.role).toEqual({ kind: "ignore" });
    const chosen = withChoices(r, { fields: { 系数2020: "coefficient" } });
    expect(chosen.fields.at(-1)!.role).toEqual({ kind: "coefficient" });
    expectPublished2020(scoreReading(chosen).scores!);
    expect(withChoices(r, { fields: { 系数2020: "Z9" } }).fields.at(-1)!.role).toEqual({ kind: "ignore" }); // not a code
  });
});

describe("readGrid: entities", () => {
  it("matches full names, English names, codes, full-width and invisible characters", () => {
    const grid = inputsGrid();
    const names = ["浦东新区", "ＨＵＡＮＧＰＵ", "\u200b静安区\ufeff", "310104", " 长宁 "];
    names.forEach((n, i) => (grid[i + 1][0] = n));
    const r = read(grid);
    expect(r.entities.slice(0, 5).map((e) => [e.status, e.id])).toEqual([
      ["matched", "浦东"],
      ["matched", "黄浦"],
      ["matched", "静安"],
      ["matched", "徐汇"],
      ["matched", "长宁"],
    ]);
    expectPublished2020(scoreReading(r).scores!);
  });

  it("offers the near miss for a misspelt district; one choice corrects it", () => {
    const grid = inputsGrid();
    grid[4][0] = "徐会区";
    const r = read(grid);
    const e = r.entities[3];
    expect([e.status, e.name, e.suggestion, e.address]).toEqual(["unknown", "徐会区", "徐汇", "A5"]);
    const before = scoreReading(r);
    expect(before.scores).toBeUndefined();
    // One issue: the misspelt name, not also the district it stands for as missing.
    expect(before.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell?.address])).toEqual([["unknown-district", "A5"]]);
    const fixed = withChoices(r, { entities: { [e.name]: e.suggestion! } });
    expect(fixed.entities[3]).toMatchObject({ status: "corrected", id: "徐汇" });
    expectPublished2020(scoreReading(fixed).scores!);
  });

  it("names the user's own cell for a broken value in a transposed table", () => {
    const grid = transposedGrid();
    grid[5][4] = "abc"; // row 6 (indicator no. 5), column E (the third district)
    const r = read(grid, { sheet: "报告表" });
    const { scores, issues } = scoreReading(r);
    expect(scores).toBeUndefined();
    const e = issues.find((i) => i.code === "not-a-number")!;
    expect(e.cell).toMatchObject({ sheet: "报告表", address: "E6", row: 5, col: 4 });
    expect(e.zh.startsWith("报告表!E6，")).toBe(true);
    expect(e.en.startsWith("报告表!E6, ")).toBe(true);
    expect(e.district).toBe(grid[0][4]);
  });
});

describe("adoptInput: the evaluator's table through the one pipeline", () => {
  const own = (rows: Grid, sheet = "报告表") => ({ sheet, origin: { row: 3, col: 2 }, rows: rows as unknown[][] });

  it("assesses a transposed table at C4 to the published figures", () => {
    const grid = transposedGrid();
    const adoption = adoptInput({}, own(grid), shanghai2020);
    const a = locateAssessment(assess(adoption.sources, shanghai2020), adoption);
    expect(a.issues.map((i) => i.code)).toEqual(["aggregate-rows"]);
    expectPublished2020(a.scores!);
  });

  it("points the pipeline's issues at the sheet's own cells, the reading's warnings first", () => {
    const grid = transposedGrid();
    grid[5][4] = "abc";
    grid.push([99, "排名", ...grid[0].slice(2, -1).map((_, i) => i + 1)]); // a row SCI does not know
    const adoption = adoptInput({}, own(grid), shanghai2020);
    const a = locateAssessment(assess(adoption.sources, shanghai2020), adoption);
    expect(a.scores).toBeUndefined();
    const e = a.issues.find((i) => i.code === "not-a-number")!;
    expect([e.cell?.address, e.zh.startsWith("报告表!G9，静安，"), e.en.startsWith("报告表!G9, 静安, ")]).toEqual(["G9", true, true]);
    expect(a.issuesOf!.input!.map((i) => [i.code, i.cell?.address])).toEqual([
      ["adopt-unknown-header", "C45"],
      ["aggregate-rows", undefined],
      ["not-a-number", "G9"],
    ]);
    expect(a.issues[0].code).toBe("adopt-unknown-header");
  });
});

describe("adoptInput with another entity list (SCI_Districts / --districts)", () => {
  // Nine made-up counties in three regions, scored on the built-in framework.
  const COUNTIES = [
    ["青石", "北部"],
    ["白沙", "北部"],
    ["红岭", "北部"],
    ["金湾", "南部"],
    ["云台", "南部"],
    ["石门", "南部"],
    ["龙泉", "东部"],
    ["清河", "东部"],
    ["柳溪", "东部"],
  ];
  const districts = { sheet: "名单", origin: { row: 0, col: 0 }, rows: [["district", "region"], ...COUNTIES] };
  const value = (i: number, j: number) => Number((60 + ((i * 29 + j * 7) % 80) + 0.5).toFixed(2));
  const plain = [["district", ...FW.leaves, "coefficient"], ...COUNTIES.map(([id], i) => [id, ...FW.leaves.map((_, j) => value(i, j)), 1 - i * 0.01])];

  it("reads the counties' own transposed table, matches them to the list, and scores as the plain table does", () => {
    // Indicators as rows by Chinese name, counties as columns, a title above, one name misspelt.
    const names = ["指标", ...COUNTIES.map(([id]) => id)];
    names[3] = "红林"; // 红岭
    const own: Grid = [
      ["各县数据"],
      names,
      ...FW.leaves.map((c, j) => [FW.indicators.get(c)!.nameZh, ...COUNTIES.map((_, i) => value(i, j))]),
      ["网络安全状况系数", ...COUNTIES.map((_, i) => 1 - i * 0.01)],
    ];
    const table = { sheet: "县", origin: { row: 0, col: 0 }, rows: own as unknown[][] };
    const first = adoptInput({ districts }, table, shanghai2020);
    expect(first.reading.orientation).toBe("columns");
    const e = first.reading.entities.find((x) => x.status === "unknown")!;
    expect([e.name, e.suggestion]).toEqual(["红林", "红岭"]);
    const fixed = adoptInput({ districts }, table, shanghai2020, { entities: { 红林: "红岭" } });
    const a = locateAssessment(assess(fixed.sources, shanghai2020), fixed);
    const reference = assess({ districts, input: { sheet: "S", origin: { row: 0, col: 0 }, rows: plain } }, shanghai2020);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(reference.scores).toBeDefined();
    expect(a.scores!.dataset.districts.map((d) => [d.id, d.region])).toEqual(COUNTIES);
    expect([...a.scores!.values]).toEqual([...reference.scores!.values]);
    expect([...a.scores!.regionRanks]).toEqual([...reference.scores!.regionRanks]);
  });
});
