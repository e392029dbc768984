// `sci score --json` against the published 2020 figures (issue 2 "Must show").
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ONE_CENT_OFF } from "../core/fixtures";
import { cents, fixtureRows, INPUTS_CSV, sci, sciJson, tempDir } from "./helpers";
import { both } from "../core/fixtures";

const framework = fixtureRows("framework.csv");
const CODES = framework.slice(1).map((r) => r[0]);
const LEAVES = framework
  .slice(1)
  .filter((r) => r[1] === "3")
  .map((r) => r[0]);

/** Competition ranks, highest first, on 2-decimal values: 1 + how many are strictly greater. */
const competition = (xs: number[]) => xs.map((x) => 1 + xs.filter((y) => cents(y) > cents(x)).length);

describe("sci score --json on the built-in 2020 data", async () => {
  const json = await sciJson(["score"]);
  const byName = new Map(json.districts.map((d) => [d.district, d]));
  const region = new Map(
    fixtureRows("districts.csv")
      .slice(1)
      .map((r) => [r[0], r[4]]),
  );

  it("exits 0 with no issues and 16 districts in input order", () => {
    expect(json.ran.code).toBe(0);
    expect(json.ran.stderr).toBe("");
    expect(json.issues).toEqual([]);
    expect(json.districts.map((d) => d.district)).toEqual(
      fixtureRows("inputs.csv")
        .slice(1)
        .map((r) => r[0]),
    );
    for (const d of json.districts) expect(d.region, d.district).toBe(region.get(d.district));
  });

  it("reproduces published-summary.csv to 2 decimals: 55 figures to the cent, 9 within 0.01", () => {
    const [head, ...rows] = fixtureRows("published-summary.csv");
    let exact = 0;
    for (const row of rows) {
      const d = byName.get(row[0])!;
      expect(d, row[0]).toBeDefined();
      head.slice(1).forEach((code, c) => {
        const published = Number(row[c + 1]);
        if (code === "coefficient") return expect(d.coefficient, row[0]).toBe(published);
        const value = d.values[code];
        const what = `${row[0]} ${code}`;
        expect(Math.abs(value - published), what).toBeLessThan(0.01);
        if (what in ONE_CENT_OFF) expect(cents(value), what).toBe(ONE_CENT_OFF[what]);
        else {
          expect(cents(value), what).toBe(published);
          exact++;
        }
      });
    }
    expect(exact).toBe(55);
  });

  it("has the README's city figures: SCI 109.77, 中心城区 119.44, 郊区 100.10, and the top three", () => {
    expect(cents(json.averages.city.SCI)).toBe(109.77);
    expect(cents(json.averages.central.SCI)).toBe(119.44);
    expect(cents(json.averages.suburban.SCI)).toBe(100.1);
    expect([cents(json.averages.city.A), cents(json.averages.city.B), cents(json.averages.city.C)]).toEqual([119.16, 113.12, 102.23]);
    const top = [...json.districts].sort((a, b) => a.ranks.SCI.city! - b.ranks.SCI.city!).slice(0, 3);
    expect(top.map((d) => [d.district, cents(d.values.SCI), d.ranks.SCI.city])).toEqual([
      ["浦东", 133.41, 1],
      ["徐汇", 126.74, 2],
      ["黄浦", 125.32, 3],
    ]);
  });

  it("keeps values unrounded: inputs exactly, composites at full precision", () => {
    expect(byName.get("浦东")!.values["A1.1"]).toBe(120.75);
    expect(byName.get("浦东")!.coefficient).toBe(1);
    expect(byName.get("黄浦")!.coefficient).toBe(0.98);
    const composites = json.districts.map((d) => d.values.SCI);
    expect(composites.some((x) => x !== cents(x))).toBe(true);
    // A composite is (A/5 + B/2 + 3C/10) × coefficient, exactly as printed.
    for (const d of json.districts) {
      const v = d.values;
      expect(v.SCI, d.district).toBeCloseTo((v.A / 5 + v.B / 2 + (3 * v.C) / 10) * d.coefficient, 9);
    }
  });

  it("has every framework code in every district's values and ranks and in each averages scope", () => {
    expect(CODES).toHaveLength(1 + 3 + 10 + 38);
    for (const d of json.districts) {
      expect(Object.keys(d.values).sort(), d.district).toEqual([...CODES].sort());
      expect(Object.keys(d.ranks).sort(), d.district).toEqual([...CODES].sort());
      for (const code of CODES) {
        expect(Number.isFinite(d.values[code]), `${d.district} ${code}`).toBe(true);
        expect(Object.keys(d.ranks[code]).sort()).toEqual(["city", "region"]);
      }
    }
    expect(Object.keys(json.averages).sort()).toEqual(["central", "city", "suburban"]);
    for (const scope of ["city", "central", "suburban"]) expect(Object.keys(json.averages[scope]).sort(), scope).toEqual([...CODES].sort());
  });

  it("averages are the plain means of the district values over the city and each region", () => {
    for (const code of CODES)
      for (const scope of ["city", "central", "suburban"]) {
        const members = json.districts.filter((d) => scope === "city" || d.region === scope);
        expect(members).toHaveLength(scope === "city" ? 16 : 8);
        const mean = members.reduce((s, d) => s + d.values[code], 0) / members.length;
        expect(json.averages[scope][code], `${scope} ${code}`).toBeCloseTo(mean, 10);
      }
  });

  it("ranks are competition ranks on 2-decimal values, over the city and within the region, for every code", () => {
    for (const code of CODES) {
      const city = competition(json.districts.map((d) => d.values[code]));
      expect(
        json.districts.map((d) => d.ranks[code].city),
        code,
      ).toEqual(city);
      for (const r of ["central", "suburban"]) {
        const members = json.districts.filter((d) => d.region === r);
        expect(
          members.map((d) => d.ranks[code].region),
          `${code} ${r}`,
        ).toEqual(competition(members.map((d) => d.values[code])));
      }
    }
  });

  it("shows the report's tie: 虹口 and 普陀 share rank 1 on 物联感知建设应用 (120.51), 杨浦 is 3rd", () => {
    for (const id of ["虹口", "普陀"]) {
      expect(byName.get(id)!.values["A2.3"]).toBe(120.51);
      expect(byName.get(id)!.ranks["A2.3"]).toEqual({ city: 1, region: 1 });
    }
    expect(byName.get("杨浦")!.ranks["A2.3"]).toEqual({ city: 3, region: 3 });
    // B4.6 is 100.00 in every district: one 16-way tie.
    expect(new Set(json.districts.map((d) => d.ranks["B4.6"].city))).toEqual(new Set([1]));
  });

  it("the input values of every district are the fixture's inputs", () => {
    const [head, ...rows] = fixtureRows("inputs.csv");
    for (const row of rows) for (const leaf of LEAVES) expect(byName.get(row[0])!.values[leaf], `${row[0]} ${leaf}`).toBe(Number(row[head.indexOf(leaf)]));
  });
});

