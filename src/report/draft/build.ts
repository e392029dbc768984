// The whole draft: title page, contents, the three parts, the citation line.
import type { Scores, Text } from "../../core";
import { DraftContext, type DraftInput } from "./context";
import { part1 } from "./part1";
import { part2 } from "./part2";
import { part3 } from "./part3";
import type { Draft, DraftBlock } from "./model";

/** The report's title, from the year and the profile's name: `2020<assessment>评估报告` / `<assessment> report 2020`. */
export function reportTitle(input: Pick<DraftInput, "name" | "lang" | "scores">): string {
  const label = input.scores.dataset.label ?? "";
  return input.lang === "zh" ? `${label}${input.name.zh}报告` : `${input.name.en} report${label ? " " + label : ""}`;
}

/**
 * The name of an assessment known only by its own framework (the built-in name does not fit
 * another framework or entity list): 数字化指数评估 / Digital index assessment.
 */
export function nameFromFramework(scores: Scores): Text {
  const fw = scores.dataset.framework;
  const root = fw.indicators.get(fw.root)!;
  return { zh: `${root.nameZh}评估`, en: `${root.nameEn} assessment` };
}

export function buildDraft(input: DraftInput): Draft {
  const c = new DraftContext(input);
  const zh = c.lang === "zh";
  const title = reportTitle(input);
  const blocks: DraftBlock[] = [
    { kind: "paragraph", text: title, title: true, center: true },
    { kind: "paragraph", text: zh ? "（草稿）" : "(draft)", center: true },
    { kind: "pageBreak" },
    { kind: "toc", title: zh ? "目录" : "Contents" },
    { kind: "pageBreak" },
    ...part1(c),
    { kind: "pageBreak" },
    ...part2(c),
    { kind: "pageBreak" },
    ...part3(c),
    {
      kind: "paragraph",
      text: zh
        ? `转载、摘编或利用其他方式使用本报告数据、文字或者观点的，应注明“来源：《${title}》”。`
        : `Any reproduction, excerpt or other use of this report's data, text or views must cite "Source: ${title}".`,
    },
  ];
  return { lang: c.lang, title, blocks };
}
