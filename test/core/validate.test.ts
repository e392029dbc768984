// Validation: every issue kind of issue 2, each naming the cell, district and indicator.
import { round2, score, validate, valueOf, type Issue } from "../../src/core";
import { INPUTS_2020 } from "../../src/data";
import { a1, FW, inputRows, isChineseThenEnglish, ROSTER, validated } from "./fixtures";
import { both } from "./fixtures";

const base = inputRows();
const head = base[0];
const COEF = head.indexOf("coefficient");
const colOf = (code: string) => head.indexOf(code);
const rowOf = (id: string) => base.findIndex((r) => r[0] === id);

/** The 2020 table with one cell replaced. */
function withCell(row: number, col: number, value: unknown): unknown[][] {
  return base.map((r, i) => (i === row ? r.map((v, j) => (j === col ? value : v)) : [...r]));
}

interface Expected {
  severity: "error" | "warning";
  code: string;
  address: string;
  district?: string;
  indicator?: string;
  sheet?: string;
}

/** Exactly one issue with this code; it says where and about whom, Chinese first. */
function expectIssue(issues: Issue[], e: Expected): Issue {
  const hits = issues.filter((i) => i.code === e.code);
  expect(hits, `${e.code} in ${JSON.stringify(issues.map((i) => i.code))}`).toHaveLength(1);
  const it = hits[0];
  expect(it.severity).toBe(e.severity);
  expect(it.cell?.address).toBe(e.address);
  expect(isChineseThenEnglish(it), both(it)).toBe(true);
  const [zh, en] = [it.zh, it.en];
  for (const half of [zh, en]) {
    expect(half, both(it)).toContain(e.sheet ? `${e.sheet}!${e.address}` : e.address);
    if (e.district) expect(half, both(it)).toContain(e.district);
    if (e.indicator) expect(half, both(it)).toContain(e.indicator);
  }
  if (e.district) expect(it.district).toBe(e.district);
  if (e.indicator) expect(it.indicator).toBe(e.indicator);
  return it;
}

describe("the 2020 tables validate cleanly", () => {
  it("inputs.csv (all strings) gives the same dataset as the built-in numbers", () => {
    const fromText = validated(base);
    const fromNumbers = validated(INPUTS_2020);
    expect(fromText.issues).toEqual([]);
    expect(fromNumbers.issues).toEqual([]);
    expect([...fromText.dataset!.inputs]).toEqual([...fromNumbers.dataset!.inputs]);
    expect([...fromText.dataset!.coefficients]).toEqual([...fromNumbers.dataset!.coefficients]);
    expect(fromText.dataset!.districts.map((d) => d.id)).toEqual(base.slice(1).map((r) => r[0]));
    expect(fromText.dataset!.inputs[0]).toBe(120.75);
  });
});

