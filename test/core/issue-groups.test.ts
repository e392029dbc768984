// The grouping the pane and the CLI share: a district's empty cells as one item, with the
// cells it covers written as ranges.
import { cellRanges, groupIssues, type Issue } from "../../src/core";

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
