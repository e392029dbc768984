// The grouping the pane and the CLI share: a district's empty cells as one item, with the
// cells it covers written as ranges.
import { causeOf, cellRanges, clusterItems, groupIssues, type Issue } from "../../src/core";

const empty = (address: string, district: string): Issue => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((c, ch) => c * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return {
    severity: "error",
    code: "empty-cell",
    zh: `${address}：指标值为空`,
    en: `${address}: value is empty`,
    district,
    cell: { sheet: "x.csv", address, row: Number(m[2]) - 1, col },
  };
};

describe("cellRanges", () => {
  it("joins runs along a row, keeps gaps, and stops after six ranges", () => {
    expect(cellRanges(["C2", "D2", "E2", "G2", "C3"].map((address) => ({ address })))).toBe("C2:E2, G2, C3");
    expect(cellRanges(["Z5", "AA5", "AB5"].map((address) => ({ address })))).toBe("Z5:AB5");
    expect(cellRanges(["A1", "C1", "E1", "G1", "I1", "K1", "M1"].map((address) => ({ address })))).toBe("A1, C1, E1, G1, I1, K1, …");
  });
});

describe("groupIssues without a roster (the CLI)", () => {
  it("one fill item per district, after the other errors, covering its cells", () => {
    const issues: Issue[] = [
      empty("C2", "浦东"),
      empty("D2", "浦东"),
      empty("C3", "黄浦"),
      { severity: "error", code: "negative", zh: "E9：为负", en: "E9: negative", cell: { address: "E9", row: 8, col: 4 } },
    ];
    const g = groupIssues(issues);
    expect(g.items.map((i) => (i.kind === "fill" ? [i.district, i.count, cellRanges(i.cells)] : [i.issue.code]))).toEqual([
      ["negative"],
      ["浦东", 2, "C2:D2"],
      ["黄浦", 1, "C3"],
    ]);
    expect([g.errors, g.toFill, g.fillGroups]).toEqual([1, 3, 2]);
  });
});

describe("clusterItems: one entry per cause and column", () => {
  const bad = (address: string, district: string, text = "-", severity: Issue["severity"] = "error"): Issue => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    return {
      severity,
      code: "not-a-number",
      zh: `数据!${address}，${district}：「${text}」不是数字`,
      en: `数据!${address}, ${district}: "${text}" is not a number`,
      district,
      indicator: m[1] === "C" ? "A1.1" : "A2.1",
      cell: { sheet: "数据", address, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 },
    };
  };

  it("a column of dashes is one entry; a cell alone in its column stays itself", () => {
    const issues = [bad("C2", "浦东"), bad("C3", "黄浦"), bad("C4", "徐汇", "—"), bad("D2", "浦东")];
    const entries = clusterItems(groupIssues(issues).items);
    expect(
      entries.map((e) => (e.kind === "cluster" ? `${e.sheet}!${e.column} ×${e.items.length} ${e.indicator}` : e.kind === "issue" ? e.issue.cell!.address : "")),
    ).toEqual(["数据!C ×3 A1.1", "D2"]);
  });

  it("errors and warnings of one column are two causes; every district's cells to fill are one entry", () => {
    const fill = (address: string, district: string): Issue => ({
      ...bad(address, district),
      code: "empty-cell",
      zh: `数据!${address}：指标值为空`,
      en: "empty",
    });
    const issues = [
      bad("C2", "浦东"),
      bad("C3", "黄浦", "9999", "warning"),
      bad("C4", "徐汇", "x", "warning"),
      fill("D2", "浦东"),
      fill("E2", "浦东"),
      fill("D3", "黄浦"),
    ];
    const entries = clusterItems(groupIssues(issues).items);
    expect(entries.map((e) => (e.kind === "cluster" ? `${e.severity} ×${e.items.length}` : e.kind))).toEqual(["issue", "fill ×2", "warning ×2"]);
  });

  it("a misspelt district with its fix is never folded into a group", () => {
    const typo = (address: string, name: string, suggestion: string): Issue => ({
      severity: "error",
      code: "unknown-district",
      zh: `数据!${address}：未知行政区「${name}」`,
      en: `unknown "${name}"`,
      suggestion,
      cell: { sheet: "数据", address, row: 1, col: 0 },
    });
    const entries = clusterItems(groupIssues([typo("A2", "徐会", "徐汇"), typo("A3", "黄埔", "黄浦")]).items);
    expect(entries.map((e) => e.kind)).toEqual(["issue", "issue"]);
  });

  it("causeOf: what a message says after its place", () => {
    expect(causeOf("数据!C2，浦东，A1.1 5G建设应用：「-」不是数字")).toBe("「-」不是数字");
    expect(causeOf('数据!C2, 浦东: "-" is not a number')).toBe('"-" is not a number');
    expect(causeOf("没有地点")).toBe("没有地点");
  });
});
