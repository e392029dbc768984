// The audit sheet: plain cells, written alike by the CLI and the add-in.
import {
  AUDIT_CHECKS,
  auditConclusion,
  figure,
  findings,
  pText,
  type Audit,
  type Choices,
  type Dataset,
  type Lang,
  type Sobol,
  type Stat,
  type Text,
} from "../core";
import { Grid } from "./grid";
import { sheetName, sourceLines, titleZh, wordsOf, type LayoutCell, type SheetLayout } from "./layout";

/** Red for −1, white for 0, blue for +1: a diverging scale for correlations. */
export const CORRELATION_COLORS = { low: "F8696B", mid: "FFFFFF", high: "5A8AC6" } as const;

/** Columns of the sheet's widest table (the distribution); paragraphs span them. */
const WIDTH = 10;
/** Characters across a landscape A4 page between 0.5-inch margins, ten columns. */
const LANDSCAPE_CHARS = 138;

const shown = (x: Stat | undefined): LayoutCell => (x === null || x === undefined ? "—" : x);
const both = (t: Text) => `${t.zh} / ${t.en}`;

/** An interval as read aloud: "−0.03 至 0.02". */
export const intervalText = (ci: [number, number] | null): string => (ci ? `${figure(ci[0])} 至 ${figure(ci[1])}` : "—");

/** What the tables' explanations say, Chinese then English. */
const EXPLAIN: Record<string, Text> = {
  flags: {
    zh: "每项一行中文、一行英文：为什么要看它，建议怎么办。已处理、已插补的数值只是说明。",
    en: "Each item in Chinese, then English: why it matters and what to do. Treated or imputed values are notes only.",
  },
  distribution: {
    zh: "偏度衡量分布是否一边拖尾，峰度衡量是否有极端值；|偏度| ≥ 2 且峰度 ≥ 3.5 即为偏斜（JRC 规则）：排名可能由少数区左右。",
    en: "Skewness measures a long tail on one side, kurtosis extreme values; |skew| ≥ 2 and kurtosis ≥ 3.5 is skewed (the JRC rule): a few districts may decide the ranks.",
  },
  relations: {
    zh: "r 为 Pearson 相关系数（−1 至 1），ρ 为按名次的 Spearman 相关；p 为检验“与 0 无差别”的概率，p < 0.05 才算显著。只有与上级显著为负时才需核对方向。",
    en: "r is Pearson's correlation (−1 to 1), ρ Spearman's on ranks; p tests “no different from 0”, significant below 0.05. Only a significantly negative r with the parent calls for checking the direction.",
  },
  importance: {
    zh: "权重：指标在综合指数中的名义权重；r² 占比：它与综合指数相关系数的平方占全部三级指标之和的比例，远低于权重即对排名影响很小。排名变动：去掉该指标重算后，各区全市排名平均和最多移动几位。",
    en: "Weight: the indicator's nominal weight in the composite; r² share: its squared correlation with the composite as a share of all inputs' (far below the weight: it hardly moves the ranks). Rank shift: how far districts' city ranks move, on average and at most, without it.",
  },
  cronbach: {
    zh: "α 衡量同一上级的下级指标是否一致：0.7 以上通常视为一致，偏低说明下级指标各自衡量不同的方面。",
    en: "Alpha measures whether a parent's children agree: 0.7 or more is usually taken as consistent; lower means they measure different things.",
  },
  matrices: {
    zh: "同一上级的下级指标两两相关系数：蓝为正、红为负、白为 0；|r| > 0.9 的一对几乎是同一信息。",
    en: "Correlations between a parent's children: blue positive, red negative, white 0; a pair with |r| > 0.9 is nearly the same information.",
  },
  aggregation: {
    zh: "同样的权重，用算术平均与几何平均汇总时的全市排名：几何平均不让一项的高分抵消另一项的低分。",
    en: "City ranks with the same weights, aggregated by the arithmetic and the geometric mean: the geometric mean does not let a high score offset a low one.",
  },
  sobol: {
    zh: "一阶指数：只改变该因素时排名变动中由它解释的份额；总效应：连同它与其他因素的交互。95% 区间跨过 0 即没有可测的影响；略小于 0 的估计是 0 附近的抽样误差。",
    en: "First order: the share of the rank shifts that the choice alone explains; total: with its interactions. A 95% interval that crosses 0 means no measurable effect; an estimate just below 0 is sampling noise around 0.",
  },
};

