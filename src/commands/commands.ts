/* global Office */
// Ribbon commands. They run in the shared runtime, so they act on the same model as the
// task pane and the SCI functions.
import { reread } from "../excel/model";

/**
 * 重新读取 / Re-read: reads every SCI table afresh and rebuilds the model now. Excel reports
 * edits, added and deleted tables, but not all of them (a table renamed to SCI_Input, a
 * fill-down in a filtered table, a table deleted with its columns on a Mac); this button covers
 * those, and a read that failed.
 */
export async function refreshModel(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await reread();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("refreshModel", refreshModel);
  });
}
