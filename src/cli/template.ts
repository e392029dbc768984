import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { frameworkSkeleton, frameworkTable, regionOf, rosterTemplate, toCsv, type GridCell, type Profile } from "../core";
import { defaultFrameworkRows, defaultProfile } from "../data";
import { EXIT_OK, inputError, usageError, type Command } from "./command";
import { readInputFile } from "./read";
import { checkCsvOut, writeExclusive, writeOut } from "./out";

const KINDS = ["input", "raw", "framework", "districts"] as const;
type Kind = (typeof KINDS)[number];

/** The columns and rows of each template, from the built-in profile. */
export function templateRows(kind: Kind, profile: Profile = defaultProfile): GridCell[][] {
  if (kind === "framework") return frameworkTable(defaultFrameworkRows);
  if (kind === "districts") return rosterTemplate(profile);
  // input and raw: one row per entity, one column per input indicator, values left empty.
  const header = ["district", "region", ...profile.framework.leaves, ...(profile.coefficient ? [profile.coefficient.headers[0]] : [])];
  return [header, ...profile.districts.map((d) => [d.id, regionOf(d.region, profile.regions).zh, ...header.slice(2).map(() => "")])];
}

export const templateCommand: Command = {
  name: "template",
  summary: "写出空白模板：输入表、原始数据、指标体系、地区名单 / write a blank template: input, raw data, framework, entity list",
  help: `用法 / Usage: sci template input|raw|framework|districts [FILE.csv] [--force]
       sci template framework DATA.csv|DATA.xlsx [FILE.csv] [--sheet NAME] [--force]

写出一个 CSV 模板（UTF-8，带 BOM，Excel 可直接打开），列与 sci score 读取的一致。
Writes a CSV template (UTF-8 with a BOM, opens in Excel) with the columns sci score reads.

  input       输入表：行政区、区域、38 项三级指标、网络安全状况系数，每区一行，数值留空
              input table: district, region, the 38 input indicators, coefficient; one row per district
  raw         原始数据表（--raw）：列同输入表，填原始统计值 / raw statistics for --raw: the input table's columns
  framework   指标体系（--framework）：2020 年指标体系，可增删改 / the 2020 framework, to edit for --framework
              给出已有的数据文件 DATA 时，按其表头生成骨架：每个数值列一项指标，等权
              given an existing data file DATA: a skeleton from its headers, every numeric
              column an indicator, equal weights (a new assessment starts from its own data)
  districts   地区名单（--districts）：district, region, full_name, name_en, code
              entity list for --districts
  FILE        写到哪里（默认 sci-KIND.csv）/ where to write it (default sci-KIND.csv)
  --sheet NAME  DATA 为 .xlsx 时读取的工作表 / the sheet of an .xlsx DATA file to read
  --force     FILE 已存在时覆盖 / overwrite FILE if it exists
  -h, --help  显示帮助 / show this help
`,
  options: { force: { type: "boolean" }, sheet: { type: "string" } },
  async run({ values, positionals }, io) {
    const [kind, first, ...rest] = positionals;
    // `framework DATA [OUT]`: an existing data file is read, not overwritten.
    const data =
      kind === "framework" && first !== undefined && /\.(csv|xlsx)$/i.test(first) && existsSync(path.resolve(io.cwd, first)) && rest.length <= 1
        ? first
        : undefined;
    const [file, ...extra] = data !== undefined ? rest : [first, ...rest].filter((x) => x !== undefined);
    if (!KINDS.includes(kind as Kind))
      throw usageError(
        `须给出模板种类：${KINDS.join("、")}${kind ? `（而不是「${kind}」）` : ""}`,
        `give the kind of template: ${KINDS.join(", ")}${kind ? ` (not "${kind}")` : ""}`,
      );
    if (extra.length) throw usageError(`参数过多：${extra.join(" ")}`, `too many arguments: ${extra.join(" ")}`);
    const out = checkCsvOut(file ?? `sci-${kind}.csv`, io, values.force === true);
    const write = (text: string) =>
      writeOut(out, () => writeExclusive(out, values.force === true, (tmp) => writeFile(tmp, "\uFEFF" + text.replace(/\n/g, "\r\n"))));
    if (data !== undefined) {
      const sheet = typeof values.sheet === "string" ? values.sheet : undefined;
      const read = await readInputFile(path.resolve(io.cwd, data), data, { sheet, whole: true });
      const skeleton = frameworkSkeleton(read.table.rows);
      if (skeleton.leaves === 0)
        throw inputError(`${path.basename(data)} 中没有数值列，无法生成指标体系`, `${path.basename(data)} has no numeric column to make indicators of`);
      await write(toCsv(skeleton.rows));
      io.stderr(
        `已按 ${path.basename(data)} 的表头写出指标体系骨架 ${path.basename(out)}（${skeleton.leaves} 项指标，等权）/ wrote a framework skeleton ${path.basename(out)} from the headers of ${path.basename(data)} (${skeleton.leaves} indicators, equal weights)\n`,
      );
      return EXIT_OK;
    }
    await write(toCsv(templateRows(kind as Kind)));
    io.stderr(`已写出模板 ${path.basename(out)} / wrote the template ${path.basename(out)}\n`);
    return EXIT_OK;
  },
};
