// The Web Worker that runs the robustness analysis off the pane's thread. All it does is wire
// the pure handler to the worker's messages; webpack bundles it as its own chunk.
import { handleSensitivity } from "./sensitivity-handler";

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (e) => handleSensitivity(e.data, (reply) => scope.postMessage(reply));
