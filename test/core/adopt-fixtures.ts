// Evaluators' own layouts of the published 2020 inputs, built from the spec CSVs, and the check
// that a table read from one of them scores the published figures.
import { round2, valueOf, type Scores } from "../../src/core";
import { FW, inputRows, ONE_CENT_OFF, publishedSummary, scores2020 } from "./fixtures";

export type Grid = (string | number | null)[][];

/** How a header names an indicator. */
export type Naming = "code" | "zh" | "en" | "number" | "name-code" | "path";

const leafName = (code: string, naming: Naming): string | number => {
  const ind = FW.indicators.get(code)!;
  const parent = FW.indicators.get(ind.parent!)!;
  switch (naming) {
    case "code":
      return code;
    case "zh":
      return ind.nameZh;
    case "en":
      return ind.nameEn;
    case "number":
      return ind.no!;
    case "name-code":
      return `${ind.nameZh} (${code})`;
    case "path":
      return `${parent.nameZh}/${ind.nameZh}`;
  }
};

/** inputs.csv with its header written another way; values are numbers, as Excel holds them. */
export function inputsGrid(naming: Naming = "code"): Grid {
  const [head, ...body] = inputRows();
  const header = head.map((h) => (FW.leaves.includes(h) ? leafName(h, naming) : h === "district" ? "行政区" : h === "region" ? "区域" : "网络安全状况系数"));
  return [header, ...body.map((r) => r.map((v, c) => (c < 2 ? v : Number(v))))];
}

/** A report-style table: indicators as rows (序号, 指标), one column per district, a 全市 column. */
export function transposedGrid(): Grid {
  const g = inputsGrid("code");
  const [head, ...body] = g;
  const mean = (c: number) => round2(body.reduce((s, r) => s + Number(r[c]), 0) / body.length);
  const rows: Grid = [["序号", "指标", ...body.map((r) => r[0]), "全市"]];
  head.forEach((h, c) => {
    if (c === 0) return;
    const ind = FW.indicators.get(String(h));
    const label = ind ? ind.nameZh : String(h);
    rows.push([ind?.no ?? null, label, ...body.map((r) => r[c]), c === 1 ? null : mean(c)]);
  });
  return rows;
}

/** The rows under `above` (titles, notes), each padded to the table's width. */
export function under(above: (string | null)[][], grid: Grid): Grid {
  const width = grid[0].length;
  return [...above.map((r) => [...r, ...Array(width - r.length).fill(null)]), ...grid];
}

/** The scores are the reference pipeline's, and so the published figures (nine a cent away, as listed). */
export function expectPublished2020(s: Scores): void {
  const reference = scores2020();
  expect(s.dataset.districts.map((d) => d.id)).toEqual(reference.dataset.districts.map((d) => d.id));
  expect([...s.values]).toEqual([...reference.values]);
  expect([...s.cityRanks]).toEqual([...reference.cityRanks]);
  for (const p of publishedSummary())
    for (const code of ["SCI", "A", "B", "C"]) {
      const i = s.dataset.districts.findIndex((d) => d.id === p.district);
      const what = `${p.district} ${code}`;
      expect(round2(valueOf(s, i, code)), what).toBe(ONE_CENT_OFF[what] ?? p.figures[code]);
    }
}
