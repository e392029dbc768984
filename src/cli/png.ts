// SVG → PNG with resvg (its binary ships in its npm package), given a Chinese font.
import { existsSync } from "node:fs";
import { CITY, type Scores } from "../core";
import type { Geometry } from "../report/geometry";
import { mapLayout } from "../report/map";
import { mapSvg } from "../report/map-svg";

/**
 * Where Windows, macOS and Linux keep a Chinese sans-serif face (Debian/Ubuntu: fonts-noto-cjk;
 * Fedora: google-noto-sans-cjk-fonts). `SCI_FONT` names another file.
 */
const CJK_FONTS = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  "C:\\Windows\\Fonts\\msyh.ttc",
  "/System/Library/Fonts/PingFang.ttc",
  "/System/Library/Fonts/STHeiti Light.ttc",
];

/** The Chinese font files found here; empty when none is (then the system's fonts are searched). */
export function cjkFontFiles(): string[] {
  const own = process.env.SCI_FONT;
  return [...(own ? [own] : []), ...CJK_FONTS].filter((f) => existsSync(f)).slice(0, 2);
}

/** Rasterises an SVG document at `scale` × its own size (2: sharp on high-density screens). */
export async function svgToPng(svg: string, scale = 1): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await import("@resvg/resvg-js"); // native, loaded only when a PNG is wanted
  const fontFiles = cjkFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: "Noto Sans CJK SC" },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** Width of the map drawn for a workbook's overall sheet: names fit, and it stays one page tall. */
const SHEET_MAP_WIDTH = 440;

/** The composite's map over the city as a PNG (at twice its size, sharp when zoomed) for a sheet. */
export async function mapPicture(s: Scores, geometry: Geometry): Promise<{ png: Buffer; width: number; height: number; title: string }> {
  const layout = mapLayout(s, s.dataset.framework.root, CITY.id, geometry, { width: SHEET_MAP_WIDTH });
  const { png, width, height } = await svgToPng(mapSvg(layout), 2);
  return { png, width: width / 2, height: height / 2, title: layout.title };
}
