/* global Excel */
import type { Text } from "../core";

/** Counts a run's round trips to Excel so callers can report (and tests assert) them. */
export class Syncs {
  count = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.count++;
    await this.context.sync();
  }
}

/** The part of an Office error worth showing: its code and message, one line. */
export function reason(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  const text = [typeof err?.code === "string" ? err.code : "", typeof err?.message === "string" ? err.message : String(e)].filter(Boolean).join(": ");
  return text.replace(/\s+/g, " ").slice(0, 200);
}

/** What a failed write left behind. */
export interface WriteFailure {
  ok: false;
  reason: "failed";
  /** What happened, in each language: the pane shows its own. */
  message: Text;
  /** Sheets of this click still in the workbook (empty when rolled back). */
  written: string[];
  rolledBack: boolean;
  syncs: number;
}

/**
 * Undoes a failed write. Excel keeps the actions of a failed batch that ran before the failing
 * one, so look which of this click's sheets exist, then delete them. Every name was fresh, so a
 * sheet by that name is this click's.
 */
export async function rollback(context: Excel.RequestContext, names: readonly string[], syncs: Syncs, error: unknown): Promise<WriteFailure> {
  const why = reason(error);
  let present: string[] | undefined;
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await syncs.sync();
    const ours = sheets.items.filter((s) => names.includes(s.name));
    present = ours.map((s) => s.name);
    if (ours.length) {
      ours.forEach((s) => s.delete());
      await syncs.sync();
    }
    return {
      ok: false,
      reason: "failed",
      rolledBack: true,
      written: [],
      syncs: syncs.count,
      message: {
        zh: `写入失败，已删除本次添加的工作表，工作簿保持原样（${why}）`,
        en: `Writing failed; the sheets this click added were removed and the workbook is as it was (${why})`,
      },
    };
  } catch {
    const known = present !== undefined;
    const list = present ?? [...names];
    return {
      ok: false,
      reason: "failed",
      rolledBack: false,
      written: list,
      syncs: syncs.count,
      message: known
        ? {
            zh: `写入失败，以下工作表已写入且未能删除：${list.map((n) => `「${n}」`).join("、")}（${why}）`,
            en: `Writing failed; these sheets were written and could not be removed: ${list.map((n) => `"${n}"`).join(", ")} (${why})`,
          }
        : {
            zh: `写入失败，且无法确认写入了哪些工作表；请检查：${list.map((n) => `「${n}」`).join("、")}（${why}）`,
            en: `Writing failed and what was written could not be checked; please look for: ${list.map((n) => `"${n}"`).join(", ")} (${why})`,
          },
    };
  }
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px). */
export const widthPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
