// How SCI reads an evaluator's own table: where its header is, which way it runs, what each
// column (or row) holds and which entity each line is. Nothing is decided silently: every
// guess is in the Reading, and the evaluator's choices (a mapping, a corrected name) override it.
import { cellAddress } from "../address";
import { parseCell } from "../cell";
import type { Region } from "../district";
import { Roster } from "../district";
import type { Framework } from "../framework";
import { issue, type Issue, type Text } from "../issue";
import { describeIndicator } from "../lookup";
import type { CoefficientSpec, Profile, ProfileWords } from "../profile";
import { rosterOf } from "../profile";
import { ENTITY_WORDS, REGION_WORDS, matchHeader, type HeaderMatch, type HeaderWords, type Role } from "./fields";
import { minNamed, findHeader, lineWeight, linesOf, type Orientation } from "./orient";
import { fromLong } from "./long";
import { isPublisherAggregate } from "./aggregates";
import { clean, fold } from "./text";

/**
 * The evaluator's corrections, keyed by what the cells say (so they survive rows and columns
 * being inserted): a header → an indicator code or `entity` / `region` / `coefficient` /
 * `ignore`; an entity's name → the roster's id for it.
 */
export interface ReadingChoices {
  fields?: Readonly<Record<string, string>>;
  entities?: Readonly<Record<string, string>>;
}

export interface ReadingOptions {
  framework: Framework;
  /** The known entities; without one any name is read as written. */
  roster?: Roster;
  coefficient?: CoefficientSpec;
  words?: ProfileWords;
  regions?: readonly Region[];
  /** Where the grid sits, for addresses: sheet name and the position of its first cell. */
  sheet?: string;
  origin?: { row: number; col: number };
  choices?: ReadingChoices;
  /** The entity list is the user's own: rows it does not name are left out with one note. */
  listed?: boolean;
  /** false: never read as a long export (the pivoted table itself). */
  long?: boolean;
}

/** The options a profile brings: its framework, entities, coefficient, words and regions. */
export const readingOptions = (p: Profile, extra: Partial<ReadingOptions> = {}): ReadingOptions => ({
  framework: p.framework,
  roster: p.districts.length ? rosterOf(p) : undefined,
  coefficient: p.coefficient,
  words: p.words,
  regions: p.regions,
  ...extra,
});

/** One column of the table (one row, if transposed), by its header. */
export interface Field {
  /** Position along the header line, zero-based. */
  index: number;
  header: string;
  /** The header cell, e.g. `C3` (sheet-relative). */
  address: string;
  match: HeaderMatch;
  /** What SCI reads it as, after the evaluator's choices. */
  role: Role;
  /** `choice`: the evaluator said; `guess`: an ambiguous header read one way until they do. */
  decided?: "choice" | "guess";
}

export type LineKind = "title" | "header" | "blank" | "note" | "aggregate";

/** One entity line: its name as written and the roster entry it is read as. */
export interface Entity {
  line: number;
  name: string;
  address: string;
  /** `matched` by an alias; `corrected` by the evaluator; `unknown` otherwise. */
  status: "matched" | "corrected" | "unknown";
  id?: string;
  /** The closest roster entry, offered as a one-click correction. */
  suggestion?: string;
}

export interface Reading {
  sheet?: string;
  origin: { row: number; col: number };
  orientation: Orientation;
  /** The header's line (row, or column if transposed), zero-based in the grid; -1: none found. */
  header: number;
  fields: Field[];
  /** The field holding entity names; -1: none. */
  entityField: number;
  entities: Entity[];
  /** Lines that are not entities: titles above the header, blanks, notes, averages. */
  skipped: { line: number; kind: LineKind }[];
  /** Input indicators no field is read as. */
  missing: string[];
  /** Problems of the reading itself; the validation of the values comes after. */
  issues: Issue[];
  /** The grid as lines (rows, or columns when transposed). */
  lines: readonly (readonly unknown[])[];
  framework: Framework;
  coefficientHeader: string;
  choices: ReadingChoices;
  /** What was read, and how: reading again with more choices needs both. */
  grid: readonly (readonly unknown[])[];
  options: ReadingOptions;
  /** Read from a long export (entity × indicator rows) pivoted to one row per entity. */
  long?: boolean;
  /** The year a header's row of years names, when it names one. */
  year?: string;
  /** Columns (rows, if transposed) whose header names an indicator SCI computes: the publisher's own figures. */
  published?: { code: string; index: number }[];
}

