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
    const lines = parseCsv(sample, d)
      .slice(0, 20)
      .filter((r) => r.some((f) => f.trim() !== ""));
    if (lines.length === 0) continue;
    const widths = lines.map((r) => r.length);
    const widest = Math.max(...widths);
    // Lines as wide as the widest (a title row may be narrower), weighted by the width.
    const score = widest > 1 ? widest * widths.filter((w) => w === widest).length : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/**
 * RFC 4180 CSV to rows of strings. Quoted fields may hold the delimiter, quotes and newlines;
 * a leading BOM is dropped. Never throws: an unclosed quote runs to the end of the text.
 */
export function parseCsv(text: string, delimiter: Delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows to CSV; fields with commas, quotes or line breaks are quoted. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    // A leading BOM is quoted too: unquoted at the start of the text, a reader drops it.
    return /[",\r\n]|^\uFEFF/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(esc).join(",")).join("\n") + "\n";
}
