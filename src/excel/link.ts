/* global Excel */
// Linking an evaluator's own table as SCI's input, on their word, and undoing it. What links:
// - a table: its name is recorded (or, if they choose, it is renamed SCI_Input);
// - a plain range: a workbook name SCI_Input is defined over it (or, if they choose, it becomes
//   a table named SCI_Input).
// Cells, formats and other names are never touched. The link and the mapping choices live in
// the document settings, so they travel with the workbook and survive closing and reopening.
import type { ReadingChoices } from "../core";
import { reason, Syncs } from "./batch";
import { INPUT_TABLE } from "./sources";
import { documentSettings, saveSettings } from "./document-settings";
import type { Selected } from "./adopt";

export const LINK_SETTING = "sci.input";

export interface Link {
  /** `table`: read a table by name; `range`: read the range a workbook name refers to. */
  kind: "table" | "range";
  /** The table's name, or the workbook name. */
  name: string;
  /** Where it was when linked, for the pane's words. */
  sheet: string;
  address: string;
  choices: ReadingChoices;
  /** What linking changed, so that unlinking restores it. */
  renamedFrom?: string;
  madeTable?: boolean;
  madeName?: boolean;
}

export interface LinkOptions {
  /** A table: rename it SCI_Input instead of recording its name. */
  rename?: boolean;
  /** A plain range: turn it into a table named SCI_Input instead of defining a name over it. */
  makeTable?: boolean;
}

export type LinkResult = { ok: true; link: Link; syncs: number } | { ok: false; zh: string; en: string; syncs: number };

/** The link stored in the workbook, if it is one. */
export function storedLink(): Link | undefined {
  const settings = documentSettings();
  let v: unknown;
  try {
    v = settings?.get(LINK_SETTING);
  } catch {
    return undefined;
  }
  const l = v as Partial<Link> | null | undefined;
  if (!l || (l.kind !== "table" && l.kind !== "range") || typeof l.name !== "string" || !l.name) return undefined;
  const choices = typeof l.choices === "object" && l.choices ? l.choices : {};
  return { ...(l as Link), choices };
}

/** Saves the mapping choices of the current link (a dropdown changed after linking). */
export async function storeChoices(choices: ReadingChoices): Promise<void> {
  const link = storedLink();
  if (link) await saveSettings((s) => s.set(LINK_SETTING, { ...link, choices }));
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Links what was read as SCI's input. One or two syncs; nothing changes when it fails. */
export async function linkInput(context: Excel.RequestContext, selected: Selected, choices: ReadingChoices, options: LinkOptions = {}): Promise<LinkResult> {
  const syncs = new Syncs(context);
  const where = { sheet: selected.sheet, address: selected.address, choices };
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await syncs.sync();
  const taken = [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)].find((n) => same(n, INPUT_TABLE));
  const needsName = selected.table ? options.rename && !same(selected.table.name, INPUT_TABLE) : true;
  if (needsName && taken)
    return {
      ok: false,
      syncs: syncs.count,
      zh: `工作簿已有名为 ${INPUT_TABLE} 的表或名称；请先将其改名或删除，或选择保留该表的名称`,
      en: `the workbook already has a table or name called ${INPUT_TABLE}; rename or delete it first, or keep the table's own name`,
    };
  let link: Link;
  try {
    if (selected.table) {
      if (options.rename && !same(selected.table.name, INPUT_TABLE)) {
        tables.getItem(selected.table.name).name = INPUT_TABLE;
        link = { kind: "table", name: INPUT_TABLE, ...where, renamedFrom: selected.table.name };
      } else link = { kind: "table", name: selected.table.name, ...where };
    } else {
      const range = context.workbook.worksheets.getItem(selected.sheet).getRange(selected.address);
      if (options.makeTable) {
        const t = context.workbook.worksheets.getItem(selected.sheet).tables.add(range, true);
        t.name = INPUT_TABLE;
        link = { kind: "table", name: INPUT_TABLE, ...where, madeTable: true };
      } else {
        context.workbook.names.add(INPUT_TABLE, range, "SCI input (linked by the SCI add-in)");
        link = { kind: "range", name: INPUT_TABLE, ...where, madeName: true };
      }
    }
    if (link.renamedFrom || link.madeTable || link.madeName) await syncs.sync();
  } catch (e) {
    return { ok: false, syncs: syncs.count, zh: `未能链接：${reason(e)}`, en: `could not link: ${reason(e)}` };
  }
  await saveSettings((s) => s.set(LINK_SETTING, link));
  return { ok: true, link, syncs: syncs.count };
}

/** Undoes the link: the name SCI defined goes, a renamed table gets its name back; one sync. */
export async function unlinkInput(context: Excel.RequestContext): Promise<{ ok: boolean; syncs: number; zh?: string; en?: string }> {
  const link = storedLink();
  const syncs = new Syncs(context);
  if (link?.madeName || link?.renamedFrom || link?.madeTable) {
    try {
      if (link.madeName) {
        const item = context.workbook.names.getItemOrNullObject(link.name);
        item.load("name");
        await syncs.sync();
        if (!item.isNullObject) item.delete();
      } else if (link.renamedFrom) context.workbook.tables.getItem(link.name).name = link.renamedFrom;
      else context.workbook.tables.getItem(link.name).convertToRange();
      await syncs.sync();
    } catch (e) {
      return { ok: false, syncs: syncs.count, zh: `未能解除链接：${reason(e)}`, en: `could not unlink: ${reason(e)}` };
    }
  }
  await saveSettings((s) => s.remove(LINK_SETTING));
  return { ok: true, syncs: syncs.count };
}
