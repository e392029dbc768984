import * as path from "node:path";
import { cellRanges, groupIssues, hasErrors, type Issue, type IssueItem } from "../core";
import { geometryFor, reportLayout, withAdjustments, withMap } from "../report";
import { CHOICE_HELP, CHOICE_OPTIONS, choicesOf } from "./choices";
import { EXIT_INPUT, EXIT_OK, terminal, usageError, type Command, type Io } from "./command";
import { SELECT_HELP, SELECT_OPTIONS, selectionOf } from "./adopt";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, oneInput, RAW_HELP, RAW_OPTIONS, sourceOf, text } from "./inputs";
import { scoresJson } from "./json";
import { checkOut, FORCE_HELP, FORCE_OPTION, writeOut } from "./out";
import { rankingTable } from "./table";
import { GEOMETRY_HELP, GEOMETRY_OPTION, loadGeometry } from "./geometry";
import { writeLayoutXlsx } from "./write-xlsx";
import { cutTitleNote, freshNames } from "../excel/names";

export const scoreCommand: Command = {
  name: "score",
  summary: "评分并排名（默认：内置 2020 数据） / score and rank (default: the built-in 2020 data)",
  help: `用法 / Usage: sci score [INPUT.csv|INPUT.xlsx] [--json] [--out FILE.xlsx [--force]] [--label TEXT]
                 [--rounding exact|report] [--framework FILE] [--districts FILE] [--geometry FILE.geojson]
                 [--impute M] [--treat jrc] [--missing skip] [--aggregation A] [--coverage C]
       sci score WORKBOOK.xlsx --sheet NAME [--range A3:AP19] [...]
       sci score --raw RAW.csv|RAW.xlsx [--sheet NAME] --settings SETTINGS.csv [--framework FILE] [--districts FILE] [...]

计算各区的智慧城市发展水平指数、各级指标、排名与平均值。
Scores every district on every indicator, with ranks and city/region means.

  INPUT          输入表（.csv UTF-8，或 .xlsx 的 SCI_Input 表/工作表/第一个工作表）；省略则用内置 2020 数据
                 input table (.csv UTF-8, or .xlsx: table or sheet SCI_Input, else the first sheet);
                 without it the built-in 2020 data is scored
  --json         以 JSON 输出全部指标值、排名、平均值与问题 / print every value, rank, mean and issue as JSON
  --out FILE     写出排名工作簿 (.xlsx)；输入有错误时不写 / write the ranking workbook; never on input errors
${FORCE_HELP}
  --label TEXT   报告年份/标题，如 2021（内置数据默认 2020）/ the report's year or title, e.g. 2021
  --rounding report
                 各级计算指数先四舍五入到 2 位小数再向上汇总（与 2020 年报告表格一致）；默认 exact 全精度
                 round each computed index to 2 decimals before aggregating upward, as the 2020
                 report's tables do; the default, exact, keeps full precision
${GEOMETRY_HELP}
                    （总排名工作表旁附综合指数地图 / the overall sheet gets the composite's map beside its tables）
${CHOICE_HELP}
${FRAMEWORK_HELP}
${RAW_HELP}
${SELECT_HELP}
  -h, --help     显示帮助 / show this help

列 / Columns: 行政区 (district), 区域 (region, optional), 38 项三级指标（代码 A1.1、序号 1–38 或名称）
(the 38 third-level indicators by code, number or name), 网络安全状况系数 (coefficient).
退出码 / Exit codes: 0 成功 success (warnings allowed), 1 输入错误 input errors, 2 用法错误 usage errors.
`,
  options: {
    json: { type: "boolean" },
    out: { type: "string" },
    ...FORCE_OPTION,
    label: { type: "string" },
    rounding: { type: "string" },
    ...GEOMETRY_OPTION,
    ...CHOICE_OPTIONS,
    ...FRAMEWORK_OPTION,
    ...RAW_OPTIONS,
    ...SELECT_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const input = oneInput(positionals);
    const select = selectionOf(values);
    if (select && input === undefined && text(values, "raw") === undefined)
      throw usageError("--sheet 与 --range 须配合输入文件或 --raw 使用", "--sheet and --range need an input file or --raw");
    const src = { ...sourceOf(values, input), select, choices: choicesOf(values) };
    const rounding = text(values, "rounding") ?? "exact";
    if (rounding !== "exact" && rounding !== "report")
      throw usageError(`--rounding 只能是 exact 或 report，而不是「${rounding}」`, `--rounding must be exact or report, not "${rounding}"`);
    const out = checkOut(
      text(values, "out"),
      io,
      [src.input, src.raw, src.settings, src.framework, src.districts, text(values, "geometry")],
      values.force === true,
    );
    const checked = await loadDataset({ ...src, rounding }, io);
    const geometryFile = text(values, "geometry");
    // The workbook's map: given shapes, else the built-in ones; an entity list without shapes has none.
    const a = checked.assessment;
    const shapes =
      a?.scores && out !== undefined && (geometryFile !== undefined || geometryFor(a.profile, a.scores.dataset.districts))
        ? await loadGeometry(geometryFile, a.profile, a.scores.dataset.districts, io)
        : { geometry: undefined, issues: [] };
    const issues = [...checked.issues, ...shapes.issues];
    printIssues(io, issues);

    const scores = checked.assessment?.scores;
    if (!scores || hasErrors(issues)) {
      if (values.json) io.stdout(JSON.stringify(scoresJson(undefined, issues), null, 2) + "\n");
      const errors = issues.filter((i) => i.severity === "error").length;
      io.stderr(
        `输入有 ${errors} 个错误，未评分${out ? "，未写出 " + path.basename(out) : ""} / ${errors} input error${errors === 1 ? "" : "s"}: nothing scored${out ? ", " + path.basename(out) + " not written" : ""}\n`,
      );
      return EXIT_INPUT;
    }

    // With --treat, the untreated figures come along, so a treatment can be judged by its effect.
    const untreated = checked.assessment?.prepared?.untreated;
    const json = () => ({
      ...scoresJson(scores, issues),
      ...(untreated ? { untreated: scoresJson(untreated, []).districts } : {}),
      ...(checked.agreements?.length ? { published: checked.agreements } : {}),
    });
    io.stdout(values.json ? JSON.stringify(json(), null, 2) + "\n" : rankingTable(scores));
    if (out !== undefined) {
      const date = new Date().toISOString().slice(0, 10);
      const table = withAdjustments(reportLayout(scores, scores.dataset.label, { date }), checked.assessment?.prepared, scores);
      const layout = shapes.geometry ? withMap(table, scores, shapes.geometry) : table;
      await writeOut(out, () => writeLayoutXlsx(layout, out, values.force === true));
      io.stderr(
        `已写出排名工作簿 ${path.basename(out)}（${layout.sheets.length} 个工作表） / wrote the ranking workbook ${path.basename(out)} (${layout.sheets.length} sheets)\n`,
      );
      // The sheets are named as the workbook writer names them; a label too long for a sheet name is said.
      const cut = cutTitleNote(
        layout.title,
        freshNames(
          layout.sheets.map((sh) => sh.name),
          [],
        ),
      );
      if (cut) io.stderr(`注意 note: ${terminal(cut.zh)} / ${terminal(cut.en)}\n`);
    }
    return EXIT_OK;
  },
};