/**
 * The audit sheet: the title in two lines, the source and choices, the conclusion and what was
 * checked, the flags in plain words with what to do, then the figures in readable tables —
 * distribution, relations, weights and effect, Cronbach's alpha, the correlation matrix within each
 * parent as a native colour scale, the aggregation comparison and, when run, the Sobol indices —
 * each titled and explained. An undefined statistic shows as "—".
 */
export function auditLayout(
  a: Audit,
  ds: Dataset,
  opts: { title?: string; choices?: Choices; sobol?: Sobol; date?: string; sheetLang?: Lang } = {},
): SheetLayout {
  const fw = ds.framework;
  const title = opts.title ?? ds.label ?? "";
  const g = new Grid();
  const ind = (code: string) => fw.indicators.get(code)!;
  const c = opts.choices ?? {};
  g.heading(
    [`${titleZh(title)}统计审计`, `${title ? title + " " : ""}statistical audit`],
    [
      ...sourceLines(title, opts.date),
      `计算选项：插补 ${c.impute ?? "无"}，异常值处理 ${c.treat ?? "无"}，缺失值 ${c.missing ?? "报错"}，聚合 ${c.aggregation === "geometric" ? "几何平均" : (c.aggregation ?? "算术平均")}`,
      `Choices: impute ${c.impute ?? "none"}, treatment ${c.treat ?? "none"}, missing ${c.missing ?? "error"}, aggregation ${c.aggregation ?? "arithmetic"}`,
    ],
  );
  /** A paragraph in joined cells from `col` to the sheet's width, wrapped within them. */
  const paragraph = (row: LayoutCell[], col: number) => {
    g.merged.push({ row: g.row, col, rows: 1, cols: WIDTH - col });
    g.push(row);
  };
  /** A titled, explained table; returns its first body row. `prose`: body columns joined to the right. */
  const table = (key: string, heading: string, explain: Text | undefined, head: LayoutCell[], rows: LayoutCell[][], prose: [number, number][] = []) => {
    const top = g.row;
    g.push([heading], true);
    if (explain) [explain.zh, explain.en].forEach((t) => paragraph([t], 0));
    const titleRows = g.row - top;
    g.push(head, true);
    const first = g.row;
    for (const r of rows) {
      for (const [col, cols] of prose) g.merged.push({ row: g.row, col, rows: 1, cols });
      g.push(r);
    }
    const cols = Math.max(head.length, ...rows.map((r) => r.length));
    g.tables.push({ key, title: heading, row: top, col: 0, rows: g.row - top, cols, titleRows });
    g.push([]);
    return first;
  };
  const numbers = (first: number, n: number, col: number, cols = 1) => n && g.numbers.push({ row: first, col, rows: n, cols });

  // The conclusion, what was checked.
  const list = findings(a, fw);
  const conclusion = auditConclusion(list);
  const top = g.row;
  g.push(["审计结论 / Summary"], true);
  paragraph(["结论", conclusion.zh], 1);
  paragraph(["Conclusion", conclusion.en], 1);
  paragraph(["审计内容", AUDIT_CHECKS.map((x) => x.zh).join("；") + "。"], 1);
  paragraph(["Checked", AUDIT_CHECKS.map((x) => x.en).join("; ") + "."], 1);
  if (a.weak.length) {
    const p = new Map(a.indicators.map((i) => [i.code, i.pParent]));
    const item = (code: string, r: number, name: string, sep: string) => `${code} ${name}（r = ${figure(r)}${sep}${pText(p.get(code) ?? null)}）`;
    paragraph(["弱相关", `与上级弱相关、与 0 无显著差别，不必处理：${a.weak.map(([x, r]) => item(x, r, ind(x).nameZh, "，")).join("；")}。`], 1);
    paragraph(
      [
        "Weakly related",
        `Weakly related to the parent, not distinguishable from 0, nothing to do: ${a.weak.map(([x, r]) => item(x, r, ind(x).nameEn, ", ").replace("（", " (").replace(/）$/, ")")).join("; ")}.`,
      ],
      1,
    );
  }
  g.tables.push({ key: "summary", title: "审计结论", row: top, col: 0, rows: g.row - top, cols: WIDTH, titleRows: 1 });
  g.push([]);

  // The flags: each in a Chinese row and an English row.
  // Weakly related indicators are named in the summary only: not distinguishable from 0, no flag.
  const ordered = [...list.filter((f) => f.attention), ...list.filter((f) => !f.attention && f.kind !== "weak")];
  const flagRows = ordered.flatMap((f) => [
    [f.codes.join(" · "), f.codes.map((x) => ind(x).nameZh).join(" · "), f.label.zh, f.detail.zh, null, null, null, f.advice.zh],
    [null, f.codes.map((x) => ind(x).nameEn).join(" · "), f.label.en, f.detail.en, null, null, null, f.advice.en],
  ]);
  table(
    "flags",
    "需关注 / Flags",
    EXPLAIN.flags,
    ["代码 / code", "指标 / indicator", "类别 / flag", "说明 / why", null, null, null, "建议 / what to do", null, null],
    flagRows.length ? flagRows : [["无 / none"]],
    flagRows.length
      ? [
          [3, 4],
          [7, 3],
        ]
      : [[0, WIDTH]],
  );

  // Distribution.
  const dist = table(
    "distribution",
    "分布 / Distribution",
    EXPLAIN.distribution,
    ["代码 / code", "指标 / indicator", "n", "均值 / mean", "标准差 / sd", "最小 / min", "最大 / max", "偏度 / skew", "峰度 / kurtosis", "偏斜 / skewed"],
    a.indicators.map((i) => [
      i.code,
      ind(i.code).nameZh,
      i.n,
      shown(i.mean),
      shown(i.sd),
      shown(i.min),
      shown(i.max),
      shown(i.skew),
      shown(i.kurtosis),
      i.outlier ? "是 yes" : "否 no",
    ]),
  );
  numbers(dist, a.indicators.length, 3, 6);
  g.centered.push({ row: dist, col: 9, rows: a.indicators.length, cols: 1 });

  // Relations with the parent and the composite.
  const negative = new Set(a.negative.map(([x]) => x));
  const weak = new Set(a.weak.map(([x]) => x));
  const reading = (code: string, r: Stat) =>
    r === null ? "—" : negative.has(code) ? "反向 / against" : weak.has(code) ? "弱相关 / weak" : r > 0 ? "同向 / with it" : "—";
  const rel = table(
    "relations",
    "与上级和综合指数的关系 / Relations",
    EXPLAIN.relations,
    ["代码 / code", "指标 / indicator", "上级 / parent", "r 上级 / parent", "p", "与上级 / reading", "r 综合 / composite", "ρ 综合 / composite"],
    a.indicators.map((i) => [
      i.code,
      ind(i.code).nameZh,
      i.parent,
      shown(i.rParent),
      shown(i.pParent),
      reading(i.code, i.rParent),
      shown(i.rComposite),
      shown(i.rhoComposite),
    ]),
  );
  numbers(rel, a.indicators.length, 3, 2);
  numbers(rel, a.indicators.length, 6, 2);
  g.centered.push({ row: rel, col: 2, rows: a.indicators.length, cols: 1 }, { row: rel, col: 5, rows: a.indicators.length, cols: 1 });

  // Weights and effect: percentages, so 2 decimals say something.
  const imp = new Map(a.importance.map((x) => [x.indicator, x]));
  const rm = new Map(a.removeOne.map((x) => [x.indicator, x]));
  const pct = (x: Stat | undefined) => (x === null || x === undefined ? "—" : x * 100);
  const eff = table(
    "importance",
    "权重与实际影响 / Weights and effect",
    EXPLAIN.importance,
    [
      "代码 / code",
      "指标 / indicator",
      "权重（%）/ weight (%)",
      "r²",
      "r² 占比（%）/ share (%)",
      "平均排名变动 / mean rank shift",
      "最大排名变动 / max rank shift",
    ],
    a.indicators.map((i) => {
      const m = imp.get(i.code);
      return [
        i.code,
        ind(i.code).nameZh,
        m ? pct(m.weight) : null,
        m ? shown(m.r2) : null,
        m ? pct(m.share) : null,
        shown(rm.get(i.code)?.meanAbsRankShift),
        shown(rm.get(i.code)?.maxRankShift),
      ];
    }),
  );
  numbers(eff, a.indicators.length, 2, 4);
  g.centered.push({ row: eff, col: 6, rows: a.indicators.length, cols: 1 });

  const alpha = table(
    "cronbach",
    "Cronbach α / Cronbach's alpha",
    EXPLAIN.cronbach,
    ["上级 / parent", "指标 / indicator", "下级数 / children", "α"],
    a.cronbach.map((x) => [x.parent, ind(x.parent).nameZh, ind(x.parent).children.length, shown(x.alpha)]),
  );
  numbers(alpha, a.cronbach.length, 3);
  g.centered.push({ row: alpha, col: 2, rows: a.cronbach.length, cols: 1 });

  const colorScales: SheetLayout["colorScales"] = [];
  a.matrices.forEach((m, k) => {
    const first = table(
      `corr-${m.parent}`,
      `${m.parent} ${ind(m.parent).nameZh}：下级相关矩阵 / correlations within ${m.parent}`,
      k === 0 ? EXPLAIN.matrices : undefined,
      ["代码 / code", "指标 / indicator", ...m.codes],
      m.codes.map((code, i) => [code, ind(code).nameZh, ...m.r[i].map(shown)]),
    );
    numbers(first, m.codes.length, 2, m.codes.length);
    colorScales.push({ row: first, col: 2, rows: m.codes.length, cols: m.codes.length, min: -1, mid: 0, max: 1, colors: CORRELATION_COLORS });
  });

  const w = wordsOf(ds);
  const agg = table(
    "aggregation",
    "聚合方法比较（全市排名）/ City ranks by aggregation",
    EXPLAIN.aggregation,
    [`${w.entity.zh} / ${w.entity.en}`, "算术平均 / arithmetic", "几何平均 / geometric"],
    a.aggregation.map((x) => [x.district, x.arithmetic, x.geometric ?? "—"]),
  );
  if (a.aggregation.length) g.centered.push({ row: agg, col: 1, rows: a.aggregation.length, cols: 2 });
  g.indented.push({ row: agg, col: 0, rows: a.aggregation.length, cols: 1 });

  if (opts.sobol) {
    const s = opts.sobol;
    const effect = (ci: [number, number] | null) => (ci === null ? "—" : ci[0] <= 0 ? "无可测影响 / none" : "有影响 / real");
    const first = table(
      "sobol",
      `Sobol 敏感性指数（N = ${s.samples}，${s.runs} 次，种子 ${s.seed}，自助 ${s.bootstrap} 次）/ Sobol indices of the mean absolute rank shift`,
      EXPLAIN.sobol,
      ["因素 / choice", "选项 / levels", "一阶 / first", "95% 区间 / interval", "总效应 / total", "95% 区间 / interval", "总效应判断 / reading"],
      s.factors.map((f) => [
        both(f),
        f.levels.join(" | "),
        shown(f.first),
        intervalText(f.firstCI),
        shown(f.total),
        intervalText(f.totalCI),
        effect(f.totalCI),
      ]),
    );
    numbers(first, s.factors.length, 2);
    numbers(first, s.factors.length, 4);
    g.centered.push({ row: first, col: 6, rows: s.factors.length, cols: 1 });
  }

  const sheet = g.finish("audit", sheetName(opts.sheetLang === "en" ? "Audit" : "统计审计", title), 2);
  // Names wrap rather than widen the page; the columns then share the page's width.
  const widths = sheet.columnWidths.map((x, i) => (i === 1 ? Math.min(x, 30) : i === 0 ? Math.max(x, 12) : x));
  const total = widths.slice(0, WIDTH).reduce((t, x) => t + x, 0);
  const scale = Math.max(1, LANDSCAPE_CHARS / Math.max(1, total));
  return { ...sheet, columnWidths: widths.map((x, i) => (i < WIDTH ? Math.floor(x * scale) : x)), colorScales };
}
