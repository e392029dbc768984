// The pane's grouping of issues, on the core's own validation of hand-made tables.
import { issue, validate } from "../../src/core";
import { INPUTS_2020, framework2020, shanghaiRoster } from "../../src/data";
import { groupIssues, suggestionOf } from "../../src/taskpane/issue-groups";
import { nextStep, scoredText } from "../../src/taskpane/flow";
import { langOf } from "../../src/taskpane/lang";
import { modelOf, now2020 } from "./panels";

const check = (rows: unknown[][]) => validate({ sheet: "SCI 输入", rows }, { framework: framework2020, roster: shanghaiRoster }).issues;
const rows2020 = () => INPUTS_2020.map((r) => [...r] as unknown[]);

describe("grouping issues by cause", () => {
  it("a fresh template's 624 empty cells are 16 items, one per district, each from its first cell", () => {
    const rows = rows2020().map((r, i) => (i === 0 ? r : r.map((v, j) => (j < 2 ? v : ""))));
    const issues = check(rows);
    expect(issues).toHaveLength(624);
    const g = groupIssues(issues, shanghaiRoster);
    expect(g).toMatchObject({ errors: 0, warnings: 0, toFill: 624, fillGroups: 16 });
    expect(g.items.map((i) => i.kind === "fill" && [i.district, i.count, i.first.address])).toEqual(
      INPUTS_2020.slice(1).map((r, k) => [r[0], 39, `C${k + 2}`]),
    );
  });

  it("a misspelt district is one issue with its fix; the 'missing' district it causes is not listed", () => {
    const rows = rows2020();
    const row = rows.findIndex((r) => r[0] === "徐汇");
    rows[row][0] = "徐会";
    const issues = check(rows);
    // The core itself no longer reports 徐汇 missing; the pane's grouping would drop it too (below).
    expect(issues.map((i) => i.code)).toEqual(["unknown-district"]);
    const g = groupIssues(issues, shanghaiRoster);
    expect(g.errors).toBe(1);
    expect(g.items).toHaveLength(1);
    const [only] = g.items;
    expect(only.kind === "issue" && [only.issue.code, only.fix]).toEqual([
      "unknown-district",
      { cell: { sheet: "SCI 输入", address: `A${row + 1}` }, text: "徐汇" },
    ]);
  });

  it("a name too far from any district has no fix, and the missing district stays listed", () => {
    const rows = rows2020();
    rows[rows.findIndex((r) => r[0] === "徐汇")][0] = "Atlantis";
    const g = groupIssues(check(rows), shanghaiRoster);
    expect(g.items.map((i) => i.kind === "issue" && [i.issue.code, i.fix])).toEqual([
      ["unknown-district", undefined],
      ["missing-district", undefined],
    ]);
  });

  it("no fix that would duplicate a district: 浦东新区 misspelt beside 浦东 is not 'changed to 浦东'", () => {
    const rows = rows2020();
    rows[rows.findIndex((r) => r[0] === "徐汇")][0] = "某某新区"; // close to 浦东新区, which is there
    const g = groupIssues(check(rows), shanghaiRoster);
    expect(g.items.map((i) => i.kind === "issue" && [i.issue.code, i.fix?.text])).toEqual([
      ["unknown-district", undefined],
      ["missing-district", undefined],
    ]);
  });

  it("a misspelling beside a district really missing: the fix for the misspelling, the other still missing", () => {
    const rows = rows2020();
    rows[rows.findIndex((r) => r[0] === "徐汇")][0] = "徐会";
    rows.splice(
      rows.findIndex((r) => r[0] === "崇明"),
      1,
    );
    const g = groupIssues(check(rows), shanghaiRoster);
    expect(g.items.map((i) => i.kind === "issue" && [i.issue.code, i.issue.district, i.fix?.text])).toEqual([
      ["unknown-district", undefined, "徐汇"],
      ["missing-district", "崇明", undefined],
    ]);
  });

  it("the core's own suggestion, when an issue carries one, is the fix", () => {
    const own = { ...issue("error", "unknown-district", "x", "x", { cell: { sheet: "S", address: "A9", row: 8, col: 0 } }), suggestion: "黄浦" };
    expect(suggestionOf(own, shanghaiRoster)).toBe("黄浦");
    const missing = issue("error", "missing-district", "y", "y", { district: "黄浦", cell: { address: "A18", row: 17, col: 0 } });
    const g = groupIssues([own, missing], shanghaiRoster);
    expect(g.items).toHaveLength(1);
  });

  it("errors first, then the cells to fill, then warnings", () => {
    const rows = rows2020();
    rows[1][5] = ""; // 浦东: one cell to fill
    rows[2][4] = 5000; // 黄浦: a warning
    rows[3][6] = "x"; // 静安: an error
    const g = groupIssues(check(rows), shanghaiRoster);
    expect(g.items.map((i) => (i.kind === "fill" ? "fill" : i.issue.severity))).toEqual(["error", "fill", "warning"]);
  });
});

describe("the next step", () => {
  it("built-in data: insert; errors: fix; clean workbook data: generate", () => {
    expect(nextStep(modelOf(now2020, { source: "builtin", mode: "builtin" }))).toBe("insert");
    expect(nextStep(modelOf(undefined))).toBe("fix");
    expect(nextStep(modelOf(now2020, { mode: "input" }))).toBe("generate");
    // Errors in the framework with the built-in inputs: there is no score, so fix first.
    expect(nextStep(modelOf(undefined, { source: "builtin", mode: "builtin" }))).toBe("fix");
  });

  it("says what will be scored, in each language", () => {
    const builtin = scoredText(modelOf(now2020, { source: "builtin", mode: "builtin" }));
    expect(builtin).toEqual({
      zh: "将评分：内置2020年示例数据（工作簿中还没有您的数据）",
      en: "Scoring: the built-in 2020 example data (the workbook has none of yours yet)",
    });
    expect(scoredText(modelOf(now2020, { mode: "input", tables: { input: { name: "SCI_Input", sheet: "数据" } } })).zh).toBe("将评分：工作表「数据」的数据");
    expect(scoredText(modelOf(now2020), { range: "Sheet1!A1:AO17" }).en).toBe("Scoring: the chosen range Sheet1!A1:AO17");
  });
});

describe("the pane's language", () => {
  it("Chinese for any zh display language, English otherwise", () => {
    expect(["zh", "zh-CN", "zh-TW", "zh-Hant-HK", "ZH-cn"].map(langOf)).toEqual(["zh", "zh", "zh", "zh", "zh"]);
    expect(["en-US", "fr-FR", "ja-JP", "", undefined].map(langOf)).toEqual(["en", "en", "en", "en", "en"]);
  });
});
