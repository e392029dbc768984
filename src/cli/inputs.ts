import * as path from "node:path";
import { frameworkFromTable, normaliseTable, validate, type Dataset, type Framework, type InputTable, type Issue } from "../core";
import { framework2020, INPUTS_2020, shanghaiRoster } from "../data";
import { usageError, type Io, type Options, type Values } from "./command";
import { readInputFile } from "./read";

/** Where a command's dataset comes from; every path as the user typed it. */
export interface DatasetSource {
  /** An input table of index numbers; none: the built-in 2020 data. */
  input?: string;
  /** Raw-data mode: raw statistics and their normalisation settings. */
  raw?: string;
  settings?: string;
  /** A framework table (framework.csv's columns); none: the built-in 2020 framework. */
  framework?: string;
  label?: string;
  /** Every Shanghai district must be present (scoring); a comparison lists the missing instead. */
  expectAll?: boolean;
}

/** The options every dataset-reading command shares. */
export const FRAMEWORK_OPTION: Options = { framework: { type: "string" } };
export const RAW_OPTIONS: Options = { raw: { type: "string" }, settings: { type: "string" } };

export const FRAMEWORK_HELP = `  --framework FILE  用自定义指标体系评分（列同 framework.csv：code, level, no, parent, name_zh, name_en, weight）
                    score with a custom framework (framework.csv's columns; weights as 9/40, 0.225 or 22.5%)`;
export const RAW_HELP = `  --raw FILE        原始数据模式：原始统计值（列同输入表），须配合 --settings
                    raw-data mode: raw statistics (same columns as the input table); needs --settings
  --settings FILE   标准化设置（列：indicator, method, benchmark, cap, direction；
                    方法 ratio | inverse | minmax | zscore | index）
                    normalisation settings (method ratio | inverse | minmax | zscore | index)`;

/** A string option's value, or undefined. */
export const text = (values: Values, name: string): string | undefined => (typeof values[name] === "string" ? (values[name] as string) : undefined);

/** The framework to score with: a checked custom one, or the built-in 2020 framework. */
export async function loadFramework(file: string | undefined, io: Io): Promise<{ framework?: Framework; issues: Issue[] }> {
  if (file === undefined) return { framework: framework2020, issues: [] };
  const read = await readInputFile(path.resolve(io.cwd, file), file);
  const built = frameworkFromTable(read.table);
  return { framework: built.framework, issues: [...read.issues, ...built.issues] };
}

/**
 * Reads, checks and (in raw-data mode) normalises a dataset. Problems with the files' content
 * are issues; a missing file or a wrong combination of options is a usage error.
 */
export async function loadDataset(src: DatasetSource, io: Io): Promise<{ dataset?: Dataset; issues: Issue[] }> {
  if (src.raw !== undefined && src.input !== undefined)
    throw usageError("输入表与 --raw 只能选一个", "give either an input table or --raw, not both");
  if ((src.raw === undefined) !== (src.settings === undefined))
    throw usageError("--raw 与 --settings 须一起使用", "--raw and --settings go together");
  const fw = await loadFramework(src.framework, io);
  if (!fw.framework) return { issues: fw.issues };
  const issues = [...fw.issues];
  const read = async (file: string): Promise<InputTable> => {
    const r = await readInputFile(path.resolve(io.cwd, file), file);
    issues.push(...r.issues);
    return r.table;
  };
  const builtIn = src.input === undefined && src.raw === undefined;
  const opts = { framework: fw.framework, roster: shanghaiRoster, label: src.label ?? (builtIn ? "2020" : undefined), expectAll: src.expectAll };
  if (src.raw !== undefined) {
    const r = normaliseTable(await read(src.raw), await read(src.settings!), opts);
    return { dataset: r.dataset, issues: [...issues, ...r.issues] };
  }
  const r = validate(builtIn ? { rows: INPUTS_2020 } : await read(src.input!), opts);
  return { dataset: r.dataset, issues: [...issues, ...r.issues] };
}

/** --out must be an .xlsx file that is none of the files read. */
export function checkOut(out: string | undefined, io: Io, inputs: (string | undefined)[]): string | undefined {
  if (out === undefined) return undefined;
  const file = path.resolve(io.cwd, out);
  if (path.extname(file).toLowerCase() !== ".xlsx") throw usageError(`--out 须是 .xlsx 文件：${out}`, `--out must be an .xlsx file: ${out}`);
  for (const input of inputs)
    if (input !== undefined && path.relative(path.resolve(io.cwd, input), file) === "")
      throw usageError("--out 不能覆盖输入文件", "--out would overwrite the input file");
  return file;
}
