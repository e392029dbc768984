// --out is checked before anything is read or scored, and an existing file is kept unless --force.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reportLayout } from "../../src/report";
import { score } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { writeLayoutXlsx } from "../../src/cli/write-xlsx";
import { INPUTS_CSV, sci, tempDir } from "./helpers";

const dir = tempDir();

describe("sci score --out", () => {
  it("refuses to overwrite an existing file (exit 2, the file untouched), and overwrites it with --force", async () => {
    const out = join(dir, "ranking.xlsx");
    writeFileSync(out, "mine");
    const refused = await sci(["score", INPUTS_CSV, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--out 的文件已存在");
    expect(refused.stderr).toContain("--force");
    expect(refused.stdout).toBe(""); // nothing scored
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await sci(["score", INPUTS_CSV, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK"); // an .xlsx now
  });

  it("a missing folder or a folder as --out: usage errors before reading the input", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "district\n浦东\n"); // would give input errors (exit 1) if it were read
    const missing = await sci(["score", bad, "--out", join(dir, "no-such-folder", "r.xlsx")]);
    expect([missing.code, missing.stdout]).toEqual([2, ""]);
    expect(missing.stderr).toContain("--out 的文件夹不存在");
    const folder = join(dir, "a-folder.xlsx");
    mkdirSync(folder);
    const isDir = await sci(["score", bad, "--out", folder]);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toContain("--out 是一个文件夹");
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it("compare and sensitivity check --out the same way", async () => {
    const out = join(dir, "taken.xlsx");
    writeFileSync(out, "x");
    expect((await sci(["compare", INPUTS_CSV, INPUTS_CSV, "--out", out])).code).toBe(2);
    expect((await sci(["sensitivity", "--replications", "10", "--out", out])).code).toBe(2);
    expect((await sci(["sensitivity", "--replications", "10", "--out", out, "--force"])).code).toBe(0);
  });

  it("a failed write names the file asked for, never the temporary one", async () => {
    const target = join(dir, "gone", "r.xlsx");
    const error = await writeLayoutXlsx(reportLayout(score(dataset2020())), target).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toContain(target);
    expect(error).not.toMatch(/\.tmp/);
    expect(existsSync(target)).toBe(false);
  });
});
