/** A cell of a table the core produces (a template, the framework table): text is never a formula. */
export type GridCell = string | number | null;

/** What a spreadsheet cell can hold, as the edges hand it to the core. */
export type CellValue = string | number | boolean | null | undefined;

const EXCEL_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/**
 * What publishers write for "no data": UNDP's `..`, `n.a.`, `NA`, dashes, an ellipsis. Missing in
 * every reader, as a blank cell is (NFKC has already made `．．` and `…` plain).
 */
export const MISSING_MARKS: ReadonlySet<string> = new Set(["..", "...", "…", "n.a.", "n.a", "na", "n/a", "—", "–", "-", "--", "——"]);

export type Parsed = { kind: "number"; value: number } | { kind: "empty" } | { kind: "error"; text: string } | { kind: "text"; text: string };

/** Turns a raw cell into a number when it honestly is one ("120.5", " 1,234.5 ", full-width digits). */
export function parseCell(v: unknown): Parsed {
  if (typeof v === "number") return { kind: "number", value: v };
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "boolean") return { kind: "text", text: String(v).toUpperCase() };
  if (typeof v === "object") {
    // exceljs hands over errors, formula results and rich text as objects.
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { kind: "error", text: o.error };
    if ("result" in o) return parseCell(o.result);
    if (Array.isArray(o.richText)) return parseCell(o.richText.map((r: { text?: unknown }) => String(r?.text ?? "")).join(""));
    if (v instanceof Date) return { kind: "text", text: Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10) };
    return { kind: "text", text: safeText(v) };
  }
  if (typeof v === "string" && isPlainNumber(v)) return { kind: "number", value: Number(v) };
  const s = cleanText(String(v));
  if (s === "") return { kind: "empty" };
  if (s.length <= 4 && MISSING_MARKS.has(s.toLowerCase())) return { kind: "empty" };
  const c0 = s.charCodeAt(0);
  if (c0 === 35 && EXCEL_ERROR.test(s)) return { kind: "error", text: s.toUpperCase() };
  // Only a digit, a sign, a point, I(nfinity) or N(aN) can start a number: a name is text at once.
  if (!((c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 45 || c0 === 46 || c0 === 73 || c0 === 78)) return { kind: "text", text: s };
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain) || /^[+-]?(Infinity|NaN)$/.test(plain)) return { kind: "number", value: Number(plain) };
  return { kind: "text", text: s };
}

/**
 * Text as it is compared: NFKC-normalised (full-width letters and digits as ASCII), invisible
 * characters dropped, trimmed. Text that is already so (printable ASCII and CJK ideographs,
 * no space at either end: nearly every name in a table) is returned as it is, unnormalised.
 */
export function cleanText(t: string): string {
  return isSettled(t)
    ? t
    : t
        .normalize("NFKC")
        .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
        .trim();
}