const AGGREGATE_WORDS = ["平均", "平均值", "均值", "合计", "总计", "average", "mean", "total"];

/** Reads a 2-D grid of cells (any range) as an input table. Never throws. */
export function readGrid(grid: readonly (readonly unknown[])[], options: ReadingOptions): Reading {
  const fw = options.framework;
  const origin = options.origin ?? { row: 0, col: 0 };
  const choices = options.choices ?? {};
  const words: HeaderWords = headerWords(options);
  const rows = Array.isArray(grid) ? grid.map((r) => (Array.isArray(r) ? r : [])) : [];
  if (options.long !== false) {
    // A long export is pivoted first, then read as the wide table it holds.
    const long = fromLong(rows, fw, words.entity, { sheet: options.sheet, origin });
    if (long) {
      const wide = readGrid(long.grid, { ...options, long: false });
      // An export that cannot be pivoted has said why; the empty table would only add "no header".
      const failed = long.issues.some((i) => i.severity === "error");
      return { ...wide, grid, long: true, issues: failed ? long.issues : [...long.issues, ...wide.issues] };
    }
  }
  const found = findHeader(rows, fw, words);
  const orientation = found?.orientation ?? "rows";
  const lines = linesOf(rows, orientation);
  const at = (line: number, pos: number) =>
    orientation === "rows" ? cellAddress(origin.row + line, origin.col + pos) : cellAddress(origin.row + pos, origin.col + line);
  const full = (address: string) => (options.sheet ? `${options.sheet}!${address}` : address);
  const issues: Issue[] = [];
  const base = {
    sheet: options.sheet,
    origin,
    orientation,
    lines,
    framework: fw,
    coefficientHeader: options.coefficient?.headers[0] ?? "coefficient",
    choices,
    grid,
    options,
  };
  if (!found) {
    const a = at(0, 0);
    issues.push(
      issue(
        "error",
        "adopt-no-header",
        `${full(a)}：找不到表头：没有一行（或一列）写着指标代码、序号或名称`,
        `${full(a)}: no header found: no row (or column) names indicators by code, number or name`,
        {
          cell: cellOf(options.sheet, a, origin.row, origin.col),
        },
      ),
    );
    return { ...base, header: -1, fields: [], entityField: -1, entities: [], skipped: [], missing: [...fw.leaves], issues };
  }

  const header = found.line;
  const fields: Field[] = (lines[header] ?? []).map((cell, index) => ({
    index,
    header: clean(cell),
    address: at(header, index),
    match: matchHeader(fw, words, cell),
    role: { kind: "ignore" } as Role,
  }));
  // A second header line nearby (a 序号 column beside the names, codes over names) fills in
  // what the header leaves blank, unknown or ambiguous.
  const labels = lines
    .map((_, i) => i)
    .filter((i) => i !== header && Math.abs(i - header) <= 3 && lineWeight(fw, words, lines[i]).named >= minNamed(fw))
    .sort((a, b) => Math.abs(a - header) - Math.abs(b - header) || a - b);
  for (const f of fields) {
    if (f.match.status === "role" || f.match.status === "computed") continue;
    const ambiguous = f.match.status === "ambiguous";
    for (const l of labels) {
      const m = matchHeader(fw, words, lines[l][f.index]);
      const usable = ambiguous ? m.status === "role" && m.role.kind === "indicator" : m.status === "role" || m.status === "computed";
      if (!usable) continue;
      f.match = m;
      if (!f.header) f.header = clean(lines[l][f.index]);
      break;
    }
  }
  const body = lines.map((_, i) => i).filter((i) => i > header);

  // Roles: the evaluator's choice, else what the header says.
  for (const f of fields) {
    const chosen = f.header ? choices.fields?.[f.header] : undefined;
    const role = chosen !== undefined ? roleOf(fw, chosen) : undefined;
    if (role) [f.role, f.decided] = [role, "choice"];
    else if (f.match.status === "role") f.role = f.match.role;
  }
  // The entity names: the field that says so, else the one whose cells the roster knows best.
  let entityField = fields.findIndex((f) => f.role.kind === "entity");
  if (entityField < 0) entityField = guessEntityField(fields, lines, body, options.roster);
  fields.forEach((f, i) => {
    if (f.role.kind === "entity" && i !== entityField) f.role = { kind: "ignore" };
  });
  if (entityField >= 0) fields[entityField].role = { kind: "entity" };

  // An ambiguous header is read as its one input indicator when the table has no computed
  // columns (a plain input table); otherwise it waits for the evaluator's choice.
  const computedPresent = fields.some((f) => f.match.status === "computed");
  const mapped = () => new Set(fields.flatMap((f) => (f.role.kind === "indicator" ? [f.role.code] : [])));
  for (const f of fields) {
    if (f.decided === "choice" || f.match.status !== "ambiguous") continue;
    const leaves = f.match.choices.filter((c) => fw.leaves.includes(c) && !mapped().has(c));
    const list = f.match.choices.map((c) => describeIndicator(fw, c)).join("；");
    const listEn = f.match.choices.map((c) => describeIndicator(fw, c, "en")).join("; ");
    const cell = cellOf(options.sheet, f.address, ...rc(origin, orientation, header, f.index));
    if (!computedPresent && leaves.length === 1) {
      f.role = { kind: "indicator", code: leaves[0] };
      f.decided = "guess";
      issues.push(
        issue(
          "warning",
          "adopt-ambiguous-header",
          `${full(f.address)}：「${f.header}」可指 ${list}；暂按 ${leaves[0]} 读取，可在映射中改选`,
          `${full(f.address)}: "${f.header}" may mean ${listEn}; read as ${leaves[0]} until you choose another in the mapping`,
          { cell, indicator: leaves[0] },
        ),
      );
    } else
      issues.push(
        issue(
          "warning",
          "adopt-ambiguous-header",
          `${full(f.address)}：「${f.header}」可指 ${list}；请在映射中选择，选定前该列不读取`,
          `${full(f.address)}: "${f.header}" may mean ${listEn}; choose one in the mapping (the column is not read until then)`,
          { cell },
        ),
      );
  }
  for (const f of fields) {
    if (f.decided === "choice" || f.index === entityField) continue;
    const cell = cellOf(options.sheet, f.address, ...rc(origin, orientation, header, f.index));
    if (f.match.status === "computed")
      issues.push(
        issue(
          "warning",
          "adopt-computed-header",
          `${full(f.address)}：「${f.header}」是 SCI 计算的指标（${describeIndicator(fw, f.match.code)}），该列不作输入，用于与 SCI 的结果核对`,
          `${full(f.address)}: "${f.header}" is an indicator SCI computes (${describeIndicator(fw, f.match.code, "en")}); the column is not read as input but compared with SCI's figures`,
          { cell, indicator: f.match.code },
        ),
      );
    else if (f.match.status === "unknown" && hasValues(lines, body, f.index))
      issues.push(
        issue(
          "warning",
          "adopt-unknown-header",
          `${full(f.address)}：${f.match.hint.zh}；该列不读取`,
          `${full(f.address)}: ${f.match.hint.en}; the column is not read`,
          { cell },
        ),
      );
  }
  if (entityField < 0) {
    const a = at(header, 0);
    issues.push(
      issue(
        "error",
        "adopt-no-entity",
        `${full(a)}：找不到${options.words?.entity.zh ?? ""}名称所在的列（或行）；请在映射中指定`,
        `${full(a)}: no column (or row) of ${options.words?.entity.en ?? "entity"} names found; mark one in the mapping`,
        {
          cell: cellOf(options.sheet, a, ...rc(origin, orientation, header, 0)),
        },
      ),
    );
  }

  // Lines: entities, or titles, blanks, notes and averages.
  const skipped: Reading["skipped"] = [];
  for (let i = 0; i < header; i++) skipped.push({ line: i, kind: "title" });
  const entities: Entity[] = [];
  const valueFields = fields.filter((f) => f.role.kind === "indicator" || f.role.kind === "coefficient").map((f) => f.index);
  const aggregate = aggregateWords(options);
  const aggregates: string[] = [];
  const unlisted: string[] = [];
  let inHeader = true; // lines under the header before the first entity: units, years, footnote letters
  const years = new Set<number>();
  for (const line of body) {
    const cells = lines[line];
    if (labels.includes(line)) {
      skipped.push({ line, kind: "header" });
      continue;
    }
    if (cells.every((v) => parseCell(v).kind === "empty")) {
      skipped.push({ line, kind: "blank" });
      continue;
    }
    const name = entityField >= 0 ? clean(cells[entityField]) : "";
    if (inHeader && isHeaderContinuation(name, cells, valueFields, words)) {
      skipped.push({ line, kind: "header" });
      for (const c of valueFields) {
        const p = parseCell(cells[c]);
        if (p.kind === "number") years.add(p.value);
      }
      continue;
    }
    // A line with no value is a group heading or a note, whatever its name says.
    if (!valueFields.some((c) => parseCell(cells[c]).kind === "number")) {
      skipped.push({ line, kind: "note" });
      continue;
    }
    if (name && (aggregate.has(fold(name)) || isPublisherAggregate(name))) {
      skipped.push({ line, kind: "aggregate" });
      aggregates.push(name);
      continue;
    }
    inHeader = false;
    const e = entityOf(name, line, at(line, Math.max(entityField, 0)), options.roster, choices);
    if (options.listed && e.status === "unknown" && name && !e.suggestion) {
      // The user's own list decides who is assessed: a row it does not name (nor nearly names,
      // as a typo would) is not an error.
      skipped.push({ line, kind: "note" });
      unlisted.push(name);
      continue;
    }
    entities.push(e);
  }
  const sample = (names: string[], sep: string) => names.slice(0, 60).join(sep) + (names.length > 60 ? (sep === "、" ? "等" : " …") : "");
  if (aggregates.length)
    issues.push(
      issue(
        "warning",
        "aggregate-rows",
        `${options.sheet ? options.sheet + "：" : ""}${aggregates.length} 行是汇总（世界、区域、组别或平均），不参与评分：${sample(aggregates, "、")}`,
        `${options.sheet ? options.sheet + ": " : ""}${aggregates.length} aggregate row${aggregates.length === 1 ? " is" : "s are"} not scored (world, regions, groups or averages): ${sample(aggregates, ", ")}`,
      ),
    );
  if (unlisted.length)
    issues.push(
      issue(
        "warning",
        "rows-not-listed",
        `${options.sheet ? options.sheet + "：" : ""}${unlisted.length} 行不在名单中，不参与评分：${sample(unlisted, "、")}`,
        `${options.sheet ? options.sheet + ": " : ""}${unlisted.length} row${unlisted.length === 1 ? " is" : "s are"} not in the entity list and not scored: ${sample(unlisted, ", ")}`,
      ),
    );
  const published = fields.flatMap((f) => (f.match.status === "computed" ? [{ code: f.match.code, index: f.index }] : []));

  const have = mapped();
  const missing = fw.leaves.filter((c) => !have.has(c));
  // A header's row of years that names one year is the data's year (UNDP's 2021).
  const year = years.size === 1 ? String([...years][0]) : undefined;
  return { ...base, header, fields, entityField, entities, skipped, missing, issues, ...(published.length ? { published } : {}), ...(year ? { year } : {}) };
}

