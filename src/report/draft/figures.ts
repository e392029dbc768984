// A figure as an SVG document, and how large it prints. The edges rasterise the SVG at
// PRINT_DPI for its printed width, so pictures stay sharp on paper.
import type { Geometry, Scores } from "../../core";
import { districtMap } from "../map-svg";
import { barsSvg } from "./bars";
import type { DraftLang, FigureSpec } from "./model";

/** Pixels per inch at the printed size: at least 200 for print. */
export const PRINT_DPI = 220;

/** The printed width in cm (the text is 14.66 cm wide). */
export const figureWidthCm = (f: FigureSpec): number => (f.kind === "map" ? 12 : 14);

/** The picture's width in pixels for PRINT_DPI at its printed width. */
export const figurePixelWidth = (f: FigureSpec): number => Math.round((figureWidthCm(f) / 2.54) * PRINT_DPI);

/** The figure as an SVG document; a map needs the entities' shapes. */
export function figureSvg(s: Scores, f: FigureSpec, lang: DraftLang, geometry?: Geometry): string | undefined {
  if (f.kind === "bars") return barsSvg(f.labels, f.values);
  if (!geometry) return undefined;
  return districtMap(s, f.indicator, f.scope, geometry, { lang, width: 640, minFontSize: 14 });
}
