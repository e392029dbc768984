// The one pipeline: an assessment's tables → framework → entity list → this year's inputs
// (index numbers, or raw statistics normalised) → [imputed → treated → normalised → aggregated,
// when chosen] → scores → last year's scores → comparison.
// The Excel model and the CLI both call assess(); each stage is a named function below, so a
// new stage (imputation, treatment) slots in between two of them.
import { compare, type Comparison } from "./compare";
import { coverageIssues } from "./coverage";
import type { Dataset } from "./dataset";
import type { Framework, FrameworkRow } from "./framework";
import { choicesFromTable } from "./choices-table";
import { frameworkFromTable } from "./framework-table";
import { cellOf, locateFrameworkIssues, place, unused } from "./source-cells";
import { prepare, type Choices, type Prepared } from "./audit/pipeline";
import { hasErrors, issue, type Issue, type Text } from "./issue";
import { normaliseTable, type NormaliseSettings } from "./normalise";
import { forFramework, listWords, profileOptions, rosterOf, withProfile, type Profile } from "./profile";
import { rosterFromTable } from "./roster-table";
import { score, type Rounding, type Scores } from "./score";
import { SOURCE_TABLES, tableLabel, type SourceKind, type Sources, type SourceTable } from "./sources";
import { validate, type InputTable } from "./validate";

export interface AssessOptions {
  /** How computed indices are rounded on the way up (default `exact`). */
  rounding?: Rounding;
  /** How the user gives another entity list, said when most names miss the profile's. */
  rosterHint?: Text;
  /** Every entity of the list must have a row (default true; a comparison lists the missing). */
  expectAll?: boolean;
  /** This year's label when no table names one (default: the profile's, for its own inputs). */
  label?: string;
  /**
   * Imputation, outlier treatment, missing values and the aggregation method, all opt-in: with
   * any of them, both years go through impute → treat → normalise → aggregate (see prepare()).
   */
  choices?: Choices;
}

export interface Assessment {
  /** `builtin`: no inputs in the sources, so the profile's own inputs are scored. */
  source: "workbook" | "builtin";
  /** Where this year's inputs come from: the profile's, an input table, or raw data normalised. */
  mode?: "builtin" | "input" | "raw";
  /** The profile scored with: the given one, with the sources' framework and entity list. */
  profile?: Profile;
  /** The framework scored with; undefined when the sources' framework has errors. */
  framework?: Framework;
  /** `workbook`: a framework table (its framework, or its errors); `builtin`: the profile's. */
  frameworkSource?: "builtin" | "workbook";
  /** This year's index inputs (in raw mode: after normalisation). */
  dataset?: Dataset;
  /** Undefined when this year's inputs or the framework have errors: no figure from a broken table. */
  scores?: Scores;
  /** Raw mode: the raw statistics and the settings that turned them into indices. */
  raw?: Dataset;
  settings?: NormaliseSettings;
  /** With choices: what was imputed and treated, and the untreated scores for comparison. */
  prepared?: Prepared;
  /** Last year's inputs scored with the same framework, when they have no errors. */
  previous?: Scores;
  /** Last year → this year, when both are scored. */
  comparison?: Comparison;
  /** The tables found: name and sheet of each. */
  tables?: Partial<Record<SourceKind, { name: string; sheet: string }>>;
  /** Tables whose errors keep the assessment from scoring (e.g. ["SCI_Framework"]). */
  errorTables?: string[];
  /** Every issue, grouped by the table it is about (`compare`: the year-over-year comparison). */
  issuesOf?: Partial<Record<SourceKind | "compare" | "workbook", Issue[]>>;
  /** All issues: framework, entity list, this year's inputs, last year's, the comparison. */
  issues: Issue[];
  /** The rounding both years were scored with. */
  rounding: Rounding;
}

