// The Sobol run's message protocol, as a pure function beside the robustness one: the same Web
// Worker (sensitivity.worker.ts) answers both, by the request's type.
import { issue, sobol, type Dataset, type Issue, type Sobol, type SobolOptions } from "../core";

export interface SobolRequest {
  type: "sobol";
  id: number;
  dataset: Dataset;
  options: SobolOptions;
}

export type SobolReply = { type: "done"; id: number; result: Sobol; issues: Issue[] } | { type: "failed"; id: number; issues: Issue[] };

const isFloat64 = (a: unknown) => Object.prototype.toString.call(a) === "[object Float64Array]";

/** Runs one Sobol request and posts the result, or `failed` with the issues. Never throws. */
export function handleSobol(message: unknown, post: (reply: SobolReply) => void): void {
  const m = message as Partial<SobolRequest> | undefined;
  const id = typeof m?.id === "number" ? m.id : -1;
  const d = m?.dataset;
  if (m?.type !== "sobol" || !d || !d.framework || !Array.isArray(d.districts) || !isFloat64(d.inputs) || !isFloat64(d.coefficients)) {
    post({
      type: "failed",
      id,
      issues: [issue("error", "sensitivity-message", "敏感性分析收到无法识别的请求", "the sensitivity analysis received a request it does not understand")],
    });
    return;
  }
  try {
    const { result, issues } = sobol(d, m.options ?? {});
    post(result ? { type: "done", id, result, issues } : { type: "failed", id, issues });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    post({ type: "failed", id, issues: [issue("error", "sensitivity-failed", `敏感性分析失败：${why}`, `the sensitivity analysis failed: ${why}`)] });
  }
}
