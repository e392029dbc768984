// What the readers make of a cell's text and of a file's delimiter (hand-worked cases).
import fc from "fast-check";
import { cleanCell, cleanCells, cleanText, parseCsv, printable, quote, sniffDelimiter, toCsv } from "../../src/core";

describe("cleanCell", () => {
  it("drops invisible characters and odd spaces at the ends, and inside names", () => {
    expect(cleanCell("浦东\u200b")).toBe("浦东");
    expect(cleanCell("\ufeff黄\u200d浦")).toBe("黄浦");
    expect(cleanCell("\u00a0120.75\u3000")).toBe("120.75");
    expect(cleanCell("A1.1\u2060")).toBe("A1.1");
  });

  it("never makes a number out of text by dropping a character inside it", () => {
    expect(cleanCell("1\ufeff20")).toBe("1\ufeff20");
    expect(cleanCell("1\u200b2")).toBe("1\u200b2");
  });

  it("reads 98% as 0.98 only when asked (a CSV's percent-formatted cell)", () => {
    expect(cleanCell("98%", true)).toBe(0.98);
    expect(cleanCell("99.5 %", true)).toBe(0.995);
    expect(cleanCell("１００％", true)).toBe(1);
    expect(cleanCell("98%")).toBe("98%");
    expect(cleanCell("98%x", true)).toBe("98%x");
    expect(cleanCell(0.98, true)).toBe(0.98);
    expect(cleanCell(null)).toBe(null);
  });
});

describe("printable and quote", () => {
  it("show control characters and bidirectional overrides as escapes, never raw", () => {
    expect(printable("\u001b[31m浦东\u0007")).toBe("\\x1B[31m浦东\\x07");
    expect(printable("a\u202eb")).toBe("a\\u202Eb");
    expect(printable("a\r\n\tb")).toBe("a b");
    expect(quote("\u001b[2J" + "黄".repeat(1000))).toBe("\\x1B[2J" + "黄".repeat(32) + "…");
  });
});

describe("sniffDelimiter", () => {
  it("finds the comma, the semicolon and the tab, past a title row and inside quotes", () => {
    expect(sniffDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(sniffDelimiter("title\na;b;c\n1;2,5;3\n")).toBe(";");
    expect(sniffDelimiter('a\tb\tc\n"x,y,z"\t2\t3\n')).toBe("\t");
    expect(sniffDelimiter("just one column\nno delimiter\n")).toBe(",");
  });
});

describe("cleanText", () => {
  const slow = (t: string) =>
    t
      .normalize("NFKC")
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .trim();

  it("leaves text as NFKC, trimming and dropping invisible characters would", () => {
    const unit = fc.oneof(
      fc.constantFrom(
        "浦",
        "东",
        "Ａ",
        "１",
        " ",
        "\u3000",
        "\u00a0",
        "\u200b",
        "\ufeff",
        "\t",
        "é",
        "e\u0301",
        "（",
        "ﬁ",
        "\u2f00",
        "\uf900",
        "#",
        "~",
        "\u007f",
      ),
      fc.string({ unit: "binary", maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 10 }), (parts) => {
        const t = parts.join("");
        expect(cleanText(t)).toBe(slow(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("takes printable ASCII and every CJK unified ideograph as settled, as NFKC does", () => {
    for (let c = 0x20; c <= 0x7e; c++) expect(String.fromCharCode(c).normalize("NFKC")).toBe(String.fromCharCode(c));
    for (let c = 0x4e00; c <= 0x9fff; c++) if (String.fromCharCode(c).normalize("NFKC") !== String.fromCharCode(c)) throw new Error(`U+${c.toString(16)}`);
    expect(cleanText("浦东 新区")).toBe("浦东 新区");
    expect(cleanText(" 浦东")).toBe("浦东");
    expect(cleanText("ＰＵＤＯＮＧ")).toBe("PUDONG");
  });
});

describe("cleanCell's quick path", () => {
  /** cleanCell without its quick path for cells with nothing to clean. */
  function cleanedSlowly(v: string, percent: boolean): unknown {
    const trimmed = v.replace(/[\u00a0\u2007\u202f\u3000]/g, " ").replace(/^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g, "");
    let text = trimmed;
    const inner = trimmed.replace(/[\u200b-\u200d\u2060\ufeff]/g, "");
    if (inner !== trimmed && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(inner.normalize("NFKC"))) text = inner;
    if (percent) {
      const m = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(text.normalize("NFKC"));
      if (m) return Number((Number(m[1]) / 100).toPrecision(15));
    }
    return text;
  }

  it("cleans every text as the full cleaning does", () => {
    const unit = fc.constantFrom("浦", "1", "2", ".", "%", "％", " ", "\u3000", "\u00a0", "\u200b", "\ufeff", "e", "-", "A", "（", "\t");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), fc.boolean(), (parts, percent) => {
        const t = parts.join("");
        expect(cleanCell(t, percent)).toEqual(cleanedSlowly(t, percent));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("cleanCells", () => {
  it("cleans every cell of a file's rows as cleanCell does, whether the file is all plain text or not", () => {
    const unit = fc.constantFrom("浦", "1", ".", "%", " ", "\t", "a", ",", "\u3000", "\u200b", "（", "\r\n");
    const cell = fc.array(unit, { maxLength: 6 }).map((p) => p.join(""));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (table, percent) => {
        const text = toCsv(table);
        const rows = parseCsv(text);
        const expected = rows.map((r) => r.map((v) => cleanCell(v, percent)));
        expect(cleanCells(rows, text, percent)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