const THIS_YEAR = "本年";
const LAST_YEAR = "上一年";
const ISSUE_ORDER = ["choices", "framework", "districts", "input", "raw", "settings", "workbook", "previous", "compare"] as const;

/** The default way to name another entity list, for any edge. */
export const ROSTER_HINT: Text = {
  zh: `若评估另一组地区，请给出名单：命令行用 --districts 名单.csv，工作簿用 ${SOURCE_TABLES.districts} 表（列：district, region）`,
  en: `to score another entity list, give it: --districts LIST.csv on the command line, or an ${SOURCE_TABLES.districts} table in the workbook (columns district, region)`,
};

/**
 * Profile inputs scored once per profile, rounding and label (the label names the dataset: its
 * headings and sheet names): a new workbook answers at once.
 */
const builtinCache = new WeakMap<Profile, Map<string, { dataset?: Dataset; scores?: Scores; issues: Issue[] }>>();
const builtinKey = (st: Stage) => `${st.rounding}\u0000${st.label ?? ""}`;

/**
 * Every table an assessment has → one scored model. The order of decisions:
 * 1. A framework table, if present, is checked and replaces the profile's. With errors, the
 *    model carries them and no scores: never a silent fall back to the profile's framework.
 * 2. An entity list (SCI_Districts / --districts) replaces the profile's, with its regions.
 * 3. This year's inputs: the input table; else raw data normalised by its settings (both
 *    needed); else the profile's own inputs (under the sources' framework if there is one).
 * 4. Last year's inputs are validated with the same framework; entities may be missing there.
 *    Their errors are shown but do not block this year's scores.
 * Both years are scored with the same rounding, so the comparison compares like with like.
 */
export function assess(sources: Sources, base: Profile, options: AssessOptions = {}): Assessment {
  const rounding = options.rounding ?? "exact";
  const st: Stage = { sources, profile: base, rounding, options, issuesOf: {}, errorTables: [] };
  for (const kind of Object.keys(sources) as SourceKind[])
    if (sources[kind]) (st.tables ??= {})[kind] = { name: SOURCE_TABLES[kind], sheet: sources[kind]!.sheet };
  const stages = [choicesStage, frameworkStage, rosterStage, inputStage, scoreStage, previousStage];
  for (const stage of stages) if (stage(st) === "stop") break;
  const mode: Assessment["mode"] = sources.input ? "input" : sources.raw ? "raw" : "builtin";
  return {
    source: mode === "builtin" ? "builtin" : "workbook",
    mode,
    profile: st.profile,
    framework: st.framework,
    frameworkSource: sources.framework ? "workbook" : "builtin",
    dataset: st.scores?.dataset ?? st.dataset,
    scores: st.scores,
    prepared: st.prepared,
    raw: st.raw,
    settings: st.settings,
    previous: st.previous,
    comparison: st.comparison,
    tables: st.tables ?? {},
    errorTables: st.errorTables,
    issuesOf: st.issuesOf,
    issues: ISSUE_ORDER.flatMap((k) => st.issuesOf[k] ?? []),
    rounding,
  };
}

/** What the stages pass along. */
interface Stage {
  sources: Sources;
  profile: Profile;
  rounding: Rounding;
  options: AssessOptions;
  tables?: Assessment["tables"];
  issuesOf: NonNullable<Assessment["issuesOf"]>;
  errorTables: string[];
  framework?: Framework;
  frameworkRows?: FrameworkRow[];
  label?: string;
  dataset?: Dataset;
  raw?: Dataset;
  settings?: NormaliseSettings;
  scores?: Scores;
  prepared?: Prepared;
  previous?: Scores;
  comparison?: Comparison;
}

/** Whether the choices change anything: without them the stages are exactly as before. */
const chosen = (c: Choices | undefined): c is Choices => !!c && !!(c.impute || c.treat || c.missing || c.aggregation);
/** Empty input cells are kept (as NaN) only when a choice deals with them. */
const keepsEmpty = (c: Choices | undefined) => !!c && (c.impute !== undefined || c.missing === "skip" || c.coverage !== undefined);

