/* global CustomFunctions */
// The SCI.* custom functions: thin wrappers over ./figures and ./framework. The JSDoc tags below
// generate functions.json (custom-functions-metadata); names and arguments are a contract.
// Every function streams: each cell subscribes to the one shared model and gets a new
// result when the workbook's SCI tables change; nothing is read from Excel per cell.
import { getModel, settled, subscribe, watch, type Model } from "../excel/model";
import { contribution, districtChange, districtRank, districtValue, rankingTable, scopeAverage } from "./figures";
import { indicatorRows, scoreValues } from "./framework";
import { functionLanguage, type Outcome } from "./outcome";
import { textIn } from "../core";
import { usableFramework } from "./resolve";
import { evaluateRange, rangeRank, rangeValue } from "./range";

function toExcel<T>(outcome: Outcome<T>): T | CustomFunctions.Error {
  return outcome.ok ? outcome.value : new CustomFunctions.Error(CustomFunctions.ErrorCode[outcome.code], textIn(outcome, functionLanguage()));
}

function internalError(e: unknown): CustomFunctions.Error {
  const text = (e instanceof Error ? e.message : String(e)).slice(0, 120);
  const zh = functionLanguage() === "zh";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, zh ? `SCI 内部错误：${text}` : `SCI internal error: ${text}`);
}

/** Pushes compute(model) now (once no read is pending) and after every model change. */
function stream<T>(invocation: CustomFunctions.StreamingInvocation<T>, compute: (m: Model) => Outcome<T>): void {
  let canceled = false;
  let shown: Model | undefined; // the first read's notice and settled() may bring the same model
  const push = (m: Model) => {
    if (canceled || m === shown) return;
    shown = m;
    try {
      invocation.setResult(toExcel(compute(m)));
    } catch (e) {
      invocation.setResult(internalError(e));
    }
  };
  const unsubscribe = subscribe(push);
  invocation.onCanceled = () => {
    canceled = true;
    unsubscribe();
  };
  void settled().then(push, () => push(getModel()));
}

/**
 * 行政区的指数值，默认综合指数（SCI），不四舍五入。Returns a district's value of an indicator, by default the composite SCI, unrounded.
 * @customfunction DISTRICT
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-district
 * @param district 行政区：浦东、浦东新区、Pudong 或 310115。District: short or full Chinese name, English name or GB/T 2260 code.
 * @param [indicator] 指标：代码 B2.3、序号 13、名称或路径 区域创新/政务服务；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param invocation Streaming invocation.
 */
export function district(district: string | number | null, indicator: string | number | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (m) => districtValue(m, district, indicator));
}

/**
 * 行政区的排名（并列同名次，如 1、1、3），按两位小数比较。Returns a district's competition rank (ties share a rank: 1, 1, 3) on values rounded to 2 decimals.
 * @customfunction RANK
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-rank
 * @param district 行政区：浦东、浦东新区、Pudong 或 310115。District: short or full Chinese name, English name or GB/T 2260 code.
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param [scope] 范围：全市（默认）、中心城区、郊区，或 region（所在区域）。Scope: 全市 (city, default), 中心城区, 郊区, or region (the district's own region).
 * @param invocation Streaming invocation.
 */
export function rank(
  district: string | number | null,
  indicator: string | number | null,
  scope: string | number | null,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (m) => districtRank(m, district, indicator, scope));
}

/**
 * 全市、中心城区或郊区的平均值（各区值的算术平均）。Returns the mean of an indicator over the city, 中心城区 or 郊区.
 * @customfunction CITY
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-city
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param [scope] 范围：全市（默认）、中心城区或郊区。Scope: 全市 (city, default), 中心城区 or 郊区.
 * @param invocation Streaming invocation.
 */
export function city(indicator: string | number | null, scope: string | number | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (m) => scopeAverage(m, indicator, scope));
}

/**
 * 排名表（溢出为三列：排名、行政区、指数值，按名次排序，无表头）。Returns a spilled ranking: rank, district, value, best first, no header row.
 * @customfunction RANKING
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-ranking
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param [scope] 范围：全市（默认）、中心城区或郊区。Scope: 全市 (city, default), 中心城区 or 郊区.
 * @param invocation Streaming invocation.
 */
export function ranking(indicator: string | number | null, scope: string | number | null, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  stream(invocation, (m) => rankingTable(m, indicator, scope));
}

/**
 * 三级指标对行政区综合指数的贡献（系数 × 综合权重 × 指标值），38 项之和即综合指数。What an input indicator adds to a district's composite; the 38 sum to it.
 * @customfunction CONTRIB
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-contrib
 * @param district 行政区：浦东、浦东新区、Pudong 或 310115。District: short or full Chinese name, English name or GB/T 2260 code.
 * @param indicator 三级指标：代码 B2.3、序号 13 或名称。Third-level indicator: code, report number or name.
 * @param invocation Streaming invocation.
 */
export function contrib(district: string | number | null, indicator: string | number | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (m) => contribution(m, district, indicator));
}

