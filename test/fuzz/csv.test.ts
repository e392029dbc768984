// The CSV reader against hostile text: never throws, loses nothing it was given, and reads
// back exactly what the writer wrote, whatever the fields hold.
import fc from "fast-check";
import { parseCsv, toCsv } from "../../src/core";
import { FORMULA_LIKE, MOJIBAKE } from "./hostile";

/** Field text that breaks naive CSV code: quotes, separators, line breaks, BOMs, NULs. */
const nastyChar = fc.constantFrom('"', ",", "\n", "\r", "\r\n", "\uFEFF", "\u0000", " ", "\t", "=", "浦", "é", "\uD83D\uDE00", "\u2028");
const field = fc.oneof(
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.array(nastyChar, { maxLength: 8 }).map((cs) => cs.join("")),
  fc.constantFrom(...FORMULA_LIKE, ...MOJIBAKE, "", '""', '"a"b', "a,b", "#N/A", "1e400", "NaN"),
);
/** The reader as first written, a character at a time: the plain reading of RFC 4180 to compare with. */
function parseCsvByCharacter(text: string, delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: string[][] = [];
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
      out.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });

describe("CSV reader", () => {
  it("reads back every table the writer writes, with or without a BOM, with \\n or \\r\\n", () => {
    fc.assert(
      fc.property(rows, fc.boolean(), fc.boolean(), (table, bom, crlf) => {
        let text = toCsv(table);
        if (crlf) text = text.replace(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "\r\n"); // line ends outside quotes only
        expect(parseCsv((bom ? "\uFEFF" : "") + text)).toEqual(table);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on any text, and re-writing what it read reads back the same", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.array(fc.oneof(nastyChar, field), { maxLength: 20 }).map((p) => p.join("")),
    );
    let rewritten = 0;
    fc.assert(
      fc.property(text, (t) => {
        const once = parseCsv(t);
        expect(once.every((r) => Array.isArray(r) && r.length > 0 && r.every((f) => typeof f === "string"))).toBe(true);
        // Nothing is invented: the fields' characters come from the text (quotes and separators aside).
        expect(once.flat().join("").length).toBeLessThanOrEqual(t.length);
        if (once.length === 0) return; // no rows: the writer writes one empty line
        expect(parseCsv(toCsv(once))).toEqual(once);
        rewritten++;
      }),
      { numRuns: 3000 },
    );
    // The round trip was checked on tables, not passed by empty texts.
    expect(rewritten).toBeGreaterThan(2000);
  });

  it("reads any text as the character-at-a-time reading does, with each delimiter, and stops at a row limit", () => {
    const text = fc.array(fc.oneof(nastyChar, field, fc.constantFrom(";", "\t", '"";', '"x""y"')), { maxLength: 24 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, fc.constantFrom(",", ";", "\t"), fc.integer({ min: 1, max: 4 }), (t, d, limit) => {
        const whole = parseCsvByCharacter(t, d);
        expect(parseCsv(t, d)).toEqual(whole);
        expect(parseCsv(t, d, limit)).toEqual(whole.slice(0, limit));
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps a BOM that is not at the start, and an unclosed quote runs to the end", () => {
    expect(parseCsv("\uFEFFa,\uFEFFb\n")).toEqual([["a", "\uFEFFb"]]);
    expect(parseCsv('a,"b,c\nd')).toEqual([["a", "b,c\nd"]]);
    expect(parseCsv("=1+1,\u0000,x")).toEqual([["=1+1", "\u0000", "x"]]);
  });
});
