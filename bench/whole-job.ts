// The whole job a user runs, at 16, 3,000 and 100,000 entities: from the cells of a CSV (header
// + one row per entity, a region column, every value a string) and an entity list of N, through
// validation, every level's values, ranks over all and within each region, and every mean.
// Each size is checked against a plain tree walk and a naive rank on a sample before it is timed.
import { assess, asSource, sensitivity, type Assessment, type Framework, type Profile, type Scores } from "../src/core";
import { defaultProfile } from "../src/data";
import { seeded, time, type Timing } from "./measure";

const REGIONS = ["北片", "中片", "南片"];

/** N entities' cells as a CSV reader hands them over, and their entity list. */
export function syntheticCells(n: number, fw: Framework = defaultProfile.framework): { input: string[][]; districts: string[][] } {
  const rnd = seeded(n);
  const id = (i: number) => `E${String(i + 1).padStart(6, "0")}`;
  const input: string[][] = [["district", "region", ...fw.leaves, "coefficient"]];
  const districts: string[][] = [["district", "region"]];
  for (let i = 0; i < n; i++) {
    const region = REGIONS[i % REGIONS.length];
    const row = [id(i), region];
    for (let j = 0; j < fw.leaves.length; j++) row.push((40 + 180 * rnd()).toFixed(2));
    row.push((1 - 0.1 * rnd()).toFixed(2));
    input.push(row);
    districts.push([id(i), region]);
  }
  return { input, districts };
}

/** The job itself: the two tables → the assessment, as `sci score --districts` runs it. */
export function wholeJob(cells: { input: string[][]; districts: string[][] }, profile: Profile = defaultProfile): Assessment {
  return assess({ input: asSource({ rows: cells.input }, "input.csv"), districts: asSource({ rows: cells.districts }, "districts.csv") }, profile);
}

/** A node's value by recursion over the framework's tree, from the row's own cells. */
function treeValue(fw: Framework, code: string, cell: (leaf: string) => number): number {
  const ind = fw.indicators.get(code)!;
  if (ind.children.length === 0) return cell(code);
  return ind.children.reduce((s, c) => s + fw.indicators.get(c)!.weight * treeValue(fw, c, cell), 0);
}

/** Half away from zero at two decimals, worked out on the decimal text. */
const cents = (x: number) => Math.round(Number((x * 100).toPrecision(12)));

/** The job's answer must be right on a sample: values, ranks over all and within region, means. */
export function checkWholeJob(cells: { input: string[][] }, s: Scores): void {
  const fw = s.dataset.framework;
  const K = fw.order.length;
  const head = cells.input[0];
  const n = cells.input.length - 1;
  if (s.dataset.districts.length !== n) throw new Error(`${s.dataset.districts.length} entities scored of ${n}`);
  const col = new Map(head.map((h, c) => [h, c]));
  const value = (i: number, code: string) => {
    const row = cells.input[i + 1];
    const v = treeValue(fw, code, (leaf) => Number(row[col.get(leaf)!]));
    return code === fw.root ? v * Number(row[col.get("coefficient")!]) : v;
  };
  const sample = [0, 1, Math.floor(n / 2), n - 1].filter((i, k, a) => i >= 0 && a.indexOf(i) === k);
  const codes = [fw.root, fw.order[1], fw.order[Math.floor(K / 2)], fw.leaves[0]];
  for (const code of codes) {
    const k = fw.index.get(code)!;
    const all = Array.from({ length: n }, (_, j) => value(j, code));
    for (const i of sample) {
      const got = s.values[i * K + k];
      if (Math.abs(got - all[i]) > 1e-9 * Math.max(1, Math.abs(all[i]))) throw new Error(`entity ${i} ${code}: ${got}, the tree walk gives ${all[i]}`);
      const mine = cents(all[i]);
      const region = cells.input[i + 1][1];
      let above = 0;
      let aboveInRegion = 0;
      for (let j = 0; j < n; j++)
        if (cents(all[j]) > mine) {
          above++;
          if (cells.input[j + 1][1] === region) aboveInRegion++;
        }
      if (s.cityRanks[i * K + k] !== above + 1) throw new Error(`entity ${i} ${code}: rank ${s.cityRanks[i * K + k]}, naively ${above + 1}`);
      if (s.regionRanks[i * K + k] !== aboveInRegion + 1)
        throw new Error(`entity ${i} ${code}: region rank ${s.regionRanks[i * K + k]}, naively ${aboveInRegion + 1}`);
    }
    const mean = all.reduce((t, x) => t + x, 0) / n;
    const got = s.averages.get("city")![k];
    if (Math.abs(got - mean) > 1e-9 * mean) throw new Error(`the mean of ${code} is ${got}, naively ${mean}`);
    for (const r of REGIONS) {
      const members = all.filter((_, j) => cells.input[j + 1][1] === r);
      const m = members.reduce((t, x) => t + x, 0) / members.length;
      const g = s.averages.get(r)?.[k];
      if (g === undefined || Math.abs(g - m) > 1e-9 * m) throw new Error(`the ${r} mean of ${code} is ${g}, naively ${m}`);
    }
  }
}

function measured(n: number, runs: number): Timing {
  const cells = syntheticCells(n);
  const first = wholeJob(cells);
  if (!first.scores) throw new Error(`the ${n}-entity table did not score: ${first.issues[0]?.en}`);
  checkWholeJob(cells, first.scores);
  return time(() => wholeJob(cells).scores, runs, Math.min(3, runs), n <= 16 ? 50 : 1);
}

export const wholeJob16 = (): Timing => measured(16, 21);
export const wholeJob3000 = (): Timing => measured(3000, 11);
export const wholeJob100k = (): Timing => measured(100_000, 5);

/** 1,000 weight replications over 3,000 entities, checked: the baseline ranks are the score's. */
export function sensitivity3000(): Timing {
  const a = wholeJob(syntheticCells(3000));
  const ds = a.scores!.dataset;
  const run = () => {
    const { result, issues } = sensitivity(ds, { replications: 1000, perturbation: 0.1, seed: 1 });
    if (!result) throw new Error(`sensitivity failed: ${issues[0]?.en}`);
    return result;
  };
  const r = run();
  const K = ds.framework.order.length;
  r.districts.forEach((d, i) => {
    if (d.ranks.city.baseline !== a.scores!.cityRanks[i * K])
      throw new Error(`${d.district}: baseline rank ${d.ranks.city.baseline}, scored ${a.scores!.cityRanks[i * K]}`);
  });
  return time(run, 5, 1);
}
