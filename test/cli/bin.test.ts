// The real `sci` process: bin/sci.js over the compiled dist/cli (built once here).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ROOT, sci, STACK, tempDir } from "./helpers";

const dir = tempDir();
const BIN = join(ROOT, "bin", "sci.js");
const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 60_000 });

/** Newest modification time under a folder, in ms. */
const newest = (folder: string): number =>
  Math.max(0, ...readdirSync(folder, { recursive: true, encoding: "utf8" }).map((f) => statSync(join(folder, f)).mtimeMs));

// Build once, unless dist/cli is already newer than every source it compiles (as after `npm ci`).
beforeAll(() => {
  const main = join(ROOT, "dist", "cli", "cli", "main.js");
  const sources = Math.max(...["core", "data", "cli"].map((d) => newest(join(ROOT, "src", d))));
  if (existsSync(main) && statSync(main).mtimeMs > sources) return;
  const tsc = node([join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"]);
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
  expect(existsSync(main)).toBe(true);
}, 120_000);

describe("node bin/sci.js", () => {
  it("score --json prints the same document as the in-process run, exit 0", async () => {
    const spawned = node([BIN, "score", "--json"]);
    expect(spawned.status).toBe(0);
    expect(spawned.stderr).toBe("");
    const inProcess = await sci(["score", "--json"]);
    expect(JSON.parse(spawned.stdout)).toEqual(JSON.parse(inProcess.stdout));
    const pudong = JSON.parse(spawned.stdout).districts[0];
    expect([pudong.district, Math.round(pudong.values.SCI * 100) / 100]).toEqual(["浦东", 133.41]);
  });

  it("score --out writes a workbook exceljs can read, relative to the working directory", async () => {
    const spawned = node([BIN, "score", "--out", "demo.xlsx"], dir);
    expect(spawned.status).toBe(0);
    expect(spawned.stdout).toMatch(/^\s+1\s+浦东 Pudong\s+133\.41/m);
    expect(spawned.stderr).toContain("demo.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "demo.xlsx"));
    expect(wb.worksheets[0].name).toBe("排名 2020");
  });

  it("exit codes reach the shell: 2 for usage errors, 1 for input errors, never a stack trace", () => {
    const usage = node([BIN, "score", "--nope"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("unknown option --nope");
    const input = node([BIN, "score", join(dir, "demo.xlsx")]); // a ranking workbook is not an input table
    expect(input.status).toBe(1);
    expect(input.stderr).toContain("错误 error");
    for (const r of [usage, input]) expect(r.stderr).not.toMatch(STACK);
  });

  it("a closed pipe (sci score --json | head -1) is not an error", () => {
    // The JSON is larger than a pipe's buffer, so sci is still writing when head exits.
    const piped = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" score --json | head -1; echo "status=\${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect({ stdout: piped.stdout, stderr: piped.stderr }).toEqual({ stdout: "{\nstatus=0\n", stderr: "" });
  });

  it("without a build, the shim says to run npm run build:cli (Chinese and English), exit 1", () => {
    const bare = join(dir, "bare");
    mkdirSync(join(bare, "bin"), { recursive: true });
    copyFileSync(BIN, join(bare, "bin", "sci.js"));
    const r = node([join(bare, "bin", "sci.js"), "score"], bare);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("sci 尚未构建：请先运行 npm run build:cli / sci is not built yet: run `npm run build:cli` first\n");
  });
});
