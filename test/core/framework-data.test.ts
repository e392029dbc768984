// Frameworks as data (issue 6): an evaluator's edited framework.csv, scored; results that
// follow from the weights alone, and every way an edit can break the tree.
import { frameworkFromTable, frameworkTable, rankOf, scoreWithFramework, valueOf, type Issue } from "../../src/core";
import { reportLayout } from "../../src/report";
import { FRAMEWORK_2020 } from "../../src/data";
import { FW, inputRows, isChineseThenEnglish, readFixture, ROSTER, scores2020 } from "./fixtures";
import { both } from "./fixtures";

const CSV = readFixture("framework.csv");
const HEAD = CSV[0];
const c = (name: string) => HEAD.indexOf(name);
const base = scores2020();
const N = base.dataset.districts.length;

/** framework.csv with edits: drop codes (and their subtrees), set weights, add rows. */
function edited(opts: { drop?: string[]; weights?: Record<string, string>; add?: string[][] } = {}): string[][] {
  const dropped = new Set(opts.drop ?? []);
  const under = (code: string): boolean => {
    const row = CSV.find((r) => r[0] === code);
    return dropped.has(code) || (!!row && row[c("parent")] !== "" && under(row[c("parent")]));
  };
  const body = CSV.slice(1)
    .filter((r) => !under(r[0]))
    .map((r) => (opts.weights?.[r[0]] !== undefined ? r.map((v, k) => (k === c("weight") ? opts.weights![r[0]] : v)) : r));
  return [HEAD, ...body, ...(opts.add ?? [])];
}

function scoreWith(framework: string[][], input = inputRows()) {
  return scoreWithFramework({ sheet: "framework.csv", rows: framework }, { sheet: "inputs.csv", rows: input }, { roster: ROSTER });
}
const each = <T>(f: (i: number) => T): T[] => Array.from({ length: N }, (_, i) => f(i));

describe("scoring with an edited framework", () => {
  it("framework.csv unedited gives the built-in scores exactly", () => {
    const r = scoreWith(edited());
    expect(r.issues).toEqual([]);
    expect([...r.scores!.values]).toEqual([...base.values]);
  });

  it("all composite weight on A (B and C dropped): SCI = A × coefficient for every district", () => {
    const r = scoreWith(edited({ drop: ["B", "C"], weights: { A: "1" } }));
    expect(r.scores).toBeDefined();
    // The B and C input columns are no longer indicators: warnings, not errors.
    expect(new Set(r.issues.map((i) => `${i.severity} ${i.code}`))).toEqual(new Set(["warning unknown-column"]));
    expect(r.issues).toHaveLength(23 + 9); // the input columns of B and C
    each((i) => expect(valueOf(r.scores!, i, "SCI")).toBeCloseTo(valueOf(base, i, "A") * base.dataset.coefficients[i], 10));
    // Published A × coefficient: 虹口 141.74 × 0.99 = 140.32 leads 黄浦 135.76 × 0.98 = 133.04.
    const first = each((i) => i).filter((i) => rankOf(r.scores!, i, "SCI", "city") === 1);
    expect(first.map((i) => r.scores!.dataset.districts[i].id)).toEqual(["虹口"]);
  });

  it("C dropped, A and B renormalised to 2/7 and 5/7: SCI = (2A + 5B) / 7 × coefficient", () => {
    const r = scoreWith(edited({ drop: ["C"], weights: { A: "2/7", B: "5/7" } }));
    expect(r.scores).toBeDefined();
    each((i) => {
      const want = ((2 * valueOf(base, i, "A") + 5 * valueOf(base, i, "B")) / 7) * base.dataset.coefficients[i];
      expect(valueOf(r.scores!, i, "SCI")).toBeCloseTo(want, 10);
    });
  });

  it("weights as percentages and decimals: 20%, 0.5, 30% is the 2020 framework", () => {
    const r = scoreWith(edited({ weights: { A: "20%", B: "0.5", C: "30%", A1: "0.225", A2: "52.5%", A3: "25%" } }));
    expect(r.issues).toEqual([]);
    r.scores!.values.forEach((v, k) => expect(v).toBeCloseTo(base.values[k], 10));
  });

  it("a new indicator C3.4 under C3, weights 1/4 each: C3 is the mean of its four inputs", () => {
    const fw = edited({
      weights: { "C3.1": "1/4", "C3.2": "1/4", "C3.3": "1/4" },
      add: [["C3.4", "3", "39", "C3", "数字孪生", "Digital twins", "1/4"]],
    });
    const newValues = [120, 80, 100, 90, 110, 100, 95, 105, 130, 70, 100, 100, 85, 115, 60, 140];
    const input = inputRows().map((r, i) => [...r, i === 0 ? "C3.4" : String(newValues[i - 1])]);
    const r = scoreWith(fw, input);
    expect(r.issues).toEqual([]);
    expect(r.framework!.leaves).toHaveLength(39);
    expect(r.framework!.indicators.get("C3.4")!.level).toBe(3);
    each((i) => {
      const want = (valueOf(base, i, "C3.1") + valueOf(base, i, "C3.2") + valueOf(base, i, "C3.3") + newValues[i]) / 4;
      expect(valueOf(r.scores!, i, "C3")).toBeCloseTo(want, 10);
      // C3 weighs 1/3 in C, C 3/10 in SCI: SCI moves by 0.1 × (new C3 − old C3) × coefficient.
      const dSci = 0.1 * (want - valueOf(base, i, "C3")) * base.dataset.coefficients[i];
      expect(valueOf(r.scores!, i, "SCI") - valueOf(base, i, "SCI")).toBeCloseTo(dSci, 10);
    });
  });

  it("a new indicator without its input column: one error naming the indicator in both languages", () => {
    const r = scoreWith(
      edited({ weights: { "C3.1": "1/4", "C3.2": "1/4", "C3.3": "1/4" }, add: [["C3.4", "3", "39", "C3", "数字孪生", "Digital twins", "1/4"]] }),
    );
    expect(r.framework).toBeDefined();
    expect(r.scores).toBeUndefined();
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.indicator])).toEqual([["missing-column", "C3.4"]]);
    expect(both(errors[0])).toContain("数字孪生");
    expect(both(errors[0])).toContain("Digital twins");
    expect(both(errors[0])).toContain("inputs.csv!AP1"); // the first column after the 41 (A–AO) of inputs.csv
    expect(isChineseThenEnglish(errors[0])).toBe(true);
  });

  it("a fourth level: C3.3 split into C3.3.1 and C3.3.2; its own column is then computed", () => {
    const fw = edited({
      add: [
        ["C3.3.1", "4", "39", "C3.3", "线上宣传", "Online outreach", "1/2"],
        ["C3.3.2", "4", "40", "C3.3", "线下体验", "On-site experience", "1/2"],
      ],
    });
    // The halves are C3.3 ± 10, so C3.3 = their mean is the 2020 value.
    const at = inputRows()[0].indexOf("C3.3");
    const input = inputRows().map((r, i) => [...r, i === 0 ? "C3.3.1" : String(Number(r[at]) + 10), i === 0 ? "C3.3.2" : String(Number(r[at]) - 10)]);
    const r = scoreWith(fw, input);
    expect(r.issues.map((i) => i.code)).toEqual(["computed-column"]);
    for (const code of FW.order) each((i) => expect(valueOf(r.scores!, i, code), `${code} ${i}`).toBeCloseTo(valueOf(base, i, code), 10));
    const layout = reportLayout(r.scores!, "2020");
    expect(layout.sheets.map((s) => s.key)).toEqual(["overall", "level1", "level2", "level3", "level4"]);
  });
});

