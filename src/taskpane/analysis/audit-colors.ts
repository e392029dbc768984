import type { Stat } from "../../core";
import { CORRELATION_COLORS } from "../../report";

/**
 * The pane shades its cells 70% of the way to the sheet's colours: the text on the strongest
 * (±1) keeps 4.5:1 contrast, which the full #5A8AC6 would not give black or white text.
 */
export const PANE_SHADE = 0.7;

/** The colour of a correlation on the sheet's scale: red at −1, white at 0, blue at +1. */
export function correlationColor(r: Stat): string | undefined {
  if (r === null) return undefined;
  const mix = (from: string, to: string, t: number) => {
    const ch = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
    return [0, 2, 4]
      .map((i) =>
        Math.round(ch(from, i) + (ch(to, i) - ch(from, i)) * t)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("");
  };
  const t = Math.min(1, Math.abs(r));
  return `#${r < 0 ? mix(CORRELATION_COLORS.mid, CORRELATION_COLORS.low, t) : mix(CORRELATION_COLORS.mid, CORRELATION_COLORS.high, t)}`;
}
