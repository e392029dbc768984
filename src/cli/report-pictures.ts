// The draft's figures as PNG pictures: each figure's SVG rasterised by resvg at its printed
// width × PRINT_DPI, so charts and maps stay sharp on paper.
import type { Geometry, Scores } from "../core";
import { figurePixelWidth, figureSvg, type Draft } from "../report/draft";
import type { DocxPicture } from "../report/docx";
import { svgToPng } from "./png";

export async function draftPictures(draft: Draft, scores: Scores, geometry?: Geometry): Promise<Map<string, DocxPicture>> {
  const pictures = new Map<string, DocxPicture>();
  for (const b of draft.blocks) {
    if (b.kind !== "figure") continue;
    const svg = figureSvg(scores, b.figure, draft.lang, geometry);
    if (!svg) continue;
    const { png, width, height } = await svgToPng(svg, { width: figurePixelWidth(b.figure) });
    pictures.set(b.id, { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width, height });
  }
  return pictures;
}
