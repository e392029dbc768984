import * as path from "node:path";
import { audit, findings, hasErrors, sobol, SOBOL_DEFAULTS, type Audit, type Choices, type Dataset, type Issue, type Sobol, type Stat } from "../core";
import { auditLayout } from "../report";
import { CHOICE_HELP, CHOICE_OPTIONS, choicesOf } from "./choices";
import { SELECT_HELP, SELECT_OPTIONS } from "./adopt";
import { EXIT_INPUT, EXIT_OK, usageError, type Command } from "./command";
import { checkOut, FORCE_HELP, FORCE_OPTION, writeOut } from "./out";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, oneInput, RAW_HELP, RAW_OPTIONS, sourceOf, text } from "./inputs";
import { printIssues } from "./score";
import { alignColumns, titleLabel } from "./table";
import { writeLayoutXlsx } from "./write-xlsx";

export const auditCommand: Command = {
  name: "audit",
  summary: "统计审计：分布与异常值、相关性、Cronbach α、权重与重要性、去一、Sobol 敏感性 / statistical audit (JRC/COINr style)",
  help: `用法 / Usage: sci audit [INPUT.csv|INPUT.xlsx] [--framework F] [--districts F] [--json] [--out audit.xlsx [--force]]
                 [--impute M] [--treat jrc] [--missing skip] [--aggregation A] [--samples N] [--seed S]
                 [--label TEXT] [--raw RAW.csv --settings SETTINGS.csv] [--coverage C] [--sheet NAME] [--range A3:AP19]

按 JRC/OECD《综合指数编制手册》审计指数：每个指标的 n、均值、样本标准差、最小、最大、偏度 (SKEW)、
峰度 (KURT) 与 JRC 异常值标记（|偏度| ≥ 2 且峰度 ≥ 3.5）；与上级和综合指数的 Pearson 相关、与综合指数的
Spearman 相关；各上级内的相关矩阵与 Cronbach α；共线（|r| > 0.9）与显著负相关（5% 双侧检验）标记；有效权重与 r²；
去掉每个指标后的排名变动；聚合方法比较；各项选择的 Sobol 一阶与总效应指数。
Audits the index as the JRC does: distribution and outliers, correlations, Cronbach's alpha,
collinear flags and negative ones significant at 5% (two-sided), effective weight vs r², remove-one rank shifts, arithmetic vs
geometric ranks, and Sobol first- and total-order indices of the choices. Undefined figures are
null (JSON) or "—", each with a note.

  INPUT             输入表；省略则用内置 2020 数据 / input table; without it the built-in 2020 data
  --json            以 JSON 输出 / print JSON
  --out FILE        写出审计工作表 (.xlsx)，相关矩阵带色阶 / write the audit sheet, matrices colour-scaled
${FORCE_HELP}
  --samples N       Sobol 基础样本数（默认 ${SOBOL_DEFAULTS.samples}，共 N·(d+2) 次；0 不做）
                    Sobol base samples (default ${SOBOL_DEFAULTS.samples}: N·(d+2) runs; 0 skips it)
  --seed S          随机种子（默认 1）/ random seed (default 1)
  --label TEXT      报告年份/标题 / the report's year or title
${CHOICE_HELP}
${FRAMEWORK_HELP}
${RAW_HELP}
${SELECT_HELP}
  -h, --help        显示帮助 / show this help

退出码 / Exit codes: 0 成功 success, 1 输入错误 input errors, 2 用法错误 usage errors.
`,
  options: {
    json: { type: "boolean" },
    out: { type: "string" },
    ...FORCE_OPTION,
    label: { type: "string" },
    samples: { type: "string" },
    seed: { type: "string" },
    ...CHOICE_OPTIONS,
    ...FRAMEWORK_OPTION,
    ...RAW_OPTIONS,
    ...SELECT_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const input = oneInput(positionals);
    const choices = choicesOf(values);
    const samplesText = text(values, "samples");
    const samples = samplesText === undefined ? SOBOL_DEFAULTS.samples : Number(samplesText);
    if (!/^\d+$/.test(samplesText ?? "0")) throw usageError(`--samples 须为整数：${samplesText}`, `--samples must be a whole number: ${samplesText}`);
    const src = { ...sourceOf(values, input), choices };
    const out = checkOut(text(values, "out"), io, [src.input, src.raw, src.settings, src.framework, src.districts], values.force === true);

    // impute → treat → normalise → aggregate happen in the assessment, as for sci score.
    const loaded = await loadDataset(src, io);
    const issues: Issue[] = [...loaded.issues];
    const a = loaded.assessment;
    let report: { audit: Audit; sobol?: Sobol; ds: Dataset } | undefined;
    if (a?.scores && !hasErrors(issues)) {
      const s = a.scores;
      const audited = audit(s, { treatments: a.prepared?.treatments, imputed: a.prepared?.imputed, aggregation: choices.aggregation });
      issues.push(...audited.issues);
      let u: Sobol | undefined;
      if (samples > 0) {
        // The uncertainty run varies the choices itself, from the untreated (imputed) index numbers;
        // in raw mode it renormalises the raw statistics, unless cells were filled or skipped.
        const untreated = a.prepared?.untreated?.dataset ?? s.dataset;
        const raw = a.raw && a.settings && !a.prepared?.imputed.length && !choices.missing ? { dataset: a.raw, settings: a.settings } : undefined;
        const r = sobol(untreated, { samples, seed: text(values, "seed"), raw });
        if (!r.result) throw usageError(r.issues.map((i) => i.zh).join("；"), r.issues.map((i) => i.en).join("; "));
        issues.push(...r.issues);
        u = r.result;
      }
      report = { audit: audited.result, sobol: u, ds: s.dataset };
    }
    printIssues(io, issues);
    if (!report || hasErrors(issues)) {
      if (values.json) io.stdout(JSON.stringify({ result: null, issues }, null, 2) + "\n");
      const errors = issues.filter((i) => i.severity === "error").length;
      io.stderr(
        `输入有 ${errors} 个错误，未审计${out ? "，未写出 " + path.basename(out) : ""} / ${errors} input error${errors === 1 ? "" : "s"}: nothing audited${out ? ", " + path.basename(out) + " not written" : ""}\n`,
      );
      return EXIT_INPUT;
    }
    io.stdout(
      values.json
        ? JSON.stringify({ ...auditJson(report.audit, report.sobol, choices), issues }, null, 2) + "\n"
        : auditText(report.audit, report.ds, report.sobol),
    );
    if (out !== undefined) {
      const date = new Date().toISOString().slice(0, 10);
      const layout = { title: report.ds.label ?? "", date, sheets: [auditLayout(report.audit, report.ds, { choices, sobol: report.sobol, date })] };
      await writeOut(out, () => writeLayoutXlsx(layout, out, values.force === true));
      io.stderr(`已写出审计工作表 ${path.basename(out)} / wrote the audit sheet ${path.basename(out)}\n`);
    }
    return EXIT_OK;
  },
};