describe("every way an edited framework can be wrong is an issue", () => {
  const problems = (rows: string[][]): Issue[] => {
    const r = frameworkFromTable({ sheet: "SCI_Framework", rows });
    expect(r.framework).toBeUndefined();
    for (const i of r.issues) expect(isChineseThenEnglish(i), both(i)).toBe(true);
    return r.issues;
  };
  const codes = (rows: string[][]) => problems(rows).map((i) => i.code);

  it("sibling weights that do not sum to 1 (A raised to 1/4): the message gives the sum", () => {
    const i = problems(edited({ weights: { A: "1/4" } }));
    expect(i.map((x) => [x.code, x.indicator])).toEqual([["framework-weights", "SCI"]]);
    expect(both(i[0])).toContain("1.05");
  });

  it("a duplicate code names its row", () => {
    const i = problems(edited({ add: [["B2.3", "3", "", "B2", "重复", "Duplicate", "0"]] }));
    expect(i[0].code).toBe("framework-duplicate-code");
    expect(i[0].cell!.address).toBe("A54");
    expect(both(i[0])).toContain("SCI_Framework!第54行");
  });

  it("an orphan: a parent that does not exist", () => {
    const rows = edited().map((r) => (r[0] === "C3.3" ? r.map((v, k) => (k === c("parent") ? "C9" : v)) : r));
    expect(codes(rows)).toContain("framework-orphan");
  });

  it("a cycle: C3 made a child of C3.1", () => {
    const rows = edited().map((r) => (r[0] === "C3" ? r.map((v, k) => (k === c("parent") ? "C3.1" : v)) : r));
    expect(codes(rows)).toContain("framework-cycle");
  });

  it("two roots", () => {
    expect(codes(edited({ add: [["X", "0", "", "", "另一个根", "Another root", "1"]] }))).toEqual(["framework-root"]);
  });

  it("a weight that is not a number", () => {
    expect(codes(edited({ weights: { "A3.1": "half" } }))).toContain("framework-bad-weight");
  });

  it("a duplicate report number, and a report number that is not a whole number", () => {
    expect(codes(edited().map((r) => (r[0] === "A2.1" ? r.map((v, k) => (k === c("no") ? "1" : v)) : r)))).toEqual(["framework-duplicate-no"]);
    const bad = problems(edited().map((r) => (r[0] === "A2.1" ? r.map((v, k) => (k === c("no") ? "2a" : v)) : r)));
    expect(bad.map((i) => i.code)).toEqual(["framework-bad-no"]);
    expect(bad[0].cell!.address).toBe("C7"); // A2.1 is on row 7, no in column C
  });

  it("a missing weight column", () => {
    const i = problems(CSV.map((r) => r.slice(0, c("weight"))));
    expect(i.map((x) => x.code)).toEqual(["framework-missing-column"]);
    expect(both(i[0])).toContain("weight");
  });
});

describe("framework tables", () => {
  it("the built-in framework written as a table reads back as the same tree", () => {
    const table = frameworkTable(FRAMEWORK_2020);
    expect(table[0]).toEqual(HEAD);
    expect(table[4]).toEqual(["A1.1", 3, 1, "A1", "5G建设应用", "5G deployment and applications", "1"]);
    const r = frameworkFromTable({ rows: table });
    expect(r.issues).toEqual([]);
    expect(r.framework!.order).toEqual(FW.order);
    expect([...r.framework!.leafWeights]).toEqual([...FW.leafWeights]);
  });

  it("a table placed lower on a sheet names its rows on the sheet", () => {
    const rows = edited({ add: [["B2.3", "3", "", "B2", "重复", "Duplicate", "0"]] });
    const r = frameworkFromTable({ sheet: "SCI_Framework", origin: { row: 2, col: 0 }, rows });
    expect(r.issues[0].cell!.address).toBe("A56");
  });
});