describe("issue kinds", () => {
  it("unknown district, with a suggestion", () => {
    const r = rowOf("静安");
    const { dataset, issues } = validated(withCell(r, 0, "静按"));
    expect(dataset).toBeUndefined();
    const it = expectIssue(issues, { severity: "error", code: "unknown-district", address: a1(r, 0) });
    expect(both(it)).toContain("静按");
    expect(both(it)).toContain("是否指「静安」");
    expect(both(it)).toContain("Jing'an");
    // One issue per cause: the misspelt row already names 静安, so 静安 is not also "missing".
    expect(issues.filter((i) => i.code === "missing-district")).toEqual([]);
    expect(issues).toHaveLength(1);
  });

  it("a row that names no known district and suggests none leaves that district missing", () => {
    const r = rowOf("静安");
    const { issues } = validated(withCell(r, 0, "完全无关之地"));
    expectIssue(issues, { severity: "error", code: "unknown-district", address: a1(r, 0) });
    expectIssue(issues, { severity: "error", code: "missing-district", address: a1(base.length, 0), district: "静安" });
  });

  it("a misspelt name carries the entity it means as a fix, only while that entity has no row", () => {
    const r = rowOf("静安");
    expect(validated(withCell(r, 0, "静按")).issues[0].suggestion).toBe("静安");
    // 静安 twice: the second, misspelt, is no fix for a district already there.
    const both2 = withCell(rowOf("徐汇"), 0, "静按");
    const it = validated(both2).issues.find((i) => i.code === "unknown-district")!;
    expect(it.suggestion).toBeUndefined();
  });

  it("a name holding the old separator keeps both languages whole", () => {
    const r = rowOf("静安");
    const { issues } = validated(withCell(r, 0, "浦东 / 西"));
    const it = issues.find((i) => i.code === "unknown-district")!;
    expect(it.zh).toBe(`${a1(r, 0)}：未知行政区「浦东 / 西」；是否指「浦东」`);
    expect(it.en).toBe(`${a1(r, 0)}: unknown district "浦东 / 西"; did you mean "Pudong" (浦东)`);
  });

  it("duplicate district, under another of its names", () => {
    const r = rowOf("静安");
    const { issues } = validated(withCell(r, 0, "浦东新区"));
    const it = expectIssue(issues, { severity: "error", code: "duplicate-district", address: a1(r, 0), district: "浦东" });
    expect(both(it)).toContain(`第 ${rowOf("浦东") + 1} 行`);
  });

  it("a row with data but no name is an error at its name cell, not skipped", () => {
    const r = rowOf("静安");
    const { dataset, issues } = validated(withCell(r, 0, ""));
    expect(dataset).toBeUndefined();
    const it = expectIssue(issues, { severity: "error", code: "missing-district-name", address: a1(r, 0) });
    expect(it.zh).toContain("名称为空，但该行有数据");
    expect(it.en).toContain("name is empty but the row has data");
    // 静安 has no row left, which is said too.
    expectIssue(issues, { severity: "error", code: "missing-district", address: a1(base.length, 0), district: "静安" });
  });

  it("missing district", () => {
    const rows = base.filter((r) => r[0] !== "崇明");
    const { dataset, issues } = validated(rows);
    expect(dataset).toBeUndefined();
    expectIssue(issues, { severity: "error", code: "missing-district", address: a1(rows.length, 0), district: "崇明" });
  });

  it("a subset is accepted when not every district is expected", () => {
    const rows = base.filter((r) => r[0] !== "崇明");
    const { dataset, issues } = validated(rows, { expectAll: false });
    expect(issues).toEqual([]);
    expect(dataset!.districts).toHaveLength(15);
  });

  it("missing indicator column", () => {
    const c = colOf("B2.3");
    const rows = base.map((r) => r.filter((_, j) => j !== c));
    const { dataset, issues } = validated(rows);
    expect(dataset).toBeUndefined();
    const it = expectIssue(issues, { severity: "error", code: "missing-column", address: a1(0, rows[0].length), indicator: "B2.3" });
    expect(both(it)).toContain("电子警察监控点覆盖率");
  });

  it("unknown extra column is a warning and the data still scores", () => {
    const rows = base.map((r, i) => [...r.slice(0, 3), i === 0 ? "备注" : "note", ...r.slice(3)]);
    const { dataset, issues } = validated(rows);
    expect(dataset).toBeDefined();
    const it = expectIssue(issues, { severity: "warning", code: "unknown-column", address: a1(0, 3) });
    expect(both(it)).toContain("备注");
    expect(issues).toHaveLength(1);
  });

  const cellCases: [string, unknown, string, "error" | "warning"][] = [
    ["empty cell", "", "empty-cell", "error"],
    ["empty cell (null)", null, "empty-cell", "error"],
    ["text", "abc", "not-a-number", "error"],
    // What publishers write for "no data" is missing, as a blank is: UNDP's "..", "n/a", a dash.
    ["missing marker ..", "..", "empty-cell", "error"],
    ["missing marker n/a", "n/a", "empty-cell", "error"],
    ["missing marker —", "—", "empty-cell", "error"],
    ["Excel error #N/A", "#N/A", "excel-error", "error"],
    ["Excel error #DIV/0!", "#DIV/0!", "excel-error", "error"],
    ["Excel error object (exceljs)", { error: "#REF!" }, "excel-error", "error"],
    ["negative", "-5", "negative", "error"],
    ["negative number", -0.01, "negative", "error"],
    ["non-finite Infinity", Infinity, "non-finite", "error"],
    ["non-finite NaN", NaN, "non-finite", "error"],
    ['non-finite "1e400"', "1e400", "non-finite", "error"],
    ['non-finite "-Infinity"', "-Infinity", "non-finite", "error"],
    ["implausibly large", 5000, "implausible", "warning"],
  ];
  it.each(cellCases)("%s", (_, value, code, severity) => {
    // 虹口 (row 7 of the table), B2.3 (column O): cell O8.
    const r = rowOf("虹口");
    const c = colOf("B2.3");
    expect(a1(r, c)).toBe("O8");
    const { dataset, issues } = validated(withCell(r, c, value));
    const it = expectIssue(issues, { severity, code, address: "O8", district: "虹口", indicator: "B2.3" });
    expect(it.cell).toMatchObject({ row: 7, col: 14 });
    if (severity === "error") expect(dataset).toBeUndefined();
    else {
      expect(issues).toHaveLength(1);
      expect(valueOf(score(dataset!), rowOf("虹口") - 1, "B2.3")).toBe(5000);
    }
    if (typeof value === "string" && value) expect(both(it)).toContain(value.startsWith("#") ? value : value.replace(/^-/, "-"));
  });

  it.each([0, 1.2, -1, "0", "1.01"])("coefficient %j is outside (0, 1]", (value) => {
    const r = rowOf("松江");
    const { dataset, issues } = validated(withCell(r, COEF, value));
    expect(dataset).toBeUndefined();
    const it = expectIssue(issues, { severity: "error", code: "coefficient-range", address: a1(r, COEF), district: "松江" });
    expect(both(it)).toContain("(0, 1]");
    expect(a1(r, COEF)).toBe("AO14");
  });

  it("coefficient 1 and 0.5 are inside", () => {
    for (const v of [1, "0.5"]) expect(validated(withCell(rowOf("松江"), COEF, v)).issues).toEqual([]);
  });

  it("missing coefficient column: a warning, and 1.00 is used", () => {
    const rows = base.map((r) => r.slice(0, COEF));
    const { dataset, issues } = validated(rows);
    expectIssue(issues, { severity: "warning", code: "missing-coefficient-column", address: a1(0, COEF) });
    expect(issues).toHaveLength(1);
    expect([...dataset!.coefficients]).toEqual(Array(16).fill(1));
    // 黄浦's coefficient is 0.98; without it the composite is the bare weighted sum.
    const s = score(dataset!);
    const hp = rowOf("黄浦") - 1;
    expect(valueOf(s, hp, "SCI")).toBeCloseTo(valueOf(s, hp, "A") / 5 + valueOf(s, hp, "B") / 2 + (3 * valueOf(s, hp, "C")) / 10, 10);
  });

  it("districts may be written by full name, English name or code (a number cell too)", () => {
    let rows = withCell(rowOf("浦东"), 0, 310115);
    rows = rows.map((r, i) => (i === rowOf("静安") ? ["Jing'an", ...r.slice(1)] : i === rowOf("黄浦") ? ["黄浦区", ...r.slice(1)] : r));
    const { dataset, issues } = validated(rows);
    expect(issues).toEqual([]);
    expect(dataset!.districts.map((d) => d.id)).toEqual(base.slice(1).map((r) => r[0]));
  });

  it("a region that disagrees with the district's own is a warning; the district's region is used", () => {
    const r = rowOf("浦东");
    const { dataset, issues } = validated(withCell(r, 1, "郊区"));
    const it = expectIssue(issues, { severity: "warning", code: "region-mismatch", address: a1(r, 1), district: "浦东" });
    expect(both(it)).toContain("中心城区");
    expect(it.zh).toContain("区域「郊区」");
    expect(it.en).toContain(`region "郊区"`);
    expect(dataset!.districts[0].region).toBe("central");
  });

  it("every bad cell of a table is reported, not only the first", () => {
    let rows = withCell(1, 2, "x");
    rows = rows.map((r, i) => (i === 16 ? r.map((v, j) => (j === 39 ? "#N/A" : v)) : r));
    const { issues } = validated(rows);
    expect(issues.map((i) => [i.code, i.cell?.address])).toEqual([
      ["not-a-number", "C2"],
      ["excel-error", "AN17"],
    ]);
  });
});

