// A draft as the lines a reader sees: headings, paragraphs, captions and every table cell.
import type { Draft } from "../../src/report/draft";

export function draftLines(d: Draft): string[] {
  return d.blocks.flatMap((b) => {
    switch (b.kind) {
      case "heading":
      case "paragraph":
        return [b.text];
      case "table":
        return [`${b.number} ${b.caption}`, ...b.header.flat(), ...b.rows.flat()];
      case "figure":
        return [`${b.number} ${b.caption}`];
      case "toc":
        return [b.title];
      default:
        return [];
    }
  });
}
