// The example files and what examples/README.md says they give.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, sci, sciJson, fixtureRows } from "./helpers";

const ex = (name: string) => join(ROOT, "examples", name);
const sciOf = (r: { districts: { district: string; values: Record<string, number> }[] }) => r.districts.map((d) => [d.district, d.values.SCI] as const);

describe("examples/", () => {
  it("inputs-2020.csv and framework.csv are the spec's files", () => {
    const plain = (file: string) =>
      readFileSync(file, "utf8")
        .replace(/^\uFEFF/, "")
        .replace(/\r\n/g, "\n")
        .trim();
    expect(plain(ex("inputs-2020.csv"))).toBe(
      fixtureRows("inputs.csv")
        .map((r) => r.join(","))
        .join("\n"),
    );
    expect(plain(ex("framework.csv"))).toBe(
      fixtureRows("framework.csv")
        .map((r) => r.join(","))
        .join("\n"),
    );
  });

  it("score them every way: the input table, raw data with settings, the framework and the entity list all give the built-in figures", async () => {
    const builtin = sciOf(await sciJson(["score"]));
    expect(sciOf(await sciJson(["score", ex("inputs-2020.csv")]))).toEqual(builtin);
    const custom = await sciJson(["score", "--framework", ex("framework.csv"), "--districts", ex("districts.csv"), ex("inputs-2020.csv")]);
    expect(custom.ran.code, custom.ran.stderr).toBe(0);
    expect(sciOf(custom)).toEqual(builtin);
    const raw = await sciJson(["score", "--raw", ex("raw-2020.csv"), "--settings", ex("settings.csv")]);
    expect(raw.ran.code, raw.ran.stderr).toBe(0);
    sciOf(raw).forEach(([d, v], i) => {
      expect(d).toBe(builtin[i][0]);
      expect(v).toBeCloseTo(builtin[i][1], 9);
    });
  });

  it("compare 2020 with 2021: 崇明 +9.90 and 16th → 14th, 松江 −4.95 and 14th → 16th, nothing else moves", async () => {
    const ran = await sci(["compare", ex("inputs-2020.csv"), ex("inputs-2021.csv")]);
    expect(ran.code, ran.stderr).toBe(0);
    const table = ran.stdout;
    expect(table).toMatch(/崇明\s+87\.31\s+97\.21\s+\+9\.90\s+16\s+14\s+排名上升2位/);
    expect(table).toMatch(/松江\s+93\.81\s+88\.86\s+-4\.95\s+14\s+16\s+排名下降2位/);
    expect(table).toMatch(/奉贤\s+89\.35\s+89\.35\s+0\.00\s+15\s+15\s+排名不变/);
    expect(table.split("\n").filter((l) => /排名不变/.test(l))).toHaveLength(14);
  });
});
