// --impute and --treat on sci score and sci sensitivity: opt-in, and never silent.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureRows, sci, sciJson, tempDir } from "./helpers";

const dir = tempDir();
const rows = fixtureRows("inputs.csv");
const empty = rows.map((r, i) => (i === 5 ? r.map((v, c) => (c === 4 ? "" : v)) : r));
const file = join(dir, "empty.csv");
writeFileSync(file, empty.map((r) => r.join(",")).join("\n") + "\n");
const col = rows[0][4];

describe("sci score with choices", () => {
  it("without choices an empty cell stays an error", async () => {
    const r = await sci(["score", file], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[empty-cell]");
  });
  it("--impute city-median fills the cell with the median of the other 15 and warns naming it", async () => {
    const r = await sciJson(["score", file, "--impute", "city-median"], dir);
    expect(r.ran.code).toBe(0);
    const others = rows
      .slice(1)
      .filter((_, i) => i !== 4)
      .map((x) => Number(x[4]))
      .sort((a, b) => a - b);
    const median = (others[7] + others[7]) / 2; // 15 values: the 8th
    const d = r.districts.find((x) => x.district === rows[5][0])!;
    expect(d.values[col]).toBe(median);
    expect(r.issues.filter((i) => i.code === "imputed").map((i) => i.cell?.address)).toEqual(["E6"]);
  });
  it("--treat jrc changes the flagged inputs only and lists each treated value", async () => {
    const plain = await sciJson(["score"], dir);
    const treated = await sciJson(["score", "--treat", "jrc"], dir);
    expect(treated.ran.code).toBe(0);
    const warned = treated.issues.filter((i) => i.code === "treated-value");
    expect(new Set(warned.map((i) => i.indicator))).toEqual(new Set(["A3.1", "B2.1", "B2.5", "B4.3", "B4.4", "C2.1"]));
    for (const d of treated.districts) {
      const before = plain.districts.find((x) => x.district === d.district)!;
      for (const code of ["A1.1", "B4.6", "C3.2"]) expect(d.values[code]).toBe(before.values[code]);
      const changed = warned.filter((i) => i.district === d.district).map((i) => i.indicator!);
      for (const code of changed) expect(d.values[code]).not.toBe(before.values[code]);
    }
    // The untreated figures come along: exactly the plain run's.
    const untreated = (treated as unknown as { untreated: typeof plain.districts }).untreated;
    expect(untreated).toEqual(plain.districts);
    expect((plain as unknown as { untreated?: unknown }).untreated).toBeUndefined();
  });
});

describe("sci sensitivity with choices", () => {
  it("--impute region-mean runs over the filled data; --missing is not an option here", async () => {
    const r = await sci(["sensitivity", file, "--impute", "region-mean", "--replications", "100", "--json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).issues.map((i: { code: string }) => i.code)).toContain("imputed");
    const bad = await sci(["sensitivity", "--missing", "skip"], dir);
    expect(bad.code).toBe(2);
  });
});

describe("sci compare with choices", () => {
  it("an empty cell in one year: an error by default, imputed with --impute (the cell named by file)", async () => {
    const inputs = join(dir, "2020.csv");
    writeFileSync(inputs, rows.map((r) => r.join(",")).join("\n") + "\n");
    expect((await sci(["compare", file, inputs], dir)).code).toBe(1);
    const r = await sci(["compare", file, inputs, "--impute", "city-mean", "--json"], dir);
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.stdout).issues as { code: string; cell?: { sheet?: string; address: string } }[];
    expect(issues.filter((i) => i.code === "imputed").map((i) => `${i.cell?.sheet}!${i.cell?.address}`)).toEqual(["empty.csv!E6"]);
  });
  it("--treat jrc treats both years alike", async () => {
    const inputs = join(dir, "2020.csv");
    const r = await sci(["compare", inputs, inputs, "--treat", "jrc", "--json"], dir);
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.stdout).issues as { code: string }[];
    const treated = issues.filter((i) => i.code === "treated-indicator");
    expect(treated).toHaveLength(12); // six flagged indicators in each year
  });
});
