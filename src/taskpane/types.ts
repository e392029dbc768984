import type { Model, Rounding } from "../excel/model";
import type { SciWorkbook } from "../excel/workbook";
import type { Adopted, Next } from "./flow";
import type { Strings, Lang } from "./i18n";

export type { Model, SciWorkbook };

/** The shared model as the pane sees it (src/excel/model.ts in the add-in; a fake in tests). */
export interface ModelSource {
  getModel(): Model;
  subscribe(listener: (m: Model) => void): () => void;
  refresh(): Promise<Model>;
  /** Rebuilds the model with this rounding and keeps the choice in the workbook. */
  setRounding(rounding: Rounding): Promise<Model>;
}

/** What an analysis panel is given: the step's props, the model source optional (tests). */
export type AnalysisProps = Pick<StepProps, "t" | "lang" | "current" | "workbook" | "title"> & { model?: ModelSource };

export interface StepProps {
  t: Strings;
  lang: Lang;
  workbook: SciWorkbook;
  model: ModelSource;
  /** The current model, followed live. */
  current: Model;
  /** What the one primary button of the pane does now. */
  next: Next;
  /** Data adopted with "use this data", when there is some. */
  adopted?: Adopted;
  /** The report's year or title (报告年份或标题), as step 3's field holds it: every title uses it. */
  title?: string;
  onTitle?: (title: string) => void;
}

/** This year's placeholder label in the core, never shown once the year is known. */
export const THIS_YEAR = "本年";

/**
 * The labels of two years as the pane shows them: this year's placeholder (本年) becomes the
 * title given; when that is last year's label too, last year is "last year" instead.
 */
export function yearLabels(oldLabel: string, newLabel: string, title?: string): [string, string] {
  const known = title?.trim();
  if (!known || newLabel !== THIS_YEAR) return [oldLabel, newLabel];
  return [known === oldLabel ? "上一年" : oldLabel, known];
}

/** An exception's message, one line, for "the action failed: …". */
export function describeError(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  const text = [typeof err?.code === "string" ? err.code : "", typeof err?.message === "string" ? err.message : String(e)].filter(Boolean).join(": ");
  return text.replace(/\s+/g, " ").slice(0, 200);
}
