/** The delimiters Excel's Save As writes: comma (CSV), semicolon (CSV in locales with a decimal comma), tab ("Unicode text"). */
export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Which delimiter a text uses: the one that splits its first lines into the most fields, the
 * same number on each line; a comma when none splits anything. Quoted fields are skipped over.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const lines = parseCsv(sample, d, 20).filter((r) => r.some((f) => f.trim() !== ""));
    if (lines.length === 0) continue;
    const widths = lines.map((r) => r.length);
    const widest = Math.max(...widths);
    // Lines as wide as the widest (a title row may be narrower), weighted by the width.
    const score = widest > 1 ? widest * widths.filter((w) => w === widest).length : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 CSV to rows of strings (the first `maxRows` of them). Quoted fields may hold the
 * delimiter, quotes and newlines; a leading BOM is dropped. Never throws: an unclosed quote
 * runs to the end of the text. A field is cut out of the text in one slice, not built a
 * character at a time (that makes a chain of tiny strings per cell, and a 100k-row file of them).
 */
export function parseCsv(text: string, delimiter: Delimiter = ",", maxRows = Infinity): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.indexOf('"') < 0) return splitCsv(src, delimiter, maxRows);
  const d = delimiter.charCodeAt(0);
  const n = src.length;
  const rows: string[][] = [];
  let row: string[] = [];
  // The field so far is `field` + src[start, i): text before a quote pair, then the run since.
  let field = "";
  let start = 0;
  let quoted = false;
  // Where the next delimiter and line break are, found by indexOf (the engine's native scan)
  // and looked for again only once passed: a plain field is one slice between them.
  let nextDelimiter = -1;
  let nextLf = -1;
  let nextCr = -1;
  for (let i = 0; i < n; i++) {
    if (!quoted && field === "" && start === i && src.charCodeAt(i) !== QUOTE) {
      if (nextDelimiter < i) nextDelimiter = indexOrEnd(src, delimiter, i);
      if (nextLf < i) nextLf = indexOrEnd(src, "\n", i);
      if (nextCr < i) nextCr = indexOrEnd(src, "\r", i);
      const end = Math.min(nextDelimiter, nextLf, nextCr);
      if (end === n) break; // the last field: taken below
      i = end; // the field is src[start, end); the character at `end` ends it, as below
    }
    const c = src.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) continue;
      field += src.slice(start, i);
      if (src.charCodeAt(i + 1) === QUOTE) {
        field += '"';
        i++;
      } else quoted = false;
      start = i + 1;
    } else if (c === QUOTE && field === "" && start === i) {
      quoted = true;
      start = i + 1;
    } else if (c === d) {
      row.push(field + src.slice(start, i));
      field = "";
      start = i + 1;
    } else if (c === LF || c === CR) {
      row.push(field + src.slice(start, i));
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      if (c === CR && src.charCodeAt(i + 1) === LF) i++;
      row = [];
      field = "";
      start = i + 1;
    }
  }
  const last = field + src.slice(start);
  if (last !== "" || row.length > 0) {
    row.push(last);
    rows.push(row);
  }
  return rows;
}

/**
 * A text without quotes is its lines split at the delimiter: the engine's native split, where
 * a file of numbers would otherwise be cut field by field in script. A last empty line (the
 * text's final line break) is no row, as in the parser above.
 */
function splitCsv(src: string, delimiter: Delimiter, maxRows: number): string[][] {
  const lines = src.indexOf("\r") < 0 ? src.split("\n") : src.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length > maxRows) lines.length = maxRows;
  return lines.map((line) => line.split(delimiter));
}

const indexOrEnd = (s: string, what: string, from: number) => {
  const at = s.indexOf(what, from);
  return at < 0 ? s.length : at;
};

/** Rows to CSV; fields with commas, quotes or line breaks are quoted. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    // A leading BOM is quoted too: unquoted at the start of the text, a reader drops it.
    return /[",\r\n]|^\uFEFF/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(esc).join(",")).join("\n") + "\n";
}