/**
 * 由 38 个三级指标值（一行或一列，按序号）计算综合指数，只用参数，适合假设分析。Composite of 38 input values (one row or column, report order), from its arguments alone.
 * @customfunction SCORE
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-score
 * @param values 38 个指标值，一行或一列，按报告序号排列。38 values, one row or one column, in report order.
 * @param [coefficient] 网络安全状况系数，(0, 1]，省略为 1。Cybersecurity coefficient in (0, 1]; default 1.
 * @param invocation Streaming invocation.
 */
export function score(values: any[][], coefficient: number | string | null, invocation: CustomFunctions.StreamingInvocation<number>): void {
  // Streams like the others: the workbook's SCI_Framework, once read (never the built-in one
  // before the first read), and again after every edit to it.
  stream(invocation, (m) => {
    const fw = usableFramework(m);
    return fw.ok ? scoreValues(values, coefficient, fw.value) : fw;
  });
}

/**
 * 指标体系清单，溢出四列：代码、中文名、英文名、同级权重。The indicator list, spilled: code, Chinese name, English name, sibling weight.
 * @customfunction INDICATORS
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-indicators
 * @param [level] 层级：0 综合指数，1 一级，2 二级，3 三级；省略为全部。Level: 0 composite, 1 first, 2 second, 3 third; omit for all.
 * @param invocation Streaming invocation.
 */
export function indicators(level: string | number | null, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  stream(invocation, (m) => {
    const fw = usableFramework(m);
    return fw.ok ? indicatorRows(fw.value, level) : fw;
  });
}

/**
 * 与上一年（SCI_Previous）相比，溢出一行三列：指数变化、排名变化（正为上升）、说明。Change since last year: value change, rank change (up is positive), a note.
 * @customfunction CHANGE
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-change
 * @param district 行政区：浦东、浦东新区、Pudong 或 310115。District: short or full Chinese name, English name or GB/T 2260 code.
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param [scope] 排名范围：全市（默认）、中心城区、郊区，或 region（所在区域）。Rank scope: 全市 (city, default), 中心城区, 郊区, or region (the district's own region).
 * @param invocation Streaming invocation.
 */
export function change(
  district: string | number | null,
  indicator: string | number | null,
  scope: string | number | null,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  // Decision: one row of three cells rather than three functions, so a district's change, its
  // rank movement and the words for it stay together and update together; #N/A (not 0) when
  // there is no last year to compare with. See districtChange in ./figures.
  stream(invocation, (m) => districtChange(m, district, indicator, scope));
}

/**
 * 对区域中的数据评分并排名，溢出三列：排名、行政区、指数值。Scores a range's table and spills its ranking: rank, district, value, best first.
 * @customfunction EVALUATE
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-evaluate
 * @param range 区域：表头为指标代码、序号或名称，每行（或每列）一个行政区。Range: headers naming indicators by code, number or name; one district per row or column.
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param [scope] 范围：全市（默认）、中心城区或郊区。Scope: 全市 (city, default), 中心城区 or 郊区.
 * @param invocation Streaming invocation.
 */
export function evaluate(
  range: any[][],
  indicator: string | number | null,
  scope: string | number | null,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  // Streams although it answers from its range: the range is scored with the workbook's
  // framework, entity list, choices and rounding, so it waits for the first read and follows
  // every edit to them. Excel re-runs it itself when the range changes.
  stream(invocation, (m) => evaluateRange(m, range, indicator, scope));
}

/**
 * 区域中某行政区的指数值，默认综合指数，不四舍五入。Returns a district's value of an indicator in a range's table, by default the composite, unrounded.
 * @customfunction VALUE
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-value
 * @param range 区域：表头为指标代码、序号或名称，每行（或每列）一个行政区。Range: headers naming indicators by code, number or name; one district per row or column.
 * @param district 行政区：浦东、浦东新区、Pudong 或 310115。District: short or full Chinese name, English name or GB/T 2260 code.
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param invocation Streaming invocation.
 */
export function value(
  range: any[][],
  district: string | number | null,
  indicator: string | number | null,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (m) => rangeValue(m, range, district, indicator));
}

/**
 * 区域中某行政区的排名（并列同名次），按两位小数比较。A district's rank in a range's table (ties share a rank), on 2-decimal values.
 * @customfunction RANKOF
 * @streaming
 * @helpurl https://localhost:3000/help.html#sci-rankof
 * @param range 区域：表头为指标代码、序号或名称，每行（或每列）一个行政区。Range: headers naming indicators by code, number or name; one district per row or column.
 * @param district 行政区：浦东、浦东新区、Pudong 或 310115。District: short or full Chinese name, English name or GB/T 2260 code.
 * @param [indicator] 指标：代码、序号、名称或路径；省略为综合指数。Indicator: code, report number, name or path; omit for the composite.
 * @param [scope] 范围：全市（默认）、中心城区、郊区，或 region（所在区域）。Scope: 全市 (city, default), 中心城区, 郊区, or region (the district's own region).
 * @param invocation Streaming invocation.
 */
export function rankof(
  range: any[][],
  district: string | number | null,
  indicator: string | number | null,
  scope: string | number | null,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (m) => rangeRank(m, range, district, indicator, scope));
}

// In Excel, follow the workbook's SCI tables from the moment the functions load.
void watch();