describe("headers", () => {
  /** The 2020 table with its indicator headers rewritten. */
  const relabel = (f: (code: string) => string | number) => [base[0].map((h, j) => (j >= 2 && j < COEF ? f(h) : h)), ...base.slice(1)];
  const ind = (c: string) => FW.indicators.get(c)!;
  const expected = validated(base).dataset!.inputs;

  it.each<[string, (c: string) => string | number]>([
    ["code", (c) => c],
    ["report number (text)", (c) => String(ind(c).no)],
    ["report number (number)", (c) => ind(c).no!],
    ["Chinese name", (c) => ind(c).nameZh],
    ["English name", (c) => ind(c).nameEn],
    ["name (code)", (c) => `${ind(c).nameZh} (${c})`],
    ["name（code）full-width", (c) => `${ind(c).nameZh}（${c}）`],
    ["code name", (c) => `${c} ${ind(c).nameZh}`],
  ])("indicator headers by %s", (_, f) => {
    const { dataset, issues } = validated(relabel(f));
    expect(issues).toEqual([]);
    expect([...dataset!.inputs]).toEqual([...expected]);
  });

  it("行政区 / 区域 / 网络安全状况系数 headers, and shuffled columns", () => {
    const names = { district: "行政区", region: "区域", coefficient: "网络安全状况系数" } as Record<string, string>;
    const order = [...base[0].keys()].reverse();
    const rows = base.map((r, i) => order.map((j) => (i === 0 ? (names[r[j]] ?? r[j]) : r[j])));
    const { dataset, issues } = validated(rows);
    expect(issues).toEqual([]);
    expect([...dataset!.inputs]).toEqual([...expected]);
    expect([...dataset!.coefficients]).toEqual([...validated(base).dataset!.coefficients]);
  });

  it("a duplicated indicator column is an error naming both cells", () => {
    const rows = base.map((r) => [...r, r[colOf("A2.3")]]);
    const it = expectIssue(validated(rows).issues, { severity: "error", code: "duplicate-column", address: a1(0, COEF + 1), indicator: "A2.3" });
    expect(both(it)).toContain(a1(0, colOf("A2.3")));
  });

  it("a computed indicator's column is ignored with a warning", () => {
    const rows = base.map((r, i) => [...r, i === 0 ? "B2" : "1"]);
    const { dataset, issues } = validated(rows);
    expect(dataset).toBeDefined();
    expectIssue(issues, { severity: "warning", code: "computed-column", address: a1(0, COEF + 1), indicator: "B2" });
    expect(issues).toHaveLength(1);
    // The column of 1s is not read: B2 is computed from B2.1…B2.7, and every composite is the
    // published one (浦东 133.41, 崇明 87.31), not what a B2 of 1 would make of it.
    const s = score(dataset!);
    expect(round2(valueOf(s, rowOf("浦东") - 1, "SCI"))).toBe(133.41);
    expect(round2(valueOf(s, rowOf("崇明") - 1, "SCI"))).toBe(87.31);
    expect(valueOf(s, rowOf("浦东") - 1, "B2")).not.toBe(1);
  });
});

