import * as path from "node:path";
import {
  adoptInput,
  assess,
  publishedAgreement,
  type Agreement,
  asSource,
  hasErrors,
  locateAssessment,
  type Assessment,
  type Choices,
  type Dataset,
  type Issue,
  type Profile,
  type Reading,
  type Rounding,
  type Sources,
} from "../core";
import { defaultProfile } from "../data";
import { usageError, type Io, type Options, type Values } from "./command";
import { selectionOf } from "./adopt";
import { readInputFile, type Selection } from "./read";

/** Where a command's dataset comes from; every path as the user typed it. */
export interface DatasetSource {
  /** An input table of index numbers; none: the profile's own data. */
  input?: string;
  /** Raw-data mode: raw statistics and their normalisation settings. */
  raw?: string;
  settings?: string;
  /** A framework table (framework.csv's columns); none: the profile's framework. */
  framework?: string;
  /** An entity list (district, region, full_name, name_en, code); none: the profile's. */
  districts?: string;
  label?: string;
  /** Every listed entity must be present (scoring); a comparison lists the missing instead. */
  expectAll?: boolean;
  rounding?: Rounding;
  /** Imputation, treatment, missing values, aggregation: the pipeline's opt-in stages. */
  choices?: Choices;
  /** `--sheet` / `--range`: the input is the evaluator's own layout, read as the add-in adopts one. */
  select?: Selection;
}

/** The options every dataset-reading command shares. */
export const FRAMEWORK_OPTION: Options = { framework: { type: "string" }, districts: { type: "string" } };
export const RAW_OPTIONS: Options = { raw: { type: "string" }, settings: { type: "string" } };

export const FRAMEWORK_HELP = `  --framework FILE  用自定义指标体系评分（列同 framework.csv：code, level, no, parent, name_zh, name_en, weight；
                    可选 aggregation 每个上级指标的汇总方法、coverage 覆盖规则、根指标行的 decimals 小数位数）
                    score with a custom framework (framework.csv's columns; weights as 9/40, 0.225 or 22.5%;
                    optionally each parent's aggregation and coverage, and the root row's decimals)
  --districts FILE  评估另一组地区：名单（列：district 或 行政区/名称；可选 region 或 区域, full_name 全称,
                    name_en 英文名, code 代码），替换内置名单；区域即表中所写；数据中不在名单里的行不评分
                    score another entity list: district (and optionally region, full_name, name_en,
                    code); regions are the names written there; data rows not in the list are left out`;
export const RAW_HELP = `  --raw FILE        原始数据模式：原始统计值（本表格式、出版方的表格如 UNDP 表 1，或长表如 OECD.Stat 导出），
                    须配合 --settings
                    raw-data mode: raw statistics (this layout, a publisher's table such as UNDP's Table 1,
                    or a long export such as OECD.Stat's); needs --settings
  --settings FILE   标准化设置（列：indicator, method, benchmark, cap, direction, lower, upper, transform,
                    target, reference, scale；方法 ratio | inverse | minmax | zscore | index | goalpost | target |
                    reference | rank | percentile；变换 log | log10 | logct）
                    normalisation settings (method ratio | inverse | minmax | zscore | index | goalpost |
                    target | reference | rank | percentile; transform log | log10 | logct; scale 1 or 100)`;

/** A string option's value, or undefined. */
export const text = (values: Values, name: string): string | undefined => (typeof values[name] === "string" ? (values[name] as string) : undefined);

/** A command over one dataset takes at most one INPUT; more is a usage error. */
export function oneInput(positionals: readonly string[]): string | undefined {
  if (positionals.length > 1) throw usageError(`参数过多：${positionals.slice(1).join(" ")}`, `too many arguments: ${positionals.slice(1).join(" ")}`);
  return positionals[0];
}

/** The files and label every dataset-reading command takes, as the user typed them. */
export const sourceOf = (values: Values, input: string | undefined): DatasetSource => ({
  input,
  // --sheet / --range, for the input table or the raw data: every command reads alike.
  select: selectionOf(values),
  raw: text(values, "raw"),
  settings: text(values, "settings"),
  framework: text(values, "framework"),
  districts: text(values, "districts"),
  label: text(values, "label"),
});

