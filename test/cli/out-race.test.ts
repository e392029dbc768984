// --out is created exclusively: of two commands writing the same new file at once, one writes it
// and the other is refused with one message (exit 1); the file is one whole workbook.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeExclusive } from "../../src/cli/out";
import { reportLayout } from "../../src/report";
import { score } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { writeLayoutXlsx } from "../../src/cli/write-xlsx";
import { ROOT, tempDir } from "./helpers";

const dir = tempDir();
const BIN = join(ROOT, "bin", "sci.js");

const WROTE = "已写出排名工作簿 same.xlsx（4 个工作表） / wrote the ranking workbook same.xlsx (4 sheets)\n";
const REFUSED =
  "same.xlsx 已存在：另一个命令在本命令运行期间写出了它，已保留它，未覆盖；加 --force 覆盖 / same.xlsx already exists: another command wrote it while this one ran; it was kept, not overwritten. Add --force to overwrite it\n";

function sciProcess(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

// The race needs the compiled CLI, built from the current sources (bin.test.ts builds it too).
beforeAll(() => {
  const main = join(ROOT, "dist", "cli", "cli", "main.js");
  const newest = (folder: string): number =>
    Math.max(0, ...readdirSync(folder, { recursive: true, encoding: "utf8" }).map((f) => statSync(join(folder, f)).mtimeMs));
  const sources = Math.max(...["core", "data", "cli", "report", "excel"].map((d) => newest(join(ROOT, "src", d))));
  if (existsSync(main) && statSync(main).mtimeMs > sources) return;
  return new Promise<void>((resolve, reject) => {
    const tsc = spawn(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
    tsc.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited ${code}`))));
  });
}, 120_000);

describe("two `sci score --out same.xlsx` at once", () => {
  it("exactly one writes the workbook; the other exits 1 with one message; the file is a whole workbook", async () => {
    // Started together, both pass the check for an existing --out (before scoring) and race to
    // create the file. A machine slow enough to finish one before the other starts checking makes
    // the second a plain usage error (exit 2) instead; the pair is then run again.
    let raced = 0;
    for (let round = 0; round < 4 && raced === 0; round++) {
      const folder = join(dir, `round-${round}`);
      mkdirSync(folder);
      const both = await Promise.all([sciProcess(["score", "--out", "same.xlsx"], folder), sciProcess(["score", "--out", "same.xlsx"], folder)]);
      const codes = both.map((b) => b.code).sort();
      expect(codes[0]).toBe(0);
      expect(both.filter((b) => b.code === 0).map((b) => b.stderr)).toEqual([WROTE]);
      const other = both.find((b) => b.code !== 0)!;
      if (other.code === 1) {
        raced++;
        expect(other.stderr).toBe(REFUSED);
      } else expect(other.code).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(folder, "same.xlsx"));
      expect(wb.worksheets.map((s) => s.name)).toEqual(["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"]);
      expect(readdirSync(folder)).toEqual(["same.xlsx"]); // no temporary file left behind
    }
    expect(raced).toBe(1);
  }, 120_000);
});

describe("writeExclusive", () => {
  it("a file that appears while the workbook is written is kept, and the write fails with EEXIST", async () => {
    const target = join(dir, "appeared.xlsx");
    const error = await writeExclusive(target, false, async (tmp) => {
      writeFileSync(tmp, "the workbook");
      writeFileSync(target, "another command's workbook"); // written meanwhile
    }).then(
      () => undefined,
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(error).toBe("EEXIST");
    expect(readFileSync(target, "utf8")).toBe("another command's workbook");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("with force, it replaces the file whole", async () => {
    const target = join(dir, "forced.xlsx");
    writeFileSync(target, "old");
    await writeLayoutXlsx(reportLayout(score(dataset2020())), target, true);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });
});
