// The audit in plain words: each thing an evaluator should look at, why, and what to do about
// it, in Chinese and English. The pane, the sheet and the CLI say the same sentences.
import type { Framework } from "../framework";
import type { Text } from "../issue";
import type { Audit } from "./audit";
import { COLLINEAR_R } from "./coherence";
import { SIGNIFICANCE } from "./significance";
import { OUTLIER_KURTOSIS, OUTLIER_SKEW, type Stat } from "./stats";

export type FindingKind = "outlier" | "collinear" | "negative" | "weak" | "treated" | "imputed";

export interface Finding {
  kind: FindingKind;
  /** The indicators concerned: one, or a collinear pair. */
  codes: string[];
  /** What kind of finding, in a few words. */
  label: Text;
  /** The figures and what they mean. */
  detail: Text;
  /** What to do about it. */
  advice: Text;
  /** True for what needs attention; false for a note (weakly related, values changed by a choice). */
  attention: boolean;
}

/** A figure as printed: 2 decimals and a real minus sign. */
export const figure = (x: Stat, digits = 2): string => (x === null ? "—" : x.toFixed(digits).replace(/^-/, "−"));

/** A p-value as printed: "p < 0.001" below it, else 3 decimals. */
export const pText = (p: Stat): string => (p === null ? "p —" : p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

/** Every flag and note of an audit, in plain words: outliers, collinear pairs, negative and weak relations, treated and imputed values. */
export function findings(a: Audit, fw: Framework): Finding[] {
  const byCode = new Map(a.indicators.map((i) => [i.code, i]));
  const isLeaf = (code: string) => fw.indicators.get(code)!.children.length === 0;
  const out: Finding[] = [];
  for (const i of a.indicators.filter((x) => x.outlier)) {
    const fig = `偏度 ${figure(i.skew)}，峰度 ${figure(i.kurtosis)}`;
    out.push({
      kind: "outlier",
      codes: [i.code],
      label: { zh: "分布偏斜", en: "skewed" },
      detail: {
        zh: `${fig}：少数区的数值远离其余各区（JRC 规则：|偏度| ≥ ${OUTLIER_SKEW} 且峰度 ≥ ${OUTLIER_KURTOSIS}）`,
        en: `skewness ${figure(i.skew)}, kurtosis ${figure(i.kurtosis)}: a few districts lie far from the rest (JRC rule: |skew| ≥ ${OUTLIER_SKEW} and kurtosis ≥ ${OUTLIER_KURTOSIS})`,
      },
      advice: isLeaf(i.code)
        ? {
            zh: "考虑处理异常值（计算选项“异常值处理：JRC”，缩尾或对数变换），再比较排名",
            en: "consider treating its outliers (the “treatment: JRC” choice winsorises or takes logs) and compare the ranks",
          }
        : { zh: "由下级指标汇总而来：先处理其下级指标的异常值", en: "an aggregate of its children: treat their outliers first" },
      attention: true,
    });
  }
  for (const [x, y, r] of a.collinear)
    out.push({
      kind: "collinear",
      codes: [x, y],
      label: { zh: "高度相关", en: "collinear" },
      detail: {
        zh: `${x} 与 ${y} 的 r = ${figure(r)}（高于 ${COLLINEAR_R}）：两者几乎是同一信息，上级指标把它计了两次`,
        en: `${x} and ${y}: r = ${figure(r)} (above ${COLLINEAR_R}): nearly the same information, counted twice by their parent`,
      },
      advice: {
        zh: `核对 ${x} 与 ${y} 是否衡量同一事物；若是，合并两者或降低其中一个的权重`,
        en: `check whether ${x} and ${y} measure the same thing; if so, merge them or lower one's weight`,
      },
      attention: true,
    });
  for (const [x, r] of a.negative) {
    const p = byCode.get(x)?.pParent ?? null;
    out.push({
      kind: "negative",
      codes: [x],
      label: { zh: "与上级反向", en: "against its parent" },
      detail: {
        zh: `与上级指标 r = ${figure(r)}（${pText(p)}，在 ${SIGNIFICANCE * 100}% 水平上显著）：它越高，上级越低`,
        en: `r with its parent ${figure(r)} (${pText(p)}, significant at ${SIGNIFICANCE * 100}%): the higher it is, the lower its parent`,
      },
      advice: { zh: "核对指标方向（是否应为逆向指标）和数据", en: "check its direction (should lower be better?) and its data" },
      attention: true,
    });
  }
  for (const [x, r] of a.weak) {
    const p = byCode.get(x)?.pParent ?? null;
    out.push({
      kind: "weak",
      codes: [x],
      label: { zh: "与上级弱相关", en: "weakly related" },
      detail: {
        zh: `与上级指标 r = ${figure(r)}（${pText(p)}）：与 0 没有显著差别，不是反向`,
        en: `r with its parent ${figure(r)} (${pText(p)}): not distinguishable from 0, not a reversed direction`,
      },
      advice: { zh: "不必处理；它提供的是上级其他指标没有的信息", en: "nothing to do: it carries information its siblings do not" },
      attention: false,
    });
  }
  for (const t of a.treatments)
    out.push({
      kind: "treated",
      codes: [t.indicator],
      label: { zh: "已处理异常值", en: "treated" },
      detail: {
        zh: `${t.method === "log" ? "对数变换" : `缩尾 ${t.steps} 步`}，改变了 ${t.changed.length} 个值`,
        en: `${t.method === "log" ? "log transform" : `winsorised in ${t.steps} step${t.steps === 1 ? "" : "s"}`}: ${t.changed.length} value${t.changed.length === 1 ? "" : "s"} changed`,
      },
      advice: { zh: "排名已按处理后的数值计算", en: "the ranks use the treated values" },
      attention: false,
    });
  for (const m of a.imputed)
    out.push({
      kind: "imputed",
      codes: [m.indicator],
      label: { zh: "已插补", en: "imputed" },
      detail: {
        zh: `${m.district}${m.cell ? "（" + m.cell + "）" : ""}缺失，填入 ${figure(m.value)}`,
        en: `${m.district}${m.cell ? " (" + m.cell + ")" : ""} was empty: filled with ${figure(m.value)}`,
      },
      advice: { zh: "核对该值或补上实测数据", en: "check the value or supply the measured one" },
      attention: false,
    });
  return out;
}

/** What the audit checks, each in a line. */
export const AUDIT_CHECKS: Text[] = [
  { zh: "分布：每个指标是否有少数区远离其余各区（偏斜）", en: "Distribution: whether a few districts lie far from the rest (skew)" },
  {
    zh: "关系：每个指标是否与上级同向，同级指标是否重复",
    en: "Relations: whether each indicator moves with its parent, and whether siblings repeat each other",
  },
  { zh: "重要性：名义权重与指标对排名的实际影响是否相称", en: "Importance: whether the weights match each indicator's real effect on the ranks" },
  { zh: "敏感性：计算选项改变时排名变动多少", en: "Sensitivity: how much the ranks move when the choices change" },
];

/** The audit's conclusion in one sentence: how many things need attention and of what kind. */
export function auditConclusion(list: readonly Finding[]): Text {
  const count = (kind: FindingKind) => list.filter((f) => f.kind === kind).length;
  const attention = list.filter((f) => f.attention).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts: [number, string, string][] = [
    [count("outlier"), `${count("outlier")} 个指标分布偏斜`, plural(count("outlier"), "skewed indicator", "skewed indicators")],
    [count("collinear"), `${count("collinear")} 对同级指标高度相关`, plural(count("collinear"), "collinear pair of siblings", "collinear pairs of siblings")],
    [
      count("negative"),
      `${count("negative")} 个指标与上级显著反向`,
      plural(count("negative"), "indicator significantly against its parent", "indicators significantly against their parents"),
    ],
  ];
  const zh = parts.filter(([n]) => n).map(([, z]) => z);
  const en = parts.filter(([n]) => n).map(([, , e]) => e);
  const weak = count("weak");
  const note = weak
    ? {
        zh: `；另有 ${weak} 个指标与上级弱相关（与 0 无显著差别），不必处理`,
        en: `; ${weak} more ${weak === 1 ? "is" : "are"} weakly related to the parent (not distinguishable from 0): nothing to do`,
      }
    : { zh: "", en: "" };
  return attention
    ? {
        zh: `需关注 ${attention} 项：${zh.join("，")}${note.zh}。`,
        en: `${attention} thing${attention === 1 ? "" : "s"} to look at: ${en.join(", ")}${note.en}.`,
      }
    : { zh: `没有需关注的问题${note.zh}。`, en: `Nothing needs attention${note.en}.` };
}
