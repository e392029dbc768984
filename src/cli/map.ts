import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { CITY, findIndicator, hasErrors, regionId, type Scores } from "../core";
import { CLASS_METHODS, districtMap, wordsOf, type ClassMethod } from "../report";
import { EXIT_INPUT, EXIT_OK, usageError, type Command, type Io, type Values } from "./command";
import { GEOMETRY_HELP, GEOMETRY_OPTION, loadGeometry } from "./geometry";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, oneInput, RAW_HELP, RAW_OPTIONS, sourceOf, text } from "./inputs";
import { SELECT_HELP, SELECT_OPTIONS } from "./adopt";
import { CHOICE_HELP, CHOICE_OPTIONS, choicesOf } from "./choices";
import { svgToPng } from "./png";
import { checkOutOf, FORCE_HELP, FORCE_OPTION, writeExclusive, writeOut } from "./out";
import { printIssues } from "./score";

export const mapCommand: Command = {
  name: "map",
  summary: "各区指数地图（SVG 或 PNG） / a map of the districts by index (SVG or PNG)",
  help: `用法 / Usage: sci map [INPUT.csv|INPUT.xlsx] [--indicator CODE] [--out map.svg|map.png [--force]]
                [--scope city|REGION] [--classes quantile|equal|tiers] [--k 5] [--width 640]
                [--scale 2] [--lang zh|en] [--geometry FILE.geojson] [--label TEXT]
                [--rounding exact|report] [--framework FILE] [--districts FILE] [--raw RAW.csv --settings SETTINGS.csv]
                [--sheet NAME] [--range A3:AP19] [--impute M] [--treat jrc] [--missing skip] [--aggregation A] [--coverage C]

按所选指标的分级给各区着色，标注区名与数值，附图例（分级界值与区数）。
Colours every district by its class on one indicator, with names, values and a legend.

  INPUT             输入表；省略则用内置 2020 数据 / input table; default: the built-in 2020 data
  --indicator CODE  指标（代码、序号或名称；默认综合指数 SCI）/ indicator by code, number or name (default SCI)
  --out FILE        写出 .svg 或 .png；省略则把 SVG 输出到标准输出 / write .svg or .png; default: SVG on stdout
${FORCE_HELP}
  --scope S         city 全部（默认）或一个区域（名称或代码）/ city: all (default), or a region by name or id
  --classes M       quantile 分位数（默认）、equal 等距、tiers 每 10 分一档（100 为基准）
                    quantile (default), equal intervals, or tiers of 10 points about the benchmark 100
  --k N             分级数（默认 5）/ number of classes (default 5)
  --width PX        图宽（像素，默认 640）/ width in px (default 640)
  --scale N         PNG 的像素倍数（1–4，默认 2，高分屏清晰）/ PNG pixels per px (1–4, default 2: sharp on high-density screens)
  --lang zh|en      图中文字的语言（默认 zh）/ the language of the map's text (default zh)
  --label TEXT      报告年份/标题，如 2021 / the report's year or title
  --rounding report 各级逐级取整（同 sci score）/ round each level as the report does (as sci score)
${GEOMETRY_HELP}
${FRAMEWORK_HELP}
${RAW_HELP}
${SELECT_HELP}
${CHOICE_HELP}
  -h, --help        显示帮助 / show this help

退出码 / Exit codes: 0 成功 success, 1 输入错误 input errors, 2 用法错误 usage errors.
`,
  options: {
    indicator: { type: "string" },
    out: { type: "string" },
    ...FORCE_OPTION,
    scope: { type: "string" },
    classes: { type: "string" },
    k: { type: "string" },
    width: { type: "string" },
    scale: { type: "string" },
    lang: { type: "string" },
    label: { type: "string" },
    rounding: { type: "string" },
    ...GEOMETRY_OPTION,
    ...SELECT_OPTIONS,
    ...CHOICE_OPTIONS,
    ...FRAMEWORK_OPTION,
    ...RAW_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const input = oneInput(positionals);
    const options = mapOptions(values);
    const src = sourceOf(values, input);
    const out = checkMapOut(
      text(values, "out"),
      io,
      [src.input, src.raw, src.settings, src.framework, src.districts, text(values, "geometry")],
      values.force === true,
    );
    const checked = await loadDataset({ ...src, rounding: options.rounding, choices: choicesOf(values) }, io);
    const scores = checked.assessment?.scores;
    const shapes = scores ? await loadGeometry(text(values, "geometry"), checked.assessment?.profile, scores.dataset.districts, io) : { issues: [] };
    const issues = [...checked.issues, ...shapes.issues];
    printIssues(io, issues);
    if (!scores || !shapes.geometry || hasErrors(issues)) {
      const errors = issues.filter((i) => i.severity === "error").length;
      io.stderr(`有 ${errors} 个错误，未绘制地图 / ${errors} error${errors === 1 ? "" : "s"}: no map drawn\n`);
      return EXIT_INPUT;
    }
    const code = indicatorCode(scores, text(values, "indicator"));
    const scope = scopeId(scores, text(values, "scope"));
    const svg = districtMap(scores, code, scope, shapes.geometry, options);
    if (out === undefined) {
      io.stdout(svg);
      return EXIT_OK;
    }
    const bytes = path.extname(out).toLowerCase() === ".png" ? (await svgToPng(svg, { zoom: options.scale })).png : Buffer.from(svg, "utf8");
    await writeOut(out, () => writeExclusive(out, values.force === true, (tmp) => writeFile(tmp, bytes)));
    io.stderr(`已写出地图 ${path.basename(out)} / wrote the map ${path.basename(out)}\n`);
    return EXIT_OK;
  },
};

