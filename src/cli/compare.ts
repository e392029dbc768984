import * as path from "node:path";
import { changeOf, compare, findIndicator, hasErrors, rankChangeText, round2, type Comparison, type Issue } from "../core";
import { comparisonLayout } from "../report";
import { CHOICE_HELP, CHOICE_OPTIONS, choicesOf } from "./choices";
import { SELECT_HELP, SELECT_OPTIONS, selectionOf } from "./adopt";
import { EXIT_INPUT, EXIT_OK, usageError, type Command } from "./command";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, text } from "./inputs";
import { printIssues } from "./score";
import { checkOut, FORCE_HELP, FORCE_OPTION, writeOut } from "./out";
import { alignColumns, fixed2 } from "./table";
import { writeLayoutXlsx } from "./write-xlsx";

export const compareCommand: Command = {
  name: "compare",
  summary: "两年对比：各区各指标的值与排名变化 / year over year: change in every value and rank",
  help: `用法 / Usage: sci compare OLD NEW [--json] [--out FILE.xlsx [--force]] [--indicator CODE]
                   [--old-label TEXT] [--new-label TEXT] [--framework FILE] [--districts FILE]
                   [--impute M] [--treat jrc] [--missing skip] [--aggregation A] [--coverage C]
                   [--sheet NAME] [--range A3:AP19]

比较两年的输入表（如 2019 与 2020）：每个区、每个指标的指数值变化与排名变化（全市、区内）。
Compares two years' input tables: for every district and indicator, the change in value and
in rank (city and region). Districts in only one year are listed, not compared.

  OLD, NEW          两年的输入表（.csv 或 .xlsx）/ the two years' input tables (.csv or .xlsx)
  --json            以 JSON 输出全部变化与问题 / print every change and issue as JSON
  --out FILE        写出对比工作簿（总览 + 明细）/ write the comparison workbook (overview + detail)
${FORCE_HELP}
  --indicator CODE  屏幕表格显示的指标（默认综合指数 SCI）/ the indicator the table shows (default SCI)
  --old-label TEXT  旧年份名称（默认取文件名中的年份）/ the older year's name (default: the year in the file name)
  --new-label TEXT  新年份名称 / the newer year's name
${CHOICE_HELP}
                    （两年都按同样的选择处理 / applied to both years alike）
${FRAMEWORK_HELP}
${SELECT_HELP}
                    （两年的工作簿按同一位置读取 / the same place in both years' workbooks）
  -h, --help        显示帮助 / show this help

排名变化为正表示上升（排名上升5位 / up 5 places）。/ A positive rank change means the district moved up.
退出码 / Exit codes: 0 成功 success, 1 输入错误 input errors, 2 用法错误 usage errors.
`,
  options: {
    json: { type: "boolean" },
    out: { type: "string" },
    ...FORCE_OPTION,
    indicator: { type: "string" },
    "old-label": { type: "string" },
    "new-label": { type: "string" },
    ...CHOICE_OPTIONS,
    ...FRAMEWORK_OPTION,
    ...SELECT_OPTIONS,
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 2)
      throw usageError(`须给出两个输入表 OLD NEW（收到 ${positionals.length} 个）`, `give two input tables, OLD and NEW (got ${positionals.length})`);
    const [oldFile, newFile] = positionals;
    const framework = text(values, "framework");
    const districts = text(values, "districts");
    const out = checkOut(text(values, "out"), io, [oldFile, newFile, framework, districts], values.force === true);
    const labels = { old: text(values, "old-label") ?? labelOf(oldFile), new: text(values, "new-label") ?? labelOf(newFile) };
    if (labels.old === labels.new) [labels.old, labels.new] = [`${labels.old}（旧 old）`, `${labels.new}（新 new）`];

    const choices = choicesOf(values);
    // --sheet / --range name the same place in both years' workbooks.
    const select = selectionOf(values);
    const older = await loadDataset({ input: oldFile, framework, districts, label: labels.old, expectAll: false, choices, select }, io);
    const newer = await loadDataset({ input: newFile, framework, districts, label: labels.new, expectAll: false, choices, select }, io);
    const issues: Issue[] = [...older.issues, ...newer.issues];
    let c: Comparison | undefined;
    if (older.dataset && newer.dataset && !hasErrors(issues)) {
      // Each year's scores from its assessment: through the same choices, or score()'s exactly.
      c = compare(older.assessment!.scores!, newer.assessment!.scores!, labels);
      issues.push(...c.issues);
    }
    printIssues(io, issues);
    if (!c || hasErrors(issues)) {
      if (values.json) io.stdout(JSON.stringify(comparisonJson(undefined, issues), null, 2) + "\n");
      const errors = issues.filter((i) => i.severity === "error").length;
      io.stderr(
        `有 ${errors} 个错误，未比较${out ? "，未写出 " + path.basename(out) : ""} / ${errors} error${errors === 1 ? "" : "s"}: nothing compared${out ? ", " + path.basename(out) + " not written" : ""}\n`,
      );
      return EXIT_INPUT;
    }

    if (values.json) io.stdout(JSON.stringify(comparisonJson(c, issues), null, 2) + "\n");
    else {
      const found = findIndicator(c.framework, text(values, "indicator") ?? c.framework.root);
      if (!found.ok) throw usageError(found.zh, found.en);
      if (!c.codes.includes(found.value))
        throw usageError(`指标 ${found.value} 仅见于一年，无法比较`, `indicator ${found.value} is in one year only and cannot be compared`);
      io.stdout(comparisonTable(c, found.value));
    }
    if (out !== undefined) {
      const layout = comparisonLayout(c, { date: new Date().toISOString().slice(0, 10) });
      await writeOut(out, () => writeLayoutXlsx(layout, out, values.force === true));
      io.stderr(
        `已写出对比工作簿 ${path.basename(out)}（${layout.sheets.length} 个工作表） / wrote the comparison workbook ${path.basename(out)} (${layout.sheets.length} sheets)\n`,
      );
    }
    return EXIT_OK;
  },
};