/**
 * A line under the header that continues it (units, a row of years and footnote letters, the
 * entity column's own header): no name, or a header word, and no value that is not a year.
 */
function isHeaderContinuation(name: string, cells: readonly unknown[], valueFields: number[], words: HeaderWords): boolean {
  if (name && !words.entity.some((w) => fold(w) === fold(name))) return false;
  return valueFields.every((c) => {
    const p = parseCell(cells[c]);
    return p.kind !== "number" || (Number.isInteger(p.value) && p.value >= 1900 && p.value <= 2100);
  });
}

/** Reads the grid again with the evaluator's choices (merged over those already made). */
export function withChoices(reading: Reading, choices: ReadingChoices): Reading {
  const merged: ReadingChoices = {
    fields: { ...reading.choices.fields, ...choices.fields },
    entities: { ...reading.choices.entities, ...choices.entities },
  };
  return readGrid(reading.grid, { ...reading.options, choices: merged });
}

function headerWords(o: ReadingOptions): HeaderWords {
  const entity = [...ENTITY_WORDS, ...(o.words ? [o.words.entity.zh, o.words.entity.en] : [])];
  const coefficient = o.coefficient ? [...o.coefficient.headers, o.coefficient.name.zh, o.coefficient.name.en] : [];
  return cachedWords(entity, REGION_WORDS, coefficient);
}

