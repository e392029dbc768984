// The robustness sheet: plain cells, written alike by the CLI and the add-in.
import type { Dataset, Lang, RankInterval, Sensitivity } from "../core";
import { titleZh, wordsOf, type LayoutCell, type SheetLayout } from "./layout";

/**
 * The sensitivity sheet: one row per district, ordered by baseline rank, with the median rank
 * and its 5th–95th percentile interval over the city and within the region, and how often the
 * district keeps its place (in %). A chart of the median city rank goes beside it.
 */
/** `lang`: the language of the sheet name (the pane's); default Chinese. */
export function sensitivityLayout(result: Sensitivity, ds: Dataset, title = ds.label ?? "", lang: Lang = "zh"): SheetLayout {
  const fw = ds.framework;
  const ind = fw.indicators.get(result.indicator)!;
  const pct = +(result.perturbation * 100).toFixed(6);
  const { entity, whole } = wordsOf(ds);
  const cells: LayoutCell[][] = [
    [`${titleZh(title)}${ind.nameZh}排名稳健性 / ${title ? title + " " : ""}robustness of the ${ind.nameEn} ranking`],
    [
      `权重随机扰动 ±${pct}%（同级重新归一），重复 ${result.replications} 次，随机种子 ${result.seed} / ` +
        `every weight perturbed by up to ±${pct}% (siblings renormalised), ${result.replications} replications, seed ${result.seed}`,
    ],
    [],
    [null, null, null, `${whole.zh}排名 / ${whole.en.toLowerCase()} rank`, null, null, null, null, "区内排名 / rank in region", null, null, null, null],
    [
      `${entity.zh} / ${entity.en}`,
      "区域 / region",
      "指数值 / value",
      "基准 / baseline",
      "中位 / median",
      "5%分位 / P5",
      "95%分位 / P95",
      "保持原排名（%）/ kept (%)",
      "基准 / baseline",
      "中位 / median",
      "5%分位 / P5",
      "95%分位 / P95",
      "保持原排名（%）/ kept (%)",
    ],
  ];
  const first = cells.length;
  const order = result.districts.map((_, i) => i).sort((a, b) => result.districts[a].ranks.city.baseline - result.districts[b].ranks.city.baseline || a - b);
  for (const i of order) {
    const d = result.districts[i];
    const region = ds.regions.find((r) => r.id === d.region);
    const stats = (r: RankInterval) => [r.baseline, r.median, r.p5, r.p95, r.keep * 100];
    cells.push([d.district, region?.zh ?? d.region, d.value, ...stats(d.ranks.city), ...stats(d.ranks.region)]);
  }
  const n = order.length;
  const width = 13;
  return {
    key: "sensitivity",
    name: `${lang === "zh" ? "稳健性" : "Robustness"}${title ? " " + title : ""}`.slice(0, 31).replace(/[\ud800-\udbff]$/, ""),
    cells: cells.map((r) => [...r, ...Array<LayoutCell>(width - r.length).fill(null)]),
    numbers: [
      { row: first, col: 2, rows: n, cols: 1 },
      { row: first, col: 7, rows: n, cols: 1 },
      { row: first, col: 12, rows: n, cols: 1 },
    ],
    headerRows: [0, 3, 4],
    freezeRows: first,
    titleLines: [0],
    tables: [{ key: "sensitivity", title: `${ind.nameZh}排名稳健性`, row: 3, col: 0, rows: n + 2, cols: width }],
    // Baseline, median and percentile ranks, city and region; the %-kept columns stay numbers.
    centered: n ? [3, 8].map((col) => ({ row: first, col, rows: n, cols: 4 })) : [],
    charts: [
      {
        title: `${ind.nameZh}中位排名（±${pct}%）`,
        categories: { row: first, col: 0, rows: n, cols: 1 },
        values: { row: first, col: 4, rows: n, cols: 1 },
      },
    ],
    columnWidths: [10, 10, 10, 9, 9, 9, 9, 12, 9, 9, 9, 9, 12],
  };
}