/** A year in the file name (inputs-2019.csv → 2019), else the name without its extension. */
export function labelOf(file: string): string {
  const base = path.basename(file, path.extname(file));
  return /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(base)?.[1] ?? base;
}

const signed = (x: number) => (round2(x) > 0 ? "+" : "") + fixed2(x);

/** One indicator's change for every district, by the newer year's city rank. */
export function comparisonTable(c: Comparison, code: string): string {
  const ind = c.framework.indicators.get(code)!;
  const rows = c.districts
    .map((d) => ({ d, x: changeOf(c, d.district, code)! }))
    .sort((a, b) => a.x.city.new - b.x.city.new)
    .map(({ d, x }) => [
      String(x.city.new),
      d.district,
      fixed2(x.old),
      fixed2(x.new),
      signed(x.change),
      String(x.city.old),
      String(x.city.new),
      rankChangeText(x.city.change),
    ]);
  const head = [
    [c.words.rank.zh, c.words.entity.zh, c.oldLabel, c.newLabel, "变化", `${c.oldLabel}排名`, `${c.newLabel}排名`, "排名变化"],
    [c.words.rank.en, c.words.entity.en, "", "", "Change", "Rank", "Rank", "Rank change"],
  ];
  const title = `${ind.nameZh}（${code}）变化 ${c.oldLabel}→${c.newLabel} / Change in ${ind.nameEn} (${code}), ${c.oldLabel}→${c.newLabel}${c.method}`;
  const only = [
    c.onlyOld.length ? `仅见于${c.oldLabel} / only in ${c.oldLabel}: ${c.onlyOld.join("、")}\n` : "",
    c.onlyNew.length ? `仅见于${c.newLabel} / only in ${c.newLabel}: ${c.onlyNew.join("、")}\n` : "",
  ].join("");
  return `${title}\n\n${alignColumns([...head, ...rows], [true, false, true, true, true, true, true, false])}${only ? "\n" + only : ""}`;
}

/** `sci compare --json`: every district and indicator, values unrounded. */
export function comparisonJson(c: Comparison | undefined, issues: readonly Issue[]) {
  if (!c) return { old: null, new: null, indicators: [], districts: [], onlyOld: [], onlyNew: [], issues: [...issues] };
  return {
    old: c.oldLabel,
    new: c.newLabel,
    indicators: c.codes,
    districts: c.districts.map((d) => ({
      district: d.district,
      region: d.region,
      changes: Object.fromEntries(
        d.indicators.map((x) => [x.indicator, { old: x.old, new: x.new, change: x.change, ranks: { city: x.city, region: x.region } }]),
      ),
    })),
    onlyOld: c.onlyOld,
    onlyNew: c.onlyNew,
    issues: [...issues],
  };
}
