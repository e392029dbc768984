import * as path from "node:path";
import { hasErrors, regionOf, round2, sensitivity, SENSITIVITY_DEFAULTS, type Dataset, type Issue, type Sensitivity } from "../core";
import { wordsOf } from "../report";
import { sensitivityLayout } from "../report";
import { EXIT_INPUT, EXIT_OK, usageError, type Command } from "./command";
import { CHOICE_OPTIONS, COVERAGE_HELP, choicesOf } from "./choices";
import { SELECT_HELP, SELECT_OPTIONS } from "./adopt";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, oneInput, RAW_HELP, RAW_OPTIONS, sourceOf, text } from "./inputs";
import { printIssues } from "./score";
import { checkOut, FORCE_HELP, FORCE_OPTION, writeOut } from "./out";
import { alignColumns, titleLabel } from "./table";
import { writeLayoutXlsx } from "./write-xlsx";

export const sensitivityCommand: Command = {
  name: "sensitivity",
  summary: "排名稳健性：权重随机扰动下的排名区间 / robustness of ranks when the weights are perturbed",
  help: `用法 / Usage: sci sensitivity [INPUT.csv|INPUT.xlsx] [--replications N] [--perturbation 0.1] [--seed S]
                       [--indicator CODE] [--json] [--out FILE.xlsx [--force]] [--label TEXT]
                       [--framework FILE] [--districts FILE] [--raw RAW.csv --settings SETTINGS.csv]
                       [--impute M] [--treat jrc] [--coverage C] [--sheet NAME] [--range A3:AP19]

蒙特卡洛敏感性分析：每次将各级每个权重乘以 [1−p, 1+p] 内的均匀随机因子、同级重新归一后重新评分排名。
给出每个区的基准排名、中位排名、5%–95% 分位区间，以及保持原排名的比例。同一种子结果可复现。
Monte Carlo sensitivity: in each replication every weight at every level is multiplied by a
uniform factor in [1−p, 1+p], siblings are renormalised, and the districts are rescored and
ranked. Prints each district's baseline rank, median rank, 5th–95th percentile interval and
how often it keeps its place. The same seed repeats the same run.

  INPUT               输入表；省略则用内置 2020 数据 / input table; without it the built-in 2020 data
  --replications N    重复次数（默认 ${SENSITIVITY_DEFAULTS.replications}）/ replications (default ${SENSITIVITY_DEFAULTS.replications})
  --perturbation P    扰动幅度，0.1 或 10% 即 ±10%（默认 ${SENSITIVITY_DEFAULTS.perturbation}）/ spread: 0.1 or 10% means ±10% (default ${SENSITIVITY_DEFAULTS.perturbation})
  --seed S            随机种子（默认 ${SENSITIVITY_DEFAULTS.seed}）/ random seed (default ${SENSITIVITY_DEFAULTS.seed})
  --indicator CODE    检验哪个指标的排名（默认综合指数 SCI）/ whose ranks to test (default SCI)
  --json              以 JSON 输出 / print JSON
  --out FILE          写出稳健性工作表 (.xlsx) / write the sensitivity sheet (.xlsx)
${FORCE_HELP}
  --label TEXT        报告年份/标题 / the report's year or title
${FRAMEWORK_HELP}
${RAW_HELP}
${SELECT_HELP}
${COVERAGE_HELP}
  --impute M        先插补空值（region-mean | region-median | city-mean | city-median）/ impute empty cells first
  --treat jrc       先按 JRC 规则处理异常值 / treat outliers by the JRC rule first
                    （聚合方法等其他选择的不确定性见 sci audit 的 Sobol 分析 / for the other choices see sci audit's Sobol run）
  -h, --help          显示帮助 / show this help

退出码 / Exit codes: 0 成功 success, 1 输入错误 input errors, 2 用法错误 usage errors.
`,
  options: {
    replications: { type: "string" },
    perturbation: { type: "string" },
    seed: { type: "string" },
    indicator: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
    ...FORCE_OPTION,
    label: { type: "string" },
    ...FRAMEWORK_OPTION,
    ...RAW_OPTIONS,
    impute: CHOICE_OPTIONS.impute,
    treat: CHOICE_OPTIONS.treat,
    coverage: CHOICE_OPTIONS.coverage,
    ...SELECT_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const input = oneInput(positionals);
    const replications = wholeNumber(text(values, "replications"), "--replications");
    const perturbation = fraction(text(values, "perturbation"));
    const src = { ...sourceOf(values, input), choices: choicesOf(values) };
    const out = checkOut(text(values, "out"), io, [src.input, src.raw, src.settings, src.framework, src.districts], values.force === true);

    const loaded = await loadDataset(src, io);
    const issues: Issue[] = [...loaded.issues];
    let result: Sensitivity | undefined;
    // The weights are perturbed over the imputed and treated index numbers (the assessment's).
    if (loaded.dataset && !hasErrors(issues)) {
      const r = sensitivity(loaded.dataset, { replications, perturbation, seed: text(values, "seed"), indicator: text(values, "indicator") });
      // Bad options are the user's typing, not the data's: usage errors.
      if (!r.result) throw usageError(r.issues.map((i) => i.zh).join("；"), r.issues.map((i) => i.en).join("; "));
      result = r.result;
    }
    printIssues(io, issues);
    if (!result || hasErrors(issues)) {
      if (values.json) io.stdout(JSON.stringify({ result: null, issues }, null, 2) + "\n");
      const errors = issues.filter((i) => i.severity === "error").length;
      io.stderr(
        `输入有 ${errors} 个错误，未分析${out ? "，未写出 " + path.basename(out) : ""} / ${errors} input error${errors === 1 ? "" : "s"}: nothing analysed${out ? ", " + path.basename(out) + " not written" : ""}\n`,
      );
      return EXIT_INPUT;
    }
    const ds = loaded.dataset!;
    io.stdout(values.json ? JSON.stringify({ ...result, issues }, null, 2) + "\n" : sensitivityTable(result, ds));
    if (out !== undefined) {
      const date = new Date().toISOString().slice(0, 10);
      const layout = { title: ds.label ?? "", date, sheets: [sensitivityLayout(result, ds, ds.label ?? "", { date })] };
      await writeOut(out, () => writeLayoutXlsx(layout, out, values.force === true));
      io.stderr(`已写出稳健性工作表 ${path.basename(out)} / wrote the sensitivity sheet ${path.basename(out)}\n`);
    }
    return EXIT_OK;
  },
};

function wholeNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[,_]/g, ""));
  if (!/^\s*[\d,_]+\s*$/.test(value) || !Number.isSafeInteger(n))
    throw usageError(`${option} 须为正整数：${value}`, `${option} must be a whole number: ${value}`);
  return n;
}

/** 0.1, or 10%: both mean ±10%. Range checks are the core's. */
function fraction(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const pct = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  const n = pct ? Number(pct[1]) / 100 : /^\s*\d*\.?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n))
    throw usageError(`--perturbation 须为小数或百分数（如 0.1 或 10%）：${value}`, `--perturbation must be a fraction or a percentage (0.1 or 10%): ${value}`);
  return n;
}

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
const span = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

/** Districts by baseline rank: rank, median, P5–P95 and share kept, over the city and the region. */
export function sensitivityTable(r: Sensitivity, ds: Dataset): string {
  const fw = ds.framework;
  const ind = fw.indicators.get(r.indicator)!;
  const pct = +(r.perturbation * 100).toFixed(6);
  const order = r.districts.map((_, i) => i).sort((a, b) => r.districts[a].ranks.city.baseline - r.districts[b].ranks.city.baseline || a - b);
  const rows = order.map((i) => {
    const d = r.districts[i];
    const { city, region } = d.ranks;
    const en = ds.districts[i].en;
    return [
      String(city.baseline),
      [d.district, en].filter(Boolean).join(" "),
      round2(d.value).toFixed(2),
      String(city.median),
      span(city.p5, city.p95),
      percent(city.keep),
      regionOf(d.region, ds.regions).zh,
      String(region.baseline),
      String(region.median),
      span(region.p5, region.p95),
      percent(region.keep),
    ];
  });
  const head = [
    [wordsOf(ds).rank.zh, wordsOf(ds).entity.zh, r.indicator, "中位排名", "90%区间", "保持原排名", "区域", "区内排名", "区内中位", "区内区间", "区内保持"],
    [wordsOf(ds).rank.en, wordsOf(ds).entity.en, "", "Median", "P5–P95", "Kept", "Region", "In region", "Median", "P5–P95", "Kept"],
  ];
  const label = titleLabel(ds.label);
  const title = `${label.zh}${ind.nameZh}排名稳健性 / Robustness of the ${ind.nameEn} ranking${label.en ? " " + label.en : ""}`;
  const how = `权重扰动 ±${pct}%（同级重新归一），重复 ${r.replications} 次，随机种子 ${r.seed} / weights perturbed by up to ±${pct}% (siblings renormalised), ${r.replications} replications, seed ${r.seed}`;
  const right = [true, false, true, true, true, true, false, true, true, true, true];
  return `${title}\n${how}\n\n${alignColumns([...head, ...rows], right)}`;
}
