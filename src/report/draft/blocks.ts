// Small constructors for the draft's blocks, shared by its parts.
import type { DraftContext } from "./context";
import type { DraftBlock, FigureSpec, Numbering } from "./model";
import { numeralZh } from "./text";

export const para = (text: string): DraftBlock => ({ kind: "paragraph", text });

/** The analysts' place: a marked paragraph the draft never fills with invented commentary. */
export const placeholder = (c: DraftContext, about: string): DraftBlock => ({
  kind: "paragraph",
  placeholder: true,
  text: c.lang === "zh" ? `【待分析人员撰写：${about}的分析与评述】` : `[For the analysts to write: commentary on ${about}]`,
});

/** 第一部分 … / Part 1 …. */
export const partHeading = (c: DraftContext, n: number, title: string): DraftBlock => ({
  kind: "heading",
  level: 1,
  text: c.lang === "zh" ? `第${numeralZh(n)}部分 ${title}` : `Part ${n} ${title}`,
});

/** 一、… / 1 … */
export const sectionHeading = (c: DraftContext, n: number, title: string): DraftBlock => ({
  kind: "heading",
  level: 2,
  text: c.lang === "zh" ? `${numeralZh(n)}、${title}` : `${n} ${title}`,
});

/** 1. … / 1.1 … */
export const subHeading = (c: DraftContext, section: number, n: number, title: string): DraftBlock => ({
  kind: "heading",
  level: 3,
  text: c.lang === "zh" ? `${n}. ${title}` : `${section}.${n} ${title}`,
});

/** (1) … */
export const itemHeading = (n: number, title: string): DraftBlock => ({ kind: "heading", level: 4, text: `(${n}) ${title}` });

export function figure(num: Numbering, caption: string, spec: FigureSpec): DraftBlock {
  const { number, id } = num.figure();
  return { kind: "figure", number, id, caption, figure: spec };
}

/** Bars of the mean over all entities and per region. */
export function meansFigure(c: DraftContext, code: string, num: Numbering): DraftBlock {
  const labels = [c.t(c.words.whole), ...c.regions.map((r) => c.regionName(r))];
  const values = [c.mean("city", code), ...c.regions.map((r) => c.mean(r.id, code))];
  const caption = c.lang === "zh" ? `${c.name(code)}（${labels.join("、")}）` : `${c.name(code)}: ${labels.join(", ")}`;
  return figure(num, caption, { kind: "bars", title: caption, labels, values });
}

/** Bars of an index's children, their means over all entities. */
export function childrenFigure(c: DraftContext, code: string, num: Numbering): DraftBlock {
  const kids = c.ind(code).children;
  const caption =
    c.lang === "zh" ? `${c.name(code)}相关${c.levelWord(c.ind(kids[0]).level)}指数值` : `${c.name(code)}: its ${c.levelWord(c.ind(kids[0]).level)}`;
  return figure(num, caption, { kind: "bars", title: caption, labels: kids.map((k) => c.name(k)), values: kids.map((k) => c.mean("city", k)) });
}

/** Bars of a region's entities on one indicator, best first. */
export function regionBarsFigure(c: DraftContext, code: string, region: string, num: Numbering): DraftBlock {
  const r = c.regions.find((x) => x.id === region)!;
  const order = c.ranked(code, region);
  const caption = c.lang === "zh" ? `${r.zh}${c.name(code)}` : `${c.name(code)}, ${r.en}`;
  return figure(num, caption, { kind: "bars", title: caption, labels: order.map((i) => c.short(i)), values: order.map((i) => c.value(i, code)) });
}
