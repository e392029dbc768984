// The normalisation settings table (SCI_Settings / --settings): a method, direction, benchmark
// and cap per input indicator, read and checked cell by cell.
import { cellAddress } from "./address";
import { parseCell, quote } from "./cell";
import type { Framework } from "./framework";
import { hasErrors, issue, type Issue, type IssueCode } from "./issue";
import type { GridCell } from "./cell";
import { describeIndicator, findIndicator } from "./lookup";
import { methodExtras } from "./normalise-extras";
import { key, lookupName, settingNumber } from "./settings-cells";
import type { InputTable } from "./validate";

/**
 * How a raw statistic becomes an index number (100 = the benchmark or the average):
 * - `ratio`:   100 × value / benchmark — the report's index numbers; more is better.
 * - `inverse`: 100 × benchmark / value — for indicators where less is better.
 * - `minmax`:  100 × (value − min) / (max − min) over the districts: the best district 100,
 *              the worst 0 (with direction `lower`: 100 × (max − value) / (max − min)).
 * - `zscore`:  100 + 10 × z, z = (value − mean) / standard deviation over the districts
 *              (population sd): the average district scores 100, one sd is 10 points
 *              (with direction `lower`: 100 − 10 × z).
 * - `index`:   the value already is an index number and is used as it is.
 * - `goalpost`: (value − lower) / (upper − lower) on fixed goalposts, values outside them capped
 *              (the HDI's method; with direction `lower`: (upper − value) / (upper − lower)).
 * - `target`:  distance to a target, (value − min) / (target − min), capped at the target
 *              (COINr's n_dist2targ; `lower`: (max − value) / (max − target)).
 * - `reference`: value / the reference entity's value (COINr's n_dist2ref; `lower`: its inverse).
 * - `rank`:    the rank among the entities that have a value, lowest 1 (ties share the lower rank).
 * - `percentile`: (rank − 1) / (entities − 1): the share of the others a value is above.
 * A transform (`log`: natural log, `log10`, `logct`: ln(value − min + 1)) comes before the method,
 * goalposts and targets transformed alike. `scale` is the output's top (default 100; 1 gives
 * 0–1, as the HDI is published). An optional cap limits the index from above after the method.
 */
export type NormaliseMethod = "ratio" | "inverse" | "minmax" | "zscore" | "index" | "goalpost" | "target" | "reference" | "rank" | "percentile";
/** A transform applied to the raw values (and goalposts) before the method. */
export type Transform = "log" | "log10" | "logct";
export const TRANSFORMS: readonly Transform[] = ["log", "log10", "logct"];
/** `higher`: more is better; `lower`: less is better. */
export type Direction = "higher" | "lower";

export interface NormaliseSetting {
  /** Input indicator code. */
  indicator: string;
  method: NormaliseMethod;
  direction: Direction;
  benchmark?: number;
  cap?: number;
  /** Goalposts (`goalpost`), before any transform. */
  lower?: number;
  upper?: number;
  /** The target (`target`), before any transform. */
  target?: number;
  /** The reference entity (`reference`), as written. */
  reference?: string;
  transform?: Transform;
  /** The output's top: 100 (default) or 1, 10 … */
  scale?: number;
  /** The settings row it came from, for messages (zero-based sheet row). */
  source?: { sheet?: string; row: number };
}

/** Settings by input indicator code. */
export type NormaliseSettings = ReadonlyMap<string, NormaliseSetting>;

export const METHODS: readonly NormaliseMethod[] = ["ratio", "inverse", "minmax", "zscore", "index", "goalpost", "target", "reference", "rank", "percentile"];

const METHOD_NAMES: Record<NormaliseMethod, string[]> = {
  ratio: ["ratio", "比值", "比率", "比值法", "基准比值", "正向比值"],
  inverse: ["inverse", "反向", "逆向", "反向比值", "逆向比值", "倒数"],
  minmax: ["minmax", "min-max", "极差", "极差法", "极值法", "最小最大", "最大最小"],
  zscore: ["zscore", "z-score", "z", "z分数", "标准分", "标准分数", "标准化"],
  index: ["index", "指数", "已是指数", "原值", "none"],
  goalpost: ["goalpost", "goalposts", "fixed", "目标值法", "固定上下界", "固定极值"],
  target: ["target", "dist2targ", "distance to target", "距目标", "目标距离"],
  reference: ["reference", "dist2ref", "distance to reference", "参照", "参照比值"],
  rank: ["rank", "ranks", "排名", "名次"],
  percentile: ["percentile", "prank", "percentile rank", "百分位", "百分位排名"],
};
const DIRECTION_NAMES: Record<Direction, string[]> = {
  higher: ["higher", "high", "up", "+", "positive", "正向", "正", "越大越好", "越高越好"],
  lower: ["lower", "low", "down", "-", "negative", "负向", "负", "逆向", "越小越好", "越低越好"],
};
/** Column headers of the settings table; a header may hold both names, `方法 / method`. */
const HEADERS = {
  indicator: ["indicator", "指标", "code", "代码", "指标代码"],
  name: ["name", "名称", "指标名称", "name_zh", "name_en"],
  method: ["method", "方法", "标准化方法"],
  benchmark: ["benchmark", "基准值", "基准", "标杆值"],
  cap: ["cap", "上限", "封顶", "封顶值"],
  direction: ["direction", "方向", "指标方向"],
  lower: ["lower", "goalpost min", "min goalpost", "下界", "最小目标值"],
  upper: ["upper", "goalpost max", "max goalpost", "上界", "最大目标值"],
  target: ["target", "目标值"],
  reference: ["reference", "参照对象", "参照"],
  transform: ["transform", "变换", "转换"],
  scale: ["scale", "输出范围", "尺度"],
} as const;
export type Column = keyof typeof HEADERS;

