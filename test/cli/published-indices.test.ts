// Real published indices scored from the publishers' own files as downloaded (../shared/realdata),
// with the shipped examples' framework and settings, against the publishers' own figures
// (UNDP's HDI column and rank) or an independent computation of the method (the OECD's BLI).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ROOT, sci, sciJson } from "./helpers";

const REAL = join(ROOT, "..", "shared", "realdata");
const HDI_XLSX = join(REAL, "hdi", "HDR21-22_Statistical_Annex_HDI_Table.xlsx");
const HDI_SERIES = join(REAL, "hdi", "HDR21-22_Composite_indices_complete_time_series.csv");
const BLI_CSV = join(REAL, "oecd-bli", "oecd_bli_2015.csv");
const have = existsSync(HDI_XLSX) && existsSync(BLI_CSV);
if (!have) console.warn("skipped: the publishers' files are not in ../shared/realdata");

/** UNDP's published HDI (3 decimals) and HDI rank of every ranked country, read cell by cell from Table 1. */
async function undpPublished(): Promise<Map<string, { hdi: number; rank: number }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(HDI_XLSX);
  const ws = wb.getWorksheet("Table 1")!;
  const out = new Map<string, { hdi: number; rank: number }>();
  ws.eachRow((row) => {
    const [rank, name, hdi] = [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value];
    if (typeof rank === "number" && typeof name === "string" && typeof hdi === "number") out.set(name, { hdi, rank });
  });
  return out;
}

const thousandths = (x: number) => Math.round(Number((x * 1000).toPrecision(12)));

describe.skipIf(!have)("UNDP's Human Development Index 2021 from Table 1 as published", () => {
  const argv = ["score", "--raw", HDI_XLSX, "--sheet", "Table 1", "--framework", "examples/hdi/framework.csv", "--settings", "examples/hdi/settings.csv"];

  it("gives all 191 ranked countries UNDP's HDI at 3 decimals and UNDP's rank; no aggregate and no country without data is ranked", async () => {
    const undp = await undpPublished();
    expect(undp.size).toBe(191);
    const r = await sciJson(argv);
    expect(r.ran.code).toBe(0);
    const ranked = r.districts.filter((d) => d.ranks.HDI.city !== null);
    expect(ranked.length).toBe(191);
    for (const d of ranked) {
      const p = undp.get(d.district);
      expect(p, d.district).toBeDefined();
      expect([d.district, thousandths(d.values.HDI)]).toEqual([d.district, thousandths(p!.hdi)]);
      expect([d.district, d.ranks.HDI.city]).toEqual([d.district, p!.rank]);
    }
    // The four countries UNDP leaves unranked are listed, unranked, with the reason.
    const unranked = r.districts.filter((d) => d.ranks.HDI.city === null).map((d) => d.district);
    expect(unranked.sort()).toEqual(["Korea (Democratic People's Rep. of)", "Monaco", "Nauru", "Somalia"]);
    const reasons = r.issues.filter((i) => i.code === "not-scored");
    expect(reasons.map((i) => i.district).sort()).toEqual(unranked);
    expect(reasons.find((i) => i.district === "Nauru")!.en).toContain("Mean years of schooling");
    // No aggregate row is an entity; they are named once, in one note.
    const names = r.districts.map((d) => d.district);
    for (const agg of ["World", "Arab States", "Very high human development", "Developing countries", "South Asia"]) expect(names).not.toContain(agg);
    const note = r.issues.filter((i) => i.code === "aggregate-rows");
    expect(note.length).toBe(1);
    expect(note[0].en).toContain("World");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reports its agreement with UNDP's own HDI column: 191 of 191 at 3 decimals", async () => {
    const r = (await sciJson(argv)) as Awaited<ReturnType<typeof sciJson>> & { published?: { code: string; matched: number; compared: number }[] };
    expect(r.published?.map((p) => [p.code, p.matched, p.compared])).toEqual([["HDI", 191, 191]]);
    const note = r.issues.find((i) => i.code === "published-agreement")!;
    expect(note.en).toContain("191 of 191 at 3 decimals");
  });

  it("titles its ranking with the year the table's header names (2021), at 3 decimals", async () => {
    const r = await sci(argv);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("2021年 人类发展指数排名 / 2021 Human Development Index (HDI) ranking");
    expect(
      lines
        .find((l) => l.includes("Switzerland"))!
        .trim()
        .split(/\s{2,}/),
    ).toEqual(["1", "Switzerland", "0.962", "0.984", "0.920", "0.983"]);
  });

  it("the dimension indices are the technical note's, worked by hand for Switzerland", async () => {
    const r = await sciJson(argv);
    const ch = r.districts.find((d) => d.district === "Switzerland")!;
    // Table 1's own components: life expectancy 83.9872, expected 16.50029945 and mean 13.85966015
    // years of schooling, GNI per capita 66,933.00454 (2017 PPP $).
    expect(ch.values.H).toBeCloseTo((83.9872 - 20) / 65, 12);
    expect(ch.values.E).toBeCloseTo((16.50029945 / 18 + 13.85966015 / 15) / 2, 12);
    expect(ch.values.I).toBeCloseTo(Math.log(66933.00454 / 100) / Math.log(75000 / 100), 12);
    expect(ch.values.HDI).toBeCloseTo(Math.cbrt(ch.values.H * ch.values.E * ch.values.I), 12);
    // Above the upper goalpost is capped: Norway's 18.185 expected years count as 18.
    const no = r.districts.find((d) => d.district === "Norway")!;
    expect(no.values.EYS).toBe(1);
  });

  it("the same table read as finished indices (no --raw) is refused as raw statistics, with how to give it", async () => {
    const r = await sciJson(["score", HDI_XLSX, "--sheet", "Table 1", "--framework", "examples/hdi/framework.csv"]);
    expect(r.ran.code).toBe(1);
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => i.code)).toEqual(["raw-values"]);
    expect(errors[0].en).toContain("--raw with --settings");
    expect(r.districts).toEqual([]);
  });

  it("reads UNDP's 1,009-column time series too, the framework selecting its columns", async () => {
    const dir = join(ROOT, "examples", "hdi");
    const r = await sciJson([
      "score",
      "--raw",
      HDI_SERIES,
      "--framework",
      join(dir, "framework-time-series.csv"),
      "--settings",
      join(dir, "settings-time-series.csv"),
    ]);
    expect(r.ran.code).toBe(0);
    const undp = await undpPublished();
    const ranked = r.districts.filter((d) => d.ranks.hdi_2021.city !== null);
    expect(ranked.length).toBe(191);
    // The two files spell two countries differently.
    const table1 = (name: string) => ({ "Cote d'Ivoire": "Côte d'Ivoire", Turkey: "Türkiye" })[name] ?? name;
    for (const d of ranked) expect([d.district, d.ranks.hdi_2021.city]).toEqual([d.district, undp.get(table1(d.district))!.rank]);
  });
});

