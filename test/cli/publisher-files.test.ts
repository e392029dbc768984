// Files as users bring them to `sci`: legacy encodings, another assessment's data, a coverage rule.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sci, sciJson, tempDir } from "./helpers";

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const FRAMEWORK = file("fw.csv", "code,parent,name_en,weight\nT,,Total,1\nx,T,Life expectancy,1/2\ny,T,Schooling,1/2\n");
const SETTINGS = file("settings.csv", "indicator,method,scale\nx,minmax,1\ny,minmax,1\n");

/** A CSV whose names hold ô and ü, as bytes of a legacy encoding (ô, ü given as their byte values). */
const legacy = (o: number, u: number) =>
  Buffer.concat([
    Buffer.from("country,Life expectancy,Schooling\nC"),
    Buffer.from([o]),
    Buffer.from("te d'Ivoire,59,10\nT"),
    Buffer.from([u]),
    Buffer.from("rkiye,76,12\nNorway,83,18\n"),
  ]);

describe("legacy encodings are decoded by what reads plausibly", () => {
  it.each([
    ["Windows-1252 (Western Windows)", 0xf4, 0xfc],
    ["Mac Roman (Excel for Mac)", 0x99, 0x9f],
  ])("%s: Côte d'Ivoire and Türkiye survive", async (encoding, o, u) => {
    const raw = file(`raw-${o}.csv`, legacy(o, u));
    const r = await sciJson(["score", "--raw", raw, "--framework", FRAMEWORK, "--settings", SETTINGS]);
    expect(r.ran.code).toBe(0);
    expect(r.districts.map((d) => d.district)).toEqual(["Côte d'Ivoire", "Türkiye", "Norway"]);
    expect(r.issues.find((i) => i.code === "csv-encoding")!.en).toContain(encoding.split(" ")[0]);
  });

  it("GB18030 from Chinese Windows still reads as Chinese", async () => {
    // 浦东 and 徐汇 in GBK: C6D6 B6AB, D0EC BBE3.
    const bytes = Buffer.concat([
      Buffer.from("country,Life expectancy,Schooling\n"),
      Buffer.from([0xc6, 0xd6, 0xb6, 0xab]),
      Buffer.from(",80,15\n"),
      Buffer.from([0xd0, 0xec, 0xbb, 0xe3]),
      Buffer.from(",82,16\n"),
    ]);
    const r = await sciJson(["score", "--raw", file("gbk.csv", bytes), "--framework", FRAMEWORK, "--settings", SETTINGS]);
    expect(r.districts.map((d) => d.district)).toEqual(["浦东", "徐汇"]);
  });

  it("UNDP's Table 1 saved as CSV by Excel for Mac keeps Côte d'Ivoire", async () => {
    const real = join(__dirname, "..", "..", "..", "shared", "realdata", "hdi", "Control-3_HDI_Table_saved-as-csv.csv");
    const r = await sciJson(["score", "--raw", real, "--framework", "examples/hdi/framework.csv", "--settings", "examples/hdi/settings.csv"]);
    expect(r.issues.find((i) => i.code === "csv-encoding")!.en).toContain("Mac Roman");
    expect(r.districts.map((d) => d.district)).toContain("Côte d'Ivoire");
    expect(JSON.stringify(r)).not.toContain("\uFFFD");
  });
});

describe("a newcomer's other assessment", () => {
  it("a table naming none of the profile's indicators: one message saying how to give a framework", async () => {
    const data = file("mine.csv", "name,Air quality,Green space\nNorth,12,30\nSouth,15,22\n");
    const r = await sciJson(["score", data]);
    expect(r.ran.code).toBe(1);
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => i.code)).toEqual(["no-known-indicator"]);
    expect(errors[0].en).toContain("--framework");
    expect(errors[0].en).toContain("sci template framework");
  });

  it("sci template framework DATA writes a skeleton that then scores the data", async () => {
    const data = file("mine2.csv", "name,Air quality,Green space\nNorth,12,30\nSouth,15,22\n");
    const out = join(dir, "fw-skeleton.csv");
    const t = await sci(["template", "framework", data, out]);
    expect(t.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("X1,1,,INDEX,Air quality,Air quality,1/2");
    expect(text).toContain("X2,1,,INDEX,Green space,Green space,1/2");
    const r = await sciJson(["score", data, "--framework", out]);
    expect(r.ran.code).toBe(0);
    expect(r.districts.map((d) => [d.district, d.values.INDEX])).toEqual([
      ["North", 21],
      ["South", 18.5],
    ]);
  });
});

describe("--coverage: who is scored when values are missing", () => {
  const raw = file("gaps.csv", "country,Life expectancy,Schooling\nA,60,10\nB,..,12\nC,80,n/a\nD,70,14\n");
  it("all (default when given): B and C unscored, no rank, each named with the reason", async () => {
    const r = await sciJson(["score", "--raw", raw, "--framework", FRAMEWORK, "--settings", SETTINGS, "--coverage", "all"]);
    expect(r.ran.code).toBe(0);
    expect(r.districts.map((d) => [d.district, d.ranks.T.city])).toEqual([
      ["A", 2],
      ["B", null],
      ["C", null],
      ["D", 1],
    ]);
    expect(r.issues.filter((i) => i.code === "not-scored").map((i) => i.district)).toEqual(["B", "C"]);
  });

  it("any: the mean of what each has; told that it is partial", async () => {
    const r = await sciJson(["score", "--raw", raw, "--framework", FRAMEWORK, "--settings", SETTINGS, "--coverage", "any"]);
    // x over A, C, D: 60, 80, 70 → 0, 1, 0.5; y over A, B, D: 10, 12, 14 → 0, 0.5, 1.
    expect(r.districts.map((d) => d.values.T)).toEqual([0, 0.5, 1, 0.75]);
    expect(r.districts.map((d) => d.ranks.T.city)).toEqual([4, 3, 1, 2]);
    expect(r.issues.filter((i) => i.code === "not-scored").map((i) => [i.district, i.en.includes("scored from the data it has")])).toEqual([
      ["B", true],
      ["C", true],
    ]);
  });

  it("without a coverage rule an empty value stays an error", async () => {
    const r = await sciJson(["score", "--raw", raw, "--framework", FRAMEWORK, "--settings", SETTINGS]);
    expect(r.ran.code).toBe(1);
    expect(r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.district])).toEqual([
      ["empty-cell", "B"],
      ["empty-cell", "C"],
    ]);
  });
});

describe("a value two orders of magnitude from its column", () => {
  it("a percentage typed into an index column (95% read as 0.95) is pointed out at its cell", async () => {
    const lines = readFileSync(join(__dirname, "..", "..", "examples", "inputs-2020.csv"), "utf8").split(/\r?\n/);
    const head = lines[0].split(",");
    const col = head.indexOf("A2.1");
    const row = lines.findIndex((l) => l.startsWith("宝山,"));
    const cells = lines[row].split(",");
    cells[col] = "95%";
    lines[row] = cells.join(",");
    const r = await sciJson(["score", file("percent.csv", lines.join("\n"))]);
    const told = r.issues.filter((i) => i.code === "value-magnitude");
    // Row `row` of the file is sheet row row + 1; column A2.1's letter from its index.
    const letter = String.fromCharCode(65 + col);
    expect(told.map((i) => [i.severity, i.district, i.indicator, i.cell?.address])).toEqual([["warning", "宝山", "A2.1", `${letter}${row + 1}`]]);
    expect(told[0].en).toContain("value 0.95 is two orders of magnitude");
  });
});
