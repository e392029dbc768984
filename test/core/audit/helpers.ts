// A small made-up framework and dataset for hand-worked audit examples.
import { buildFramework, type Dataset, type Framework, type FrameworkRow } from "../../../src/core";

/** R → X (1/2) → X1; R → Y (1/2) → Y1 (1/2), Y2 (1/2). */
export const SMALL_ROWS: FrameworkRow[] = [
  { code: "R", nameZh: "综合", nameEn: "Composite", weight: 1 },
  { code: "X", parent: "R", nameZh: "甲", nameEn: "X", weight: "1/2" },
  { code: "X1", parent: "X", nameZh: "甲一", nameEn: "X one", weight: 1 },
  { code: "Y", parent: "R", nameZh: "乙", nameEn: "Y", weight: "1/2" },
  { code: "Y1", parent: "Y", nameZh: "乙一", nameEn: "Y one", weight: "1/2" },
  { code: "Y2", parent: "Y", nameZh: "乙二", nameEn: "Y two", weight: "1/2" },
];

export function frameworkOf(rows: FrameworkRow[]): Framework {
  const { framework, issues } = buildFramework(rows);
  if (!framework) throw new Error(JSON.stringify(issues));
  return framework;
}

export const SMALL = frameworkOf(SMALL_ROWS);

/** Rows of [district, region, ...inputs in leaf order]; coefficients 1 unless given. */
export function small(rows: [string, string, ...number[]][], coefficients?: number[], fw = SMALL): Dataset {
  return {
    framework: fw,
    districts: rows.map(([id, region]) => ({ id, region })),
    regions: [...new Set(rows.map((r) => r[1]))].map((id) => ({ id, zh: id, en: id })),
    inputs: Float64Array.from(rows.flatMap((r) => r.slice(2) as number[])),
    coefficients: Float64Array.from(coefficients ?? rows.map(() => 1)),
    source: { sheet: "SCI_Input", rowOf: rows.map((_, i) => i + 1), colOf: new Map(fw.leaves.map((c, j) => [c, j + 2])) },
  };
}