/** The BLI computed here from the export, independently: TOT rows, OECD - Total left out, min-max, equal weights. */
function independentBli(): Map<string, Record<string, number>> {
  const text = readFileSync(BLI_CSV, "utf8").replace(/^\uFEFF/, "");
  const rows = text
    .trim()
    .split(/\r?\n/)
    .map((l) => [...l.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]).slice(0, 17));
  const h = rows[0];
  const col = (name: string) => h.indexOf(name);
  const data = new Map<string, Map<string, number>>();
  for (const r of rows.slice(1)) {
    if (r[col("INEQUALITY")] !== "TOT" || r[col("Country")] === "OECD - Total") continue;
    const c = r[col("Country")];
    if (!data.has(c)) data.set(c, new Map());
    data.get(c)!.set(r[col("INDICATOR")], Number(r[col("Value")]));
  }
  const lower = new Set(["HO_BASE", "HO_HISH", "JE_JT", "JE_LTUR", "EQ_AIRP", "PS_REPH", "PS_SFRV", "WL_EWLH"]);
  const indicators = [...data.values().next().value!.keys()];
  const out = new Map<string, Record<string, number>>();
  for (const [c] of data) out.set(c, {});
  const dims = new Map<string, string[]>();
  for (const i of indicators) dims.set(i.split("_")[0], [...(dims.get(i.split("_")[0]) ?? []), i]);
  for (const i of indicators) {
    const xs = [...data.values()].map((m) => m.get(i)!);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    for (const [c, m] of data) out.get(c)![i] = (lower.has(i) ? hi - m.get(i)! : m.get(i)! - lo) / (hi - lo);
  }
  for (const [, v] of out) {
    for (const [d, is] of dims) v[d] = is.reduce((t, i) => t + v[i], 0) / is.length;
    v.BLI = [...dims.keys()].reduce((t, d) => t + v[d], 0) / dims.size;
  }
  return out;
}

describe.skipIf(!have)("the OECD's Better Life Index 2015 from the unedited long export", () => {
  it("scores the 36 countries as an independent computation of the OECD method does, every dimension too", async () => {
    const r = await sciJson(["score", "--raw", BLI_CSV, "--framework", "examples/oecd-bli/framework.csv", "--settings", "examples/oecd-bli/settings.csv"]);
    expect(r.ran.code).toBe(0);
    const mine = independentBli();
    expect(mine.size).toBe(36);
    expect(r.districts.map((d) => d.district).sort()).toEqual([...mine.keys()].sort());
    for (const d of r.districts) {
      const m = mine.get(d.district)!;
      for (const code of ["BLI", "HO", "IW", "JE", "SC", "ES", "EQ", "CG", "HS", "SW", "PS", "WL"]) expect(d.values[code]).toBeCloseTo(m[code], 12);
    }
    // Ranks at the assessment's 3 decimals, over the countries.
    const keys = r.districts.map((d) => thousandths(mine.get(d.district)!.BLI));
    r.districts.forEach((d, i) => expect(d.ranks.BLI.city).toBe(1 + keys.filter((k) => k > keys[i]).length));
    // The export's other key columns: resolved to the total member, said once; the aggregate left out.
    expect(r.issues.find((i) => i.code === "long-format")!.en).toContain("INEQUALITY = TOT");
    expect(r.issues.find((i) => i.code === "aggregate-rows")!.en).toContain("OECD - Total");
  });
});