// matchHeader caches per words object: the same words give the same object.
const wordsCache = new Map<string, HeaderWords>();
function cachedWords(entity: string[], region: readonly string[], coefficient: string[]): HeaderWords {
  const key = JSON.stringify([entity, region, coefficient]);
  let w = wordsCache.get(key);
  if (!w) wordsCache.set(key, (w = { entity, region, coefficient }));
  return w;
}

function aggregateWords(o: ReadingOptions): Set<string> {
  const words: string[] = [...AGGREGATE_WORDS];
  if (o.words) words.push(o.words.whole.zh, o.words.whole.en);
  for (const r of o.regions ?? []) words.push(r.zh, r.en);
  return new Set(words.map(fold));
}

/** A choice's value as a role: a leaf's code, or entity / region / coefficient / ignore. */
function roleOf(fw: Framework, value: string): Role | undefined {
  if (value === "entity" || value === "region" || value === "coefficient" || value === "ignore") return { kind: value };
  return fw.leaves.includes(value) ? { kind: "indicator", code: value } : undefined;
}

function guessEntityField(fields: Field[], lines: readonly (readonly unknown[])[], body: number[], roster?: Roster): number {
  const open = fields.filter((f) => f.role.kind === "ignore" && (f.match.status === "unknown" || f.match.status === "empty"));
  const sample = body.slice(0, 200);
  let best = -1;
  let bestScore = 0;
  for (const f of open) {
    let score = 0;
    for (const l of sample) {
      const v = clean(lines[l][f.index]);
      if (!v) continue;
      if (roster) score += roster.find(v) ? 2 : parseCell(v).kind === "text" ? 0.1 : 0;
      else score += parseCell(v).kind === "text" ? 1 : 0;
    }
    if (score > bestScore) [best, bestScore] = [f.index, score];
  }
  return best;
}

