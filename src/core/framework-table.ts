import { cellAddress } from "./address";
import { parseCell, quote } from "./cell";
import type { Dataset } from "./dataset";
import { buildFramework, frameworkRowsFromTable, type Framework, type FrameworkRow } from "./framework";
import { hasErrors, issue, type Issue } from "./issue";
import type { GridCell } from "./cell";
import { score, type Scores } from "./score";
import { validate, type InputTable, type ValidateOptions } from "./validate";

/** framework.csv's columns, the framework sheet's too. */
export const FRAMEWORK_HEADER = ["code", "level", "no", "parent", "name_zh", "name_en", "weight"];

const REQUIRED: [string[], string][] = [
  [["code", "代码"], "code / 代码"],
  [["parent", "上级"], "parent / 上级"],
  [["weight", "权重"], "weight / 权重"],
];

/**
 * An evaluator's framework (framework.csv or the framework sheet: code, level, no, parent,
 * name_zh, name_en, weight as a fraction `9/40`, a decimal or a percentage) read and checked:
 * the columns, the `no` cells, then everything buildFramework checks (one root, cycles,
 * orphans, sibling weights summing to 1, duplicate codes and numbers). Never throws.
 */
export function frameworkFromTable(table: InputTable): { framework?: Framework; rows: FrameworkRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const origin = table.origin ?? { row: 0, col: 0 };
  const rows = Array.isArray(table.rows) ? table.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
  const at = (row: number, col: number) => {
    const address = cellAddress(origin.row + row, origin.col + col);
    return {
      address,
      full: table.sheet ? `${table.sheet}!${address}` : address,
      cell: { sheet: table.sheet, address, row: origin.row + row, col: origin.col + col },
    };
  };
  const header = (rows[0] ?? []).map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  for (const [names, shown] of REQUIRED)
    if (!header.some((h) => names.includes(h))) {
      const c = at(0, header.length);
      issues.push(
        issue("error", "framework-missing-column", `${c.full}：指标体系表缺少「${shown}」列`, `${c.full}: the framework table has no "${shown}" column`, {
          cell: c.cell,
        }),
      );
    }
  if (issues.length) return { rows: [], issues };

  const noCol = header.findIndex((h) => h === "no" || h === "序号");
  if (noCol >= 0)
    rows.slice(1).forEach((r, i) => {
      const p = parseCell(r[noCol]);
      if (p.kind === "empty" || (p.kind === "number" && Number.isInteger(p.value) && p.value > 0)) return;
      const c = at(i + 1, noCol);
      issues.push(
        issue(
          "error",
          "framework-bad-no",
          `${c.full}：指标序号「${quote(r[noCol])}」须为正整数`,
          `${c.full}: report number "${quote(r[noCol])}" must be a whole number above 0`,
          { cell: c.cell },
        ),
      );
    });

  // frameworkRowsFromTable counts rows from the table's top; shift them to sheet rows.
  // A bad `no` is reported above; it must not also read as a duplicate number (NaN).
  const parsed = frameworkRowsFromTable(rows, table.sheet).map((r) => ({
    ...r,
    no: Number.isInteger(r.no) ? r.no : undefined,
    source: r.source && { ...r.source, row: r.source.row + origin.row, ...(r.source.col !== undefined ? { col: r.source.col + origin.col } : {}) },
  }));
  const built = buildFramework(parsed);
  issues.push(...built.issues);
  return hasErrors(issues) ? { rows: parsed, issues } : { framework: built.framework, rows: parsed, issues };
}

/** Framework rows as a sheet or CSV (framework.csv's columns), weights as written. */
export function frameworkTable(rows: readonly FrameworkRow[]): GridCell[][] {
  return [
    FRAMEWORK_HEADER,
    ...rows.map((r) => [
      r.code,
      r.level ?? null,
      r.no ?? null,
      r.parent ?? null,
      r.nameZh,
      r.nameEn,
      typeof r.weight === "number" ? r.weight : String(r.weight),
    ]),
  ];
}

/**
 * Scoring with a framework given as a table: read and check the framework, validate the
 * inputs against it (an indicator new in the framework needs its input column: validate
 * reports it missing), and score. Stops at the first stage with errors.
 */
export function scoreWithFramework(
  frameworkSheet: InputTable,
  input: InputTable,
  opts: Omit<ValidateOptions, "framework">,
): { framework?: Framework; dataset?: Dataset; scores?: Scores; issues: Issue[] } {
  const fw = frameworkFromTable(frameworkSheet);
  if (!fw.framework) return { issues: fw.issues };
  const checked = validate(input, { ...opts, framework: fw.framework });
  const issues = [...fw.issues, ...checked.issues];
  if (!checked.dataset) return { framework: fw.framework, issues };
  return { framework: fw.framework, dataset: checked.dataset, scores: score(checked.dataset), issues };
}
