// Strings of the panels loaded after first paint (year over year, robustness, raw data and
// framework), Chinese first; kept out of i18n.ts so they load with those panels.
import type { Lang } from "./i18n";
import { bindSigns, typesetAll } from "./typeset";

const zh = {
  indicator: "指标",
  scope: "排名范围",
  region: "区内",
  district: "行政区",
  opened: "已生成以下工作表（点击打开）：",
  sheetsLabel: "已生成的工作表",
  mismatches: (n: number, first: string) => `注意：有 ${n} 个单元格回读结果与计算不一致（首个：${first}）。`,
  failed: (why: string) => `操作失败：${why}`,
  needsScores: "输入还有错误或待填写的单元格，修正后才能分析（见「2. 检查」）。",

  // Year over year
  noPrevious: "工作簿中还没有上年数据。插入上年数据模板并填好后，即可逐年比较。",
  insertPrevious: "插入上年数据模板",
  insertPrevious2020: "插入上年模板（以 2020 年数据为例）",
  insertingPrevious: "正在插入上年数据模板…",
  previousNotReady: "上年数据或本年数据有错误，暂不能比较。问题列在「2. 检查」中。",
  compareCaption: (oldLabel: string, newLabel: string, indicator: string) => `${indicator}：${oldLabel} → ${newLabel}`,
  newValue: (label: string) => `指数值（${label}）`,
  change: "变化",
  /** The model's own names for the two years when a table names none. */
  yearLabel: (label: string) => label,
  ranks: (oldLabel: string, newLabel: string) => `排名（${oldLabel} → ${newLabel}）`,
  rankChange: "排名变化",
  sortLabel: "排序",
  sortNewRank: (label: string) => `按${label}排名`,
  sortChange: "按指数值变化（升幅大者在前）",
  sortRankChange: "按排名变化（上升多者在前）",
  up: (n: number) => `排名上升${n}位`,
  down: (n: number) => `排名下降${n}位`,
  same: "排名不变",
  onlyIn: (label: string, names: string) => `仅见于${label}、未比较：${names}`,
  generateComparison: "生成比较工作表",
  writingComparison: "正在生成比较工作表…",

  // Robustness
  perturbation: "权重扰动幅度（%）",
  perturbationHint: "每个权重在 ±该百分比内随机变动，同级重新归一。",
  replications: "重复次数",
  seed: "随机种子",
  seedHint: "相同的种子重复相同的结果。",
  run: "运行稳健性分析",
  stop: "停止",
  running: (done: number, total: number) => `正在计算：${done.toLocaleString("zh-CN")} / ${total.toLocaleString("zh-CN")} 次`,
  stopped: "已停止。",
  badPerturbation: "请输入 0 至 100 之间（不含 100）的百分比。",
  badReplications: "请输入 1 至 1,000,000 之间的整数。",
  badSeed: "请输入种子（数字或文字）。",
  chartLabel: (n: number, pct: string, reps: number, scope: string) =>
    `${n} 个行政区的${scope}排名在权重扰动 ±${pct}%、${reps.toLocaleString("zh-CN")} 次重复下的区间图：每行一个行政区，线段为 5%–95% 分位区间，圆点为中位排名，菱形为基准排名，右侧为保持原排名的比例。数值见下表。`,
  tableCaption: (pct: string, reps: number, seed: number) => `排名稳健性（扰动 ±${pct}%，重复 ${reps.toLocaleString("zh-CN")} 次，种子 ${seed}）`,
  baseline: "基准排名",
  median: "中位排名",
  p5: "5%分位",
  p95: "95%分位",
  interval: "5%–95% 区间",
  keep: "保持原排名",
  rankAxis: "排名（1 = 最好）",
  took: (ms: number) => `完成，用时 ${ms.toLocaleString("zh-CN")} 毫秒。`,
  stale: "数据已更改：以下结果基于更改前的数据，请重新运行。",
  writeSensitivity: "生成稳健性工作表",
  writingSensitivity: "正在生成稳健性工作表…",

  // Raw data and framework
  insertRaw: "插入原始数据模板",
  insertRawHint: "原始统计数据，并为每项指标设标准化方法、基准值和上限。",
  insertFramework: "插入可编辑的指标体系",
  insertFrameworkHint: "增删指标、改名、调整权重；检查通过后按它计算。",
  insertDistricts: "插入评估对象名单",
  insertChoices: "插入计算选项表",
  insertChoicesHint: "空值插补、异常值处理和汇总方法；每个插补或处理过的单元格都会列出。",
  insertDistrictsHint: "参评对象及其区域（已填入内置名单）；换成另一组地区即按它排名和分组。",
  insertingTable: "正在插入…",
  insertedTables: (sheets: string[]) => `已插入工作表${sheets.map((n) => `「${n}」`).join("、")}。填好后，问题会列在「2. 检查」中。`,
  customFramework: "当前使用工作簿中的自定义指标体系。",
  builtinFramework: "当前使用内置的2020年指标体系。",
  rawMode: "本年数据由原始数据按标准化设置换算。",
  tableIssues: (errors: number, warnings: number) =>
    `这些表有 ${errors.toLocaleString("zh-CN")} 个错误、${warnings.toLocaleString("zh-CN")} 个警告，详见「2. 检查」。`,
};

export type AnalysisStrings = typeof zh;