function entityOf(name: string, line: number, address: string, roster: Roster | undefined, choices: ReadingChoices): Entity {
  const chosen = name ? choices.entities?.[name] : undefined;
  const corrected = chosen !== undefined && roster ? roster.find(chosen) : undefined;
  if (corrected) return { line, name, address, status: "corrected", id: corrected.id };
  if (!roster) return name ? { line, name, address, status: "matched", id: name } : { line, name, address, status: "unknown" };
  const d = roster.find(name);
  if (d) return { line, name, address, status: "matched", id: d.id };
  const s = name ? roster.suggest(name) : undefined;
  return { line, name, address, status: "unknown", ...(s ? { suggestion: s.id } : {}) };
}

function hasValues(lines: readonly (readonly unknown[])[], body: number[], pos: number): boolean {
  return body.some((l) => parseCell(lines[l][pos]).kind !== "empty");
}

/** Sheet row and column of a position on a line. */
function rc(origin: { row: number; col: number }, o: Orientation, line: number, pos: number): [number, number] {
  return o === "rows" ? [origin.row + line, origin.col + pos] : [origin.row + pos, origin.col + line];
}

const cellOf = (sheet: string | undefined, address: string, row: number, col: number) => ({ sheet, address, row, col });

/** A field's role in words, for the mapping view and `sci inspect`. */
export function roleText(fw: Framework, role: Role, coefficient?: CoefficientSpec, words?: ProfileWords): Text {
  switch (role.kind) {
    case "entity":
      return { zh: words?.entity.zh ?? "名称", en: words?.entity.en ?? "entity" };
    case "region":
      return { zh: "区域", en: "region" };
    case "coefficient":
      return coefficient ? { zh: coefficient.name.zh, en: coefficient.name.en } : { zh: "系数", en: "coefficient" };
    case "indicator":
      return { zh: describeIndicator(fw, role.code), en: describeIndicator(fw, role.code, "en") };
    default:
      return { zh: "不读取", en: "not read" };
  }
}