/** The `sci audit --json` document; the names are the issue's (snake_case inside `indicators`). */
export function auditJson(a: Audit, u: Sobol | undefined, choices: Choices) {
  return {
    choices: {
      impute: choices.impute ?? null,
      treat: choices.treat ?? null,
      missing: choices.missing ?? "error",
      aggregation: choices.aggregation ?? "arithmetic",
    },
    indicators: Object.fromEntries(
      a.indicators.map((i) => [
        i.code,
        {
          parent: i.parent,
          n: i.n,
          mean: i.mean,
          sd: i.sd,
          min: i.min,
          max: i.max,
          skew: i.skew,
          kurtosis: i.kurtosis,
          outlier: i.outlier,
          r_parent: i.rParent,
          p_parent: i.pParent,
          r_composite: i.rComposite,
          rho_composite: i.rhoComposite,
        },
      ]),
    ),
    cronbach: Object.fromEntries(a.cronbach.map((c) => [c.parent, c.alpha])),
    collinear: a.collinear,
    negative: a.negative,
    weak: a.weak,
    importance: Object.fromEntries(a.importance.map((x) => [x.indicator, { weight: x.weight, r2: x.r2, share: x.share }])),
    removeOne: Object.fromEntries(a.removeOne.map((x) => [x.indicator, { meanAbsRankShift: x.meanAbsRankShift, maxRankShift: x.maxRankShift }])),
    correlations: Object.fromEntries(a.matrices.map((m) => [m.parent, { codes: m.codes, r: m.r }])),
    aggregation: Object.fromEntries(a.aggregation.map((x) => [x.district, { arithmetic: x.arithmetic, geometric: x.geometric }])),
    treatment: a.treatments,
    imputed: a.imputed,
    sobol: u ?? null,
  };
}

