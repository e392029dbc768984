// The legend's words for one class, shared by the SVG and the pane's table.
import { round2 } from "../core";

const fixed = (x: number) => round2(x).toFixed(2);

/**
 * One class as the values shown at 2 decimals that it holds: "115.52 – 125.31" for [115.52,
 * 125.32), the last class up to and including its top ("125.32 – 133.41"), so no value printed
 * on a boundary reads as in two classes. A class of one value is that value. `entity` names
 * what is counted (行政区).
 */
export function legendText(from: number, to: number, count: number, lang: "zh" | "en", entity = "", last = true): string {
  const top = last ? round2(to) : round2(round2(to) - 0.01);
  const range = top <= round2(from) ? fixed(from) : `${fixed(from)} – ${fixed(top)}`;
  return `${range}${lang === "zh" ? `（${count} 个${entity}）` : ` (${count})`}`;
}
