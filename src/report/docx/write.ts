// The draft as a Word document (the `docx` package, pure JavaScript: the CLI and the pane both
// call this). Text stays text: no cell or run is ever a field or formula, except the contents
// and the page numbers.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  ShadingType,
  type FileChild,
} from "docx";
import type { Draft, DraftBlock, FigureBlock, TableBlock } from "../draft/model";
import { figureWidthCm } from "../draft/figures";
import { PAGE, STYLES, TEXT_WIDTH_TWIPS } from "./styles";
import { withFontFallbacks } from "./fonts";

/** A figure's picture: PNG bytes and its size in pixels. */
export interface DocxPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The .docx file's bytes. A figure without a picture is said to be missing, in its place. */
export async function draftDocx(draft: Draft, pictures: ReadonlyMap<string, DocxPicture>): Promise<Uint8Array> {
  const children: FileChild[] = draft.blocks.flatMap((b) => blockOf(b, draft, pictures));
  const doc = new Document({
    creator: "SCI",
    title: draft.title,
    styles: STYLES,
    features: { updateFields: true },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children,
      },
    ],
  });
  return withFontFallbacks(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

function blockOf(b: DraftBlock, draft: Draft, pictures: ReadonlyMap<string, DocxPicture>): FileChild[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[b.level - 1], children: [new TextRun(b.text)] })];
    case "paragraph":
      if (b.title) return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] })];
      return [
        new Paragraph({
          alignment: b.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          indent: b.center ? undefined : { firstLine: 480 },
          spacing: { after: 120 },
          children: [new TextRun(b.placeholder ? { text: b.text, italics: true, color: "7F6000", highlight: HighlightColor.YELLOW } : b.text)],
        }),
      ];
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "toc":
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: b.title, bold: true, size: 32 })] }),
        new TableOfContents(b.title, { hyperlink: true, headingStyleRange: "1-4" }),
      ];
    case "table":
      return tableOf(b);
    case "figure":
      return figureOf(b, draft, pictures.get(b.id));
  }
}

const caption = (text: string, keepNext: boolean) => new Paragraph({ style: "Caption", keepNext, children: [new TextRun(text)] });

function tableOf(t: TableBlock): FileChild[] {
  const width = t.header[0]?.length ?? 1;
  const cellOf = (text: string, c: number, header: boolean, rowSpan?: number) =>
    new TableCell({
      rowSpan,
      verticalAlign: VerticalAlign.CENTER,
      shading: header ? { type: ShadingType.CLEAR, fill: "D9E2F3", color: "auto" } : undefined,
      children: [
        new Paragraph({
          style: "TableText",
          alignment: header || t.centered?.includes(c) ? AlignmentType.CENTER : NUMBER.test(text) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header })],
        }),
      ],
    });
  const header = t.header.map((r) => new TableRow({ tableHeader: true, cantSplit: true, children: r.map((text, c) => cellOf(text, c, true)) }));
  const spans = mergeSpans(t);
  const rows = t.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: r.flatMap((text, c) => {
          const span = spans[i][c];
          return span === 0 ? [] : [cellOf(text, c, false, span > 1 ? span : undefined)];
        }),
      }),
  );
  return [
    caption(`${t.number} ${t.caption}`, true),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: columnWidths(t, width),
      rows: [...header, ...rows],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** Each column's width in twips: the table's weights, else equal. */
function columnWidths(t: TableBlock, width: number): number[] {
  const weights = t.widths?.length === width ? t.widths : Array<number>(width).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / total));
}

/**
 * For each cell: 1 a plain cell, n > 1 the first of n merged down, 0 merged into the one above.
 * A cell merges with the one above when it and every cell to its left in the merged columns are equal.
 */
function mergeSpans(t: TableBlock): number[][] {
  const spans = t.rows.map((r) => r.map(() => 1));
  for (const c of t.mergeColumns ?? []) {
    let start = 0;
    for (let i = 1; i <= t.rows.length; i++) {
      const same = i < t.rows.length && t.rows[i][c] !== "" && (t.mergeColumns ?? []).filter((m) => m <= c).every((m) => t.rows[i][m] === t.rows[i - 1][m]);
      if (same) continue;
      if (i - start > 1) {
        spans[start][c] = i - start;
        for (let j = start + 1; j < i; j++) spans[j][c] = 0;
      }
      start = i;
    }
  }
  return spans;
}

function figureOf(f: FigureBlock, draft: Draft, picture: DocxPicture | undefined): FileChild[] {
  const label = `${f.number} ${f.caption}`;
  if (!picture)
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new TextRun({ text: draft.lang === "zh" ? "【此处图片未能生成】" : "[This figure could not be drawn]", italics: true })],
      }),
      caption(label, false),
    ];
  // docx takes the printed size in px at 96 to the inch.
  const width = Math.round((figureWidthCm(f.figure) / 2.54) * 96);
  const height = Math.round((width * picture.height) / picture.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({ type: "png", data: picture.png, transformation: { width, height }, altText: { name: f.number, title: label, description: label } }),
      ],
    }),
    caption(label, false),
  ];
}
