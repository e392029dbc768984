// SCORE and INDICATORS: answered from a framework and the arguments alone, with no model's
// scores, so they answer even while the input table has errors (what-if cells, the list).
import { describeIndicator, parseCell, quote, scoreRow, type CoefficientSpec, type Framework } from "../core";
import { defaultProfile } from "../data";
import { argKey, fail, isOmitted, ok, type Cell, type Outcome } from "./outcome";

/**
 * SCI.SCORE: the composite of one row or column of input values in report order (1–38),
 * times the coefficient (default 1), from the arguments alone.
 */
export function scoreValues(
  values: unknown,
  coefficient?: unknown,
  fw: Framework = defaultProfile.framework,
  spec: CoefficientSpec | undefined = defaultProfile.coefficient,
): Outcome<number> {
  const L = fw.leaves.length;
  const grid = Array.isArray(values) ? values.map((r) => (Array.isArray(r) ? r : [r])) : [[values]];
  const rows = grid.length;
  const cols = Math.max(0, ...grid.map((r) => r.length));
  if (rows > 1 && cols > 1)
    return fail(
      "invalidValue",
      `需要一行或一列共 ${L} 个值，收到 ${rows} 行 × ${cols} 列`,
      `needs one row or one column of ${L} values; got ${rows} rows × ${cols} columns`,
    );
  const flat = grid.flat();
  if (flat.length !== L)
    return fail(
      "invalidValue",
      `收到 ${flat.length} 个值，需要 ${L} 个：每个三级指标一个，按报告序号排列（${describeIndicator(fw, fw.leaves[0])} … ${describeIndicator(fw, fw.leaves[L - 1])}）`,
      `got ${flat.length} values; ${L} are needed, one per third-level indicator in report order (${fw.leaves[0]} … ${fw.leaves[L - 1]})`,
    );
  const inputs = new Float64Array(L);
  const bad: { zh: string; en: string }[] = [];
  flat.forEach((v, j) => {
    const p = parseCell(v);
    if (p.kind === "number" && Number.isFinite(p.value) && p.value >= 0) {
      inputs[j] = p.value;
      return;
    }
    const where = `第 ${j + 1} 个值（${describeIndicator(fw, fw.leaves[j])}）`;
    const whereEn = `value ${j + 1} (${fw.leaves[j]} ${fw.indicators.get(fw.leaves[j])!.nameEn})`;
    if (p.kind === "empty") bad.push({ zh: `${where}为空`, en: `${whereEn} is empty` });
    else if (p.kind === "number") bad.push({ zh: `${where} ${p.value} 须为非负有限数`, en: `${whereEn} ${p.value} must be a finite number ≥ 0` });
    else bad.push({ zh: `${where}「${quote(p.text)}」不是数字`, en: `${whereEn} "${quote(p.text)}" is not a number` });
  });
  if (bad.length) {
    const more = bad.length > 1 ? `（另有 ${bad.length - 1} 处）` : "";
    const moreEn = bad.length > 1 ? ` (and ${bad.length - 1} more)` : "";
    return fail("invalidValue", bad[0].zh + more, bad[0].en + moreEn);
  }
  let c = 1;
  if (!isOmitted(coefficient)) {
    const p = parseCell(coefficient);
    const [lo, hi] = spec ? [spec.min, spec.max] : [0, 1];
    const name = spec?.name ?? { zh: "系数", en: "coefficient" };
    if (p.kind !== "number" || !(p.value > lo && p.value <= hi))
      return fail(
        "invalidValue",
        `${name.zh}「${quote(coefficient)}」须在 (${lo}, ${hi}] 内`,
        `the ${name.en} "${quote(coefficient)}" must be in (${lo}, ${hi}]`,
      );
    c = p.value;
  }
  const out = new Float64Array(fw.order.length);
  scoreRow(fw, inputs, 0, c, out, 0); // the same walk the model uses, so the same digits
  return ok(out[0]);
}

/** SCI.INDICATORS: code, 中文名, English name, weight relative to siblings; all levels or one. */
const listCache = new WeakMap<Framework, Map<string, Outcome<Cell[][]>>>();

export function indicatorRows(fw: Framework, level?: unknown): Outcome<Cell[][]> {
  let cache = listCache.get(fw);
  if (!cache) listCache.set(fw, (cache = new Map()));
  const key = isOmitted(level) ? "all" : argKey(level);
  let found = cache.get(key);
  if (!found) cache.set(key, (found = listIndicators(fw, level)));
  return found;
}

function listIndicators(fw: Framework, level: unknown): Outcome<Cell[][]> {
  const depth = Math.max(...[...fw.indicators.values()].map((i) => i.level));
  let wanted: number | undefined;
  if (!isOmitted(level)) {
    const p = parseCell(level);
    if (p.kind !== "number" || !Number.isInteger(p.value) || p.value < 0 || p.value > depth)
      return fail(
        "invalidValue",
        `层级「${quote(level)}」须为 0–${depth} 的整数（0 综合指数，1 一级，2 二级，3 三级）`,
        `level "${quote(level)}" must be an integer 0–${depth} (0 composite, 1 first, 2 second, 3 third level)`,
      );
    wanted = p.value;
  }
  const rows = fw.order
    .map((c) => fw.indicators.get(c)!)
    .filter((i) => wanted === undefined || i.level === wanted)
    .map((i) => [i.code, i.nameZh, i.nameEn, i.weight]);
  return ok(rows);
}