/**
 * One line per cause, errors first, as the pane lists them: each issue naming its cell, district
 * and indicator, and a district's empty cells as one line with the cells they cover.
 */
export function printIssues(io: Io, issues: readonly Issue[]): void {
  for (const item of groupIssues(issues).items) {
    // One empty cell is said as itself, naming its indicator.
    const alone =
      item.kind === "fill" && item.count === 1
        ? issues.find((i) => i.code === "empty-cell" && i.cell?.address === item.first.address && i.cell.sheet === item.first.sheet)
        : undefined;
    io.stderr(item.kind === "issue" ? issueLine(item.issue) : alone ? issueLine(alone) : fillLine(item));
  }
}

/** A district's empty cells: `错误 error [empty-cell] x.csv!C2:AO2，浦东：39 个单元格为空 / …`. */
function fillLine(g: Extract<IssueItem, { kind: "fill" }>): string {
  const where = terminal(`${g.sheet ? g.sheet + "!" : ""}${cellRanges(g.cells)}`);
  const who = g.district ? terminal(g.district) : "";
  const zh = `${where}${who ? "，" + who : ""}：${g.count} 个单元格为空`;
  const en = `${where}${who ? ", " + who : ""}: ${g.count} empty cell${g.count === 1 ? "" : "s"}`;
  return `错误 error [empty-cell] ${zh} / ${en}\n`;
}

/** One issue as a terminal line: severity, code, both languages, never a terminal escape. */
export const issueLine = (i: Issue): string => `${i.severity === "error" ? "错误 error" : "警告 warning"} [${i.code}] ${terminal(i.zh)} / ${terminal(i.en)}\n`;
