// The builder's choices as a workbook table (SCI_Choices): one row per setting, its value beside
// it. The same choices the CLI takes as options, so a workbook scores as `sci score --treat jrc`.
import { cellAddress } from "./address";
import { cellText, quote } from "./cell";
import { AGGREGATIONS } from "./audit/aggregate";
import { IMPUTATIONS } from "./audit/impute";
import type { Choices } from "./audit/pipeline";
import { issue, type Issue } from "./issue";
import type { InputTable } from "./validate";

/** Each setting, the values it takes, and what it means (for the template and messages). */
export const CHOICE_SETTINGS = [
  { setting: "impute", values: IMPUTATIONS, zh: "空值插补（按原始值）", en: "fill empty cells (on the raw values)" },
  { setting: "treat", values: ["jrc"], zh: "异常值处理（JRC 规则）", en: "outlier treatment (the JRC rule)" },
  { setting: "missing", values: ["skip"], zh: "空值时按现有下级指标汇总", en: "aggregate over the indicators present" },
  { setting: "aggregation", values: AGGREGATIONS, zh: "汇总方法（arithmetic 为报告的方法）", en: "aggregation (arithmetic is the report's)" },
] as const;

const key = (v: unknown) => cellText(v).normalize("NFKC").trim().toLowerCase();

/** The template: header, then each setting with its value empty and its choices as a note. */
export function choicesTemplate(): (string | null)[][] {
  return [["setting", "value", "可选 / choices"], ...CHOICE_SETTINGS.map((c) => [c.setting, null, `${c.zh}：${c.values.join(" | ")} / ${c.en}`])];
}

/** Reads SCI_Choices: an unknown setting or value is an error at its cell; an empty value chooses nothing. */
export function choicesFromTable(table: InputTable): { choices: Choices; issues: Issue[] } {
  const issues: Issue[] = [];
  const origin = table.origin ?? { row: 0, col: 0 };
  const rows = Array.isArray(table.rows) ? table.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
  const at = (row: number, col: number) => {
    const address = cellAddress(origin.row + row, origin.col + col);
    return { full: table.sheet ? `${table.sheet}!${address}` : address, cell: { sheet: table.sheet, address, row: origin.row + row, col: origin.col + col } };
  };
  const choices: Record<string, string> = {};
  for (let r = 1; r < rows.length; r++) {
    const name = key(rows[r][0]);
    const value = key(rows[r][1]);
    if (!name && !value) continue;
    const spec = CHOICE_SETTINGS.find((c) => c.setting === name);
    if (!spec) {
      const w = at(r, 0);
      const known = CHOICE_SETTINGS.map((c) => c.setting).join(", ");
      issues.push(
        issue(
          "error",
          "choices-unknown-setting",
          `${w.full}：未知设置「${quote(rows[r][0])}」，可用：${known}`,
          `${w.full}: unknown setting "${quote(rows[r][0])}"; use ${known}`,
          { cell: w.cell },
        ),
      );
      continue;
    }
    if (!value) continue;
    if (!(spec.values as readonly string[]).includes(value)) {
      const w = at(r, 1);
      const allowed = spec.values.join(" | ");
      issues.push(
        issue(
          "error",
          "choices-bad-value",
          `${w.full}：${spec.setting} 只能是 ${allowed}，而不是「${quote(rows[r][1])}」`,
          `${w.full}: ${spec.setting} must be ${allowed}, not "${quote(rows[r][1])}"`,
          { cell: w.cell },
        ),
      );
      continue;
    }
    choices[spec.setting] = value;
  }
  return { choices: choices as Choices, issues };
}
