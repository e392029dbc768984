// Where the workbook keeps the evaluator's choice of rounding: its document settings, so the
// choice travels with the workbook once it is saved. In the shared runtime the functions, the
// ribbon and the pane see the same ones.
import { asRounding, type Rounding } from "./build";
import { documentSettings, saveSettings } from "./document-settings";

export const ROUNDING_SETTING = "sci.rounding";

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
  return saveSettings((s) => s.set(ROUNDING_SETTING, rounding)).catch((e: Error) => {
    throw new Error(`取整设置未能保存到工作簿：${e.message} / the rounding setting could not be saved in the workbook: ${e.message}`);
  });
}
