// Runs the robustness analysis without freezing the pane: in a Web Worker where there is one,
// else on the pane's own thread in slices of a few milliseconds with a yield between them.
// Both paths drive the core's startSensitivity, so the result is exactly sensitivity()'s.
import type { Dataset } from "../core";
import type { Issue } from "../core";
import { startSensitivity, type Sensitivity, type SensitivityOptions } from "../core";
import type { SensitivityReply, SensitivityRequest } from "./sensitivity-handler";

export interface RunOutcome {
  result?: Sensitivity;
  issues: Issue[];
  /** Where it ran: `worker`, or `main` (no Worker, or the worker could not start). */
  path: "worker" | "main";
  aborted?: boolean;
}

/** The part of Worker the runner uses, so tests can stand in for it. */
export type WorkerLike = Pick<Worker, "postMessage" | "terminate"> & {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
};

export interface RunControls {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Makes the worker; undefined or a throw means: run on the main thread. */
  createWorker?: () => WorkerLike | undefined;
}

/** Time the main-thread fallback computes before it lets the pane paint and respond. */
export const SLICE_MS = 8;

export function defaultWorker(): WorkerLike | undefined {
  if (typeof Worker === "undefined") return undefined;
  // webpack 5 bundles the worker file as its own chunk from this exact form.
  return new Worker(new URL("./sensitivity.worker.ts", import.meta.url));
}

let shared: { worker: WorkerLike; factory: () => WorkerLike | undefined } | undefined;
let nextId = 1;

/** The worker of an earlier run is reused: starting one costs more than a run. */
function workerFrom(factory: () => WorkerLike | undefined): WorkerLike | undefined {
  if (shared?.factory === factory) return shared.worker;
  shared?.worker.terminate();
  shared = undefined;
  const worker = factory();
  if (worker) shared = { worker, factory };
  return worker;
}

function dropWorker(worker: WorkerLike): void {
  worker.terminate();
  if (shared?.worker === worker) shared = undefined;
}

export function runSensitivity(dataset: Dataset, options: SensitivityOptions, controls: RunControls = {}): Promise<RunOutcome> {
  const { signal, onProgress } = controls;
  if (signal?.aborted) return Promise.resolve({ issues: [], path: "main", aborted: true });
  let worker: WorkerLike | undefined;
  try {
    worker = workerFrom(controls.createWorker ?? defaultWorker);
  } catch {
    worker = undefined; // blocked by policy, or no bundler support: the main thread will do
  }
  if (!worker) return runOnMainThread(dataset, options, controls);
  const w = worker;
  const id = nextId++;
  return new Promise<RunOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: RunOutcome | Promise<RunOutcome>) => {
      if (settled) return;
      settled = true;
      w.onmessage = w.onerror = w.onmessageerror = null;
      signal?.removeEventListener("abort", abort);
      resolve(outcome);
    };
    // A worker that fails (its script did not load, it crashed) is dropped; the run is redone here.
    const fallBack = () => {
      dropWorker(w);
      finish(runOnMainThread(dataset, options, controls));
    };
    const abort = () => {
      dropWorker(w); // the handler runs to the end once started: stopping means ending the worker
      finish({ issues: [], path: "worker", aborted: true });
    };
    signal?.addEventListener("abort", abort);
    w.onmessage = (e: MessageEvent) => {
      const reply = e.data as SensitivityReply;
      if (reply?.id !== id) return; // an abandoned run's reply
      if (reply.type === "progress") onProgress?.(reply.done, reply.total);
      else if (reply.type === "done") finish({ result: reply.result, issues: reply.issues, path: "worker" });
      else finish({ issues: reply.issues, path: "worker" });
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      fallBack();
    };
    w.onmessageerror = fallBack;
    try {
      const request: SensitivityRequest = { type: "run", id, dataset, options };
      w.postMessage(request); // copied, not transferred: the model keeps using its arrays
    } catch {
      fallBack();
    }
  });
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** The same run on the pane's thread, yielding every SLICE_MS so the pane stays responsive. */
export async function runOnMainThread(dataset: Dataset, options: SensitivityOptions, controls: RunControls = {}): Promise<RunOutcome> {
  const { run, issues } = startSensitivity(dataset, options);
  if (!run) return { issues, path: "main" };
  while (run.done < run.total) {
    if (controls.signal?.aborted) return { issues: [], path: "main", aborted: true };
    const start = now();
    do run.step(200);
    while (run.done < run.total && now() - start < SLICE_MS);
    controls.onProgress?.(run.done, run.total);
    await pause();
  }
  if (controls.signal?.aborted) return { issues: [], path: "main", aborted: true };
  return { result: run.result(), issues, path: "main" };
}
