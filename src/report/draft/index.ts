// The annual report's draft as a plain document model, built from Scores.
export { buildDraft, nameFromFramework, reportTitle } from "./build";
export { DraftContext, type DraftInput } from "./context";
export { barsSvg } from "./bars";
export type { Draft, DraftBlock, DraftLang, FigureBlock, FigureSpec, HeadingBlock, ParagraphBlock, TableBlock } from "./model";
export { PRINT_DPI, figurePixelWidth, figureSvg, figureWidthCm } from "./figures";
