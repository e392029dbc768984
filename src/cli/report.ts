import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { hasErrors, yearIn, type Geometry, type Issue, type Scores } from "../core";
import { geometryFor } from "../report";
import { buildDraft, nameFromFramework } from "../report/draft";
import { draftDocx } from "../report/docx";
import { EXIT_INPUT, EXIT_OK, usageError, type Command, type Values } from "./command";
import { labelOf } from "./compare";
import { GEOMETRY_HELP, GEOMETRY_OPTION, loadGeometry } from "./geometry";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, oneInput, RAW_HELP, RAW_OPTIONS, sourceOf, text } from "./inputs";
import { checkOutOf, FORCE_HELP, FORCE_OPTION, writeOut } from "./out";
import { draftPictures } from "./report-pictures";
import { printIssues } from "./score";

export const reportCommand: Command = {
  name: "report",
  summary: "年度报告草稿（Word 文档） / the annual report's draft (a Word document)",
  help: `用法 / Usage: sci report [INPUT.csv|INPUT.xlsx] --out REPORT.docx [--force] [--previous LAST.csv ...]
                [--label TEXT] [--rounding exact|report] [--lang zh|en] [--geometry FILE.geojson]
                [--framework FILE] [--districts FILE] [--raw RAW.csv --settings SETTINGS.csv]

由评分结果起草年度报告：评估体系与方法、总体情况（均值、区域均值、较上一年变化）、各区结果
（前三名、全部排名表、地图、各区域柱状图、逐级指标），每节留有分析人员撰写评述的标注段落。
Drafts the annual report from the scores: the framework and method, the whole (means, region
means, changes on last year), the entities (top three, every ranking table, maps, each
region's bar charts, every indicator down to the inputs), with a marked paragraph in each
section for the analysts' commentary.

  INPUT             输入表；省略则用内置 2020 数据 / input table; default: the built-in 2020 data
  --out FILE        写出的 .docx（必需）；输入有错误时不写 / the .docx to write (required); never on input errors
${FORCE_HELP}
  --previous FILE   上一年的输入表（较上一年变化、排名变化）；可重复给出更早的年份，最近的在前，
                    用于“连续 N 年排名前三”/ last year's input table (changes in value and rank);
                    repeat it for earlier years, most recent first, for runs of years in the top three
  --label TEXT      报告年份，如 2021（内置数据默认 2020；否则取文件名中的年份）/ the report's year
  --rounding report 各级逐级取整（同 sci score）/ round each level as the report does (as sci score)
  --lang zh|en      报告语言（默认 zh）/ the report's language (default zh)
${GEOMETRY_HELP}
${FRAMEWORK_HELP}
${RAW_HELP}
  -h, --help        显示帮助 / show this help

退出码 / Exit codes: 0 成功 success, 1 输入错误 input errors, 2 用法错误 usage errors.
`,
  options: {
    out: { type: "string" },
    ...FORCE_OPTION,
    previous: { type: "string", multiple: true },
    label: { type: "string" },
    rounding: { type: "string" },
    lang: { type: "string" },
    ...GEOMETRY_OPTION,
    ...FRAMEWORK_OPTION,
    ...RAW_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const input = oneInput(positionals);
    const { rounding, lang } = reportOptions(values);
    const previous = (values.previous as string[] | undefined) ?? [];
    const src = sourceOf(values, input);
    // A file's year names the report; a file without one leaves the title without a year.
    const given = input ?? src.raw;
    const label = src.label ?? (given === undefined ? undefined : (yearIn(path.basename(given)) ?? ""));
    const outText = text(values, "out");
    if (outText === undefined) throw usageError("须用 --out 指定要写出的 .docx 文件", "give the .docx to write with --out");
    const out = checkOutOf(
      [".docx"],
      outText,
      io,
      [src.input, src.raw, src.settings, src.framework, src.districts, ...previous, text(values, "geometry")],
      values.force === true,
    )!;

    const checked = await loadDataset({ ...src, label, rounding }, io);
    const issues: Issue[] = [...checked.issues];
    const earlier: Scores[] = [];
    for (const file of previous) {
      const prev = await loadDataset({ input: file, framework: src.framework, districts: src.districts, label: labelOf(file), rounding, expectAll: false }, io);
      issues.push(...prev.issues);
      if (prev.assessment?.scores) earlier.push(prev.assessment.scores);
    }
    const a = checked.assessment;
    const scores = a?.scores;
    let geometry: Geometry | undefined;
    if (scores && (text(values, "geometry") !== undefined || geometryFor(a.profile, scores.dataset.districts))) {
      const shapes = await loadGeometry(text(values, "geometry"), a.profile, scores.dataset.districts, io);
      geometry = shapes.geometry;
      issues.push(...shapes.issues);
    }
    printIssues(io, issues);
    if (!scores || !a || hasErrors(issues)) {
      const errors = issues.filter((i) => i.severity === "error").length;
      io.stderr(`输入有 ${errors} 个错误，未写出 ${path.basename(out)} / ${errors} input error${errors === 1 ? "" : "s"}: ${path.basename(out)} not written\n`);
      return EXIT_INPUT;
    }
    // Another framework or entity list is another assessment: the built-in name does not fit it.
    const own = src.framework === undefined && src.districts === undefined ? a.profile : undefined;
    const name = own ? own.name : nameFromFramework(scores);
    const draft = buildDraft({
      scores,
      previous: earlier,
      name,
      lang,
      maps: geometry !== undefined,
    });
    const pictures = await draftPictures(draft, scores, geometry);
    await writeOut(out, async () => writeFile(out, await draftDocx(draft, pictures)));
    const counts = { tables: draft.blocks.filter((b) => b.kind === "table").length, figures: pictures.size };
    io.stderr(
      `已写出报告草稿 ${path.basename(out)}（${counts.tables} 个表，${counts.figures} 个图） / wrote the report draft ${path.basename(out)} (${counts.tables} tables, ${counts.figures} figures)\n`,
    );
    return EXIT_OK;
  },
};

function reportOptions(values: Values): { rounding: "exact" | "report"; lang: "zh" | "en" } {
  const rounding = text(values, "rounding") ?? "exact";
  if (rounding !== "exact" && rounding !== "report")
    throw usageError(`--rounding 只能是 exact 或 report，而不是「${rounding}」`, `--rounding must be exact or report, not "${rounding}"`);
  const lang = text(values, "lang") ?? "zh";
  if (lang !== "zh" && lang !== "en") throw usageError(`--lang 只能是 zh 或 en，而不是「${lang}」`, `--lang must be zh or en, not "${lang}"`);
  return { rounding, lang };
}
