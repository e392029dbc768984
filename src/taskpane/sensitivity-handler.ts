// The robustness analysis's message protocol, as a pure function: the Web Worker
// (sensitivity.worker.ts) wires it to onmessage; tests and the main-thread fallback call it
// directly. The dataset arrives structured-cloned (Maps and typed arrays survive the copy).
import type { Dataset } from "../core";
import { issue, type Issue } from "../core";
import { startSensitivity, type Sensitivity, type SensitivityOptions } from "../core";

export interface SensitivityRequest {
  type: "run";
  /** Echoed in every reply, so a reply to an abandoned run is recognised and ignored. */
  id: number;
  dataset: Dataset;
  options: SensitivityOptions;
}

export type SensitivityReply =
  | { type: "progress"; id: number; done: number; total: number }
  | { type: "done"; id: number; result: Sensitivity; issues: Issue[] }
  | { type: "failed"; id: number; issues: Issue[] };

/** Replications between progress replies: about 3 ms of work for 16 districts. */
export const PROGRESS_EVERY = 1000;

/** By tag, not instanceof: a copy made in another realm (a test's, a frame's) has other constructors. */
const isFloat64 = (a: unknown) => Object.prototype.toString.call(a) === "[object Float64Array]";
const isDataset = (d: unknown): d is Dataset => {
  const x = d as Dataset | undefined;
  return !!x && typeof x === "object" && !!x.framework && Array.isArray(x.districts) && isFloat64(x.inputs) && isFloat64(x.coefficients);
};

/**
 * Runs one request to the end, posting progress every `every` replications and then the
 * result, or `failed` with the issues (bad options, a malformed message, an unexpected
 * exception). Never throws.
 */
export function handleSensitivity(message: unknown, post: (reply: SensitivityReply) => void, every = PROGRESS_EVERY): void {
  const m = message as Partial<SensitivityRequest> | undefined;
  const id = typeof m?.id === "number" ? m.id : -1;
  if (m?.type !== "run" || !isDataset(m.dataset)) {
    post({
      type: "failed",
      id,
      issues: [issue("error", "sensitivity-message", "稳健性分析收到无法识别的请求", "the robustness analysis received a request it does not understand")],
    });
    return;
  }
  try {
    const { run, issues } = startSensitivity(m.dataset, m.options ?? {});
    if (!run) {
      post({ type: "failed", id, issues });
      return;
    }
    while (run.done < run.total) {
      run.step(every);
      post({ type: "progress", id, done: run.done, total: run.total });
    }
    post({ type: "done", id, result: run.result(), issues });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    post({ type: "failed", id, issues: [issue("error", "sensitivity-failed", `稳健性分析失败：${why}`, `the robustness analysis failed: ${why}`)] });
  }
}
