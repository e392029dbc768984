// The Word document's look: A4, Chinese body and heading faces with Latin ones beside them,
// heading styles Word's navigation pane lists (outline levels 1–4), captions.
import { AlignmentType, LineRuleType, type IStylesOptions } from "docx";

/** Body: 宋体 for Chinese (SimSun), Times New Roman for Latin text and figures. */
export const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun", cs: "Times New Roman" };
/** Headings: 黑体 (SimHei) for Chinese, Arial for Latin text. */
export const HEADING_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "SimHei", cs: "Arial" };

/**
 * Where a face is missing, a Chinese one of the same kind is used: the font table names each
 * face's Chinese character set (GB2312) and family, and these alternates.
 */
export const FONT_FALLBACKS: Record<string, { altName: string; family: "roman" | "swiss"; panose: string }> = {
  SimSun: { altName: "宋体", family: "roman", panose: "02010600030101010101" },
  SimHei: { altName: "黑体", family: "swiss", panose: "02010609060101010101" },
};

/** Twips: A4 is 11906 × 16838; margins 2.54 cm top and bottom, 3.17 cm left and right as Word's default. */
export const PAGE = { width: 11906, height: 16838, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 } };
/** The text's width in twips and in cm (21 − 2 × 3.17). */
export const TEXT_WIDTH_TWIPS = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_WIDTH_CM = 14.66;

const heading = (size: number, before: number, outlineLevel: number, center = false) => ({
  run: { font: HEADING_FONT, size, bold: true, color: "000000" },
  paragraph: {
    spacing: { before, after: 120 },
    keepNext: true,
    keepLines: true,
    outlineLevel,
    ...(center ? { alignment: AlignmentType.CENTER } : {}),
  },
});

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } } },
    heading1: heading(36, 480, 0, true),
    heading2: heading(30, 360, 1),
    heading3: heading(28, 240, 2),
    heading4: heading(24, 200, 3),
    title: { run: { font: HEADING_FONT, size: 40, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 3600, after: 480 } } },
  },
  paragraphStyles: [
    {
      id: "Caption",
      name: "caption",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: HEADING_FONT, size: 21, bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    {
      id: "TableText",
      name: "Table Text",
      basedOn: "Normal",
      run: { size: 20 },
      paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};
