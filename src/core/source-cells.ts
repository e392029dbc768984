// Where an assessment's issues point: the cell of a source table an evaluator clicks to fix.
import { cellAddress } from "./address";
import type { FrameworkRow } from "./framework";
import { issue, type Issue } from "./issue";
import type { SourceTable } from "./sources";

export function cellOf(t: SourceTable, row: number, col: number) {
  const address = cellAddress(t.origin.row + row, t.origin.col + col);
  return { full: `${t.sheet}!${address}`, cell: { sheet: t.sheet, address, row: t.origin.row + row, col: t.origin.col + col } };
}

export function unused(t: SourceTable, zh: string, en: string): Issue {
  const c = cellOf(t, 0, 0);
  return issue("warning", "table-unused", `${c.full}：${zh}`, `${c.full}: ${en}`, { cell: c.cell });
}

/** Adds a cell to an issue and, if its text does not name the sheet yet, names it. */
export function place(i: Issue, c: ReturnType<typeof cellOf>): Issue {
  // The framework checks say `Sheet!第5行 …` / `Sheet!row 5: …`; the cell is more precise.
  const sheet = `${c.cell.sheet}!`;
  const strip = (s: string, row: RegExp) => (s.startsWith(sheet) && row.test(s.slice(sheet.length)) ? s.slice(sheet.length).replace(row, "") : s);
  return { ...i, cell: c.cell, zh: `${c.full}：${strip(i.zh, /^第\d+行\s*/)}`, en: `${c.full}: ${strip(i.en, /^row \d+:\s*/)}` };
}

/**
 * The framework checks name rows; an evaluator needs a cell to click. Every issue is pointed
 * at the cell to fix: a bad weight (or one read with a decimal comma) at its weight cell, sibling weights not summing to 1 at the
 * first child's weight, other indicator problems at the indicator's code cell.
 */
export function locateFrameworkIssues(issues: Issue[], rows: readonly FrameworkRow[], t: SourceTable): Issue[] {
  const header = (t.rows[0] ?? []).map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  const col = (...names: string[]) =>
    Math.max(
      0,
      header.findIndex((h) => names.includes(h)),
    );
  const codeCol = col("code", "代码");
  const weightCol = col("weight", "权重");
  const noCol = col("no", "序号");
  const rowOf = (code: string | undefined) => rows.find((r) => r.code === code)?.source?.row;
  const at = (sheetRow: number, c: number) => cellOf(t, sheetRow - t.origin.row, c);
  return issues.map((i) => {
    if (i.code === "framework-missing-column" || i.code === "framework-bad-no") return i; // already exact
    let row = i.cell?.row ?? rowOf(i.indicator);
    let c = codeCol;
    if (i.code === "framework-bad-weight" || i.code === "framework-decimal-comma" || i.code === "framework-ambiguous-weight") c = weightCol;
    if (i.code === "framework-duplicate-no") c = noCol;
    if (i.code === "framework-weights" || i.code === "framework-weights-rounded") {
      const child = rows.find((r) => r.parent === i.indicator);
      row = child?.source?.row ?? row;
      c = weightCol;
    }
    if (i.code === "framework-root") row = rows.find((r) => !r.parent)?.source?.row ?? t.origin.row;
    return row === undefined ? i : place(i, at(row, c));
  });
}