/** The settings sheet's header as the template writes it, Chinese first. */
export const SETTINGS_HEADER = ["指标 / indicator", "名称 / name", "方法 / method", "基准值 / benchmark", "上限 / cap", "方向 / direction"];

/**
 * A settings sheet to fill in: one row per input indicator, method `ratio` and direction
 * `higher`, benchmark and cap empty. The benchmark must be filled before scoring.
 */
export function settingsTemplate(fw: Framework): GridCell[][] {
  return [SETTINGS_HEADER, ...fw.leaves.map((c) => [c, fw.indicators.get(c)!.nameZh, "ratio", null, null, "higher"])];
}

/**
 * Reads the normalisation settings table. Every problem is an issue naming its cell:
 * unknown or computed indicator, duplicate row, unknown method or direction, a missing,
 * zero or negative benchmark where the method needs one, a bad cap, and input indicators
 * with no setting. Never throws.
 */
export function parseSettings(table: InputTable, fw: Framework): { settings?: NormaliseSettings; issues: Issue[] } {
  const issues: Issue[] = [];
  const origin = table.origin ?? { row: 0, col: 0 };
  const sheet = table.sheet;
  const rows = Array.isArray(table.rows) ? table.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
  const report = (sev: "error" | "warning", code: IssueCode, row: number, col: number, zh: string, en: string, indicator?: string) => {
    const address = cellAddress(origin.row + row, origin.col + col);
    const full = sheet ? `${sheet}!${address}` : address;
    const ind = indicator ? fw.indicators.get(indicator) : undefined;
    const atZh = [full, ind && `${ind.code} ${ind.nameZh}`].filter(Boolean).join("，");
    const atEn = [full, ind && `${ind.code} ${ind.nameEn}`].filter(Boolean).join(", ");
    issues.push(
      issue(sev, code, `${atZh}：${zh}`, `${atEn}: ${en}`, {
        cell: { sheet, address, row: origin.row + row, col: origin.col + col },
        indicator,
      }),
    );
  };

  const commaNote = (r: number, c: number, text: string, value: number, code: string) =>
    report("warning", "settings-decimal-comma", r, c, `「${text}」按小数逗号读作 ${value}`, `"${text}" is read with a decimal comma as ${value}`, code);

  const header = rows[0] ?? [];
  const col: Partial<Record<Column, number>> = {};
  header.forEach((h, c) => {
    const parts = String(h ?? "")
      .split(/[/／]/)
      .map(key)
      .filter(Boolean);
    if (!parts.length) return;
    const found = (Object.keys(HEADERS) as Column[]).find((k) => HEADERS[k].some((n) => parts.includes(key(n))));
    if (!found) report("warning", "settings-unknown-column", 0, c, `未知列「${quote(h)}」，已忽略`, `unknown column "${quote(h)}" is ignored`);
    else if (col[found] !== undefined) report("error", "settings-duplicate-column", 0, c, `「${quote(h)}」列重复`, `duplicate column "${quote(h)}"`);
    else col[found] = c;
  });
  for (const need of ["indicator", "method"] as const)
    if (col[need] === undefined) {
      const [zh, en] = need === "indicator" ? ["指标", "indicator"] : ["方法", "method"];
      report("error", "settings-missing-column", 0, header.length, `标准化设置缺少「${zh}」列`, `the normalisation settings need a "${en}" column`);
    }
  if (hasErrors(issues)) return { issues };

  const settings = new Map<string, NormaliseSetting>();
  const firstRow = new Map<string, number>();
  const cellOf = (r: readonly unknown[], c: Column) => (col[c] === undefined ? undefined : r[col[c]!]);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((v) => parseCell(v).kind === "empty")) continue;
    const ic = col.indicator!;
    const name = parseCell(row[ic]);
    if (name.kind === "empty") {
      report("error", "settings-missing-indicator", r, ic, "指标为空，但该行有设置", "the indicator is empty but the row has settings");
      continue;
    }
    const query = name.kind === "number" ? name.value : name.text;
    const found = findIndicator(fw, query, fw.leaves);
    if (!found.ok) {
      const computed = findIndicator(fw, query);
      if (computed.ok)
        report(
          "error",
          "settings-computed-indicator",
          r,
          ic,
          "这是计算所得的指标，只有三级（输入）指标需要标准化设置",
          "this indicator is computed by SCI; only input indicators are normalised",
          computed.value,
        );
      else report("error", "settings-unknown-indicator", r, ic, found.zh, found.en);
      continue;
    }
    const code = found.value;
    if (firstRow.has(code)) {
      const first = cellAddress(origin.row + firstRow.get(code)!, origin.col + ic);
      report("error", "settings-duplicate-indicator", r, ic, `该指标已在 ${first} 设置过`, `this indicator already has a setting in ${first}`, code);
      continue;
    }
    firstRow.set(code, r);

    const mc = col.method!;
    const method = lookupName(METHOD_NAMES, row[mc]);
    if (parseCell(row[mc]).kind === "empty") {
      report(
        "error",
        "settings-missing-method",
        r,
        mc,
        `方法为空，可选：${METHODS.join("、")}`,
        `the method is empty; choose one of ${METHODS.join(", ")}`,
        code,
      );
      continue;
    }
    if (!method) {
      report(
        "error",
        "settings-unknown-method",
        r,
        mc,
        `未知方法「${quote(row[mc])}」，可选：${METHODS.join("、")}`,
        `unknown method "${quote(row[mc])}"; choose one of ${METHODS.join(", ")}`,
        code,
      );
      continue;
    }

    let direction: Direction = method === "inverse" ? "lower" : "higher";
    const dirCell = cellOf(row, "direction");
    if (col.direction !== undefined && parseCell(dirCell).kind !== "empty") {
      const d = lookupName(DIRECTION_NAMES, dirCell);
      if (!d) {
        report(
          "error",
          "settings-unknown-direction",
          r,
          col.direction,
          `未知方向「${quote(dirCell)}」，可选：higher（越大越好）、lower（越小越好）`,
          `unknown direction "${quote(dirCell)}"; use higher (more is better) or lower (less is better)`,
          code,
        );
        continue;
      }
      if ((method === "ratio" || method === "index") && d === "lower") {
        const hint = method === "ratio" ? "越小越好请用 inverse 方法" : "指数值须已按越大越好编制";
        const hintEn = method === "ratio" ? "for less-is-better use the inverse method" : "an index must already be more-is-better";
        report(
          "error",
          "settings-direction-conflict",
          r,
          col.direction,
          `方法 ${method} 只能是越大越好（higher）；${hint}`,
          `method ${method} is more-is-better (higher); ${hintEn}`,
          code,
        );
        continue;
      }
      if (method === "inverse" && d === "higher") {
        report(
          "error",
          "settings-direction-conflict",
          r,
          col.direction,
          "inverse 方法即越小越好（lower）；越大越好请用 ratio 方法",
          "the inverse method is less-is-better (lower); for more-is-better use ratio",
          code,
        );
        continue;
      }
      direction = d;
    }

    let benchmark: number | undefined;
    const b = settingNumber(cellOf(row, "benchmark"));
    const bc = col.benchmark ?? header.length;
    if (b?.ok && b.comma) commaNote(r, bc, b.comma, b.value, code);
    if (method === "ratio" || method === "inverse") {
      if (!b) {
        report("error", "settings-missing-benchmark", r, bc, `${method} 方法须有基准值`, `the ${method} method needs a benchmark`, code);
        continue;
      }
      if (!b.ok) {
        report("error", "settings-bad-benchmark", r, bc, `基准值「${quote(b.text)}」不是数字`, `benchmark "${quote(b.text)}" is not a number`, code);
        continue;
      }
      if (b.value === 0) {
        report("error", "settings-zero-benchmark", r, bc, "基准值为 0，无法计算指数", "the benchmark is 0: no index can be computed", code);
        continue;
      }
      if (b.value < 0) {
        report("error", "settings-negative-benchmark", r, bc, `基准值 ${b.value} 为负数`, `benchmark ${b.value} is negative`, code);
        continue;
      }
      benchmark = b.value;
    } else if (b) {
      report("warning", "settings-unused-benchmark", r, bc, `${method} 方法不用基准值，已忽略`, `the ${method} method uses no benchmark; it is ignored`, code);
    }

    let cap: number | undefined;
    const capCell = settingNumber(cellOf(row, "cap"));
    if (capCell?.ok && capCell.comma) commaNote(r, col.cap!, capCell.comma, capCell.value, code);
    if (capCell) {
      if (!capCell.ok || !(capCell.value > 0)) {
        const shown = capCell.ok ? String(capCell.value) : quote(capCell.text);
        report("error", "settings-bad-cap", r, col.cap!, `上限「${shown}」须为正数`, `cap "${shown}" must be a positive number`, code);
        continue;
      }
      cap = capCell.value;
    }
    const extra = methodExtras(method, row, r, code, { cellOf, col, report, headerLength: header.length });
    if (!extra) continue;
    settings.set(code, { indicator: code, method, direction, benchmark, cap, ...extra, source: { sheet, row: origin.row + r } });
  }

  for (const leaf of fw.leaves)
    if (!firstRow.has(leaf))
      report(
        "error",
        "settings-missing-indicator-row",
        rows.length,
        col.indicator!,
        `缺少该指标的标准化设置（${describeIndicator(fw, leaf)}）`,
        `no normalisation setting for this indicator (${leaf})`,
        leaf,
      );
  return hasErrors(issues) ? { issues } : { settings, issues };
}
