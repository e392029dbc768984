// The robustness sheet: plain cells, written alike by the CLI and the add-in, laid out as the
// ranking's (a two-line title, the source and date line, the method, one ruled table).
import type { Dataset, Lang, RankInterval, Sensitivity } from "../core";
import { Grid } from "./grid";
import { sheetName, sourceLines, titleEn, titleZh, withMethod, wordsOf, type SheetLayout } from "./layout";

/**
 * The sensitivity sheet: one row per district, ordered by baseline rank, with the median rank
 * and its 5th–95th percentile interval over the city and within the region, and how often the
 * district keeps its place (in %). A chart of the median city rank goes beside it.
 */
/** `options.sheetLang`: the language of the sheet name (the pane's); default Chinese. */
export function sensitivityLayout(result: Sensitivity, ds: Dataset, title = ds.label ?? "", options: { date?: string; sheetLang?: Lang } = {}): SheetLayout {
  const fw = ds.framework;
  const ind = fw.indicators.get(result.indicator)!;
  const pct = +(result.perturbation * 100).toFixed(6);
  const { entity, whole } = wordsOf(ds);
  const g = new Grid();
  g.heading(withMethod([`${titleZh(title)}${ind.nameZh}排名稳健性`, `Robustness of the ${titleEn(title)}${ind.nameEn} ranking`], ds), [
    ...sourceLines(title, options.date),
    `方法：权重随机扰动 ±${pct}%（同级重新归一），重复 ${result.replications} 次，随机种子 ${result.seed}`,
    `Method: every weight perturbed by up to ±${pct}% (siblings renormalised), ${result.replications} replications, seed ${result.seed}`,
  ]);
  const head = g.row;
  g.push(
    [null, null, null, `${whole.zh}排名 / ${whole.en.toLowerCase()} rank`, null, null, null, null, "区内排名 / rank in region", null, null, null, null],
    true,
  );
  g.push(
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
    true,
  );
  const first = g.row;
  const order = result.districts.map((_, i) => i).sort((a, b) => result.districts[a].ranks.city.baseline - result.districts[b].ranks.city.baseline || a - b);
  for (const i of order) {
    const d = result.districts[i];
    const region = ds.regions.find((r) => r.id === d.region);
    const stats = (r: RankInterval) => [r.baseline, r.median, r.p5, r.p95, r.keep * 100];
    g.push([d.district, region?.zh ?? d.region, d.value, ...stats(d.ranks.city), ...stats(d.ranks.region)]);
  }
  const n = order.length;
  const width = 13;
  if (n) {
    g.numbers.push(...[2, 7, 12].map((col) => ({ row: first, col, rows: n, cols: 1 })));
    g.indented.push({ row: first, col: 0, rows: n, cols: 2 }); // names and regions
    // Baseline, median and percentile ranks, over all and in the region; the %-kept columns stay numbers.
    g.centered.push(...[3, 8].map((col) => ({ row: first, col, rows: n, cols: 4 })));
  }
  g.tables.push({ key: "sensitivity", title: `${ind.nameZh}排名稳健性`, row: head, col: 0, rows: n + 2, cols: width });
  g.charts.push({
    title: `${ind.nameZh}中位排名（±${pct}%）`,
    categories: { row: first, col: 0, rows: n, cols: 1 },
    values: { row: first, col: 4, rows: n, cols: 1 },
  });
  return g.finish("sensitivity", sheetName(options.sheetLang === "en" ? "Robustness" : "稳健性", title), first);
}
