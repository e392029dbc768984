// Reading a settings cell: names of methods, directions and transforms as evaluators type them
// (`极差`, `min-max`, `越小越好`), and numbers with a decimal comma.
import { parseCell } from "./cell";
import { readWeight } from "./weight";

export const key = (v: unknown) =>
  String(v ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-–—]/g, "");

export const lookupName = <T extends string>(names: Record<T, string[]>, v: unknown): T | undefined =>
  (Object.keys(names) as T[]).find((k) => names[k].some((n) => key(n) === key(v)));

/** A number in a settings cell: `1234.5`, `1,234.5` or `95%`; text and errors are not. */
export function settingNumber(v: unknown): { ok: true; value: number; comma?: string } | { ok: false; text: string } | undefined {
  const p = parseCell(v);
  if (p.kind === "empty") return undefined;
  if (p.kind === "number") return Number.isFinite(p.value) ? { ok: true, value: p.value } : { ok: false, text: String(p.value) };
  const pct = p.kind === "text" ? /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(p.text) : null;
  if (pct) return { ok: true, value: Number(pct[1]) / 100 };
  // A decimal-comma locale's `0,5` or `22,5%`, read as the weights read it (`75,000` is a
  // thousands separator and already a number); the caller says so at the cell.
  if (p.kind === "text") {
    const w = readWeight(p.text);
    if (w.comma === "decimal" && !p.text.includes("/")) return { ok: true, value: w.value, comma: p.text };
  }
  return { ok: false, text: p.kind === "error" ? p.text : p.text };
}
