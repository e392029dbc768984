// 第二部分 评估总体情况: the whole (means over all entities and per region), against last year.
import type { DraftContext } from "./context";
import { childrenFigure, figure, meansFigure, para, partHeading, placeholder, sectionHeading, subHeading } from "./blocks";
import { Numbering, type DraftBlock } from "./model";
import { childMeansTable } from "./tables";
import { childrenSentence, wholeSentence } from "./sentences";

export function part2(c: DraftContext): DraftBlock[] {
  const num = new Numbering(2, c.lang);
  const zh = c.lang === "zh";
  const root = c.fw.root;
  const out: DraftBlock[] = [partHeading(c, 2, zh ? "评估总体情况" : "The assessment as a whole")];
  out.push(sectionHeading(c, 1, c.name(root)));
  out.push(para(wholeSentence(c, root, true)));
  out.push(placeholder(c, c.name(root)));
  out.push(yearsFigure(c, root, num) ?? meansFigure(c, root, num));
  const firsts = c.ind(root).children;
  if (firsts.length) {
    out.push(para(childrenSentence(c, root, true)));
    out.push(childrenFigure(c, root, num));
  }
  firsts.forEach((code, j) => {
    out.push(sectionHeading(c, j + 2, c.name(code)));
    out.push(para(wholeSentence(c, code, false)));
    out.push(placeholder(c, c.name(code)));
    out.push(yearsFigure(c, code, num) ?? meansFigure(c, code, num));
    out.push(...childMeans(c, code, num));
    c.ind(code)
      .children.filter((k) => !c.isLeaf(k))
      .forEach((k, m) => {
        out.push(subHeading(c, j + 2, m + 1, c.name(k)));
        out.push(para(wholeSentence(c, k, false)));
        out.push(...childMeans(c, k, num));
      });
  });
  return out;
}

/** 「X相关二级指标指数值如下：」, the table of the children's means and their bars. */
function childMeans(c: DraftContext, code: string, num: Numbering): DraftBlock[] {
  const kids = c.ind(code).children;
  if (!kids.length) return [];
  const level = c.levelWord(c.ind(kids[0]).level);
  return [
    para(c.lang === "zh" ? `${c.name(code)}相关${level}指数值如下：` : `The ${level} of the ${c.name(code)}:`),
    childMeansTable(c, code, num),
    childrenFigure(c, code, num),
  ];
}

/** The mean over all entities in each year given, oldest first; undefined with one year only. */
function yearsFigure(c: DraftContext, code: string, num: Numbering): DraftBlock | undefined {
  const years = [...c.previous].reverse().filter((p) => p.dataset.framework.index.has(code));
  if (!years.length) return undefined;
  const labels = [...years.map((p, j) => p.dataset.label ?? `${j + 1}`), c.label || (c.lang === "zh" ? "本年" : "This year")];
  const values = [...years.map((p) => p.averages.get("city")![p.dataset.framework.index.get(code)!]), c.mean("city", code)];
  const caption =
    c.lang === "zh" ? `${c.t(c.words.whole)}${c.name(code)}（${labels.join("—")}）` : `${c.t(c.words.whole)} ${c.name(code)}, ${labels.join("–")}`;
  return figure(num, caption, { kind: "bars", title: caption, labels, values });
}
