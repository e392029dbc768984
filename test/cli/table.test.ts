// The ranking table on stdout: rank order, figures to 2 decimals, columns aligned for CJK.
import { displayWidth } from "../../src/report";
import fc from "fast-check";
import { round2 } from "../../src/core";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { alignColumns, fixed2, titleLabel } from "../../src/cli/table";
import { cents, fixtureRows, sci, sciJson, tempDir } from "./helpers";

describe("display width", () => {
  it("counts CJK and full-width characters as two columns, the rest as one", () => {
    expect(displayWidth("Pudong")).toBe(6);
    expect(displayWidth("浦东")).toBe(4);
    expect(displayWidth("中心城区平均 Central")).toBe(12 + 8);
    expect(displayWidth("１２")).toBe(4); // full-width digits
    expect(displayWidth("“一网通办”")).toBe(2 + 8); // curly quotes are narrow in most terminals
    expect(displayWidth("𠀀")).toBe(2); // outside the BMP
  });

  it("aligns mixed Chinese and Latin cells so each column starts at the same display column", () => {
    const text = alignColumns(
      [
        ["排名", "行政区", "SCI"],
        ["1", "浦东 Pudong", "133.41"],
        ["16", "Chongming", "87.31"],
      ],
      [true, false, true],
    );
    const lines = text.trimEnd().split("\n");
    expect(lines).toEqual(["排名  行政区          SCI", "   1  浦东 Pudong  133.41", "  16  Chongming     87.31"]);
    expect(new Set(lines.map(displayWidth))).toEqual(new Set([displayWidth(lines[1])]));
  });
});

describe("sci score (table)", async () => {
  const { stdout } = await sci(["score"]);
  const json = await sciJson(["score"]);
  const lines = stdout.split("\n");
  const dataLines = lines.filter((l) => /^\s+\d+\s{2}/.test(l));

  it("lists the 16 districts in rank order with rank, SCI, A, B, C, coefficient and region", () => {
    expect(dataLines).toHaveLength(16);
    const expected = [...json.districts].sort((a, b) => a.ranks.SCI.city! - b.ranks.SCI.city!);
    dataLines.forEach((line, i) => {
      const d = expected[i];
      const cells = line.trim().split(/\s{2,}/);
      expect(cells[0]).toBe(String(d.ranks.SCI.city));
      expect(cells[1].startsWith(d.district)).toBe(true);
      expect(cells.slice(2, 6)).toEqual(["SCI", "A", "B", "C"].map((c) => cents(d.values[c]).toFixed(2)));
      expect(cells[6]).toBe(d.coefficient.toFixed(2));
      expect(cells[7]).toBe(d.region === "central" ? "中心城区" : "郊区");
    });
  });

  it("right-aligns every figure: each column ends at the same display column on every row", () => {
    const ends = (line: string) => {
      const out: number[] = [];
      const re = /\d+\.\d{2}/g;
      for (let m = re.exec(line); m; m = re.exec(line)) out.push(displayWidth(line.slice(0, m.index + m[0].length)));
      return out;
    };
    const first = ends(dataLines[0]);
    expect(first).toHaveLength(5);
    for (const line of dataLines) expect(ends(line), line).toEqual(first);
    const means = lines.filter((l) => l.includes("平均"));
    expect(means).toHaveLength(3);
    for (const line of means) expect(ends(line), line).toEqual(first.slice(0, 4));
  });

  it("ends with the city, 中心城区 and 郊区 means", () => {
    const means = lines.filter((l) => l.includes("平均")).map((l) => l.trim().split(/\s{2,}/));
    expect(means.map((m) => [m[0], m[1]])).toEqual([
      ["全市平均 City mean", "109.77"],
      ["中心城区平均 Central mean", "119.44"],
      ["郊区平均 Suburban mean", "100.10"],
    ]);
  });
});

describe("fixed2", () => {
  it("prints what round2(x).toFixed(2) prints, for any value a table can hold", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e13, max: 1e13, noNaN: true }),
          fc.integer({ min: -100000, max: 100000 }).map((c) => c / 100 + 0.005),
        ),
        (x) => {
          expect(fixed2(x)).toBe(Number.isFinite(x) ? round2(x).toFixed(2) : "—");
        },
      ),
      { numRuns: 20000 },
    );
    expect([fixed2(-0.004), fixed2(0), fixed2(-1.5), fixed2(120.505), fixed2(NaN), fixed2(1e20)]).toEqual([
      "0.00",
      "0.00",
      "-1.50",
      "120.51",
      "—",
      "100000000000000000000.00",
    ]);
  });
});

describe("titles' labels", () => {
  it("a year reads 2021年, another label as it is (never 本年年), and only an ASCII label goes into the English", async () => {
    expect(titleLabel("2021")).toEqual({ zh: "2021年 ", en: "2021" });
    expect(titleLabel("本年")).toEqual({ zh: "本年 ", en: "" });
    expect(titleLabel("trial")).toEqual({ zh: "trial ", en: "trial" });
    expect(titleLabel(undefined)).toEqual({ zh: "", en: "" });
    // The robustness table of an entity list with no year in its title.
    const dir = tempDir();
    const rows = fixtureRows("inputs.csv");
    writeFileSync(join(dir, "in.csv"), rows.map((r) => r.join(",")).join("\n") + "\n");
    writeFileSync(
      join(dir, "d.csv"),
      "district,region\n" +
        rows
          .slice(1)
          .map((r) => `${r[0]},${r[1]}`)
          .join("\n") +
        "\n",
    );
    const ran = await sci(["sensitivity", join(dir, "in.csv"), "--districts", join(dir, "d.csv"), "--replications", "10"]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.split("\n")[0]).toMatch(/^本年 .+排名稳健性 \/ Robustness of the .+ ranking$/);
  });
});