const en: AnalysisStrings = {
  indicator: "Indicator",
  scope: "Rank over",
  region: "Region",
  district: "District",
  opened: "Sheets generated (click to open):",
  sheetsLabel: "Sheets generated",
  mismatches: (n: number, first: string) => `Note: ${n} cell(s) read back differently from the computed values (first: ${first}).`,
  failed: (why: string) => `The action failed: ${why}`,
  needsScores: "The input still has errors or cells to fill; fix them to analyse (see “2. Check”).",

  noPrevious: "The workbook has no previous year's data yet. Insert last year's template and fill it in to compare years.",
  insertPrevious: "Insert last year's template",
  insertPrevious2020: "Insert it with the 2020 data as an example",
  insertingPrevious: "Inserting last year's template…",
  previousNotReady: "Last year's or this year's data has errors, so the years cannot be compared yet. The issues are listed under “2. Check”.",
  compareCaption: (oldLabel: string, newLabel: string, indicator: string) => `${indicator}: ${oldLabel} → ${newLabel}`,
  newValue: (label: string) => `Value (${label})`,
  change: "Change",
  yearLabel: (label: string) => ({ 上一年: "last year", 本年: "this year" })[label] ?? label,
  ranks: (oldLabel: string, newLabel: string) => `Rank (${oldLabel} → ${newLabel})`,
  rankChange: "Rank change",
  sortLabel: "Sort by",
  sortNewRank: (label: string) => `Rank (${label})`,
  sortChange: "Change in value (biggest rise first)",
  sortRankChange: "Change in rank (biggest rise first)",
  up: (n: number) => `up ${n} place${n === 1 ? "" : "s"}`,
  down: (n: number) => `down ${n} place${n === 1 ? "" : "s"}`,
  same: "unchanged",
  onlyIn: (label: string, names: string) => `Only in ${label}, not compared: ${names}`,
  generateComparison: "Generate comparison sheet",
  writingComparison: "Generating the comparison sheets…",

  perturbation: "Weight perturbation (%)",
  perturbationHint: "Each weight varies at random within ± this percentage; siblings are renormalised.",
  replications: "Replications",
  seed: "Seed",
  seedHint: "The same seed repeats the same result.",
  run: "Run robustness analysis",
  stop: "Stop",
  running: (done: number, total: number) => `Computing: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`,
  stopped: "Stopped.",
  badPerturbation: "Enter a percentage from 0 to under 100.",
  badReplications: "Enter a whole number from 1 to 1,000,000.",
  badSeed: "Enter a seed (a number or text).",
  chartLabel: (n: number, pct: string, reps: number, scope: string) =>
    `Range plot of ${n} districts' ${scope.toLowerCase()} ranks under ±${pct}% weight perturbation, ${reps.toLocaleString("en-US")} replications: one row per district, the line spans the 5th–95th percentile, the dot is the median rank, the diamond the baseline rank, and the share keeping its place is on the right. The numbers are in the table below.`,
  tableCaption: (pct: string, reps: number, seed: number) => `Robustness of ranks (±${pct}%, ${reps.toLocaleString("en-US")} replications, seed ${seed})`,
  baseline: "Baseline rank",
  median: "Median rank",
  p5: "5th percentile",
  p95: "95th percentile",
  interval: "5–95% interval",
  keep: "Kept its place",
  rankAxis: "Rank (1 = best)",
  took: (ms: number) => `Done in ${ms.toLocaleString("en-US")} ms.`,
  stale: "The data has changed: these results are from before the change. Run again.",
  writeSensitivity: "Generate robustness sheet",
  writingSensitivity: "Generating the robustness sheet…",

  insertRaw: "Insert raw-data template",
  insertRawHint: "Raw statistics, with each indicator's normalisation, benchmark and cap.",
  insertFramework: "Insert editable framework",
  insertFrameworkHint: "Add, drop, rename and reweight indicators; once it checks out, scores follow it.",
  insertDistricts: "Insert the entity list",
  insertChoices: "Insert the choices table",
  insertChoicesHint: "Imputation, outlier treatment and aggregation; every imputed or treated cell is listed.",
  insertDistrictsHint: "The entities and their regions (the built-in list to start); replace it and SCI ranks and groups those.",
  insertingTable: "Inserting…",
  insertedTables: (sheets: string[]) => `Inserted ${sheets.map((n) => `"${n}"`).join(", ")}. Once they are filled in, any issues are listed under “2. Check”.`,
  customFramework: "Scoring with the workbook's own framework.",
  builtinFramework: "Scoring with the built-in 2020 framework.",
  rawMode: "This year's inputs are the raw data, normalised by the settings.",
  tableIssues: (errors: number, warnings: number) =>
    `These tables have ${errors.toLocaleString("en-US")} error${errors === 1 ? "" : "s"} and ${warnings.toLocaleString("en-US")} warning${warnings === 1 ? "" : "s"}; see “2. Check”.`,
};

export const ANALYSIS_STRINGS: Record<Lang, AnalysisStrings> = { zh: typesetAll(zh), en: typesetAll(en, bindSigns) };

/** A rank change as words: 排名上升5位 / up 5 places. */
export function rankChangeWords(a: AnalysisStrings, change: number): string {
  return change > 0 ? a.up(change) : change < 0 ? a.down(-change) : a.same;
}

/** A percentage as typed: 10 → "10", 12.5 → "12.5". */
export const percentText = (fraction: number): string => String(+(fraction * 100).toFixed(6));
