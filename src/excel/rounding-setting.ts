/* global Office */
// Where the workbook keeps the evaluator's choice of rounding: Office's document settings,
// stored per add-in and per file. They are loaded with the document (reading one costs no
// round trip) and saveAsync writes them into it, so the choice travels with the workbook once
// it is saved. In the shared runtime the functions, the ribbon and the pane see the same ones.
import { asRounding, type Rounding } from "./build";

export const ROUNDING_SETTING = "sci.rounding";

function documentSettings(): Office.Settings | undefined {
  try {
    return typeof Office === "undefined" ? undefined : (Office.context?.document?.settings ?? undefined);
  } catch {
    return undefined; // a host without document settings: the choice lasts the session
  }
}

/** The rounding stored in the workbook; `exact` when none is stored or the value is not one. */
export function storedRounding(): Rounding | undefined {
  const settings = documentSettings();
  if (!settings) return undefined;
  try {
    return asRounding(settings.get(ROUNDING_SETTING));
  } catch {
    return "exact";
  }
}

/** Stores the rounding in the workbook's settings. Rejects, saying why, if Office cannot save it. */
export function storeRounding(rounding: Rounding): Promise<void> {
  const settings = documentSettings();
  if (!settings) return Promise.resolve();
  settings.set(ROUNDING_SETTING, rounding);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (String(result.status) !== "failed") return resolve();
      const why = result.error?.message ?? "";
      reject(new Error(`取整设置未能保存到工作簿：${why} / the rounding setting could not be saved in the workbook: ${why}`));
    }),
  );
}
