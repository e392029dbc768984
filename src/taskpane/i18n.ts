// Every string the pane shows, in Chinese (the default) and English. Issue messages come from
// the core already bilingual (Chinese, then English) and are shown as they are.

export type Lang = "zh" | "en";

const zh = {
  htmlLang: "zh-CN",
  appTitle: "SCI 智慧城市发展水平评估",
  appSubtitle: "上海市各区智慧城市发展水平：输入、检查、排名",
  english: "English 英文界面",
  loading: "正在加载…",
  failed: (why: string) => `操作失败：${why}`,

  step1: "1. 插入输入模板",
  step1Hint: "在新工作表上插入 SCI_Input 表（行政区、区域、38 项三级指标、网络安全状况系数），旁边附只读的指标体系表。",
  insertEmpty: "插入空白模板",
  insert2020: "插入 2020 年数据",
  inserting: "正在插入模板…",
  inserted: (input: string, framework: string) => `已插入工作表「${input}」（SCI_Input 表）和「${framework}」（指标体系，只读）。`,

  step2: "2. 检查输入",
  step2Hint: "检查 SCI_Input 表中的数据。点击问题可选中对应单元格。",
  validate: "检查输入",
  validating: "正在检查…",
  allGood: "一切正常",
  allGoodDetail: (n: number) => `SCI_Input 表中 ${n} 个行政区的数据均有效。`,
  noTable: "未找到 SCI_Input 表，当前使用内置的 2020 年数据。请先插入模板（第 1 步）。",
  found: (errors: number, warnings: number) => `发现 ${errors} 个错误、${warnings} 个警告`,
  issuesLabel: "问题列表（错误在前）",
  error: "错误",
  warning: "警告",
  cell: "单元格",
  district: "行政区",
  indicator: "指标",
  showAll: (n: number) => `显示全部 ${n} 项`,

  step3: "3. 生成排名工作表",
  step3Hint: "按报告版式写入总排名（中心城区、郊区、全市）和各级指标排名表，附条形图。不会覆盖已有工作表。",
  title: "报告年份或标题",
  generate: "生成排名工作表",
  writing: "正在写入排名工作表…",
  written: "已写入以下工作表（点击打开）：",
  sheetsLabel: "已写入的工作表",
  needsValid: "输入有错误，无法生成排名。请先在第 2 步修正。",
  mismatches: (n: number, first: string) => `注意：有 ${n} 个单元格回读结果与计算不一致（首个：${first}）。`,

  step4: "4. 结果一览",
  fromWorkbook: "数据来源：工作簿中的 SCI_Input 表",
  fromBuiltin: "数据来源：内置 2020 年数据",
  noResults: "输入有错误，修正后显示结果。",
  top: "前三名",
  rank: "排名",
  composite: "综合指数",
  averages: "平均值",
  city: "全市",
};

export type Strings = typeof zh;

const en: Strings = {
  htmlLang: "en",
  appTitle: "SCI smart-city assessment",
  appSubtitle: "Shanghai districts' smart-city development: input, check, rank",
  english: "English",
  loading: "Loading…",
  failed: (why: string) => `The action failed: ${why}`,

  step1: "1. Insert the input template",
  step1Hint: "Adds the SCI_Input table (district, region, the 38 third-level indicators, the cybersecurity coefficient) on a new sheet, with the read-only indicator framework beside it.",
  insertEmpty: "Insert empty template",
  insert2020: "Insert with 2020 data",
  inserting: "Inserting the template…",
  inserted: (input: string, framework: string) => `Inserted sheet "${input}" (the SCI_Input table) and "${framework}" (the framework, read-only).`,

  step2: "2. Validate",
  step2Hint: "Checks the data in the SCI_Input table. Click an issue to select its cell.",
  validate: "Validate input",
  validating: "Checking…",
  allGood: "All good",
  allGoodDetail: (n: number) => `The data of all ${n} districts in SCI_Input is valid.`,
  noTable: "No SCI_Input table: the built-in 2020 data is in use. Insert the template first (step 1).",
  found: (errors: number, warnings: number) => `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  issuesLabel: "Issues (errors first)",
  error: "Error",
  warning: "Warning",
  cell: "Cell",
  district: "District",
  indicator: "Indicator",
  showAll: (n: number) => `Show all ${n}`,

  step3: "3. Generate the ranking sheets",
  step3Hint: "Writes the report's tables — the overall ranking (central, suburban, city) and every indicator's ranking — with bar charts. Existing sheets are never overwritten.",
  title: "Report year or title",
  generate: "Generate ranking sheets",
  writing: "Writing the ranking sheets…",
  written: "Sheets written (click to open):",
  sheetsLabel: "Sheets written",
  needsValid: "The input has errors, so no ranking can be made. Fix them in step 2 first.",
  mismatches: (n: number, first: string) => `Note: ${n} cell(s) read back differently from the computed values (first: ${first}).`,

  step4: "4. Results at a glance",
  fromWorkbook: "Data: the workbook's SCI_Input table",
  fromBuiltin: "Data: the built-in 2020 data",
  noResults: "Fix the input errors to see results.",
  top: "Top 3",
  rank: "Rank",
  composite: "Composite",
  averages: "Averages",
  city: "City",
};

export const STRINGS: Record<Lang, Strings> = { zh, en };
