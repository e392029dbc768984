// SVG → PNG with resvg (its binary ships in its npm package), given a Chinese font.
import { existsSync } from "node:fs";

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

/** Rasterises an SVG document at `zoom` × its own size (2: sharp on high-density screens), or to a width in px. */
export async function svgToPng(svg: string, fit: { zoom: number } | { width: number } = { zoom: 1 }): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await import("@resvg/resvg-js"); // native, loaded only when a PNG is wanted
  const fontFiles = cjkFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: "zoom" in fit ? { mode: "zoom", value: fit.zoom } : { mode: "width", value: Math.round(fit.width) },
    background: "#ffffff",
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: "Noto Sans CJK SC" },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
