/* global Office */
// The workbook's document settings: stored per add-in and per file, loaded with the document
// (reading one costs no round trip), written into it by saveAsync. The rounding choice and the
// link to the evaluator's own table both live there.

/** The document's settings; undefined on a host without them (a choice then lasts the session). */
export function documentSettings(): Office.Settings | undefined {
  try {
    return typeof Office === "undefined" ? undefined : (Office.context?.document?.settings ?? undefined);
  } catch {
    return undefined;
  }
}

/** Changes the settings and saves them; rejects with Office's reason if the save fails. */
export function saveSettings(change: (s: Office.Settings) => void): Promise<void> {
  const settings = documentSettings();
  if (!settings) return Promise.resolve();
  change(settings);
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) => (String(r.status) !== "failed" ? resolve() : reject(new Error(r.error?.message ?? "saveAsync failed")))),
  );
}
