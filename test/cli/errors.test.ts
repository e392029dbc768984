// Exit codes: 1 for input errors (every issue with its cell, no workbook written), 2 for usage
// errors; and never a stack trace.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { registerCommand } from "../../src/cli/main";
import { columnName, fixtureRows, INPUTS_CSV, sci, sciJson, STACK, tempDir } from "./helpers";
import { both } from "../core/fixtures";

const dir = tempDir();
const [head, ...rows] = fixtureRows("inputs.csv");

/** inputs.csv with some cells replaced: [district, column header, new text]. */
function broken(name: string, edits: [string, string, string][]): string {
  const body = rows.map((r) => [...r]);
  for (const [district, header, text] of edits) body.find((r) => r[0] === district)![head.indexOf(header)] = text;
  const file = join(dir, name);
  writeFileSync(file, [head, ...body].map((r) => r.join(",")).join("\n"));
  return file;
}

describe("input errors: exit 1", () => {
  it("a broken cell prints the issue with its cell, district and indicator, and writes no --out file", async () => {
    const file = broken("broken.csv", [["徐汇", "B2.3", "abc"]]);
    const out = join(dir, "never.xlsx");
    const ran = await sci(["score", file, "--out", out]);
    expect(ran.code).toBe(1);
    // 徐汇 is data row 4 (sheet row 5); B2.3 is column index 14 → O.
    expect(head.indexOf("B2.3")).toBe(14);
    expect(ran.stderr).toContain("错误 error [not-a-number] broken.csv!O5，徐汇，B2.3 ");
    expect(ran.stderr).toContain("broken.csv!O5, 徐汇, B2.3 ");
    expect(ran.stderr).toContain("「abc」不是数字");
    expect(ran.stderr).toMatch(/输入有 1 个错误，未评分，未写出 never\.xlsx \/ 1 input error: nothing scored, never\.xlsx not written/);
    expect(ran.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(ran.stderr).not.toMatch(STACK);
  });

  it("prints every issue, errors first and cells to fill after them (as the pane lists them), each with its own cell", async () => {
    const file = broken("many.csv", [
      ["浦东", "A1.1", "#N/A"],
      ["黄浦", "C3.3", "-5"],
      ["崇明", "coefficient", "1.2"],
      ["静安", "B1.1", ""],
      ["闵行", "A2.1", "5000"],
    ]);
    const ran = await sci(["score", file]);
    expect(ran.code).toBe(1);
    const lines = ran.stderr.trim().split("\n");
    const expected = [
      ["excel-error", `many.csv!${columnName(head.indexOf("A1.1"))}2`],
      ["negative", `many.csv!${columnName(head.indexOf("C3.3"))}3`],
      ["coefficient-range", `many.csv!${columnName(head.indexOf("coefficient"))}17`],
      ["empty-cell", `many.csv!${columnName(head.indexOf("B1.1"))}4`],
      ["implausible", `many.csv!${columnName(head.indexOf("A2.1"))}11`],
    ];
    expect(lines).toHaveLength(expected.length + 1);
    expected.forEach(([code, cell], i) => {
      expect(lines[i]).toContain(`[${code}] ${cell}`);
      expect(lines[i].startsWith(code === "implausible" ? "警告 warning" : "错误 error")).toBe(true);
    });
    expect(lines.at(-1)).toContain("4 input errors");
  });

  it("with --json, stdout still holds the JSON shape with the issues and no scores", async () => {
    const file = broken("json.csv", [["黄浦", "district", "黄埔"]]);
    const json = await sciJson(["score", file]);
    expect(json.ran.code).toBe(1);
    expect(json.districts).toEqual([]);
    expect(json.averages).toEqual({});
    const unknown = json.issues.find((i) => i.code === "unknown-district")!;
    expect(unknown.cell).toMatchObject({ sheet: "json.csv", address: "A3" });
    expect(both(unknown)).toContain("是否指「黄浦」");
    // The misspelt row names 黄浦 already: one issue for one cause.
    expect(json.issues.find((i) => i.code === "missing-district")).toBeUndefined();
  });

  it("a missing indicator column and an unknown district are reported, not thrown", async () => {
    const csv = readFileSync(INPUTS_CSV, "utf8").replace(",C3.3,", ",XYZ,").replace("\n浦东,", "\n浦东东,");
    writeFileSync(join(dir, "cols.csv"), csv);
    const ran = await sci(["score", "cols.csv"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("[missing-column]");
    expect(ran.stderr).toContain("C3.3");
    expect(ran.stderr).toContain("[unknown-column]");
    expect(ran.stderr).toContain("[unknown-district] cols.csv!A2");
  });

  it("an empty file is an input error", async () => {
    writeFileSync(join(dir, "empty.csv"), "");
    const ran = await sci(["score", "empty.csv"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("[empty-table]");
  });

  it("a corrupt .xlsx is one line, exit 1", async () => {
    writeFileSync(join(dir, "corrupt.xlsx"), "this is not a zip");
    const ran = await sci(["score", "corrupt.xlsx"], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr.trim().split("\n")).toHaveLength(1);
    expect(ran.stderr).toContain("无法读取 Excel 文件 corrupt.xlsx");
  });

  it("an --out in a folder that does not exist is a usage error before scoring (exit 2)", async () => {
    const ran = await sci(["score", "--out", join(dir, "no-such-dir", "x.xlsx")]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/--out 的文件夹不存在：.*no-such-dir/);
    expect(ran.stderr).not.toMatch(STACK);
  });
});

describe("usage errors: exit 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["unknown flag", ["score", "--csv"], /未知选项 --csv \/ usage error: unknown option --csv/],
    ["unknown short flag", ["score", "-x"], /unknown option -x/],
    ["flag before the command", ["--json"], /unknown option --json/],
    ["--out without a value", ["score", "--out"], /option --out needs a value/],
    ["--json with a value", ["score", "--json=yes"], /option --json takes no value/],
    ["missing file", ["score", "no-such-file.csv"], /找不到输入文件 no-such-file\.csv/],
    ["unsupported extension", ["score", "package.json"], /不支持的文件类型「package\.json」/],
    ["old Excel format", ["score", "data.xls"], /use \.csv or \.xlsx/],
    ["too many arguments", ["score", "a.csv", "b.csv"], /too many arguments: b\.csv/],
    ["--out not .xlsx", ["score", "--out", "ranking.csv"], /--out must be an \.xlsx file/],
    ["unknown command", ["rank"], /unknown command "rank"; commands: score/],
    ["no command", [], /用法 \/ Usage: sci <命令 command>/],
  ];
  it.each(cases)("%s", async (_, argv, message) => {
    const ran = await sci(argv);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(message);
    expect(ran.stderr).not.toMatch(STACK);
  });

  it("--out may not overwrite the input", async () => {
    const ran = await sci(["score", "in.xlsx", "--out", "./in.xlsx"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("--out would overwrite the input file");
  });
});

describe("help and version: exit 0", () => {
  it("sci --help lists the commands", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const ran = await sci([flag]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toMatch(/^\s+score\s+评分并排名/m);
    }
  });

  it("sci score --help and sci help score describe the options", async () => {
    for (const argv of [
      ["score", "--help"],
      ["score", "-h"],
      ["help", "score"],
    ]) {
      const ran = await sci(argv);
      expect(ran.code).toBe(0);
      for (const option of ["--json", "--out FILE", "INPUT"]) expect(ran.stdout).toContain(option);
    }
  });

  it("sci --version prints package.json's version", async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    const ran = await sci(["--version"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe(`sci ${pkg.version}\n`);
  });
});

describe("the command table", () => {
  it("dispatches to a registered command with its own options, and an unexpected throw is one line, exit 1", async () => {
    let seen: unknown;
    registerCommand({
      name: "boom",
      summary: "测试 / test",
      help: "boom --level N\n",
      options: { level: { type: "string" } },
      async run({ values }) {
        seen = values.level;
        throw new TypeError("kaboom\n    at somewhere (file.js:1:1)");
      },
    });
    const ran = await sci(["boom", "--level", "3"]);
    expect(seen).toBe("3");
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe("意外错误：kaboom / unexpected error: kaboom\n");
    expect((await sci(["--help"])).stdout).toMatch(/^\s+boom\s+测试 \/ test/m);
    expect((await sci(["boom", "--json"])).code).toBe(2);
  });
});
