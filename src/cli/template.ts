import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { frameworkTable, regionOf, rosterTemplate, toCsv, type GridCell, type Profile } from "../core";
import { defaultFrameworkRows, defaultProfile } from "../data";
import { EXIT_OK, usageError, type Command } from "./command";
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

写出一个 CSV 模板（UTF-8，带 BOM，Excel 可直接打开），列与 sci score 读取的一致。
Writes a CSV template (UTF-8 with a BOM, opens in Excel) with the columns sci score reads.

  input       输入表：行政区、区域、38 项三级指标、网络安全状况系数，每区一行，数值留空
              input table: district, region, the 38 input indicators, coefficient; one row per district
  raw         原始数据表（--raw）：列同输入表，填原始统计值 / raw statistics for --raw: the input table's columns
  framework   指标体系（--framework）：2020 年指标体系，可增删改 / the 2020 framework, to edit for --framework
  districts   地区名单（--districts）：district, region, full_name, name_en, code
              entity list for --districts
  FILE        写到哪里（默认 sci-KIND.csv）/ where to write it (default sci-KIND.csv)
  --force     FILE 已存在时覆盖 / overwrite FILE if it exists
  -h, --help  显示帮助 / show this help
`,
  options: { force: { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [kind, file, ...extra] = positionals;
    if (!KINDS.includes(kind as Kind))
      throw usageError(
        `须给出模板种类：${KINDS.join("、")}${kind ? `（而不是「${kind}」）` : ""}`,
        `give the kind of template: ${KINDS.join(", ")}${kind ? ` (not "${kind}")` : ""}`,
      );
    if (extra.length) throw usageError(`参数过多：${extra.join(" ")}`, `too many arguments: ${extra.join(" ")}`);
    const out = checkCsvOut(file ?? `sci-${kind}.csv`, io, values.force === true);
    const csv = "\uFEFF" + toCsv(templateRows(kind as Kind)).replace(/\n/g, "\r\n");
    await writeOut(out, () => writeExclusive(out, values.force === true, (tmp) => writeFile(tmp, csv)));
    io.stderr(`已写出模板 ${path.basename(out)} / wrote the template ${path.basename(out)}\n`);
    return EXIT_OK;
  },
};