/** 0. The builder's choices: a choices table (SCI_Choices), under the edge's own options. */
function choicesStage(st: Stage): "stop" | void {
  const t = st.sources.choices;
  if (!t) return;
  const read = choicesFromTable(t);
  st.issuesOf.choices = read.issues;
  if (hasErrors(read.issues)) {
    st.errorTables.push(SOURCE_TABLES.choices);
    return "stop";
  }
  const given = Object.fromEntries(Object.entries(st.options.choices ?? {}).filter(([, v]) => v !== undefined));
  st.options = { ...st.options, choices: { ...read.choices, ...given } };
}

/** 1. The framework: the profile's, or the sources' framework table checked. */
function frameworkStage(st: Stage): "stop" | void {
  const t = st.sources.framework;
  if (!t) {
    st.framework = st.profile.framework;
    return;
  }
  const read = frameworkFromTable(t);
  st.issuesOf.framework = locateFrameworkIssues(read.issues, read.rows, t);
  if (!read.framework) {
    st.errorTables.push(SOURCE_TABLES.framework);
    return "stop";
  }
  st.framework = read.framework;
  st.frameworkRows = read.rows;
  st.profile = forFramework(st.profile, read.framework);
}

/** 2. The entity list: the profile's, or the sources' list with its regions. */
function rosterStage(st: Stage): "stop" | void {
  const t = st.sources.districts;
  if (!t) return;
  const read = rosterFromTable(t, st.profile.regions, st.profile.words);
  st.issuesOf.districts = read.issues;
  if (!read.districts) {
    st.errorTables.push(SOURCE_TABLES.districts);
    return "stop";
  }
  // The profile's own entities (its 16 districts from the template, regions changed) keep its words.
  const roster = rosterOf(st.profile);
  const own = st.profile.districts.length > 0 && read.districts.every((d) => roster.find(d.id));
  const words = listWords(st.profile.words, read.entity, own);
  st.profile = withProfile(st.profile, { districts: read.districts, regions: read.regions!, words });
}

function validateOptions(st: Stage, extra: { label?: string; expectAll?: boolean } = {}) {
  return {
    ...profileOptions(st.profile),
    framework: st.framework!,
    rounding: st.rounding,
    rosterHint: st.sources.districts ? undefined : (st.options.rosterHint ?? ROSTER_HINT),
    // Another entity list is another assessment: its table may simply have no coefficient.
    coefficientOptional: !!st.sources.districts,
    expectAll: st.options.expectAll,
    // A framework that states coverage rules expects gaps: they decide who is scored.
    allowEmpty: keepsEmpty(st.options.choices) || !!st.framework?.statesCoverage,
    ...extra,
  };
}

