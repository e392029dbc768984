/* global Excel */
// Which sheets SCI generated, per report title: kept in the workbook's document settings (they
// work in every Excel and travel with the file), so that generating again can offer to replace
// the previous set. A sheet counts as SCI's only while it keeps the name SCI gave it and the
// title SCI wrote in its A1: a sheet the user renamed, or one of their own that happens to have
// the name, is never offered for deletion. Worksheet ids are not used: Excel gives a sheet a new
// id when the file is opened again.
import type { Text } from "../core";
import { type Syncs, reason } from "./batch";
import { documentSettings, saveSettings } from "./document-settings";

export const GENERATED_SETTING = "sci.generated";

/** One generated sheet: the name SCI gave it and the text SCI wrote in its A1. */
export interface MadeSheet {
  name: string;
  a1: string;
}

/** A sheet SCI could not remove, and Excel's reason. */
export interface NotRemoved {
  sheet: string;
  message: Text;
}

type Made = Record<string, MadeSheet[]>;

const isMade = (x: unknown): x is MadeSheet =>
  typeof x === "object" && x !== null && typeof (x as MadeSheet).name === "string" && typeof (x as MadeSheet).a1 === "string";

/** The stored record, whatever is stored: anything that is not one reads as nothing made. */
function stored(): Made {
  let raw: unknown;
  try {
    raw = documentSettings()?.get(GENERATED_SETTING);
  } catch {
    return {};
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const out: Made = {};
  for (const [title, list] of Object.entries(raw as Record<string, unknown>)) if (Array.isArray(list)) out[title] = list.filter(isMade);
  return out;
}

/** The sheets recorded as made for this title (some may since be gone or changed). */
export const recordedFor = (title: string): MadeSheet[] => stored()[title] ?? [];

/**
 * Records the sheets just written for `title`, after those still recorded (`kept`). Rejects
 * with Office's reason when the settings cannot be saved; the sheets are written either way.
 */
export function recordMade(title: string, kept: readonly MadeSheet[], written: readonly MadeSheet[]): Promise<void> {
  if (!documentSettings()) return Promise.resolve();
  const names = new Set(written.map((w) => w.name.toLowerCase()));
  const list = [...kept.filter((k) => !names.has(k.name.toLowerCase())), ...written];
  return saveSettings((s) => s.set(GENERATED_SETTING, { ...stored(), [title]: list }));
}

/**
 * The recorded sheets of `title` that are still as SCI left them: the same name, the same A1.
 * Two round trips: the names, then the A1 of each candidate.
 */
export async function stillMade(context: Excel.RequestContext, syncs: Syncs, title: string): Promise<MadeSheet[]> {
  const recorded = recordedFor(title);
  if (recorded.length === 0) return [];
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await syncs.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  const candidates = recorded.filter((m) => present.has(m.name));
  if (candidates.length === 0) return [];
  const cells = candidates.map((m) => {
    const a1 = sheets.getItem(m.name).getRange("A1");
    a1.load("values");
    return a1;
  });
  await syncs.sync();
  return candidates.filter((m, k) => String(cells[k].values?.[0]?.[0] ?? "") === m.a1);
}

/**
 * Deletes the recorded sheets of `title` that are still SCI's (see stillMade), one round trip
 * each so a refusal names its sheet; the others go on. Only ever called after the user's click.
 */
export async function removeMade(
  context: Excel.RequestContext,
  syncs: Syncs,
  title: string,
): Promise<{ removed: string[]; notRemoved: NotRemoved[]; kept: MadeSheet[] }> {
  const made = await stillMade(context, syncs, title);
  const removed: string[] = [];
  const notRemoved: NotRemoved[] = [];
  const kept: MadeSheet[] = [];
  for (const m of made) {
    try {
      context.workbook.worksheets.getItem(m.name).delete();
      await syncs.sync();
      removed.push(m.name);
    } catch (e) {
      kept.push(m);
      notRemoved.push({
        sheet: m.name,
        message: { zh: `未能删除工作表「${m.name}」：${reason(e)}`, en: `Sheet "${m.name}" could not be removed: ${reason(e)}` },
      });
    }
  }
  return { removed, notRemoved, kept };
}
