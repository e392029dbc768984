// Raw statistics to index numbers, by the settings read in normalise-settings.ts.
import { cellAddress } from "./address";
import type { Dataset } from "./dataset";
import { hasErrors, issue, type Issue, type IssueCode } from "./issue";
import { parseSettings, type NormaliseSettings, type Transform } from "./normalise-settings";
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
  type Transform,
  TRANSFORMS,
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
    const rawAt = (i: number) => raw.inputs[i * L + j];
    // The transform first (goalposts and targets alike), then the method on what it gives.
    const tx = s.transform ? transformColumn(n, rawAt, s.transform) : undefined;
    if (tx && !tx.ok) {
      for (const i of tx.bad)
        report(
          "error",
          "normalise-bad-value",
          leaf,
          i,
          `原始值 ${rawAt(i)} 不是正数，无法取对数（${s.transform}）`,
          `raw value ${rawAt(i)} is not positive: its log (${s.transform}) is undefined`,
        );
      return;
    }
    const x = tx ? (i: number) => tx.values[i] : rawAt;
    const tf = (v: number) => (s.transform === "log" ? Math.log(v) : s.transform === "log10" ? Math.log10(v) : v);
    const scale = s.scale ?? 100;
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
        if (ok) for (let i = 0; i < n; i++) put(i, s.method === "ratio" ? (scale * x(i)) / tf(s.benchmark!) : x(i));
        break;
      case "inverse":
        for (const i of given)
          if (!(x(i) > 0))
            bad(
              i,
              `原始值 ${x(i)} 不是正数，反向指数 100×基准值/原始值 无法计算`,
              `raw value ${x(i)} is not positive: the inverse index 100 × benchmark / value is undefined`,
            );
        if (ok) for (let i = 0; i < n; i++) put(i, (scale * tf(s.benchmark!)) / x(i));
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
        for (let i = 0; i < n; i++) put(i, (scale * (s.direction === "higher" ? x(i) - min : max - x(i))) / (max - min));
        break;
      }
      case "goalpost": {
        const lo = tf(s.lower!);
        const hi = tf(s.upper!);
        // Outside the goalposts is capped at them, as the HDI caps values above its upper goalpost.
        for (let i = 0; i < n; i++) {
          const v = Math.min(1, Math.max(0, (s.direction === "higher" ? x(i) - lo : hi - x(i)) / (hi - lo)));
          put(i, scale * (Number.isNaN(x(i)) ? NaN : v));
        }
        break;
      }
      case "target": {
        let min = Infinity;
        let max = -Infinity;
        for (const i of given) [min, max] = [Math.min(min, x(i)), Math.max(max, x(i))];
        const t = tf(s.target!);
        const from = s.direction === "higher" ? min : max;
        if (!(Math.abs(t - from) > 1e-12 * Math.max(1, Math.abs(t)))) {
          report(
            "error",
            "normalise-no-spread",
            leaf,
            undefined,
            `目标值与最${s.direction === "higher" ? "小" : "大"}值相同（${from}），无法计算距离`,
            `the target equals the ${s.direction === "higher" ? "least" : "greatest"} value (${from}): the distance is undefined`,
          );
          break;
        }
        for (let i = 0; i < n; i++) put(i, scale * Math.min(1, (x(i) - from) / (t - from)));
        break;
      }
      case "reference": {
        const ref = raw.districts.findIndex((d) => [d.id, d.fullZh, d.en, d.code].includes(s.reference));
        const r = ref < 0 ? NaN : x(ref);
        if (!(r > 0 || r < 0)) {
          report(
            "error",
            "settings-bad-reference",
            leaf,
            undefined,
            ref < 0 ? `参照对象「${s.reference}」不在数据中` : `参照对象「${s.reference}」的值为 ${r}，无法作除数`,
            ref < 0 ? `the reference entity "${s.reference}" is not in the data` : `the reference entity "${s.reference}" has ${r}, which cannot divide`,
          );
          break;
        }
        for (let i = 0; i < n; i++) put(i, scale * (s.direction === "higher" ? x(i) / r : r / x(i)));
        break;
      }
      case "rank":
      case "percentile": {
        const m = given.length;
        const sign = s.direction === "higher" ? 1 : -1;
        const sorted = given.map((i) => sign * x(i)).sort((a, b) => a - b);
        // Rank with ties at the lower rank (R's ties.method = "min"): 1 + how many are below.
        const below = (v: number) => {
          let a = 0;
          let b = sorted.length;
          while (a < b) {
            const mid = (a + b) >>> 1;
            if (sorted[mid] < v) a = mid + 1;
            else b = mid;
          }
          return a;
        };
        for (let i = 0; i < n; i++) {
          if (Number.isNaN(x(i))) {
            put(i, NaN);
            continue;
          }
          const rank = 1 + below(sign * x(i));
          put(i, s.method === "rank" ? rank : m > 1 ? (scale * (rank - 1)) / (m - 1) : scale);
        }
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

/** A column transformed (NaN stays); `bad`: the entities whose value the transform cannot take. */
function transformColumn(n: number, x: (i: number) => number, t: Transform): { ok: boolean; values: Float64Array; bad: number[] } {
  const values = new Float64Array(n);
  const bad: number[] = [];
  let min = Infinity;
  if (t === "logct") for (let i = 0; i < n; i++) if (x(i) < min) min = x(i);
  for (let i = 0; i < n; i++) {
    const v = x(i);
    if (Number.isNaN(v)) values[i] = NaN;
    else if (t === "logct") values[i] = Math.log(v - min + 1);
    else if (v > 0) values[i] = t === "log" ? Math.log(v) : Math.log10(v);
    else bad.push(i);
  }
  return { ok: bad.length === 0, values, bad };
}
