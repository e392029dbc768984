// sci template writes the files sci score reads: their columns are the spec's, and a filled-in
// or unchanged template scores as the built-in data does.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureRows, sci, sciJson, tempDir } from "./helpers";

const dir = tempDir();
const inputs = fixtureRows("inputs.csv");
const csvRows = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r\n/)
    .filter(Boolean)
    .map((l) => l.split(","));

describe("sci template", () => {
  it("input: the spec's columns, one row per district in the spec's order, values empty; filled in, it scores as the 2020 data", async () => {
    const file = join(dir, "input.csv");
    const ran = await sci(["template", "input", file]);
    expect(ran.code).toBe(0);
    const rows = csvRows(file);
    expect(rows[0]).toEqual(inputs[0]);
    expect(rows.map((r) => r[0])).toEqual(inputs.map((r) => r[0]));
    expect(rows.slice(1).every((r) => r.slice(2).every((v) => v === ""))).toBe(true);
    // Filled with inputs.csv's values (regions as the template writes them):
    const filled = rows.map((r, i) => (i === 0 ? r : [r[0], r[1], ...inputs[i].slice(2)]));
    writeFileSync(file, filled.map((r) => r.join(",")).join("\n"));
    const scored = await sciJson(["score", file]);
    const builtin = await sciJson(["score"]);
    expect(scored.ran.code).toBe(0);
    expect(scored.districts.map((d) => [d.district, d.values.SCI])).toEqual(builtin.districts.map((d) => [d.district, d.values.SCI]));
  });

  it("input, scored blank: one line per district naming the row's 39 empty cells, not 624 lines", async () => {
    const file = join(dir, "blank.csv");
    expect((await sci(["template", "input", file])).code).toBe(0);
    const ran = await sci(["score", file]);
    expect(ran.code).toBe(1);
    const lines = ran.stderr.trim().split("\n");
    // 38 indicators (C … AN) and the coefficient (AO) on rows 2 … 17, one district each.
    expect(lines.slice(0, -1)).toEqual(
      inputs
        .slice(1)
        .map(
          (r, i) =>
            `错误 error [empty-cell] blank.csv!C${i + 2}:AO${i + 2}，${r[0]}：39 个单元格为空 / blank.csv!C${i + 2}:AO${i + 2}, ${r[0]}: 39 empty cells`,
        ),
    );
    expect(lines.at(-1)).toBe("输入有 624 个错误，未评分 / 624 input errors: nothing scored");
    // --json still lists every cell.
    const json = await sciJson(["score", file]);
    expect(json.issues.filter((i) => i.code === "empty-cell")).toHaveLength(624);
  });

  it("raw has the input table's columns; framework and districts, unchanged, score as the built-in ones", async () => {
    expect((await sci(["template", "raw", join(dir, "raw.csv")])).code).toBe(0);
    expect(csvRows(join(dir, "raw.csv"))[0]).toEqual(inputs[0]);
    expect((await sci(["template", "framework", join(dir, "framework.csv")])).code).toBe(0);
    expect(csvRows(join(dir, "framework.csv"))[0]).toEqual(["code", "level", "no", "parent", "name_zh", "name_en", "weight"]);
    expect(csvRows(join(dir, "framework.csv"))).toHaveLength(fixtureRows("framework.csv").length);
    expect((await sci(["template", "districts", join(dir, "districts.csv")])).code).toBe(0);
    const d = csvRows(join(dir, "districts.csv"));
    expect(d[0]).toEqual(["district", "region", "full_name", "name_en", "code"]);
    expect(d[1]).toEqual(["浦东", "中心城区", "浦东新区", "Pudong", "310115"]);
    const builtin = await sciJson(["score"]);
    const custom = await sciJson(["score", "--framework", join(dir, "framework.csv"), "--districts", join(dir, "districts.csv")]);
    expect(custom.ran.code, custom.ran.stderr).toBe(0);
    expect(custom.districts.map((x) => x.values.SCI)).toEqual(builtin.districts.map((x) => x.values.SCI));
  });

  it("keeps an existing file unless --force; an unknown kind is a usage error", async () => {
    const file = join(dir, "mine.csv");
    writeFileSync(file, "mine");
    expect((await sci(["template", "input", file])).code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("mine");
    expect((await sci(["template", "input", file, "--force"])).code).toBe(0);
    const unknown = await sci(["template", "settings"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("input、raw、framework、districts");
  });
});

describe("the year of sci score's titles", () => {
  it("comes from the input file's name, in both languages; a file without one gets no 年 twice", async () => {
    const file = join(dir, "inputs-2021.csv");
    writeFileSync(file, readFileSync(join(__dirname, "..", "fixtures", "shanghai-2020", "inputs.csv")));
    const ran = await sci(["score", file]);
    expect(ran.stdout.split("\n")[0]).toBe("2021年 智慧城市发展水平指数排名 / 2021 Smart City Development Index ranking");
    const plain = join(dir, "data.csv");
    writeFileSync(plain, readFileSync(file));
    const first = (await sci(["score", plain])).stdout.split("\n")[0];
    expect(first).not.toMatch(/年年/);
    expect(first.split(" / ")[1]).toBe("Smart City Development Index ranking");
  });
});
