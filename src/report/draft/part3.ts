// 第三部分 区域评估结果: the entities, index by index down to the inputs: top three, changes,
// tables of every entity, maps and each region's bars.
import type { DraftContext } from "./context";
import { figure, itemHeading, para, partHeading, placeholder, regionBarsFigure, sectionHeading, subHeading } from "./blocks";
import { Numbering, type DraftBlock } from "./model";
import { changeSentences, dataSentence, runSentence, topThreeSentence } from "./sentences";
import { allEntitiesTable, changeTable, coefficientTable, overallTable, regionRankTable } from "./tables";

export function part3(c: DraftContext): DraftBlock[] {
  const num = new Numbering(3, c.lang);
  const zh = c.lang === "zh";
  const root = c.fw.root;
  const out: DraftBlock[] = [partHeading(c, 3, zh ? "区域评估结果" : "Results by " + c.words.entity.en)];

  out.push(sectionHeading(c, 1, c.name(root)));
  out.push(...sentences(c, root));
  out.push(placeholder(c, c.name(root)));
  const top = c.ranked(root).filter((i) => c.rank(i, root) <= 3);
  out.push(overallTable(c, top, zh ? `${c.name(root)}前三名` : `${c.name(root)}: the top three`, num));
  out.push(...map(c, root, num));
  const changes = changeTable(c, root, num);
  if (changes) out.push(changes);
  if (c.regions.length) {
    out.push(byRegion(c, root));
    for (const r of c.regions) {
      out.push(overallTable(c, c.ranked(root, r.id), zh ? `${r.zh}各${c.words.entity.zh}${c.name(root)}` : `${c.name(root)}, ${r.en}`, num, true));
      out.push(regionBarsFigure(c, root, r.id, num));
    }
  }

  const firsts = c.ind(root).children;
  firsts.forEach((code, j) => {
    out.push(sectionHeading(c, j + 2, c.name(code)));
    out.push(...sentences(c, code));
    out.push(placeholder(c, c.name(code)));
    out.push(allEntitiesTable(c, code, num), ...map(c, code, num), ...regions(c, code, num));
    c.ind(code).children.forEach((k, m) => out.push(...detail(c, k, 3, [j + 2, m + 1], num)));
  });

  const coef = coefficientTable(c, num);
  const name = c.s.dataset.coefficient?.name;
  if (coef && name) {
    out.push(sectionHeading(c, firsts.length + 2, c.t(name)));
    out.push(placeholder(c, c.t(name)));
    out.push(coef);
  }
  return out;
}

/** The top three, the changes against last year and the runs of years in the top three. */
function sentences(c: DraftContext, code: string): DraftBlock[] {
  // An input indicator is said as the report says it (「从评估结果来看，…排名第一」); an index by its top three and their values.
  const lead = c.isLeaf(code) ? dataSentence(c, code) : topThreeSentence(c, code);
  return [lead, ...changeSentences(c, code), runSentence(c, code)].filter((t) => t).map(para);
}

const byRegion = (c: DraftContext, code: string): DraftBlock =>
  para(c.lang === "zh" ? `按区域划分，各${c.words.entity.zh}${c.name(code)}如下：` : `By region, the ${c.name(code)} of each ${c.words.entity.en}:`);

/** Each region's table and bars. */
function regions(c: DraftContext, code: string, num: Numbering): DraftBlock[] {
  if (!c.regions.length) return [];
  return [byRegion(c, code), ...c.regions.flatMap((r) => [regionRankTable(c, code, r.id, num), regionBarsFigure(c, code, r.id, num)])];
}

/** The map of an indicator over all entities, where the edges have shapes. */
function map(c: DraftContext, code: string, num: Numbering): DraftBlock[] {
  if (!c.input.maps) return [];
  const caption = c.lang === "zh" ? `各${c.words.entity.zh}${c.name(code)}分布` : `${c.name(code)} by ${c.words.entity.en}`;
  return [figure(num, caption, { kind: "map", indicator: code, scope: "city" })];
}

/** An index below the first level (1. …), and its inputs ((1) …), each with its table. */
function detail(c: DraftContext, code: string, level: number, path: number[], num: Numbering): DraftBlock[] {
  const leaf = c.isLeaf(code);
  const heading = level === 3 ? subHeading(c, path[0], path[1], c.name(code)) : itemHeading(path[path.length - 1], c.name(code));
  const out: DraftBlock[] = [heading, placeholder(c, c.name(code)), ...sentences(c, code), allEntitiesTable(c, code, num)];
  if (!leaf) {
    out.push(...c.regions.map((r) => regionBarsFigure(c, code, r.id, num)));
    c.ind(code).children.forEach((k, m) => out.push(...detail(c, k, Math.min(4, level + 1), [...path, m + 1], num)));
  }
  return out;
}