/** 3. This year's inputs: an input table, raw data normalised, or the profile's own. */
function inputStage(st: Stage): "stop" | void {
  const { input, raw, settings } = st.sources;
  const notes: Issue[] = [];
  if (input && raw)
    notes.push(
      unused(
        raw,
        `已有 ${SOURCE_TABLES.input} 表，按其计分，${SOURCE_TABLES.raw} 未使用`,
        `there is an ${SOURCE_TABLES.input} table, which is scored; ${SOURCE_TABLES.raw} is not used`,
      ),
    );
  if (settings && !raw)
    notes.push(
      unused(
        settings,
        `没有 ${SOURCE_TABLES.raw} 表，${SOURCE_TABLES.settings} 未使用`,
        `there is no ${SOURCE_TABLES.raw} table, so ${SOURCE_TABLES.settings} is not used`,
      ),
    );
  st.issuesOf.workbook = notes;

  const builtinLabel = st.options.label ?? st.profile.label ?? THIS_YEAR;
  if (input) {
    st.label = st.options.label ?? tableLabel(input, THIS_YEAR);
    const r = validate(input, validateOptions(st, { label: st.label }));
    st.issuesOf.input = r.issues;
    st.dataset = r.dataset;
    if (hasErrors(r.issues)) st.errorTables.push(SOURCE_TABLES.input);
  } else if (raw && settings) {
    st.label = st.options.label ?? tableLabel(raw, THIS_YEAR);
    const r = normaliseTable(raw, settings, validateOptions(st, { label: st.label }));
    const onSettings = (i: Issue) => i.cell?.sheet === settings.sheet && settings.sheet !== raw.sheet;
    st.issuesOf.raw = r.issues.filter((i) => !onSettings(i));
    st.issuesOf.settings = r.issues.filter(onSettings);
    st.raw = r.raw;
    st.settings = r.settings;
    st.dataset = r.dataset;
    if (!r.raw || (r.settings && !r.dataset)) st.errorTables.push(SOURCE_TABLES.raw);
    if (!r.settings) st.errorTables.push(SOURCE_TABLES.settings);
  } else if (raw) {
    const c = cellOf(raw, 0, 0);
    st.issuesOf.raw = [
      issue(
        "error",
        "raw-without-settings",
        `${c.full}：原始数据表 ${SOURCE_TABLES.raw} 需要标准化设置表 ${SOURCE_TABLES.settings}（每个三级指标的方法与基准值）；请从任务窗格插入原始数据模板`,
        `${c.full}: the raw-data table ${SOURCE_TABLES.raw} needs a normalisation settings table ${SOURCE_TABLES.settings} (method and benchmark per input indicator); insert the raw-data template from the task pane`,
        { cell: c.cell },
      ),
    ];
    st.errorTables.push(SOURCE_TABLES.raw);
  } else {
    st.label = builtinLabel;
    const r = builtinInputs(st);
    st.issuesOf.input = r.issues;
    st.dataset = r.dataset;
    if (!r.dataset) st.errorTables.push(st.sources.framework ? SOURCE_TABLES.framework : SOURCE_TABLES.input);
  }
}

/** 4. Scores, when every table this year's figures depend on is free of errors. */
function scoreStage(st: Stage): "stop" | void {
  if (!st.dataset || st.errorTables.length) return;
  const c = st.options.choices;
  if (chosen(c)) {
    // impute → treat → normalise → aggregate, from the raw statistics in raw mode.
    const table = st.raw ? "raw" : "input";
    const r = prepare(st.raw ?? st.dataset, { ...c, settings: st.raw ? st.settings : undefined });
    (st.issuesOf[table] ??= []).push(...r.issues);
    if (!r.result || hasErrors(r.issues)) {
      st.errorTables.push(SOURCE_TABLES[table]);
      return;
    }
    st.prepared = r.result;
    st.scores = r.result.scores;
    return;
  }
  const own = !st.sources.input && !st.sources.raw && !st.sources.framework && !st.sources.districts;
  const coverage = st.options.choices?.coverage;
  st.scores = own && coverage === undefined ? builtinScores(st) : score(coverage === undefined ? st.dataset : { ...st.dataset, coverage });
  const gaps = coverageIssues(st.scores);
  if (gaps.length) (st.issuesOf[st.raw ? "raw" : "input"] ??= []).push(...gaps);
}

/** 5. Last year, validated under the same framework and list; then the comparison. */
function previousStage(st: Stage): "stop" | void {
  const t = st.sources.previous;
  if (!t || !st.framework) return;
  let oldLabel = tableLabel(t, LAST_YEAR);
  let newLabel = st.label ?? THIS_YEAR;
  if (oldLabel === newLabel) [oldLabel, newLabel] = [LAST_YEAR, THIS_YEAR];
  const r = validate(t, validateOptions(st, { expectAll: false, label: oldLabel }));
  st.issuesOf.previous = r.issues;
  if (r.dataset && !hasErrors(r.issues)) {
    // Last year goes through the same choices, so the comparison compares like with like.
    const c = st.options.choices;
    if (!chosen(c)) st.previous = score(r.dataset);
    else {
      const p = prepare(r.dataset, c);
      st.issuesOf.previous.push(...p.issues);
      if (!hasErrors(p.issues)) st.previous = p.result?.scores;
    }
  }
  if (st.previous && st.scores) {
    st.comparison = compare(st.previous, st.scores, { old: oldLabel, new: newLabel });
    st.issuesOf.compare = st.comparison.issues;
  }
}

