// 第一部分 评估体系与方法: the framework in a paragraph and a table, the method, the regions.
import type { DraftContext } from "./context";
import { para, partHeading, sectionHeading, subHeading } from "./blocks";
import { Numbering, type DraftBlock } from "./model";
import { indicatorSystemTable, regionTable } from "./tables";
import { list, plural } from "./text";

export function part1(c: DraftContext): DraftBlock[] {
  const num = new Numbering(1, c.lang);
  const zh = c.lang === "zh";
  const fw = c.fw;
  const out: DraftBlock[] = [partHeading(c, 1, zh ? "评估体系与方法" : "The framework and the method")];
  out.push(sectionHeading(c, 1, zh ? "评估体系概述" : "The framework"));
  out.push(subHeading(c, 1, 1, zh ? "评估指标体系" : "The indicator system"));
  const depth = Math.max(...fw.order.map((k) => c.ind(k).level));
  const levels = Array.from({ length: depth }, (_, j) => fw.order.filter((k) => c.ind(k).level === j + 1));
  const parts = levels.map((codes, j) => {
    const named = j < levels.length - 1 && codes.length <= 12;
    if (zh)
      return `${c.levelWord(j + 1)}${codes.length}个${
        named
          ? `，即${list(
              codes.map((k) => c.name(k)),
              "zh",
            )}`
          : ""
      }`;
    return `${codes.length} ${c.levelWord(j + 1)}${
      named
        ? ` (${list(
            codes.map((k) => c.name(k)),
            "en",
          )})`
        : ""
    }`;
  });
  const coef = c.s.dataset.coefficient;
  const root = c.name(fw.root);
  out.push(
    para(
      zh
        ? `${c.label ? c.label + "年" : ""}${root}评估指标体系，包括${parts.join("；")}。${coef ? `${coef.name.zh}作为各${c.words.entity.zh}${root}系数。` : ""}`
        : `The ${c.label ? c.label + " " : ""}${root} framework has ${list(parts, "en")}.${coef ? ` The ${coef.name.en} multiplies each ${c.words.entity.en}'s ${root}.` : ""}`,
    ),
  );
  out.push(para(zh ? "评估指标体系如下表所示：" : "The indicator system:"));
  out.push(indicatorSystemTable(c, num));

  out.push(sectionHeading(c, 2, zh ? "评估测算方法" : "The method"));
  out.push(subHeading(c, 2, 1, zh ? "指数测算" : "Computing the indices"));
  const e = c.t(c.words.entity);
  const whole = c.t(c.words.whole);
  out.push(
    para(
      zh
        ? `各级指标指数为其下级指标指数的加权平均${coef ? `，${root}再乘以${coef.name.zh}` : ""}。各${e}${root}的平均值即为${whole}${root}。${whole}各级指标指数值，分别对应各${e}相关指标的平均值。`
        : `Each index is the weighted mean of the indices below it${coef ? `, and the ${root} is then multiplied by the ${coef.name.en}` : ""}. The ${whole} ${root} is the mean of the ${e} values, and the ${whole} value of every indicator is the mean of the ${e} values of that indicator.`,
    ),
  );
  if (c.regions.length) {
    out.push(subHeading(c, 2, 2, zh ? "区域划分" : "Regions"));
    const members = c.regions.map((r) => ({ r, ids: c.s.dataset.districts.flatMap((d, i) => (d.region === r.id ? [c.short(i)] : [])) }));
    const names = c.regions.map((r) => c.regionName(r));
    out.push(
      para(
        zh
          ? `将${c.n}个${e}分为${list(names, "zh").replace(/和/g, "与")}等${c.regions.length === 2 ? "两" : c.regions.length}类区域。其中，${members.map((m) => `${m.ids.join("、")}为${m.r.zh}`).join("；")}。`
          : `The ${c.n} ${plural(e)} fall into ${c.regions.length} regions: ${members.map((m) => `${m.r.en}: ${m.ids.join(", ")}`).join("; ")}.`,
      ),
    );
    out.push(regionTable(c, num));
  }
  return out;
}
