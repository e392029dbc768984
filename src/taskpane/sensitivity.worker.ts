// The Web Worker that runs the robustness analysis and the Sobol run off the pane's thread. All
// it does is wire the pure handlers to the worker's messages; webpack bundles it as its own chunk.
import { handleSensitivity } from "./sensitivity-handler";
import { handleSobol } from "./sobol-handler";

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (e) => {
  const post = (reply: unknown) => scope.postMessage(reply);
  if ((e.data as { type?: string } | undefined)?.type === "sobol") handleSobol(e.data, post);
  else handleSensitivity(e.data, post);
};
