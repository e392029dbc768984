// The draft's figures as PNG pictures, drawn by the pane's own browser: each figure's SVG onto a
// canvas at its printed width × PRINT_DPI (the CLI draws the same SVG with resvg).
import type { Geometry, Scores } from "../../core";
import { figurePixelWidth, figureSvg, type Draft } from "../../report/draft";
import type { DocxPicture } from "../../report/docx";
import { paintSvg } from "../picture-png";

/** One SVG document as PNG bytes, `width` px wide, its height in proportion. */
async function svgPng(svg: string, width: number): Promise<DocxPicture> {
  const own = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  const [w0, h0] = own ? [Number(own[1]), Number(own[2])] : [640, 480];
  const height = Math.round((width * h0) / w0);
  const canvas = await paintSvg(svg, width, height);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
  if (!blob) throw new Error("the canvas gave no PNG");
  return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
}

/** Every figure's picture; one that cannot be drawn is left out (the document says so in its place). */
export async function paneDraftPictures(draft: Draft, scores: Scores, geometry?: Geometry): Promise<Map<string, DocxPicture>> {
  const pictures = new Map<string, DocxPicture>();
  for (const b of draft.blocks) {
    if (b.kind !== "figure") continue;
    const svg = figureSvg(scores, b.figure, draft.lang, geometry);
    if (!svg) continue;
    try {
      pictures.set(b.id, await svgPng(svg, figurePixelWidth(b.figure)));
    } catch {
      // Left out: the writer prints "this figure could not be drawn" where it goes.
    }
  }
  return pictures;
}
