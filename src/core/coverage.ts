// Who is scored when values are missing: an entity whose composite the coverage rules leave
// missing is listed with the reason and gets no rank; one scored from part of its data is told so.
import { issue, type Issue } from "./issue";
import type { Scores } from "./score";

/**
 * One warning per entity with missing input values: either it is not scored (the composite is
 * missing, so it has no rank; the reason names the missing indicators and the parent that needs
 * them) or it is scored from the indicators it has (the coverage rule allows it).
 */
export function coverageIssues(s: Scores): Issue[] {
  const ds = s.dataset;
  const fw = ds.framework;
  const L = fw.leaves.length;
  const K = fw.order.length;
  const out: Issue[] = [];
  const name = (code: string, lang: "zh" | "en") => {
    const ind = fw.indicators.get(code)!;
    return `${code} ${lang === "zh" ? ind.nameZh : ind.nameEn}`;
  };
  ds.districts.forEach((d, i) => {
    const missing: string[] = [];
    for (let j = 0; j < L; j++) if (Number.isNaN(ds.inputs[i * L + j])) missing.push(fw.leaves[j]);
    if (!missing.length) return;
    const list = (lang: "zh" | "en") =>
      missing
        .slice(0, 6)
        .map((c) => name(c, lang))
        .join(lang === "zh" ? "、" : ", ") + (missing.length > 6 ? "…" : "");
    if (Number.isNaN(s.values[i * K])) {
      // The highest parent left missing by a missing child: the rule that stopped the score.
      const stopped = fw.order.find((c, k) => k > 0 && fw.indicators.get(c)!.children.length > 0 && Number.isNaN(s.values[i * K + k]));
      const why = stopped ?? fw.root;
      out.push(
        issue(
          "warning",
          "not-scored",
          `${d.id}：未评分，不参与排名：缺少 ${list("zh")}（${name(why, "zh")} 的覆盖规则要求这些下级指标有值）`,
          `${d.id}: not scored and not ranked: ${list("en")} ${missing.length === 1 ? "is" : "are"} missing (the coverage rule of ${name(why, "en")} needs them)`,
          { district: d.id, indicator: missing[0] },
        ),
      );
    } else
      out.push(
        issue(
          "warning",
          "not-scored",
          `${d.id}：按现有数据评分（覆盖规则允许），缺少 ${list("zh")}`,
          `${d.id}: scored from the data it has (the coverage rule allows it); ${list("en")} ${missing.length === 1 ? "is" : "are"} missing`,
          { district: d.id, indicator: missing[0] },
        ),
      );
  });
  return out;
}