describe("where messages point", () => {
  it("blank rows are skipped, and later rows keep their own addresses", () => {
    const blank = [Array(head.length).fill(""), [], [null, undefined, "  "]];
    const rows = [base[0], ...blank, ...base.slice(1)];
    const clean = validated(rows);
    expect(clean.issues).toEqual([]);
    expect([...clean.dataset!.inputs]).toEqual([...validated(base).dataset!.inputs]);
    // 浦东 is now on table row 4 (zero-based): its A2.1 is D5.
    rows[4] = rows[4].map((v, j) => (j === colOf("A2.1") ? "?" : v));
    expectIssue(validated(rows).issues, { severity: "error", code: "not-a-number", address: "D5", district: "浦东", indicator: "A2.1" });
  });

  it("an origin offset shifts every address", () => {
    const rows = withCell(1, colOf("A2.1"), "?");
    const { issues } = validate({ rows, origin: { row: 2, col: 1 } }, { framework: FW, roster: ROSTER });
    // Table row 1, column 3 → sheet row 3, column 4: E4.
    const it = expectIssue(issues, { severity: "error", code: "not-a-number", address: a1(1 + 2, colOf("A2.1") + 1), district: "浦东", indicator: "A2.1" });
    expect(it.cell?.address).toBe("E4");
    expect(it.cell).toMatchObject({ row: 3, col: 4 });
  });

  it("the sheet name appears in messages and cells", () => {
    const rows = withCell(rowOf("崇明"), COEF, 2);
    const { issues } = validate({ rows, sheet: "SCI_Input" }, { framework: FW, roster: ROSTER });
    const it = expectIssue(issues, { severity: "error", code: "coefficient-range", address: "AO17", district: "崇明", sheet: "SCI_Input" });
    expect(it.cell?.sheet).toBe("SCI_Input");
  });

  it("an empty table is one error, not a throw", () => {
    for (const rows of [[], [[]], [["", null]]]) {
      const { dataset, issues } = validated(rows);
      expect(dataset).toBeUndefined();
      expect(issues.map((i) => i.code)).toEqual(["empty-table"]);
    }
  });

  it("without a roster any name is an entity, and the region column is optional (no region: ranked over all only)", () => {
    const rows = base.map((r) => [...r]);
    const { dataset, issues } = validate({ rows }, { framework: FW });
    expect(issues).toEqual([]);
    expect(dataset!.districts.map((d) => d.region)).toEqual(base.slice(1).map((r) => r[1]));
    const noRegion = validate({ rows: rows.map((r) => r.filter((_, j) => j !== 1)) }, { framework: FW });
    expect(noRegion.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(noRegion.dataset!.districts.map((d) => d.region)).toEqual(base.slice(1).map(() => ""));
    expect(noRegion.dataset!.regions).toEqual([]);
  });
});
