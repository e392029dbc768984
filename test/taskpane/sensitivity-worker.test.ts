// The robustness analysis off the pane's thread: the worker's message protocol (its pure
// handler, called directly), the stepwise run it drives, and the runner's worker and
// main-thread paths, all against the core's sensitivity() for the same seed.
import { score, sensitivity, startSensitivity, type Dataset, type Sensitivity } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { handleSensitivity, type SensitivityReply, type SensitivityRequest } from "../../src/taskpane/sensitivity-handler";
import { runOnMainThread, runSensitivity, type WorkerLike } from "../../src/taskpane/sensitivity-runner";
import { both } from "../core/fixtures";

const ds = dataset2020();
const core = (opts: Parameters<typeof sensitivity>[1]): Sensitivity => {
  const { result, issues } = sensitivity(ds, opts);
  expect(issues).toEqual([]);
  return result!;
};
const request = (options: SensitivityRequest["options"], id = 1, dataset: Dataset = ds): SensitivityRequest => ({ type: "run", id, dataset, options });

function replies(message: unknown, every?: number): SensitivityReply[] {
  const out: SensitivityReply[] = [];
  handleSensitivity(message, (r) => out.push(r), every);
  return out;
}

describe("stepwise run (startSensitivity)", () => {
  it("in steps of any size gives exactly sensitivity()'s result", () => {
    const opts = { replications: 1234, perturbation: 0.25, seed: 99 };
    const whole = core(opts);
    for (const sizes of [[1234], [1, 1, 1000, 500], [7, 0, 100, 2000]]) {
      const { run, issues } = startSensitivity(ds, opts);
      expect(issues).toEqual([]);
      const seen: number[] = [];
      for (const n of sizes) seen.push(run!.step(n));
      expect(seen.at(-1)).toBe(1234);
      expect(run!.result()).toEqual(whole);
    }
  });

  it("refuses to summarise a run that is not finished", () => {
    const { run } = startSensitivity(ds, { replications: 10 });
    run!.step(9);
    expect(() => run!.result()).toThrow(/9 of 10/);
  });
});

describe("worker message protocol (handleSensitivity)", () => {
  it("posts progress every 1000 replications, then the result sensitivity() gives for the seed", () => {
    const out = replies(request({ replications: 10_000, perturbation: 0.1, seed: 1 }, 7));
    expect(out.slice(0, -1)).toEqual(Array.from({ length: 10 }, (_, k) => ({ type: "progress", id: 7, done: (k + 1) * 1000, total: 10_000 })));
    const last = out.at(-1)!;
    expect(last).toEqual({ type: "done", id: 7, result: core({ replications: 10_000, perturbation: 0.1, seed: 1 }), issues: [] });
  });

  it("a dataset copied as postMessage copies it (structured clone: Maps, typed arrays) gives the same result", () => {
    const copy = structuredClone(ds);
    expect(copy.framework.indicators).toBeInstanceOf(Map);
    expect(copy.framework.index).toBeInstanceOf(Map);
    expect(copy.inputs).toBeInstanceOf(Float64Array);
    expect(copy.framework.parentOf).toBeInstanceOf(Int32Array);
    const opts = { replications: 3000, perturbation: 0.3, seed: "2020年" };
    const out = replies(structuredClone(request(opts, 3, copy)), 500);
    expect(out).toHaveLength(3000 / 500 + 1);
    const done = out.at(-1) as Extract<SensitivityReply, { type: "done" }>;
    expect(done.result).toEqual(core(opts));
    // The reply itself survives the trip back.
    expect(structuredClone(done)).toEqual(done);
  });

  it("zero perturbation: every district's exact rank, interval [r, r], kept every time", () => {
    const out = replies(request({ replications: 2000, perturbation: 0, seed: 5 }));
    const result = (out.at(-1) as Extract<SensitivityReply, { type: "done" }>).result;
    const s = score(ds);
    const K = ds.framework.order.length;
    result.districts.forEach((d, i) => {
      const r = s.cityRanks[i * K];
      expect([d.ranks.city.baseline, d.ranks.city.median, d.ranks.city.p5, d.ranks.city.p95, d.ranks.city.keep]).toEqual([r, r, r, r, 1]);
    });
    // 浦东 first, 崇明 last: the published ranking.
    expect(result.districts.find((d) => d.district === "浦东")!.ranks.city.baseline).toBe(1);
    expect(result.districts.find((d) => d.district === "崇明")!.ranks.city.baseline).toBe(16);
  });

  it("bad options come back as the core's issues, Chinese then English", () => {
    const out = replies(request({ replications: 0, perturbation: 1.5 }, 4));
    expect(out).toHaveLength(1);
    expect(out[0].type).toBe("failed");
    const issues = (out[0] as Extract<SensitivityReply, { type: "failed" }>).issues;
    expect(issues.map((i) => i.code)).toEqual(["sensitivity-replications", "sensitivity-perturbation"]);
    expect(out[0].id).toBe(4);
  });

  it("an unknown indicator names the choices", () => {
    const [reply] = replies(request({ replications: 10, indicator: "政务服务" }));
    expect(reply.type).toBe("failed");
    expect(both((reply as Extract<SensitivityReply, { type: "failed" }>).issues[0])).toMatch(/政务服务.*B1.*C2\.1|C2\.1.*B1/);
  });

  it("a malformed message is answered, never thrown", () => {
    for (const m of [undefined, null, 42, "run", { type: "run" }, { type: "run", id: 2, dataset: { framework: {} } }, { type: "stop", id: 1 }]) {
      const out = replies(m);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ type: "failed", issues: [{ code: "sensitivity-message" }] });
    }
    // The id is echoed when there is one, so the waiting run is answered; else -1.
    expect(replies({ type: "run", id: 9, dataset: { framework: {} } })[0].id).toBe(9);
    expect(replies({ type: "run" })[0].id).toBe(-1);
  });

  it("an exception inside the run becomes a failed reply", () => {
    const broken = { ...ds, framework: { ...ds.framework, order: null } } as unknown as Dataset;
    const [reply] = replies(request({ replications: 10 }, 8, broken));
    expect(reply).toMatchObject({ type: "failed", id: 8, issues: [{ code: "sensitivity-failed" }] });
  });
});

