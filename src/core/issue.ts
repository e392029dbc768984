/** An input problem. Never thrown: collected and shown to the evaluator. */
export type Severity = "error" | "warning";

export interface Issue {
  severity: Severity;
  /** Stable machine code, e.g. `unknown-district`. */
  code: string;
  /** Chinese first, then English. Names the sheet/cell, district and indicator. */
  message: string;
  /** Where it is, e.g. `SCI_Input!C5` is sheet `SCI_Input`, cell `C5`. */
  cell?: { sheet?: string; address: string; row: number; col: number };
  district?: string;
  indicator?: string;
}

export function issue(
  severity: Severity,
  code: string,
  zh: string,
  en: string,
  extra: Omit<Issue, "severity" | "code" | "message"> = {},
): Issue {
  return { severity, code, message: `${zh} / ${en}`, ...extra };
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "error");

/** Errors first, then by row and column, so the list reads top to bottom. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      (a.cell?.row ?? -1) - (b.cell?.row ?? -1) ||
      (a.cell?.col ?? -1) - (b.cell?.col ?? -1),
  );
}
