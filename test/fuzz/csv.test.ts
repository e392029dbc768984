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
    fc.assert(
      fc.property(text, (t) => {
        const once = parseCsv(t);
        expect(once.every((r) => Array.isArray(r) && r.length > 0 && r.every((f) => typeof f === "string"))).toBe(true);
        // Nothing is invented: the fields' characters come from the text (quotes and separators aside).
        expect(once.flat().join("").length).toBeLessThanOrEqual(t.length);
        if (once.length > 0) expect(parseCsv(toCsv(once))).toEqual(once); // no rows: the writer writes one empty line
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps a BOM that is not at the start, and an unclosed quote runs to the end", () => {
    expect(parseCsv("\uFEFFa,\uFEFFb\n")).toEqual([["a", "\uFEFFb"]]);
    expect(parseCsv('a,"b,c\nd')).toEqual([["a", "b,c\nd"]]);
    expect(parseCsv("=1+1,\u0000,x")).toEqual([["=1+1", "\u0000", "x"]]);
  });
});
