/* global Office */
// Ribbon commands. They run in the shared runtime, so they act on the same model as the
// task pane and the SCI functions.
import { refresh } from "../excel/model";

/**
 * 重新读取 / Re-read: rebuilds the model from SCI_Input now. Excel reports edits, added and
 * deleted tables, but not a table renamed to SCI_Input; this button covers that case.
 */
export async function refreshModel(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await refresh();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("refreshModel", refreshModel);
  });
}
