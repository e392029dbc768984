// The pane's language: the evaluator's last choice, else Office's display language (zh-* →
// Chinese, anything else → English). The choice is kept per user in the pane's localStorage;
// where storage is blocked (private windows, some hosts) the pane still switches, it only forgets.
import type { Lang } from "../core";

const KEY = "sci.pane.lang";

/** zh, zh-CN, zh-Hant-TW → Chinese; en-US, fr-FR, "" → English. */
export const langOf = (tag: string | undefined): Lang => (/^zh\b/i.test(tag ?? "") ? "zh" : "en");

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // reading localStorage itself throws when storage is blocked
  }
}

/** The remembered choice, if any. */
export function storedLang(): Lang | undefined {
  try {
    const v = storage()?.getItem(KEY);
    return v === "zh" || v === "en" ? v : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    storage()?.setItem(KEY, lang);
  } catch {
    // full or blocked: the choice holds for this session only
  }
}

/** The host's display language: Office's where the pane runs in Office, else the browser's. */
export function displayLanguage(): string | undefined {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  try {
    return office?.context?.displayLanguage || (typeof navigator !== "undefined" ? navigator.language : undefined);
  } catch {
    return undefined;
  }
}

/** The language the pane opens in. */
export const initialLang = (): Lang => storedLang() ?? langOf(displayLanguage());
