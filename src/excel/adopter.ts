// The pane's door to 使用所选数据: read the selection, link it, save the mapping, unlink —
// plain data in and out, backed by Excel.run (a fake in tests). Loaded on first use.
import type { ReadingChoices } from "../core";
import type { Selected } from "./adopt";
import type { Link, LinkOptions, LinkResult } from "./link";
import { delayedRun, type ExcelRun } from "./workbook";

export type { Link, LinkOptions, LinkResult, Selected };

export interface Adopter {
  read(): Promise<Selected>;
  /** What the current link refers to, read afresh; undefined when there is none (or it is gone). */
  readLinked(): Promise<Selected | undefined>;
  link(selected: Selected, choices: ReadingChoices, options: LinkOptions): Promise<LinkResult>;
  unlink(): Promise<{ ok: boolean; zh?: string; en?: string }>;
  /** The link the workbook's settings hold (none: SCI reads its own tables). */
  current(): Promise<Link | undefined>;
  /** Saves the mapping choices of the current link. */
  saveChoices(choices: ReadingChoices): Promise<void>;
}

// Like the pane's other batches, these wait while the user is editing a cell instead of failing.
export function officeAdopter(run: ExcelRun = delayedRun): Adopter {
  const adopt = () => import("./adopt");
  const link = () => import("./link");
  return {
    read: async () => {
      const { readSelected } = await adopt();
      return run((context) => readSelected(context));
    },
    readLinked: async () => {
      const [{ readLinked }, { storedLink }] = await Promise.all([adopt(), link()]);
      const l = storedLink();
      return l ? run((context) => readLinked(context, l)) : undefined;
    },
    link: async (selected, choices, options) => {
      const { linkInput } = await link();
      return run((context) => linkInput(context, selected, choices, options));
    },
    unlink: async () => {
      const { unlinkInput } = await link();
      return run((context) => unlinkInput(context));
    },
    current: async () => (await link()).storedLink(),
    saveChoices: async (choices) => (await link()).storeChoices(choices),
  };
}
