// The legend's words for one class, shared by the SVG and the pane's table.
import { round2 } from "../core";

/** "from – to (count)", at the report's 2 decimals; `entity` names what is counted (行政区). */
export const legendText = (from: number, to: number, count: number, lang: "zh" | "en", entity = ""): string =>
  `${round2(from).toFixed(2)} – ${round2(to).toFixed(2)}${lang === "zh" ? `（${count} 个${entity}）` : ` (${count})`}`;
