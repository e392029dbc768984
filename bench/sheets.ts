import { Unavailable } from "./figure";

export async function rankingSheetSyncs(): Promise<{ value: number }> {
  throw new Unavailable("the task pane's sheet writer and fake workbook do not exist yet");
}