describe("sci score INPUT.csv", async () => {
  const dir = tempDir();
  const builtIn = await sciJson(["score"]);
  const text = readFileSync(INPUTS_CSV, "utf8");

  it("test/fixtures/shanghai-2020/inputs.csv gives exactly the built-in result", async () => {
    const fromCsv = await sciJson(["score", INPUTS_CSV]);
    expect(fromCsv.ran.code).toBe(0);
    expect({ ...fromCsv, ran: undefined }).toEqual({ ...builtIn, ran: undefined });
  });

  it("reads UTF-8 with a BOM and CRLF line ends the same way, and relative paths from the working directory", async () => {
    writeFileSync(join(dir, "bom.csv"), "\uFEFF" + text.replace(/\r?\n/g, "\r\n"));
    const bom = await sciJson(["score", "bom.csv"], dir);
    expect(bom.ran.code).toBe(0);
    expect(bom.districts).toEqual(builtIn.districts);
    expect(bom.averages).toEqual(builtIn.averages);
  });

  it("accepts Chinese headers, report numbers, names and district aliases", async () => {
    const [head, ...rows] = fixtureRows("inputs.csv");
    const leafNo = new Map(framework.slice(1).map((r) => [r[0], r[2]]));
    const nameZh = new Map(framework.slice(1).map((r) => [r[0], r[4]]));
    const english = new Map(
      fixtureRows("districts.csv")
        .slice(1)
        .map((r) => [r[0], r[2]]),
    );
    // Half the indicators by report number, half by Chinese name (the unambiguous ones).
    const renamed = head.map((h, c) =>
      h === "district"
        ? "行政区"
        : h === "region"
          ? "区域"
          : h === "coefficient"
            ? "网络安全状况系数"
            : c % 2
              ? leafNo.get(h)!
              : h.startsWith("C2")
                ? h
                : nameZh.get(h)!,
    );
    const csv = [renamed, ...rows.map((r) => [english.get(r[0])!, r[1] === "central" ? "中心城区" : "郊区", ...r.slice(2)])].map((r) => r.join(",")).join("\n");
    writeFileSync(join(dir, "zh.csv"), csv);
    const zh = await sciJson(["score", "zh.csv"], dir);
    expect(zh.ran.stderr).toBe("");
    expect(zh.districts).toEqual(builtIn.districts);
  });

  it("reads a GBK file (Excel's CSV on Chinese Windows) with a warning, still exit 0", async () => {
    // GBK bytes of the few Chinese characters used, from the GB 2312 code table.
    const GBK: Record<string, number[]> = { 浦: [0xc6, 0xd6], 东: [0xb6, 0xab], 备: [0xb1, 0xb8], 注: [0xd7, 0xa2] };
    const encode = (t: string) =>
      Buffer.from([...t].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (GBK[ch] ?? expect.fail(`no GBK code for ${ch}`)))));
    const english = new Map(
      fixtureRows("districts.csv")
        .slice(1)
        .map((r) => [r[0], r[2]]),
    );
    const [head, ...rows] = fixtureRows("inputs.csv");
    const csv = [[...head, "备注"], ...rows.map((r) => [r[0] === "浦东" ? r[0] : english.get(r[0])!, ...r.slice(1), ""])];
    const bytes = encode(csv.map((r) => r.join(",")).join("\n"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    writeFileSync(join(dir, "gbk.csv"), bytes);
    const out = await sciJson(["score", "gbk.csv"], dir);
    expect(out.ran.code).toBe(0);
    expect(out.issues.map((i) => i.code).sort()).toEqual(["csv-encoding", "unknown-column"]);
    expect(both(out.issues.find((i) => i.code === "unknown-column")!)).toContain("「备注」");
    expect(out.ran.stderr).toMatch(/警告 warning \[csv-encoding\] gbk\.csv 不是 UTF-8 编码/);
    expect(out.districts).toEqual(builtIn.districts);
  });
});

describe("sci score default output", () => {
  it("prints the readable ranking on stdout and nothing on stderr", async () => {
    const ran = await sci(["score"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toContain("2020年 智慧城市发展水平指数排名");
    expect(ran.stdout).toMatch(/^\s+1\s+浦东 Pudong\s+133\.41\s+121\.96\s+136\.12\s+136\.52\s+1\.00\s+中心城区$/m);
    expect(ran.stdout).toMatch(/全市平均 City mean\s+109\.77\s/);
  });
});
