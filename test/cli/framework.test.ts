// sci score --framework FILE.csv and raw-data mode (--raw RAW.csv --settings SETTINGS.csv).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureRows, sci, sciJson, STACK, tempDir } from "./helpers";

const dir = tempDir();
const framework = fixtureRows("framework.csv");
const inputs = fixtureRows("inputs.csv");
const [head, ...rows] = inputs;
const isInput = (c: number) => c > 1 && c < head.length - 1;

function write(name: string, table: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, table.map((r) => r.join(",")).join("\n"));
  return file;
}
const W = framework[0].indexOf("weight");

describe("sci score --framework", () => {
  it("C dropped, A and B weighted 2/7 and 5/7: SCI = (2A + 5B) / 7 × coefficient", async () => {
    const noC = framework
      .filter((r) => !r[0].startsWith("C"))
      .map((r) => (r[0] === "A" ? [...r.slice(0, W), "2/7"] : r[0] === "B" ? [...r.slice(0, W), "5/7"] : r));
    const base = await sciJson(["score"]);
    const r = await sciJson(["score", "--framework", write("framework-noC.csv", noC)]);
    expect(r.ran.code).toBe(0);
    r.districts.forEach((d, i) => {
      const b = base.districts[i];
      expect(d.district).toBe(b.district);
      expect(d.values.SCI).toBeCloseTo(((2 * b.values.A + 5 * b.values.B) / 7) * b.coefficient, 10);
      expect(d.values.C).toBeUndefined();
    });
    // The built-in table's nine C columns are simply unused: they are no table of the user's.
    expect(r.issues.map((i) => i.code)).toEqual([]);
  });

  it("a new indicator needs its input column; with it, C3 is the mean of four", async () => {
    const fw = [
      ...framework.map((r) => (r[0].startsWith("C3.") ? [...r.slice(0, W), "25%"] : r)),
      ["C3.4", "3", "39", "C3", "数字孪生", "Digital twins", "25%"],
    ];
    const fwFile = write("framework-c34.csv", fw);
    const missing = await sci(["score", "--framework", fwFile]);
    expect(missing.code).toBe(1);
    // The built-in data has no C3.4: the issue points at the framework row that added it.
    expect(missing.stderr).toContain("[framework-needs-input]");
    expect(missing.stderr).toContain("framework-c34.csv!A54");
    expect(missing.stderr).toContain("C3.4（数字孪生）");

    const withColumn = write("inputs-c34.csv", [[...head, "数字孪生"], ...rows.map((r) => [...r, "100"])]);
    const base = await sciJson(["score"]);
    const r = await sciJson(["score", withColumn, "--framework", fwFile]);
    expect(r.ran.code).toBe(0);
    r.districts.forEach((d, i) => {
      const b = base.districts[i].values;
      expect(d.values.C3).toBeCloseTo((b["C3.1"] + b["C3.2"] + b["C3.3"] + 100) / 4, 10);
    });
  });

  it("a broken framework: exit 1, the issue printed, nothing scored", async () => {
    const ran = await sci([
      "score",
      "--framework",
      write(
        "framework-bad.csv",
        framework.map((r) => (r[0] === "A" ? [...r.slice(0, W), "1/4"] : r)),
      ),
    ]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("[framework-weights]");
    expect(ran.stderr).toContain("1.05");
    // The file and the weight cells of A, B and C (rows 3, 13 and 41 of framework.csv, column G).
    expect(ran.stderr).toContain("[framework-weights] framework-bad.csv!G3：指标 SCI（智慧城市发展水平指数）的下级权重（G3、G13、G41）之和为 1.05");
    expect(ran.stderr).toContain("weights (G3, G13, G41) of the children of SCI");
    expect(ran.stdout).toBe("");
    expect(ran.stderr).not.toMatch(STACK);
  });
});

describe("weights rounded to 4 decimals", () => {
  it("A, B, C as 0.2001, 0.5, 0.3 (sum 1.0001): accepted with a warning naming the cells, rescaled", async () => {
    const fw = framework.map((r) =>
      r[0] === "A" ? [...r.slice(0, W), "0.2001"] : r[0] === "B" ? [...r.slice(0, W), "0.5"] : r[0] === "C" ? [...r.slice(0, W), "0.3"] : r,
    );
    const base = await sciJson(["score"]);
    const r = await sciJson(["score", "--framework", write("framework-rounded.csv", fw)]);
    expect(r.ran.code).toBe(0);
    const warned = r.issues.filter((i) => i.code === "framework-weights-rounded");
    expect(warned.map((i) => [i.severity, i.cell?.address, i.indicator])).toEqual([["warning", "G3", "SCI"]]);
    expect(warned[0].zh).toContain("framework-rounded.csv!G3：指标 SCI（智慧城市发展水平指数）的下级权重（G3、G13、G41）");
    expect(warned[0].zh).toContain("1.0001");
    r.districts.forEach((d, i) => {
      const b = base.districts[i];
      const expected = ((0.2001 * b.values.A + 0.5 * b.values.B + 0.3 * b.values.C) / 1.0001) * b.coefficient;
      expect(d.values.SCI).toBeCloseTo(expected, 10);
    });
  });

  it("a sum 0.0006 off is still refused", async () => {
    const fw = framework.map((r) => (r[0] === "A" ? [...r.slice(0, W), "0.2006"] : r));
    const ran = await sci(["score", "--framework", write("framework-off.csv", fw)]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("[framework-weights] framework-off.csv!G3：指标 SCI（智慧城市发展水平指数）的下级权重（G3、G13、G41）之和为 1.0006");
  });
});

describe("sci score --raw --settings", () => {
  // Raw figures: the published index × benchmark / 100, benchmark 40 for every indicator;
  // ratio normalisation must give the published inputs back.
  const raw = write("raw.csv", [head, ...rows.map((r) => r.map((v, c) => (isInput(c) ? String((Number(v) * 40) / 100) : v)))]);
  const settings = (edit: (row: string[]) => string[] = (r) => r) =>
    write("settings.csv", [["indicator", "method", "benchmark"], ...head.filter((_, c) => isInput(c)).map((code) => edit([code, "ratio", "40"]))]);

  it("scores the normalised indices exactly as the index inputs", async () => {
    const base = await sciJson(["score"]);
    const r = await sciJson(["score", "--raw", raw, "--settings", settings()]);
    expect(r.ran.code).toBe(0);
    expect(r.issues).toEqual([]);
    r.districts.forEach((d, i) => {
      for (const [code, v] of Object.entries(base.districts[i].values)) expect(d.values[code], `${d.district} ${code}`).toBeCloseTo(v, 9);
      expect(d.ranks).toEqual(base.districts[i].ranks);
    });
  });

  it("settings errors name the settings cell: zero benchmark, unknown method", async () => {
    const file = settings((r) => (r[0] === "A2.1" ? [r[0], r[1], "0"] : r[0] === "B1.1" ? [r[0], "median", r[2]] : r));
    const ran = await sci(["score", "--raw", raw, "--settings", file]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("[settings-zero-benchmark] settings.csv!C3，A2.1");
    expect(ran.stderr).toContain("[settings-unknown-method] settings.csv!B8，B1.1");
    expect(ran.stderr).toContain("2 input errors: nothing scored");
  });

  it("--raw and --settings go together; not with an input table", async () => {
    expect((await sci(["score", "--raw", raw])).code).toBe(2);
    expect((await sci(["score", "--settings", settings()])).code).toBe(2);
    expect((await sci(["score", raw, "--raw", raw, "--settings", settings()])).code).toBe(2);
  });
});
