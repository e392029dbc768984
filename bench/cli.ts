// `sci score` as a user runs it (the ranking table on stdout), a whole process each time: on a
// 3,000-entity CSV with --districts, against the built-in 16 districts. Its JSON is checked
// exact before it is timed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Unavailable } from "./figure";
import { median } from "./measure";
import { syntheticCells, wholeJob } from "./whole-job";

const ROOT = join(__dirname, "..", "..", "..");
const SCI = join(ROOT, "bin", "sci.js");

function runSci(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [SCI, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`sci ${args.join(" ")} exited ${r.status}: ${String(r.stderr).split("\n")[0]}`);
  return { ms, stdout: r.stdout };
}

export function cliScore3000(): { value: number; detail: string } {
  if (!existsSync(join(ROOT, "dist", "cli", "cli", "main.js"))) throw new Unavailable("the CLI is not built: npm run build:cli");
  const dir = mkdtempSync(join(tmpdir(), "sci-bench-"));
  try {
    const cells = syntheticCells(3000);
    const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n") + "\n";
    const input = join(dir, "inputs.csv");
    const districts = join(dir, "districts.csv");
    writeFileSync(input, csv(cells.input));
    writeFileSync(districts, csv(cells.districts));
    const args = ["score", input, "--districts", districts];
    // Exact: every composite in the JSON is the in-process score's, to the bit.
    const json = JSON.parse(runSci([...args, "--json"]).stdout) as { districts: { district: string; values: Record<string, number> }[] };
    const s = wholeJob(cells).scores!;
    const K = s.dataset.framework.order.length;
    if (json.districts.length !== 3000) throw new Error(`the JSON lists ${json.districts.length} entities`);
    json.districts.forEach((d, i) => {
      if (d.values[s.dataset.framework.root] !== s.values[i * K]) throw new Error(`${d.district}: JSON ${d.values.SCI}, scored ${s.values[i * K]}`);
    });
    const big: number[] = [];
    const small: number[] = [];
    for (let i = 0; i < 5; i++) {
      big.push(runSci(args).ms);
      small.push(runSci(["score"]).ms);
    }
    const ratio = median(big) / median(small);
    return {
      value: Number(ratio.toFixed(2)),
      detail: `3,000 entities ${median(big).toFixed(0)} ms vs built-in 16 ${median(small).toFixed(0)} ms, median of 5 processes each`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak memory of the 100,000-entity whole job, in a process of its own. */
export function peak100k(): { value: number; detail: string } {
  const script = join(__dirname, "peak.js");
  const r = spawnSync(process.execPath, [script], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the peak-memory run failed: ${String(r.stderr).split("\n")[0]}`);
  const { peakMb, tableMb } = JSON.parse(r.stdout) as { peakMb: number; tableMb: number };
  return {
    value: peakMb,
    detail: `peak resident memory of the whole process; ${tableMb} MB with the table of cells alone (strings as a CSV reader gives them)`,
  };
}