/** On the command line, another entity list is a file. */
const ROSTER_HINT = {
  zh: "若评估另一组地区，请用 --districts 名单.csv 给出名单（列：district, region）",
  en: "to score another entity list, give it with --districts LIST.csv (columns district, region)",
};

/**
 * Reads, checks and (in raw-data mode) normalises a dataset, through the core's one pipeline.
 * Problems with the files' content are issues; a missing file or a wrong combination of
 * options is a usage error.
 */
export async function loadDataset(
  src: DatasetSource,
  io: Io,
  profile: Profile = defaultProfile,
): Promise<{ dataset?: Dataset; assessment?: Assessment; reading?: Reading; agreements?: Agreement[]; issues: Issue[] }> {
  if (src.raw !== undefined && src.input !== undefined) throw usageError("输入表与 --raw 只能选一个", "give either an input table or --raw, not both");
  if ((src.raw === undefined) !== (src.settings === undefined)) throw usageError("--raw 与 --settings 须一起使用", "--raw and --settings go together");
  const issues: Issue[] = [];
  const sources: Sources = {};
  const files: [keyof Sources, string | undefined][] = [
    ["framework", src.framework],
    ["districts", src.districts],
    ["input", src.input],
    ["raw", src.raw],
    ["settings", src.settings],
  ];
  // The files are read together (one's disk read overlaps another's parsing); their issues,
  // and the first of their errors, come in the order above whichever finishes first.
  const given = files.filter((f): f is [keyof Sources, string] => f[1] !== undefined);
  const reads = await Promise.allSettled(
    given.map(([kind, file]) =>
      // The table to score (input or raw) is read whole and laid out by the core's reading rules.
      readInputFile(path.resolve(io.cwd, file), file, kind === "input" ? src.select : kind === "raw" ? { ...src.select, whole: true } : undefined),
    ),
  );
  reads.forEach((r, i) => {
    if (r.status === "rejected") throw r.reason;
    const [kind, file] = given[i];
    issues.push(...r.value.issues);
    sources[kind] = asSource(r.value.table, path.basename(file));
  });
  // A file that could not be read as a table (a row longer than its header) is not assessed:
  // its error is the one message, not the first of many that follow from it.
  if (hasErrors(issues)) return { issues };
  const options = { rounding: src.rounding, label: src.label, expectAll: src.expectAll, rosterHint: ROSTER_HINT, choices: src.choices };
  let a: Assessment;
  let reading: Reading | undefined;
  if (src.select && sources.input) {
    // The evaluator's own layout: read with the adopt rules, validated as any input table.
    const adoption = adoptInput(sources, sources.input, profile);
    reading = adoption.reading;
    a = locateAssessment(assess(adoption.sources, profile, options), adoption);
  } else if (sources.raw) {
    // Raw statistics come as publishers lay them out (titles, headers over several rows, long
    // exports, aggregates): always read by the adopt rules.
    const adoption = adoptInput(sources, sources.raw, profile, {}, "raw");
    reading = adoption.reading;
    a = locateAssessment(assess(adoption.sources, profile, options), adoption, "raw");
  } else {
    a = assess(sources, profile, options);
    // A plain table SCI's own layout cannot read (transposed: indicators as rows) is read as the
    // add-in reads any table, whole, by the adopt rules; taken when that reads it cleanly.
    const unread = (x: Assessment) => x.issues.some((i) => i.code === "missing-district-column" || i.code === "no-known-indicator");
    const input = given.find(([kind]) => kind === "input");
    if (input && sources.input && unread(a)) {
      const whole = await readInputFile(path.resolve(io.cwd, input[1]), input[1], { whole: true });
      const own = asSource(whole.table, path.basename(input[1]));
      const adoption = adoptInput(sources, own, profile);
      if (adoption.reading.orientation === "columns") {
        const b = locateAssessment(assess(adoption.sources, profile, options), adoption);
        if (!b.issues.some((i) => i.severity === "error")) [a, reading] = [b, adoption.reading];
      }
    }
  }
  // The publisher's own figures for what SCI computes (a table's HDI column), checked against SCI's.
  const published = reading && a.scores ? publishedAgreement(reading, a.scores) : undefined;
  return {
    dataset: a.errorTables?.length ? undefined : a.dataset,
    assessment: a,
    reading,
    agreements: published?.agreements,
    issues: [...issues, ...a.issues, ...(published?.issues ?? [])],
  };
}
