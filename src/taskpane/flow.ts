// Where the evaluator is, read off the model: what the one primary button does next, and what
// Generate would score. Pure, so every state is tested without rendering.
import type { Text } from "../core";
import type { Model } from "./types";

/**
 * The next step: `insert` (no input table yet: insert the template), `fix` (the input has
 * errors, or empty cells still to fill), `generate` (clean input: write the ranking sheets).
 */
export type Next = "insert" | "fix" | "generate";

export function nextStep(model: Model): Next {
  if (!model.scores) return "fix";
  return model.mode === "builtin" || model.source === "builtin" ? "insert" : "generate";
}

/**
 * Data chosen with "use this data" (a range of the evaluator's own, adopted as the input).
 * The adoption controls (src/taskpane/adopt/) set it; until then it is undefined.
 */
export interface Adopted {
  /** Where the adopted data is, e.g. `Sheet1!A1:AO17`. */
  range: string;
}

/** The line saying what will be scored: the built-in data, a workbook table, or an adopted range. */
export function scoredText(model: Model, adopted?: Adopted): Text {
  if (adopted) return { zh: `将评分：所选区域 ${adopted.range}`, en: `Scoring: the chosen range ${adopted.range}` };
  const label = model.dataset?.label ?? model.scores?.dataset.label ?? "";
  if (model.mode === "raw") {
    const sheet = model.tables?.raw?.sheet;
    return {
      zh: sheet ? `将评分：工作表「${sheet}」的原始数据` : "将评分：工作簿中的原始数据",
      en: sheet ? `Scoring: the raw data on sheet “${sheet}”` : "Scoring: the workbook's raw data",
    };
  }
  if (model.source === "workbook") {
    const sheet = model.tables?.input?.sheet;
    return {
      zh: sheet ? `将评分：工作表「${sheet}」的数据` : "将评分：工作簿中的输入数据",
      en: sheet ? `Scoring: the data on sheet “${sheet}”` : "Scoring: the workbook's input data",
    };
  }
  return {
    zh: `将评分：内置${label}年示例数据（工作簿中还没有您的数据）`,
    en: `Scoring: the built-in ${label} example data (the workbook has none of yours yet)`,
  };
}