function mapOptions(values: Values) {
  const classes = text(values, "classes") ?? "quantile";
  if (!CLASS_METHODS.includes(classes as ClassMethod))
    throw usageError(
      `--classes 只能是 ${CLASS_METHODS.join("、")}，而不是「${classes}」`,
      `--classes must be one of ${CLASS_METHODS.join(", ")}, not "${classes}"`,
    );
  const whole = (name: string, fallback: number, min: number, max: number) => {
    const t = text(values, name);
    if (t === undefined) return fallback;
    const n = Number(t);
    if (!Number.isInteger(n) || n < min || n > max)
      throw usageError(`--${name} 须是 ${min}–${max} 的整数，而不是「${t}」`, `--${name} must be a whole number from ${min} to ${max}, not "${t}"`);
    return n;
  };
  const lang = text(values, "lang") ?? "zh";
  if (lang !== "zh" && lang !== "en") throw usageError(`--lang 只能是 zh 或 en，而不是「${lang}」`, `--lang must be zh or en, not "${lang}"`);
  const rounding = text(values, "rounding") ?? "exact";
  if (rounding !== "exact" && rounding !== "report")
    throw usageError(`--rounding 只能是 exact 或 report，而不是「${rounding}」`, `--rounding must be exact or report, not "${rounding}"`);
  return {
    classes: classes as ClassMethod,
    k: whole("k", 5, 2, 9),
    width: whole("width", 640, 240, 4000),
    scale: whole("scale", 2, 1, 4),
    lang: lang as "zh" | "en",
    rounding: rounding as "exact" | "report",
  };
}

/** The indicator by code, number or name; default the composite. */
function indicatorCode(s: Scores, query: string | undefined): string {
  const fw = s.dataset.framework;
  const found = findIndicator(fw, query ?? fw.root);
  if (found.ok) return found.value;
  const choices = found.choices.length ? found.choices : fw.order.slice(0, 6);
  throw usageError(
    `--indicator：未知或有歧义的指标「${query}」；可用：${choices.join("；")}`,
    `--indicator: unknown or ambiguous indicator "${query}"; try: ${choices.join("; ")}`,
  );
}

/** `city` (or the profile's word for the whole, 全市), or a region of the dataset by id or name. */
function scopeId(s: Scores, query: string | undefined): string {
  const whole = wordsOf(s.dataset).whole;
  if (query === undefined || [CITY.id, CITY.zh, CITY.en, whole.zh, whole.en].map((x) => x.toLowerCase()).includes(query.trim().toLowerCase())) return CITY.id;
  const id = regionId(query, s.dataset.regions);
  if (id && s.dataset.regions.some((r) => r.id === id)) return id;
  const names = [whole.zh, ...s.dataset.regions.map((r) => r.zh)];
  throw usageError(
    `--scope：未知区域「${query}」；可用：${names.join("、")}`,
    `--scope: unknown region "${query}"; use one of: city, ${s.dataset.regions.map((r) => r.en).join(", ")}`,
  );
}

/** --out must be .svg or .png, none of the files read, and (unless --force) no existing file. */
const checkMapOut = (out: string | undefined, io: Io, inputs: (string | undefined)[], force = false) => checkOutOf([".svg", ".png"], out, io, inputs, force);
