// The yardstick for the 100,000-entity whole job: the same work in vectorised numpy
// (bench/numpy-whole-job.py), on the same files and the same machine, so the target (at most
// half of numpy's time) is measured here rather than carried over from another computer.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultProfile } from "../src/data";
import { Unavailable } from "./figure";
import { syntheticCells, wholeJob } from "./whole-job";

const ROOT = join(__dirname, "..", "..", "..");
const SCRIPT = join(ROOT, "bench", "numpy-whole-job.py");

interface NumpyRun {
  median_ms: number;
  min_ms: number;
  runs: number;
  check: { root: number[]; city_rank: number[]; region_rank: number[]; city_mean: number };
}

/** numpy's whole job on N entities, its answer checked against SCI's before its time counts. */
export function numpyWholeJob(n = 100_000, runs = 3): { value: number; detail: string } {
  const probe = spawnSync("python3", ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
  if (probe.status !== 0) throw new Unavailable("python3 with numpy is not installed (Debian: python3-numpy)");
  const dir = mkdtempSync(join(tmpdir(), "sci-numpy-"));
  try {
    const cells = syntheticCells(n);
    const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n") + "\n";
    const fw = defaultProfile.framework;
    writeFileSync(join(dir, "inputs.csv"), csv(cells.input));
    writeFileSync(join(dir, "districts.csv"), csv(cells.districts));
    writeFileSync(
      join(dir, "framework.json"),
      JSON.stringify({ order: fw.order, parent: [...fw.parentOf], weight: [...fw.weightOf], leafOf: [...fw.leafOf], leaves: fw.leaves }),
    );
    const r = spawnSync("python3", [SCRIPT, ...["inputs.csv", "districts.csv", "framework.json"].map((f) => join(dir, f)), String(runs)], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`numpy's whole job failed: ${String(r.stderr).trim().split("\n").pop()}`);
    const run = JSON.parse(r.stdout) as NumpyRun;
    // The same answer as SCI's, or its time means nothing.
    const s = wholeJob(cells).scores!;
    const K = fw.order.length;
    [0, n - 1].forEach((i, j) => {
      const ours = { root: s.values[i * K], city: s.cityRanks[i * K], region: s.regionRanks[i * K] };
      if (Math.abs(run.check.root[j] - ours.root) > 1e-9 * ours.root)
        throw new Error(`numpy's composite of entity ${i} is ${run.check.root[j]}, SCI's ${ours.root}`);
      if (run.check.city_rank[j] !== ours.city || run.check.region_rank[j] !== ours.region)
        throw new Error(`numpy ranks entity ${i} ${run.check.city_rank[j]}/${run.check.region_rank[j]}, SCI ${ours.city}/${ours.region}`);
    });
    const mean = s.averages.get("city")![0];
    if (Math.abs(run.check.city_mean - mean) > 1e-9 * mean) throw new Error(`numpy's mean composite is ${run.check.city_mean}, SCI's ${mean}`);
    return {
      value: Number(run.median_ms.toFixed(1)),
      detail: `median of ${run.runs} runs (min ${run.min_ms.toFixed(1)}); same cells, same answer as SCI's (composites, ranks, mean checked)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
