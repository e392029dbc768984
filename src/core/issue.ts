/** Text in both of the evaluator's languages; an edge shows one (the pane) or both (the CLI). */
export interface Text {
  zh: string;
  en: string;
}

export type Lang = "zh" | "en";

/** The text in one language. */
export const textIn = (t: Text, lang: Lang): string => (lang === "zh" ? t.zh : t.en);

/** An input problem. Never thrown: collected and shown to the evaluator. */
export type Severity = "error" | "warning";

/**
 * Every kind of problem SCI reports. Stable: tests, the pane's grouping and users' scripts key
 * on these codes, so a code is added, never renamed.
 */
export const ISSUE_CODES = [
  "internal",
  // Input tables
  "empty-table",
  "unnamed-column",
  "duplicate-column",
  "computed-column",
  "unknown-column",
  "missing-district-column",
  "missing-column",
  "missing-coefficient-column",
  "missing-region-column",
  "missing-district-name",
  "unknown-district",
  "unknown-roster",
  "region-mismatch",
  "missing-region",
  "duplicate-district",
  "missing-district",
  "no-districts",
  "empty-cell",
  "excel-error",
  "not-a-number",
  "non-finite",
  "coefficient-range",
  "negative",
  "implausible",
  "table-unused",
  "raw-without-settings",
  // Rosters (entity lists)
  "roster-empty",
  "roster-missing-column",
  "roster-missing-name",
  "roster-missing-region",
  "roster-duplicate",
  // Frameworks
  "framework-missing-code",
  "framework-duplicate-code",
  "framework-bad-weight",
  "framework-decimal-comma",
  "framework-ambiguous-weight",
  "framework-root",
  "framework-orphan",
  "framework-cycle",
  "framework-weights",
  "framework-weights-rounded",
  "framework-duplicate-no",
  "framework-missing-column",
  "framework-bad-no",
  "framework-needs-input",
  // Normalisation of raw data
  "settings-unknown-column",
  "settings-duplicate-column",
  "settings-missing-column",
  "settings-missing-indicator",
  "settings-unknown-indicator",
  "settings-computed-indicator",
  "settings-duplicate-indicator",
  "settings-missing-method",
  "settings-unknown-method",
  "settings-missing-benchmark",
  "settings-bad-benchmark",
  "settings-zero-benchmark",
  "settings-negative-benchmark",
  "settings-unused-benchmark",
  "settings-bad-cap",
  "settings-unknown-direction",
  "settings-direction-conflict",
  "settings-missing-indicator-row",
  "normalise-missing-setting",
  "normalise-bad-value",
  "normalise-non-finite",
  "normalise-negative",
  "normalise-no-spread",
  "normalise-implausible",
  // Year over year
  "compare-district-new",
  "compare-district-dropped",
  "compare-region-changed",
  "compare-new-indicator",
  "compare-dropped-indicator",
  "compare-no-common-district",
  // Robustness
  "sensitivity-indicator",
  "sensitivity-no-districts",
  "sensitivity-perturbation",
  "sensitivity-replications",
  "sensitivity-failed",
  "sensitivity-message",
  // Statistical audit: missing values, imputation, treatment, aggregation, uncertainty
  "missing-value",
  "missing-skipped",
  "imputed",
  "impute-no-values",
  "treated-indicator",
  "treated-value",
  "geometric-non-positive",
  "audit-constant",
  "audit-too-few",
  "audit-alpha-undefined",
  "audit-geometric-undefined",
  "sobol-samples",
  "sobol-perturbation",
  "sobol-bootstrap",
  "sobol-districts",
  "sobol-normalisation",
  "sobol-no-geometric",
  "sobol-no-variance",
  // Files
  "choices-unknown-setting",
  "choices-bad-value",
  "csv-encoding",
  "workbook-unreadable",
  "workbook-unfollowed",
  "file-misnamed",
  "row-too-long",
  // Maps: a profile's shapes (GeoJSON)
  "geometry-invalid",
  "geometry-unknown-feature",
  "geometry-bad-feature",
  "geometry-missing-district",
  "geometry-missing",
  // Reading an evaluator's own table (adopting a range)
  "adopt-no-header",
  "adopt-no-entity",
  "adopt-ambiguous-header",
  "adopt-computed-header",
  "adopt-unknown-header",
  // Files as read: what the readers found around or inside the table
  "title-row",
  "sheet-chosen",
  "cells-outside-table",
  "value-too-large",
  // Publishers' files and real indices
  "framework-bad-aggregation",
  "framework-bad-coverage",
  "framework-bad-decimals",
  "settings-bad-goalpost",
  "settings-bad-transform",
  "settings-bad-target",
  "settings-bad-reference",
  "settings-bad-scale",
  "not-scored",
  "aggregate-rows",
  "rows-not-listed",
  "header-continuation",
  "long-format",
  "long-format-members",
  "published-agreement",
  "published-disagreement",
  "raw-values",
  "no-known-indicator",
  "harmonic-non-positive",
  "value-magnitude",
  "settings-decimal-comma",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue extends Text {
  severity: Severity;
  code: IssueCode;
  /** Where it is, e.g. `SCI_Input!C5` is sheet `SCI_Input`, cell `C5`. */
  cell?: { sheet?: string; address: string; row: number; col: number };
  district?: string;
  indicator?: string;
  /** For a misspelt name: the entity it most likely means, when that entity has no row yet. */
  suggestion?: string;
}

/** An issue; `zh` and `en` each name the sheet/cell, district and indicator in their language. */
export function issue(severity: Severity, code: IssueCode, zh: string, en: string, extra: Omit<Issue, "severity" | "code" | "zh" | "en"> = {}): Issue {
  return { severity, code, zh, en, ...extra };
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
