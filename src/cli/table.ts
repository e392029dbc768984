import { centsKey, decimalsOf, fixedTo, meanWords, methodSuffix, regionOf, round2, type Scores } from "../core";
import { displayWidth, titleZh, wordsOf } from "../report";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Rows of cells as aligned text; `right[c]` right-aligns column c (numbers). */
export function alignColumns(rows: string[][], right: boolean[]): string {
  // Each cell's width once: a 3,000-row table has over 30,000 cells.
  const cellWidths = rows.map((r) => r.map(displayWidth));
  const widths = right.map((_, c) => cellWidths.reduce((w, r) => Math.max(w, r[c] ?? 0), 0));
  const spaces = " ".repeat(Math.max(0, ...widths));
  let out = "";
  for (let i = 0; i < rows.length; i++) {
    let line = "";
    for (let c = 0; c < rows[i].length; c++) {
      const fill = spaces.slice(0, Math.max(0, widths[c] - cellWidths[i][c]));
      line += (c > 0 ? "  " : "") + (right[c] ? fill + rows[i][c] : rows[i][c] + fill);
    }
    out += line.trimEnd() + "\n";
  }
  return out;
}

/** `round2(x).toFixed(2)`, written from the whole cents: a 3,000-row table prints 36,000 of them. */
export function fixed2(x: number): string {
  if (!Number.isFinite(x)) return "—";
  const signed = centsKey(x);
  const c = signed < 0 ? -signed : signed;
  if (!(c < 1e15)) return round2(x).toFixed(2);
  const cents = c % 100;
  return `${signed < 0 ? "-" : ""}${(c - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}

/**
 * A title's label: `2021年 ` for a year, another label (本年, 试算) as it is, never 本年年; in
 * English only a label written in ASCII (a Chinese one stays out of the English title).
 */
export function titleLabel(label: string | undefined): { zh: string; en: string } {
  if (!label) return { zh: "", en: "" };
  return { zh: `${titleZh(label).trim()} `, en: /^[\x20-\x7e]+$/.test(label) ? label : "" };
}

/**
 * Entities by their rank in column `k` (ranks 1 … n), ties in input order, those with no rank (0:
 * not scored) last: counted, not sorted.
 */
function byRank(ranks: Int32Array, k: number, K: number, n: number): number[] {
  const slot = (i: number) => ranks[i * K + k] || n + 1;
  const start = new Int32Array(n + 3);
  for (let i = 0; i < n; i++) start[slot(i) + 1]++;
  for (let r = 1; r <= n + 2; r++) start[r] += start[r - 1];
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[start[slot(i)]++] = i;
  return order;
}

/**
 * The overall ranking for a terminal: rank, district, composite, first-level indices,
 * coefficient, region, sorted by rank (ties keep input order); then the city and region means.
 */
export function rankingTable(s: Scores): string {
  const { framework: fw, districts, regions, coefficients } = s.dataset;
  const words = wordsOf(s.dataset);
  const { rank, entity } = words;
  const coef = s.dataset.coefficient;
  const K = fw.order.length;
  const root = fw.indicators.get(fw.root)!;
  const codes = [fw.root, ...root.children];
  const columns = codes.map((c) => fw.index.get(c)!);
  const rootAt = fw.index.get(fw.root)!;
  const order = byRank(s.cityRanks, rootAt, K, districts.length);
  const regionName = new Map(regions.map((r) => [r.id, r.zh]));

  // Figures at the assessment's decimals (2, the 2020 report's, unless its framework says).
  const decimals = decimalsOf(fw);
  const fixed = decimals === 2 ? fixed2 : (x: number) => (Number.isFinite(x) ? fixedTo(x, decimals) : "—");
  const rows: string[][] = [
    [rank.zh, entity.zh, ...codes, ...(coef ? ["系数"] : []), "区域"],
    [rank.en, capital(entity.en), ...codes.map(() => ""), ...(coef ? ["Coef."] : []), "Region"],
  ];
  for (const i of order) {
    const d = districts[i];
    const r = s.cityRanks[i * K + rootAt];
    const row = [r ? String(r) : "—", d.en ? `${d.id} ${d.en}` : d.id];
    for (const k of columns) row.push(fixed(s.values[i * K + k]));
    if (coef) row.push(fixed2(coefficients[i]));
    row.push(regionName.get(d.region) ?? regionOf(d.region, regions).zh);
    rows.push(row);
  }
  rows.push([]);
  // The whole's mean in the profile's words (全市平均 City mean, 全省平均 Province mean), then each region's.
  const mean = meanWords(words);
  const labels = [
    { id: "city", label: `${mean.zh} ${mean.en}` },
    ...regions.map((r) => ({ id: r.id, label: `${r.zh}平均 ${r.en.replace(/\s*districts?$/i, "")} mean` })),
  ];
  for (const { id, label } of labels) {
    const avg = s.averages.get(id)!;
    rows.push(["", label, ...columns.map((k) => fixed(avg[k])), ...(coef ? [""] : []), ""]);
  }
  const label = titleLabel(s.dataset.label);
  const title = `${label.zh}${root.nameZh}排名 / ${label.en ? `${label.en} ` : ""}${root.nameEn} ranking${methodSuffix(s.dataset)}`;
  const legend = root.children.map((c) => `${c} ${fw.indicators.get(c)!.nameZh} ${fw.indicators.get(c)!.nameEn}`).join("; ");
  const right = [true, false, ...codes.map(() => true), ...(coef ? [true] : []), false];
  return `${title}\n\n${alignColumns(rows, right)}\n${fw.root} = ${root.nameZh}; ${legend}\n`;
}
