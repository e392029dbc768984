// What the readers make of a cell's text and of a file's delimiter (hand-worked cases).
import { cleanCell, printable, quote, sniffDelimiter } from "../../src/core";

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
