// The pane's drawing of a layout's picture (the district map) as PNG for Excel: the SVG the
// report made, loaded as an image and painted on a canvas at twice its size, so it stays
// sharp on high-density screens and in print. Excel takes images as base64 PNG or JPEG
// (ShapeCollection.addImage); its SVG shapes are a preview API that released Excel lacks.
import type { PictureLayout } from "../report";

/** Pixels of canvas per pixel of the picture. */
const SCALE = 2;

/** Loads an SVG document as an image: a data URL, which leaves the canvas readable. */
function loadSvg(svg: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("the map's SVG could not be loaded as an image"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

/**
 * An SVG document painted on a white canvas of `width` × `height` px. Loaded as a data URL: the
 * pane's Content-Security-Policy allows data: images (not blob:), and the canvas stays readable.
 */
export async function paintSvg(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const image = await loadSvg(svg);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2D canvas in this webview");
  g.fillStyle = "#ffffff"; // a picture has a white ground, as the CLI's PNG
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The picture as PNG, base64 without the `data:image/png;base64,` prefix. */
export async function drawPicturePng(p: PictureLayout): Promise<string> {
  const canvas = await paintSvg(p.svg, Math.round(p.width * SCALE), Math.round(p.height * SCALE));
  const url = canvas.toDataURL("image/png");
  const comma = url.indexOf(",");
  if (!url.startsWith("data:image/png;base64,") || comma < 0) throw new Error("the canvas did not give a PNG");
  return url.slice(comma + 1);
}
