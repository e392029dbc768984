import { Unavailable } from "./figure";
import type { Timing } from "./measure";

export async function functionCalls(): Promise<Timing> {
  throw new Unavailable("src/functions has no resolver yet");
}
