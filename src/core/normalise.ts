// Raw statistics to index numbers, by the settings read in normalise-settings.ts.
import { cellAddress } from "./address";
import type { Dataset } from "./dataset";
import { hasErrors, issue, type Issue, type IssueCode } from "./issue";
import { parseSettings, type NormaliseSettings } from "./normalise-settings";
import { validate, type InputTable, type ValidateOptions } from "./validate";

export {
  METHODS,
  SETTINGS_HEADER,
  settingsTemplate,
  parseSettings,
  type NormaliseMethod,
  type Direction,
  type NormaliseSetting,
  type NormaliseSettings,
} from "./normalise-settings";

/**
 * Raw statistics to index numbers, one input indicator at a time, by its setting. Where a
 * value cannot be turned into a finite index (zero or negative under inverse, negative under
 * ratio, no spread for minmax or zscore) there is an issue naming the cell, and no dataset:
 * never NaN or Infinity. Districts, regions and coefficients pass through unchanged.
 */
export function normalise(raw: Dataset, settings: NormaliseSettings, opts: { plausibleMax?: number } = {}): { dataset?: Dataset; issues: Issue[] } {
  const issues: Issue[] = [];
  const fw = raw.framework;
  const n = raw.districts.length;
  const L = fw.leaves.length;
  const plausibleMax = opts.plausibleMax ?? 1000;
  const out = new Float64Array(n * L);
  const report = (sev: "error" | "warning", code: IssueCode, leaf: string, i: number | undefined, zh: string, en: string) => {
    const ind = fw.indicators.get(leaf)!;
    // A district's cell, or for a whole-column problem the column's range of district rows.
    const rows = raw.source ? (i === undefined ? raw.source.rowOf : [raw.source.rowOf[i]]) : [];
    const row = rows.length ? Math.min(...rows) : undefined;
    const last = rows.length ? Math.max(...rows) : undefined;
    const col = raw.source?.colOf.get(leaf);
    const sheet = raw.source?.sheet;
    const address = row !== undefined && col !== undefined ? cellAddress(row, col) + (last !== row ? `:${cellAddress(last!, col)}` : "") : undefined;
    const full = address && (sheet ? `${sheet}!${address}` : address);
    const district = i === undefined ? undefined : raw.districts[i].id;
    const atZh = [full, district, `${leaf} ${ind.nameZh}`].filter(Boolean).join("，");
    const atEn = [full, district, `${leaf} ${ind.nameEn}`].filter(Boolean).join(", ");
    issues.push(
      issue(sev, code, `${atZh}：${zh}`, `${atEn}: ${en}`, {
        ...(address ? { cell: { sheet, address, row: row!, col: col! } } : {}),
        district,
        indicator: leaf,
      }),
    );
  };

  fw.leaves.forEach((leaf, j) => {
    const s = settings.get(leaf);
    if (!s) {
      report("error", "normalise-missing-setting", leaf, undefined, "缺少标准化设置", "no normalisation setting");
      return;
    }
    const x = (i: number) => raw.inputs[i * L + j];
    // An empty input (NaN, kept for `--missing skip`) stays empty and takes no part in min, max or mean.
    const given: number[] = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(x(i))) given.push(i);
    const put = (i: number, v: number) => (out[i * L + j] = s.cap !== undefined ? Math.min(v, s.cap) : v);
    let ok = true;
    const bad = (i: number, zh: string, en: string) => {
      report("error", "normalise-bad-value", leaf, i, zh, en);
      ok = false;
    };
    switch (s.method) {
      case "ratio":
      case "index":
        for (const i of given)
          if (x(i) < 0) bad(i, `原始值 ${x(i)} 为负数，${s.method} 方法不适用`, `raw value ${x(i)} is negative; the ${s.method} method does not apply`);
        if (ok) for (let i = 0; i < n; i++) put(i, s.method === "ratio" ? (100 * x(i)) / s.benchmark! : x(i));
        break;
      case "inverse":
        for (const i of given)
          if (!(x(i) > 0))
            bad(
              i,
              `原始值 ${x(i)} 不是正数，反向指数 100×基准值/原始值 无法计算`,
              `raw value ${x(i)} is not positive: the inverse index 100 × benchmark / value is undefined`,
            );
        if (ok) for (let i = 0; i < n; i++) put(i, (100 * s.benchmark!) / x(i));
        break;
      case "minmax": {
        let min = Infinity;
        let max = -Infinity;
        for (const i of given) [min, max] = [Math.min(min, x(i)), Math.max(max, x(i))];
        if (!(max - min > 1e-12 * Math.max(1, Math.abs(max), Math.abs(min)))) {
          report(
            "error",
            "normalise-no-spread",
            leaf,
            undefined,
            `各区原始值相同（${min}），无法做极差标准化`,
            `every district has the same raw value (${min}): min-max is undefined`,
          );
          break;
        }
        for (let i = 0; i < n; i++) put(i, (100 * (s.direction === "higher" ? x(i) - min : max - x(i))) / (max - min));
        break;
      }
      case "zscore": {
        const m = given.length;
        let mean = 0;
        for (const i of given) mean += x(i) / m;
        let ss = 0;
        for (const i of given) ss += (x(i) - mean) ** 2;
        const sd = Math.sqrt(ss / m);
        if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
          report(
            "error",
            "normalise-no-spread",
            leaf,
            undefined,
            "各区原始值的标准差为 0，无法计算标准分",
            "the raw values have zero standard deviation: the z-score is undefined",
          );
          break;
        }
        const sign = s.direction === "higher" ? 1 : -1;
        for (let i = 0; i < n; i++) put(i, 100 + sign * 10 * ((x(i) - mean) / sd));
        break;
      }
    }
  });

  // Defensive: whatever the arithmetic, nothing non-finite leaves this function.
  if (!hasErrors(issues))
    for (let i = 0; i < n; i++)
      fw.leaves.forEach((leaf, j) => {
        const v = out[i * L + j];
        if (Number.isNaN(raw.inputs[i * L + j])) return;
        if (!Number.isFinite(v)) report("error", "normalise-non-finite", leaf, i, `标准化结果不是有限数（${v}）`, `the normalised value is not finite (${v})`);
        else if (v < 0) report("error", "normalise-negative", leaf, i, `标准化结果 ${v} 为负数`, `the normalised value ${v} is negative`);
        else if (v > plausibleMax)
          report(
            "warning",
            "normalise-implausible",
            leaf,
            i,
            `指数 ${+v.toFixed(2)} 异常偏大（超过 ${plausibleMax}），请核对基准值`,
            `index ${+v.toFixed(2)} is implausibly large (over ${plausibleMax}); check the benchmark`,
          );
      });
  if (hasErrors(issues)) return { issues };
  return { dataset: { ...raw, inputs: out }, issues };
}

/**
 * Raw-data mode end to end: the raw table is validated (raw statistics may be large or
 * negative), the settings are read, and the raw values become index numbers ready to score.
 */
export function normaliseTable(
  rawTable: InputTable,
  settingsTable: InputTable,
  opts: ValidateOptions,
): { dataset?: Dataset; raw?: Dataset; settings?: NormaliseSettings; issues: Issue[] } {
  const raw = validate(rawTable, { ...opts, plausibleMax: Infinity, allowNegative: true });
  const parsed = parseSettings(settingsTable, opts.framework);
  const issues = [...raw.issues, ...parsed.issues];
  if (!raw.dataset || !parsed.settings) return { raw: raw.dataset, settings: parsed.settings, issues };
  const result = normalise(raw.dataset, parsed.settings, { plausibleMax: opts.plausibleMax });
  return { dataset: result.dataset, raw: raw.dataset, settings: parsed.settings, issues: [...issues, ...result.issues] };
}
