// Every string of the pane's required steps, in Chinese and English; the analyses' strings are
// in analysis-i18n.ts and load with them. Messages from the core and from Excel come as {zh, en}
// and the pane shows the one of its language (textIn).

import type { Lang } from "../core";

export type { Lang };

const zh = {
  htmlLang: "zh-CN",
  appTitle: "SCI 智慧城市发展水平评估",
  languageName: "中文",
  switchLanguage: "界面语言：切换为英文",
  loading: "正在加载…",
  failed: (why: string) => `操作失败：${why}`,
  done: "完成",
  problem: "未能完成",

  step1: "1. 数据",
  step1Hint: "在新工作表插入 SCI_Input 模板（各区一行，每项三级指标一列），再填入指标值。",
  insertEmpty: "插入空白模板",
  insertExample: (label: string) => `插入 ${label} 年示例数据`,
  inserting: "正在插入模板…",
  inputAt: (sheet: string) => `数据在工作表「${sheet}」的 SCI_Input 表中。`,
  rawAt: (sheet: string) => `数据在工作表「${sheet}」的 SCI_Raw 表中（按 SCI_Settings 标准化）。`,
  openSheet: "打开",
  openSheetLabel: (sheet: string) => `打开工作表「${sheet}」`,

  step2: "2. 检查",
  step2Builtin: "插入模板并填写后，这里列出需要处理的单元格。",
  recheck: "重新检查",
  validating: "正在检查…",
  allGood: "一切正常",
  allGoodDetail: (n: number, table: string) => `${table} 表中 ${n} 个行政区的数据均有效。`,
  toFillTitle: "模板待填写",
  toFillDetail: (cells: string, districts: string) => `${districts} 个行政区共 ${cells} 格待填写。填好后自动重新检查。`,
  found: (errors: string, warnings: string) =>
    warnings === "0" ? `发现 ${errors} 个错误` : errors === "0" ? `发现 ${warnings} 个警告` : `发现 ${errors} 个错误、${warnings} 个警告`,
  alsoToFill: (cells: string) => `另有 ${cells} 格待填写。`,
  warningsOnly: "可以生成排名，但请先核对这些警告。",
  issuesLabel: "问题列表（错误在前）",
  error: "错误",
  warning: "警告",
  toFill: (district: string, cells: string) => `${district}：待填写 ${cells} 格`,
  fillFrom: (where: string) => `从 ${where} 起`,
  goFirst: "转到第一个问题",
  goFill: "转到第一个待填单元格",
  fixTo: (name: string) => `改为「${name}」`,
  fixLabel: (where: string, name: string) => `将 ${where} 改为「${name}」`,
  page: (page: string, pages: string) => `第 ${page} / ${pages} 页`,
  previousPage: "上一页",
  nextPage: "下一页",
  pageLabel: "问题列表翻页",

  step3: "3. 生成排名",
  title: "报告年份或标题",
  rounding: "按报告口径逐级取整",
  roundingHint: "各级指数先取两位小数再向上汇总，2020 年报告公布的各表即按此相加；默认关闭（全精度）。",
  generate: "生成排名工作表",
  writing: "正在写入排名工作表…",
  written: "已写入以下工作表，点击打开：",
  sheetsLabel: "已写入的工作表",
  needsValid: "输入还有错误或待填写的单元格，修正后才能生成排名（见「2. 检查」）。",
  mismatches: (n: number, first: string) => `注意：有 ${n} 个单元格回读结果与计算不一致（首个：${first}）。`,

  results: "结果一览",
  builtinResults: (label: string) => `以下是内置的 ${label} 年示例数据的结果；插入或链接您的数据后，即换为您的结果。`,
  noResults: "修正输入后显示结果。",
  staleResults: "输入有错误：以下是上一次有效的结果，修正后即更新。",
  top: "前三名",
  rank: "排名",
  district: "行政区",
  composite: "综合指数",
  averages: "平均值",
  indicator: "指标",

  analyses: "更多分析（可选）",
  analysesHint: "展开一项即加载。",
  data: "原始数据与指标体系",
  yearOverYear: "逐年比较",
  robustness: "排名稳健性",
  audit: "统计审计",

  map: "地图",
  mapIndicator: "地图指标",
  mapScope: "地图范围",
  mapClass: "分级",
  value: "数值",
  mapTable: (title: string, subtitle: string) => `地图数据：${title}（${subtitle}）`,
  noMap: "这些行政区没有内置地图形状，不显示地图。",
  reportDraft: "报告草稿",
  reportDraftHint: "由评分结果起草年度报告（Word 文档）：各级指数、排名、均值、较上一年变化、地图与图表；每节的评述段落留给分析人员撰写。",
  reportDrafting: "正在起草报告…",
  reportDrafted: (name: string, tables: number, figures: number) => `已生成「${name}」（${tables} 个表，${figures} 个图），请在下载中查看。`,
  reportDesktop:
    "Excel 桌面版（Windows、Mac）的任务窗格可能无法保存文件（Microsoft 说明：加载项的 webview 不支持下载生成的文件）。如果没有出现保存提示：在 Excel 网页版中打开此工作簿再点「报告草稿」，或保存工作簿后在命令行运行 sci report 工作簿.xlsx --out 报告.docx。",
};

