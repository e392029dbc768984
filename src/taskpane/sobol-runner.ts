// Runs the Sobol analysis in a Web Worker of its own (the robustness analysis's worker script, so
// a robustness run at the same time keeps its worker), or on the pane's thread where there is
// none: it is one call of well under a second for 16 districts.
import { sobol, type Dataset, type Issue, type Sobol, type SobolOptions } from "../core";
import { defaultWorker, type RunControls, type WorkerLike } from "./sensitivity-runner";
import type { SobolReply, SobolRequest } from "./sobol-handler";

export interface SobolOutcome {
  result?: Sobol;
  issues: Issue[];
  path: "worker" | "main";
}

let nextId = 1;

const onMainThread = (dataset: Dataset, options: SobolOptions): SobolOutcome => ({ ...sobol(dataset, options), path: "main" });

export function runSobol(dataset: Dataset, options: SobolOptions, controls: Pick<RunControls, "createWorker"> = {}): Promise<SobolOutcome> {
  let worker: WorkerLike | undefined;
  try {
    worker = (controls.createWorker ?? defaultWorker)();
  } catch {
    worker = undefined;
  }
  if (!worker) return Promise.resolve(onMainThread(dataset, options));
  const w = worker;
  const id = nextId++;
  return new Promise<SobolOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: SobolOutcome) => {
      if (settled) return;
      settled = true;
      w.onmessage = w.onerror = w.onmessageerror = null;
      w.terminate();
      resolve(outcome);
    };
    const fallBack = () => finish(onMainThread(dataset, options));
    w.onmessage = (e: MessageEvent) => {
      const reply = e.data as SobolReply;
      if (reply?.id !== id) return;
      finish(reply.type === "done" ? { result: reply.result, issues: reply.issues, path: "worker" } : { issues: reply.issues, path: "worker" });
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      fallBack();
    };
    w.onmessageerror = fallBack;
    try {
      const request: SobolRequest = { type: "sobol", id, dataset, options };
      w.postMessage(request);
    } catch {
      fallBack();
    }
  });
}
