// The annual report's draft as a plain document: parts, headings, sentences, tables and figures,
// built from Scores. No Word here: src/report/docx turns it into a .docx, and the edges draw
// its figures (the CLI with resvg, the pane with a canvas).

export type DraftLang = "zh" | "en";

/** A heading: 1 部分 (part), 2 一、, 3 1., 4 (1). Its text carries its own number. */
export interface HeadingBlock {
  kind: "heading";
  level: 1 | 2 | 3 | 4;
  text: string;
}

/** A paragraph of generated text, or a marked place for the analysts' own commentary. */
export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  /** The analysts write this one: it is printed marked, for them to replace. */
  placeholder?: boolean;
  /** Centred (the title page). */
  center?: boolean;
  /** Printed larger and bold (the title page). */
  title?: boolean;
}

/** A table with its numbered caption above it. Every cell is text: the writer never makes a formula. */
export interface TableBlock {
  kind: "table";
  /** 表 3-1 / Table 3-1. */
  number: string;
  caption: string;
  /** One or more header rows, repeated on every page the table runs over. */
  header: string[][];
  rows: string[][];
  /** Columns whose equal cells, under equal cells to their left, are merged down (the indicator system). */
  mergeColumns?: number[];
  /** Relative column widths; default equal. */
  widths?: number[];
  /** Columns printed centred (ranks); numbers are right-aligned by the writer when they look like numbers. */
  centered?: number[];
}

/** What a figure shows; the edges draw it as a picture (see figures.ts). */
export type FigureSpec = { kind: "map"; indicator: string; scope: string } | { kind: "bars"; title: string; labels: string[]; values: number[]; unit?: string };

export interface FigureBlock {
  kind: "figure";
  /** 图 3-1 / Figure 3-1. */
  number: string;
  caption: string;
  /** A key unique within the draft, by which the edges hand its picture to the writer. */
  id: string;
  figure: FigureSpec;
}

export interface TocBlock {
  kind: "toc";
  title: string;
}

export interface PageBreakBlock {
  kind: "pageBreak";
}

export type DraftBlock = HeadingBlock | ParagraphBlock | TableBlock | FigureBlock | TocBlock | PageBreakBlock;

export interface Draft {
  lang: DraftLang;
  /** The report's title: the year, the profile's name and 评估报告 (e.g. 2020 + the assessment + 评估报告). */
  title: string;
  blocks: DraftBlock[];
}

/** Numbers tables and figures per part (表 3-1, 图 3-1), in the order they are added. */
export class Numbering {
  private tables = 0;
  private figures = 0;
  private figureIds = 0;
  constructor(
    readonly part: number,
    private readonly lang: DraftLang,
  ) {}
  table(): string {
    return this.lang === "zh" ? `表 ${this.part}-${++this.tables}` : `Table ${this.part}-${++this.tables}`;
  }
  figure(): { number: string; id: string } {
    const n = ++this.figures;
    return { number: this.lang === "zh" ? `图 ${this.part}-${n}` : `Figure ${this.part}-${n}`, id: `fig-${this.part}-${++this.figureIds}` };
  }
}