export type Strings = typeof zh;

const en: Strings = {
  htmlLang: "en",
  appTitle: "SCI smart-city assessment",
  languageName: "English",
  switchLanguage: "Language: switch to Chinese",
  loading: "Loading…",
  failed: (why: string) => `The action failed: ${why}`,
  done: "Done",
  problem: "Not done",

  step1: "1. Data",
  step1Hint: "Insert the SCI_Input template on a new sheet (a row per district, a column per third-level indicator), then fill in the values.",
  insertEmpty: "Insert empty template",
  insertExample: (label: string) => `Insert the ${label} data as an example`,
  inserting: "Inserting the template…",
  inputAt: (sheet: string) => `The data is in the SCI_Input table on sheet "${sheet}".`,
  rawAt: (sheet: string) => `The data is in the SCI_Raw table on sheet "${sheet}" (normalised by SCI_Settings).`,
  openSheet: "Open",
  openSheetLabel: (sheet: string) => `Open sheet "${sheet}"`,

  step2: "2. Check",
  step2Builtin: "Once the template is inserted and filled in, the cells that need attention are listed here.",
  recheck: "Check again",
  validating: "Checking…",
  allGood: "All good",
  allGoodDetail: (n: number, table: string) => `The data of all ${n} districts in ${table} is valid.`,
  toFillTitle: "Template to fill in",
  toFillDetail: (cells: string, districts: string) => `${cells} cells to fill in ${districts} districts. The check runs again as you fill them.`,
  found: (errors: string, warnings: string) =>
    [errors !== "0" && `${errors} error${errors === "1" ? "" : "s"}`, warnings !== "0" && `${warnings} warning${warnings === "1" ? "" : "s"}`]
      .filter(Boolean)
      .join(", "),
  alsoToFill: (cells: string) => `${cells} more cell${cells === "1" ? "" : "s"} to fill.`,
  warningsOnly: "The ranking can be generated, but check these warnings first.",
  issuesLabel: "Issues (errors first)",
  error: "Error",
  warning: "Warning",
  toFill: (district: string, cells: string) => `${district}: ${cells} cell${cells === "1" ? "" : "s"} to fill`,
  fillFrom: (where: string) => `from ${where}`,
  goFirst: "Go to the first issue",
  goFill: "Go to the first cell to fill",
  fixTo: (name: string) => `Change to “${name}”`,
  fixLabel: (where: string, name: string) => `Change to “${name}” in ${where}`,
  page: (page: string, pages: string) => `Page ${page} of ${pages}`,
  previousPage: "Previous",
  nextPage: "Next",
  pageLabel: "Issue pages",

  step3: "3. Generate the ranking",
  title: "Report year or title",
  rounding: "Round each level as the report does",
  roundingHint: "Each index is rounded to 2 decimals before the level above uses it, as the published 2020 tables add up; off by default (full precision).",
  generate: "Generate ranking sheets",
  writing: "Writing the ranking sheets…",
  written: "Sheets written; click one to open it:",
  sheetsLabel: "Sheets written",
  needsValid: "The input still has errors or cells to fill; fix them to generate the ranking (see “2. Check”).",
  mismatches: (n: number, first: string) => `Note: ${n} cell(s) read back differently from the computed values (first: ${first}).`,

  results: "Results at a glance",
  builtinResults: (label: string) => `These are the results of the built-in ${label} example data; insert or link your own data to see yours.`,
  noResults: "Fix the input to see results.",
  staleResults: "The input has errors: these are the last valid results, updated once it is fixed.",
  top: "Top 3",
  rank: "Rank",
  district: "District",
  composite: "Composite",
  averages: "Averages",
  indicator: "Indicator",

  analyses: "More analyses (optional)",
  analysesHint: "Each loads when opened.",
  data: "Raw data and framework",
  yearOverYear: "Year over year",
  robustness: "Robustness of ranks",
  audit: "Statistical audit",

  map: "Map",
  mapIndicator: "Indicator on the map",
  mapScope: "Map scope",
  mapClass: "Class",
  value: "Value",
  mapTable: (title: string, subtitle: string) => `Map data: ${title} (${subtitle})`,
  noMap: "There are no built-in shapes for these districts, so no map is shown.",
  reportDraft: "Report draft",
  reportDraftHint:
    "Drafts the annual report (a Word document) from the scores: every index, rank, mean, change on last year, map and chart; each section's commentary is left for the analysts.",
  reportDrafting: "Drafting the report…",
  reportDrafted: (name: string, tables: number, figures: number) => `Made "${name}" (${tables} tables, ${figures} figures): see your downloads.`,
  reportDesktop:
    "Excel on Windows and Mac may not save a file from the task pane (Microsoft: the add-in's webview does not support downloading a generated file). If no save prompt appeared: open this workbook in Excel on the web and choose Report draft there, or save the workbook and run sci report WORKBOOK.xlsx --out REPORT.docx.",
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** A count as the locale writes it: 1000000 → 1,000,000. */
export const count = (n: number, lang: Lang): string => n.toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
