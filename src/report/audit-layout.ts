// The audit sheet: plain cells, written alike by the CLI and the add-in.
import type { Audit, Choices, Dataset, Lang, Sobol, Stat } from "../core";
import { titleZh, wordsOf, type Block, type ColorScale, type LayoutCell, type SheetLayout, type TableLayout } from "./layout";

/** Red for −1, white for 0, blue for +1: a diverging scale for correlations. */
export const CORRELATION_COLORS = { low: "F8696B", mid: "FFFFFF", high: "5A8AC6" } as const;

const shown = (x: Stat | undefined): LayoutCell => (x === null || x === undefined ? "—" : x);

/**
 * The audit sheet: the flags first (what an evaluator must look at), then every indicator's
 * distribution, coherence, importance and remove-one figures, Cronbach's alpha, the correlation
 * matrix within each parent as a native colour scale, the aggregation comparison and, when run,
 * the Sobol indices. An undefined statistic shows as "—".
 */
export function auditLayout(a: Audit, ds: Dataset, opts: { title?: string; choices?: Choices; sobol?: Sobol; sheetLang?: Lang } = {}): SheetLayout {
  const fw = ds.framework;
  const title = opts.title ?? ds.label ?? "";
  const cells: LayoutCell[][] = [];
  const numbers: Block[] = [];
  const headerRows: number[] = [];
  const tables: TableLayout[] = [];
  const colorScales: ColorScale[] = [];
  const centered: Block[] = [];
  const push = (row: LayoutCell[], header = false) => {
    if (header) headerRows.push(cells.length);
    cells.push(row);
  };
  const name = (code: string) => fw.indicators.get(code)!.nameZh;
  const table = (key: string, heading: string, head: LayoutCell[], rows: LayoutCell[][], numberCols: [number, number][] = []) => {
    const top = cells.length;
    push([heading], true);
    push(head, true);
    const first = cells.length;
    rows.forEach((r) => push(r));
    for (const [col, cols] of numberCols) if (rows.length) numbers.push({ row: first, col, rows: rows.length, cols });
    tables.push({ key, title: heading, row: top, col: 0, rows: cells.length - top, cols: head.length, titleRows: 1 });
    push([]);
    return first;
  };

  push([`${titleZh(title)}统计审计 / Statistical audit${title ? " " + title : ""}`], true);
  const c = opts.choices ?? {};
  push([
    `插补 impute: ${c.impute ?? "无 none"}；异常值处理 treatment: ${c.treat ?? "无 none"}；缺失值 missing: ${c.missing ?? "error"}；聚合 aggregation: ${c.aggregation ?? "arithmetic"}`,
  ]);
  push([]);

  const flags: LayoutCell[][] = [
    ...a.indicators.filter((i) => i.outlier).map((i) => ["异常值 outlier", i.code, name(i.code), `偏度 skew ${fmt(i.skew)}，峰度 kurtosis ${fmt(i.kurtosis)}`]),
    ...a.collinear.map(([x, y, r]) => ["共线 collinear", `${x} · ${y}`, `${name(x)} · ${name(y)}`, `r = ${fmt(r)}`]),
    ...a.negative.map(([x, r]) => ["与上级负相关 negative", x, name(x), `r = ${fmt(r)}`]),
    ...a.treatments.map((t) => [
      "已处理 treated",
      t.indicator,
      name(t.indicator),
      `${t.method}${t.steps ? " ×" + t.steps : ""}：${t.changed.length} 个值 values`,
    ]),
    ...a.imputed.map((m) => ["已插补 imputed", m.indicator, `${m.district}${m.cell ? " " + m.cell : ""}`, m.value]),
  ];
  table(
    "flags",
    "需关注 / Flags",
    ["类别 / flag", "指标 / indicator", "名称 / name", "说明 / detail"],
    flags.length ? flags : [["无 / none", null, null, null]],
  );

  const imp = new Map(a.importance.map((x) => [x.indicator, x]));
  const rm = new Map(a.removeOne.map((x) => [x.indicator, x]));
  table(
    "indicators",
    "指标统计 / Indicators",
    [
      "代码 / code",
      "名称 / name",
      "上级 / parent",
      "n",
      "均值 / mean",
      "标准差 / sd",
      "最小 / min",
      "最大 / max",
      "偏度 / skew",
      "峰度 / kurtosis",
      "异常值 / outlier",
      "r 上级 / parent",
      "r 综合 / composite",
      "ρ 综合 / composite",
      "权重 / weight",
      "r²",
      "r² 占比 / share",
      "去除后平均排名变动 / mean rank shift",
      "最大排名变动 / max rank shift",
    ],
    a.indicators.map((i) => {
      const m = imp.get(i.code);
      const r = rm.get(i.code);
      return [
        i.code,
        name(i.code),
        i.parent,
        i.n,
        shown(i.mean),
        shown(i.sd),
        shown(i.min),
        shown(i.max),
        shown(i.skew),
        shown(i.kurtosis),
        i.outlier ? "是 yes" : "否 no",
        shown(i.rParent),
        shown(i.rComposite),
        shown(i.rhoComposite),
        m ? m.weight : null,
        m ? shown(m.r2) : null,
        m ? shown(m.share) : null,
        shown(r?.meanAbsRankShift),
        shown(r?.maxRankShift),
      ];
    }),
    [
      [4, 6],
      [11, 8],
    ],
  );

  table(
    "cronbach",
    "Cronbach α / Cronbach's alpha",
    ["上级 / parent", "名称 / name", "下级数 / children", "α"],
    a.cronbach.map((x) => [x.parent, name(x.parent), fw.indicators.get(x.parent)!.children.length, shown(x.alpha)]),
    [[3, 1]],
  );

  for (const m of a.matrices) {
    const first = table(
      `corr-${m.parent}`,
      `${m.parent} ${name(m.parent)}：下级相关矩阵 / correlations`,
      [null, ...m.codes],
      m.codes.map((code, i) => [code, ...m.r[i].map(shown)]),
      [[1, m.codes.length]],
    );
    colorScales.push({ row: first, col: 1, rows: m.codes.length, cols: m.codes.length, min: -1, mid: 0, max: 1, colors: CORRELATION_COLORS });
  }

  const agg = table(
    "aggregation",
    "聚合方法比较（全市排名）/ City ranks by aggregation",
    [`${wordsOf(ds).entity.zh} / ${wordsOf(ds).entity.en}`, "算术平均 / arithmetic", "几何平均 / geometric"],
    a.aggregation.map((x) => [x.district, x.arithmetic, x.geometric ?? "—"]),
  );
  if (a.aggregation.length) centered.push({ row: agg, col: 1, rows: a.aggregation.length, cols: 2 });

  if (opts.sobol) {
    const s = opts.sobol;
    push([
      `Sobol 敏感性指数：N = ${s.samples}，${s.runs} 次，种子 ${s.seed}，自助 ${s.bootstrap} 次 / Sobol indices of the mean absolute rank shift: N = ${s.samples}, ${s.runs} runs, seed ${s.seed}, ${s.bootstrap} bootstrap resamples`,
    ]);
    table(
      "sobol",
      "不确定因素 / Uncertainty",
      ["因素 / choice", "选项 / levels", "一阶 / first", "95% 区间 / CI", null, "总效应 / total", "95% 区间 / CI", null],
      s.factors.map((f) => [
        `${f.zh} / ${f.en}`,
        f.levels.join(" | "),
        shown(f.first),
        shown(f.firstCI?.[0]),
        shown(f.firstCI?.[1]),
        shown(f.total),
        shown(f.totalCI?.[0]),
        shown(f.totalCI?.[1]),
      ]),
      [[2, 6]],
    );
  }

  const width = Math.max(1, ...cells.map((r) => r.length));
  return {
    key: "audit",
    name: `${opts.sheetLang === "en" ? "Audit" : "统计审计"}${title ? " " + title : ""}`.slice(0, 31).replace(/[\ud800-\udbff]$/, ""),
    cells: cells.map((r) => [
      ...r.map((v) => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(15)) : v)),
      ...Array<LayoutCell>(width - r.length).fill(null),
    ]),
    numbers,
    headerRows,
    freezeRows: 1,
    titleLines: [0],
    tables,
    charts: [],
    // Flags, codes, names and details read whole; longer text wraps within its column.
    columnWidths: Array.from({ length: width }, (_, i) => [22, 24, 24, 26][i] ?? 11),
    centered,
    colorScales,
  };
}

const fmt = (x: Stat) => (x === null ? "—" : x.toFixed(3));