/** A Worker stand-in: messages are structured-cloned both ways and answered asynchronously by the handler. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  constructor(private readonly mode: "ok" | "fails-to-load" = "ok") {}
  postMessage(message: unknown): void {
    this.posted++;
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.mode === "fails-to-load") {
        this.onerror?.({ preventDefault() {}, message: "404" } as unknown as ErrorEvent);
        return;
      }
      handleSensitivity(copy, (reply) => !this.terminated && this.onmessage?.({ data: structuredClone(reply) } as MessageEvent));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("runner", () => {
  const opts = { replications: 4000, perturbation: 0.2, seed: 11 };

  it("without Worker (jsdom, old hosts) runs on the main thread in slices, with progress", async () => {
    const progress: number[] = [];
    const out = await runSensitivity(ds, opts, { onProgress: (d) => progress.push(d), createWorker: () => undefined });
    expect(out).toEqual({ result: core(opts), issues: [], path: "main" });
    expect(progress.at(-1)).toBe(4000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("yields between slices: a timer set before the run fires before it ends", async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let firedBeforeEnd = false;
    await runOnMainThread(ds, { replications: 50_000, perturbation: 0.1 }, { onProgress: (d, t) => d === t && (firedBeforeEnd = fired) });
    expect(firedBeforeEnd).toBe(true);
  });

  it("with a worker: the same result, progress from the worker's replies, the worker reused", async () => {
    const workers: FakeWorker[] = [];
    const createWorker = () => (workers.push(new FakeWorker()), workers.at(-1));
    const progress: number[] = [];
    const out = await runSensitivity(ds, opts, { onProgress: (d) => progress.push(d), createWorker });
    expect(out).toEqual({ result: core(opts), issues: [], path: "worker" });
    expect(progress).toEqual([1000, 2000, 3000, 4000]);
    const again = await runSensitivity(ds, { ...opts, seed: 12 }, { createWorker });
    expect(again.result).toEqual(core({ ...opts, seed: 12 }));
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toBe(2);
  });

  it("the worker's issues come back as they are", async () => {
    const out = await runSensitivity(ds, { replications: -1 }, { createWorker: () => new FakeWorker() });
    expect(out).toMatchObject({ path: "worker", issues: [{ code: "sensitivity-replications" }] });
    expect(out.result).toBeUndefined();
  });

  it("a worker that fails to load, or cannot be made, falls back to the main thread with the same result", async () => {
    const broken = new FakeWorker("fails-to-load");
    const out = await runSensitivity(ds, opts, { createWorker: () => broken });
    expect(out).toEqual({ result: core(opts), issues: [], path: "main" });
    expect(broken.terminated).toBe(true);
    const thrown = await runSensitivity(ds, opts, {
      createWorker: () => {
        throw new Error("SecurityError");
      },
    });
    expect(thrown).toEqual({ result: core(opts), issues: [], path: "main" });
  });

  it("stopping ends the worker and answers at once; the next run starts a new one", async () => {
    const workers: FakeWorker[] = [];
    const createWorker = () => (workers.push(new FakeWorker()), workers.at(-1));
    const controller = new AbortController();
    const pending = runSensitivity(ds, opts, { signal: controller.signal, createWorker });
    controller.abort();
    expect(await pending).toEqual({ issues: [], path: "worker", aborted: true });
    expect(workers[0].terminated).toBe(true);
    const next = await runSensitivity(ds, opts, { createWorker });
    expect(next.result).toEqual(core(opts));
    expect(workers).toHaveLength(2);
  });

  it("stopping the main-thread run stops it between slices", async () => {
    const controller = new AbortController();
    const out = await runSensitivity(
      ds,
      { replications: 500_000 },
      {
        signal: controller.signal,
        createWorker: () => undefined,
        onProgress: () => controller.abort(),
      },
    );
    expect(out).toEqual({ issues: [], path: "main", aborted: true });
  });
});
