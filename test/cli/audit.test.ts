// `sci audit` on the 2020 data: the JSON names the issue lists, figures checked against the
// independent computation (test/core/audit/independent.py), the choices, and the audit workbook.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { layoutWorkbook } from "../../src/cli/write-xlsx";
import { audit, score } from "../../src/core";
import { auditLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { fixtureRows, sci, tempDir } from "./helpers";

const dir = tempDir();

type AuditJson = {
  choices: Record<string, string | null>;
  indicators: Record<string, Record<string, number | boolean | string | null>>;
  cronbach: Record<string, number | null>;
  collinear: [string, string, number][];
  negative: [string, number][];
  importance: Record<string, { weight: number; r2: number | null; share: number | null }>;
  removeOne: Record<string, { meanAbsRankShift: number | null; maxRankShift: number | null }>;
  treatment: { indicator: string; changed: { district: string; from: number; to: number }[] }[];
  imputed: { district: string; indicator: string; value: number; cell?: string }[];
  sobol: { samples: number; runs: number; factors: { key: string; first: number; total: number }[] } | null;
  issues: { severity: string; code: string; cell?: { address: string } }[];
};

const auditJson = async (args: string[]) => {
  const ran = await sci(["audit", ...args, "--json"], dir);
  return { ran, json: JSON.parse(ran.stdout) as AuditJson };
};

describe("sci audit --json on the built-in 2020 data", async () => {
  const { ran, json } = await auditJson(["--samples", "200"]);
  it("exits 0 with the issue's names", () => {
    expect(ran.code).toBe(0);
    for (const key of ["indicators", "cronbach", "collinear", "negative", "importance", "removeOne"]) expect(json).toHaveProperty(key);
    expect(Object.keys(json.indicators.A2)).toEqual([
      "parent",
      "n",
      "mean",
      "sd",
      "min",
      "max",
      "skew",
      "kurtosis",
      "outlier",
      "r_parent",
      "p_parent",
      "r_composite",
      "rho_composite",
    ]);
  });
  it("every indicator except the composite; every parent with two or more children", () => {
    expect(Object.keys(json.indicators)).toHaveLength(51);
    expect(json.indicators.SCI).toBeUndefined();
    expect(Object.keys(json.cronbach)).toEqual(["SCI", "A", "A2", "A3", "B", "B1", "B2", "B3", "B4", "C", "C1", "C2", "C3"]);
    expect(Object.keys(json.importance)).toHaveLength(38);
    expect(Object.keys(json.removeOne)).toHaveLength(51);
  });
  it("figures agree with the independent computation (Python; LibreOffice for SKEW/KURT)", () => {
    expect(json.indicators["A2.1"]).toMatchObject({ parent: "A2", n: 16, min: 131.28, max: 142.39, outlier: false });
    expect(json.indicators["A2.1"].skew).toBeCloseTo(-1.970939453016, 10);
    expect(json.indicators["A2.1"].kurtosis).toBeCloseTo(4.70533950991061, 10);
    expect(json.indicators["B2.1"].skew).toBeCloseTo(-2.53565597350687, 10);
    expect(json.indicators["B2.1"]).toMatchObject({ outlier: true });
    expect(json.indicators.B.r_composite).toBeCloseTo(0.967603, 6);
    expect(json.indicators.C2.rho_composite).toBeCloseTo(0.653804, 6);
    expect(json.cronbach.SCI).toBeCloseTo(0.830117725, 8);
    expect(json.collinear.map(([a, b, r]) => [a, b, +r.toFixed(6)])).toEqual([
      ["B2.3", "B2.6", 0.938404],
      ["B2.6", "B2.7", 0.917887],
    ]);
  });
  it("B4.6 (all 100): null statistics and a note, never NaN", () => {
    expect(json.indicators["B4.6"]).toMatchObject({ sd: 0, skew: null, kurtosis: null, r_parent: null, r_composite: null, rho_composite: null });
    expect(json.importance["B4.6"]).toEqual({ weight: expect.any(Number), r2: null, share: null });
    expect(json.issues.filter((i) => i.code === "audit-constant")).toHaveLength(1);
    expect(ran.stdout).not.toContain("NaN");
  });
  it("Sobol: N·(d + 2) runs over aggregation, treatment, coefficient and weights", () => {
    expect(json.sobol).toMatchObject({ samples: 200, runs: 200 * 6 });
    expect(json.sobol!.factors.map((f) => f.key)).toEqual(["aggregation", "treatment", "coefficient", "weights"]);
  });
});

describe("sci audit with choices", () => {
  it("--treat jrc lists every treated value as a warning naming its cell", async () => {
    const { ran, json } = await auditJson(["--treat", "jrc", "--samples", "0"]);
    expect(ran.code).toBe(0);
    expect(json.choices.treat).toBe("jrc");
    expect(json.treatment.map((t) => t.indicator)).toEqual(["A3.1", "B2.1", "B2.5", "B4.3", "B4.4", "C2.1"]);
    const changed = json.treatment.reduce((s, t) => s + t.changed.length, 0);
    expect(json.issues.filter((i) => i.code === "treated-value")).toHaveLength(changed);
    expect(json.sobol).toBeNull();
    // After treatment no input indicator is flagged any more.
    expect(json.treatment.every((t) => json.indicators[t.indicator].outlier === false)).toBe(true);
  });

  it("an empty cell: an error by default; --impute region-mean fills and names it", async () => {
    const rows = fixtureRows("inputs.csv");
    rows[3][2] = "";
    const file = join(dir, "one-empty.csv");
    writeFileSync(file, rows.map((r) => r.join(",")).join("\n") + "\n");
    const strict = await sci(["audit", file, "--samples", "0"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("[empty-cell]");
    const { ran, json } = await auditJson([file, "--impute", "region-mean", "--samples", "0"]);
    expect(ran.code).toBe(0);
    expect(json.imputed).toEqual([{ district: rows[3][0], indicator: "A1.1", value: expect.any(Number), cell: "one-empty.csv!C4" }]);
    const region = rows
      .slice(1)
      .filter((r, i) => i !== 2 && r[1] === rows[3][1])
      .map((r) => Number(r[2]));
    expect(json.imputed[0].value).toBeCloseTo(region.reduce((s, x) => s + x, 0) / region.length, 10);
    expect(json.issues.filter((i) => i.code === "imputed").map((i) => i.cell?.address)).toEqual(["C4"]);
  });

  it("--missing skip aggregates over the indicators present", async () => {
    const { ran, json } = await auditJson([join(dir, "one-empty.csv"), "--missing", "skip", "--samples", "0"]);
    expect(ran.code).toBe(0);
    expect(json.indicators["A1.1"].n).toBe(15);
    expect(json.issues.filter((i) => i.code === "missing-skipped").map((i) => i.cell?.address)).toEqual(["C4"]);
  });

  it("a choice outside the list is a usage error", async () => {
    const r = await sci(["audit", "--treat", "cap"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--treat");
  });

  it("prints the flags first as text", async () => {
    const r = await sci(["audit", "--samples", "0"], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[2]).toBe("需关注 / Flags");
    expect(lines[3]).toContain("A3");
  });
});

describe("sci audit --raw --settings", () => {
  it("treats the raw statistics before normalising them; the Sobol run varies the normalisation method", async () => {
    // Raw = the index numbers × 0.4, ratio to a benchmark of 40: the index numbers again.
    const rows = fixtureRows("inputs.csv");
    const inputCol = (c: number) => c >= 2 && c < rows[0].length - 1;
    const raw = join(dir, "raw.csv");
    writeFileSync(raw, rows.map((r, i) => r.map((v, c) => (i > 0 && inputCol(c) ? String((Number(v) * 40) / 100) : v)).join(",")).join("\n") + "\n");
    const settings = join(dir, "settings.csv");
    writeFileSync(
      settings,
      [["indicator", "method", "benchmark"], ...rows[0].filter((_, c) => inputCol(c)).map((code) => [code, "ratio", "40"])].map((r) => r.join(",")).join("\n") +
        "\n",
    );
    const { ran, json } = await auditJson(["--raw", raw, "--settings", settings, "--treat", "jrc", "--samples", "200"]);
    expect(ran.code).toBe(0);
    // Ratio normalisation is linear, so treating raw values flags and treats the same indicators.
    expect(json.treatment.map((t) => t.indicator)).toEqual(["A3.1", "B2.1", "B2.5", "B4.3", "B4.4", "C2.1"]);
    expect(json.sobol!.factors.map((f) => f.key)).toEqual(["aggregation", "treatment", "normalisation", "coefficient", "weights"]);
    expect(json.indicators["A2.1"].skew).toBeCloseTo(-1.970939453016, 9);
  });
});

describe("the audit workbook", async () => {
  const file = join(dir, "audit.xlsx");
  const first = await sci(["audit", "--samples", "100", "--out", file], dir);
  const second = await sci(["audit", "--samples", "100", "--out", file, "--force"], dir); // rewriting needs --force
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const s = score(dataset2020());
  const layout = auditLayout(audit(s).result, s.dataset);

  it("is written (and rewritten) as one audit sheet", () => {
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["统计审计 2020"]);
  });
  it("holds text as text and the statistics as numbers", () => {
    const find = (text: string) => {
      let at: ExcelJS.Cell | undefined;
      ws.eachRow((row) => row.eachCell((c) => (c.value === text && !at && (text === "—" || Number(c.col) === 1) ? (at = c) : undefined)));
      return at!;
    };
    // The distribution table: code, name, n, mean, sd, min, max, skew, kurtosis, skewed.
    const top = Number(find("分布 / Distribution").row);
    const below = (text: string) => {
      let at: ExcelJS.Cell | undefined;
      ws.eachRow((row) => (Number(row.number) > top && !at && row.getCell(1).value === text ? (at = row.getCell(1)) : undefined));
      return at!;
    };
    const b21 = below("B2.1");
    expect(b21.type).toBe(ExcelJS.ValueType.String);
    const row = ws.getRow(Number(b21.row));
    expect(row.getCell(8).value as number).toBeCloseTo(-2.53565597350687, 10);
    // B4.6 is 100 in every district: sd 0, and no skew, kurtosis or correlation, shown as "—".
    const b46 = ws.getRow(Number(below("B4.6").row));
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => b46.getCell(c).value)).toEqual(["文化上海云公共文化设施上线率", 16, 100, 0, 100, 100, "—", "—", "否 no"]);
  });
  it("colour-scales every correlation matrix natively (conditional formats, −1 … 0 … 1)", () => {
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo: { value: number }[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(layout.colorScales!.length);
    expect(layout.colorScales!.length).toBe(13);
    for (const c of cf) {
      expect(c.rules[0].type).toBe("colorScale");
      expect(c.rules[0].cfvo.map((v) => v.value)).toEqual([-1, 0, 1]);
    }
  });
  it("two audit sheets in one workbook get fresh names", async () => {
    const twice = await layoutWorkbook({ title: "2020", sheets: [layout, layout] });
    expect(twice.worksheets.map((w) => w.name)).toEqual(["统计审计 2020", "统计审计 2020 (2)"]);
  });
});