/** Whether NFKC, dropping invisible characters and trimming would leave `t` as it is. */
function isSettled(t: string): boolean {
  const n = t.length;
  if (n === 0 || t.charCodeAt(0) === 32 || t.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    // Printable ASCII and the CJK Unified Ideographs have no compatibility decomposition.
    if (!((c >= 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/** A cell as text, for matching headers and names. Never throws, whatever the cell holds. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return String(v);
  const p = parseCell(v);
  return p.kind === "number" ? String(p.value) : p.kind === "empty" ? "" : p.text;
}

function safeText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** Control characters (C0, DEL, C1) and the bidirectional overrides that reorder a terminal line. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print: line breaks and tabs as spaces, other control characters as \xHH or \uHHHH, never a terminal escape. */
export function printable(s: string): string {
  return s.replace(/[\r\n\t]+/g, " ").replace(UNPRINTABLE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${n.toString(16).toUpperCase()}`;
  });
}

/** User text quoted in a message: one printable line, bounded length. */
export function quote(v: unknown): string {
  const p = parseCell(v);
  const s = p.kind === "number" ? String(p.value) : p.kind === "empty" ? "" : p.text;
  const line = printable(s.length > 200 ? s.slice(0, 200) : s);
  return line.length > 40 ? line.slice(0, 39) + "…" : line;
}

/** A cell's number when it plainly is one (a number, or ASCII digits), else NaN: no allocation. */
export function plainNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return NaN;
  const quick = decimal(v);
  return quick === quick ? quick : isPlainNumber(v) ? Number(v) : NaN;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `123.45` → 12345 / 100: with at most 15 digits both are exact, and one correctly rounded
 * division gives exactly what Number() parses. NaN for anything else (signs, exponents, long).
 */
function decimal(t: string): number {
  const n = t.length;
  if (n === 0 || n > 16) return NaN;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point < 0) point = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return point < 0 ? m : m / POW10[n - 1 - point];
}

/** Characters that print as nothing: zero-width space, joiners, word joiner, BOM. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Spaces other than the ASCII one that Excel users type or paste (no-break, ideographic). */
const ODD_SPACE = /[\u00a0\u2007\u202f\u3000]/g;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A cell's text as the evaluator meant it: invisible characters and odd spaces dropped at the
 * ends, invisible characters dropped inside names (never inside a number: `1\uFEFF20` stays
 * text, so it is reported rather than read as 120), and `98%` as 0.98 when `percent` is set
 * (a CSV holds the percent-formatted cell's text). Numbers and other values pass unchanged.
 */
export function cleanCell(v: CellValue | unknown, percent = false): unknown {
  if (typeof v !== "string") return v;
  // Most cells of a data table, numbers and plain names, have nothing to clean.
  if (isPlainNumber(v) || (isSettled(v) && !(percent && v.charCodeAt(v.length - 1) === 37))) return v;
  const trimmed = v.replace(ODD_SPACE, " ").replace(/^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g, "");
  let text = trimmed;
  const inner = trimmed.replace(INVISIBLE, "");
  if (inner !== trimmed && !NUMBER_TEXT.test(inner.normalize("NFKC"))) text = inner;
  if (percent) {
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(text.normalize("NFKC"));
    if (m) return Number((Number(m[1]) / 100).toPrecision(15));
  }
  return text;
}

/** A character cleanCell may change anywhere in a cell: all but printable ASCII, CJK ideographs, tab and line breaks. */
const UNSETTLED = /[^\t\n\r\x20-\x7e\u4e00-\u9fff]/;

/**
 * Every cell of rows read from `text` cleaned in place, as cleanCell. When the text holds no
 * character cleaning could change (the usual data file: digits, names, ASCII punctuation), a
 * cell needs cleaning only for a space at either end or a percent sign at the end, and only
 * those cells are looked at further: one scan of the file instead of one per cell.
 */
export function cleanCells<T extends unknown[][]>(rows: T, text: string, percent = false): T {
  const settled = !UNSETTLED.test(text);
  for (const r of rows)
    for (let c = 0; c < r.length; c++) {
      const v = r[c];
      if (settled && typeof v === "string" && !needsTrimOrPercent(v, percent)) continue;
      r[c] = cleanCell(v, percent);
    }
  return rows;
}

/** Whether a settled cell (see cleanCells) has white space at an end, or a percent sign to read. */
function needsTrimOrPercent(v: string, percent: boolean): boolean {
  const n = v.length;
  if (n === 0) return false;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(n - 1);
  return first <= 32 || last <= 32 || (percent && last === 37);
}

/**
 * `120.5`, `-3`, `1e-4`: ASCII digits with at most one point and an optional exponent, the
 * way CSV and Excel write numbers. Checked by character so that reading 100k rows skips the
 * Unicode normalisation every other text needs.
 */
function isPlainNumber(t: string): boolean {
  const n = t.length;
  if (n === 0 || n > 30) return false;
  let i = 0;
  let c = t.charCodeAt(0);
  if (c === 45 || c === 43) i++; // - +
  let digits = 0;
  let point = false;
  for (; i < n; i++) {
    c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else break;
  }
  if (digits === 0) return false;
  if (i === n) return true;
  if (c !== 101 && c !== 69) return false; // e E
  i++;
  c = t.charCodeAt(i);
  if (c === 45 || c === 43) i++;
  if (i === n) return false;
  for (; i < n; i++) {
    c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