const f = (x: Stat, digits = 3) => (x === null ? "—" : x.toFixed(digits));

/** The audit for a terminal: the flags first, then the indicator table, alpha and the Sobol indices. */
export function auditText(a: Audit, ds: Dataset, u?: Sobol): string {
  const fw = ds.framework;
  const label = titleLabel(ds.label);
  const lines: string[] = [`${label.zh}统计审计 / Statistical audit${label.en ? " " + label.en : ""}`, ""];
  // The same findings as the sheet and the pane: what needs attention, then the weak relations as a note.
  const list = findings(a, fw);
  const flags = list
    .filter((x) => x.attention)
    .map((x) => `  ${x.label.zh} ${x.label.en}  ${x.codes.map((c) => `${c} ${fw.indicators.get(c)!.nameZh}`).join(" · ")}：${x.detail.zh}`);
  const weak = a.weak.map(([c, r]) => `${c} r = ${f(r, 2)}`);
  lines.push("需关注 / Flags", ...(flags.length ? flags : ["  无 / none"]));
  if (weak.length) lines.push(`  与上级弱相关（与 0 无显著差别，不必处理）/ weakly related, nothing to do: ${weak.join(", ")}`);
  lines.push("");
  const imp = new Map(a.importance.map((x) => [x.indicator, x]));
  const rm = new Map(a.removeOne.map((x) => [x.indicator, x]));
  const rows = [
    ["代码", "n", "均值", "标准差", "偏度", "峰度", "异常", "r上级", "r综合", "ρ综合", "权重", "r²占比", "去一均变", "去一最大"],
    ["code", "", "mean", "sd", "skew", "kurt", "flag", "r par.", "r comp.", "ρ comp.", "weight", "share", "mean Δ", "max Δ"],
    ...a.indicators.map((i) => {
      const m = imp.get(i.code);
      const r = rm.get(i.code)!;
      return [
        i.code,
        String(i.n),
        f(i.mean, 2),
        f(i.sd, 2),
        f(i.skew),
        f(i.kurtosis),
        i.outlier ? "!" : "",
        f(i.rParent),
        f(i.rComposite),
        f(i.rhoComposite),
        m ? f(m.weight, 4) : "",
        m ? f(m.share, 4) : "",
        f(r.meanAbsRankShift, 2),
        r.maxRankShift === null ? "—" : String(r.maxRankShift),
      ];
    }),
  ];
  lines.push(
    alignColumns(
      rows,
      rows[0].map((_, c) => c > 0),
    ),
  );
  lines.push("Cronbach α: " + a.cronbach.map((c) => `${c.parent} ${f(c.alpha)}`).join(", "), "");
  if (u) {
    lines.push(`Sobol（N = ${u.samples}，${u.runs} 次 runs，seed ${u.seed}）`);
    lines.push(
      alignColumns(
        [
          ["choice", "first", "95% CI", "total", "95% CI"],
          ...u.factors.map((x) => [
            `${x.zh} ${x.en}`,
            f(x.first),
            x.firstCI ? `${f(x.firstCI[0])} to ${f(x.firstCI[1])}` : "—",
            f(x.total),
            x.totalCI ? `${f(x.totalCI[0])} to ${f(x.totalCI[1])}` : "—",
          ]),
        ],
        [false, true, true, true, true],
      ),
      "区间跨过 0：没有可测的影响；略小于 0 的估计是 0 附近的抽样误差 / an interval crossing 0: no measurable effect; an estimate just below 0 is sampling noise around 0",
    );
  }
  return lines.join("\n");
}
