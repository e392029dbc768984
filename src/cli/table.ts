import { regionOf, round2, type Scores } from "../core";
import { wordsOf } from "../report";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
import { displayWidth } from "../report";

/** Rows of cells as aligned text; `right[c]` right-aligns column c (numbers). */
export function alignColumns(rows: string[][], right: boolean[]): string {
  // Each cell's width once: a 3,000-row table has over 30,000 cells.
  const cellWidths = rows.map((r) => r.map(displayWidth));
  const widths = right.map((_, c) => cellWidths.reduce((w, r) => Math.max(w, r[c] ?? 0), 0));
  const pad = (text: string, own: number, c: number) => {
    const fill = " ".repeat(Math.max(0, widths[c] - own));
    return right[c] ? fill + text : text + fill;
  };
  return (
    rows
      .map((r, i) =>
        r
          .map((cell, c) => pad(cell, cellWidths[i][c], c))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

const fixed2 = (x: number) => (Number.isFinite(x) ? round2(x).toFixed(2) : "—");

/**
 * The overall ranking for a terminal: rank, district, composite, first-level indices,
 * coefficient, region, sorted by rank (ties keep input order); then the city and region means.
 */
export function rankingTable(s: Scores): string {
  const { framework: fw, districts, regions, coefficients } = s.dataset;
  const { rank, entity, whole } = wordsOf(s.dataset);
  const coef = s.dataset.coefficient;
  const K = fw.order.length;
  const root = fw.indicators.get(fw.root)!;
  const codes = [fw.root, ...root.children];
  const at = (i: number, code: string) => i * K + fw.index.get(code)!;
  const order = districts.map((_, i) => i).sort((a, b) => s.cityRanks[at(a, fw.root)] - s.cityRanks[at(b, fw.root)] || a - b);

  const rows: string[][] = [
    [rank.zh, entity.zh, ...codes, ...(coef ? ["系数"] : []), "区域"],
    [rank.en, capital(entity.en), ...codes.map(() => ""), ...(coef ? ["Coef."] : []), "Region"],
    ...order.map((i) => [
      String(s.cityRanks[at(i, fw.root)]),
      [districts[i].id, districts[i].en].filter(Boolean).join(" "),
      ...codes.map((c) => fixed2(s.values[at(i, c)])),
      ...(coef ? [fixed2(coefficients[i])] : []),
      regionOf(districts[i].region, regions).zh,
    ]),
    [],
    ...[{ id: "city", ...whole }, ...regions].map((r) => {
      const avg = s.averages.get(r.id)!;
      return ["", `${r.zh}平均 ${r.en.replace(/\s*districts?$/i, "")} mean`, ...codes.map((c) => fixed2(avg[fw.index.get(c)!])), ...(coef ? [""] : []), ""];
    }),
  ];
  // 2021年… for a year; another label (本年, 试算) as it is, never 本年年.
  const label = s.dataset.label ?? "";
  const en = /^[\x20-\x7e]+$/.test(label) ? `${label} ` : ""; // a Chinese label (本年) stays out of the English
  const title = `${/^\d{4}$/.test(label) ? `${label}年 ` : label ? `${label} ` : ""}${root.nameZh}排名 / ${en}${root.nameEn} ranking`;
  const legend = root.children.map((c) => `${c} ${fw.indicators.get(c)!.nameZh} ${fw.indicators.get(c)!.nameEn}`).join("; ");
  const right = [true, false, ...codes.map(() => true), ...(coef ? [true] : []), false];
  return `${title}\n\n${alignColumns(rows, right)}\n${fw.root} = ${root.nameZh}; ${legend}\n`;
}