function builtinScores(st: Stage): Scores {
  const cached = cacheOf(st.profile).get(builtinKey(st));
  if (cached && cached.dataset === st.dataset) return (cached.scores ??= score(st.dataset!));
  return score(st.dataset!);
}

function cacheOf(p: Profile) {
  let m = builtinCache.get(p);
  if (!m) builtinCache.set(p, (m = new Map()));
  return m;
}

/**
 * The profile's own inputs, under the sources' framework when there is one (reweighted, or with
 * indicators dropped): an evaluator sees the effect of new weights at once. An indicator the
 * profile's data lacks needs an input table; the issue points at the framework row that added it.
 */
function builtinInputs(st: Stage): { dataset?: Dataset; issues: Issue[] } {
  const rows = st.profile.builtinInputs;
  const label = st.label!;
  if (!rows) {
    return {
      issues: [
        issue(
          "error",
          "no-districts",
          `没有输入数据：请插入 ${SOURCE_TABLES.input} 表（或给出输入文件）`,
          `no input data: add an ${SOURCE_TABLES.input} table (or give an input file)`,
        ),
      ],
    };
  }
  const t = st.sources.framework;
  if (!t) {
    const cache = cacheOf(st.profile);
    let hit = cache.get(builtinKey(st));
    if (!hit) {
      const r = validate({ rows }, validateOptions(st, { label }));
      cache.set(builtinKey(st), (hit = { dataset: r.dataset, issues: r.issues }));
    }
    return { dataset: hit.dataset, issues: hit.issues };
  }
  const r = validate({ rows }, validateOptions(st, { label }));
  const fw = st.framework!;
  const issues: Issue[] = [];
  const codeCol = Math.max(
    0,
    (t.rows[0] ?? []).findIndex((h) =>
      ["code", "代码"].includes(
        String(h ?? "")
          .trim()
          .toLowerCase(),
      ),
    ),
  );
  for (const i of r.issues) {
    if (i.severity !== "error") continue; // profile columns the framework dropped are simply unused
    if (i.code !== "missing-column") {
      issues.push({ ...i, cell: undefined }); // the profile's table is on no sheet
      continue;
    }
    const code = i.indicator;
    const ind = code ? fw.indicators.get(code) : undefined;
    const row = (st.frameworkRows ?? []).find((x) => x.code === code)?.source?.row;
    const zh = `内置 ${label} 数据没有指标 ${code ?? ""}（${ind?.nameZh ?? ""}）的输入值；请插入输入模板（${SOURCE_TABLES.input}）并填写`;
    const en = `the built-in ${label} data has no input for ${code ?? ""} (${ind?.nameEn ?? ""}); insert the input template (${SOURCE_TABLES.input}) and fill it in`;
    const placed = issue("error", "framework-needs-input", zh, en, { indicator: code });
    issues.push(row === undefined ? placed : place(placed, cellOf(t, row - t.origin.row, codeCol)));
  }
  return { dataset: issues.length ? undefined : r.dataset, issues };
}

/** An input table as a source, for edges that read files rather than sheets. */
export function asSource(t: InputTable, name = ""): SourceTable {
  return { sheet: t.sheet ?? name, origin: t.origin ?? { row: 0, col: 0 }, rows: (Array.isArray(t.rows) ? t.rows : []) as unknown[][] };
}
