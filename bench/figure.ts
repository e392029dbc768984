/** One line of `npm run bench`: a measured number, or the honest reason there is none. */
export interface Figure {
  key: string;
  label: string;
  unit: "ms" | "KB" | "MB" | "syncs" | "×" | "nodes";
  /** Null when it could not be measured; `reason` says why. */
  value: number | null;
  reason?: string;
  /** The measurement itself went wrong (a wrong answer, an error), not just a missing prerequisite. */
  failed?: boolean;
  /** The target from the issue: the value must be at most this. */
  target?: number;
  detail?: string;
}

export const notAvailable = (f: Omit<Figure, "value" | "reason">, reason: string): Figure => ({ ...f, value: null, reason });

/** Runs a measurement; anything it throws becomes "n/a (why)" rather than a number. */
export async function attempt(
  f: Omit<Figure, "value" | "reason">,
  measure: () => Promise<Partial<Figure> & { value: number }> | (Partial<Figure> & { value: number }),
): Promise<Figure> {
  try {
    return { ...f, ...(await measure()) };
  } catch (e) {
    if (e instanceof Unavailable) return notAvailable(f, e.message);
    return { ...notAvailable(f, `failed: ${String((e as Error)?.message ?? e).split("\n")[0]}`), failed: true };
  }
}

/** A prerequisite is missing (not built, not installed): reported as n/a, not as a failure. */
export class Unavailable extends Error {}
