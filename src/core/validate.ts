import { cellAddress } from "./address";
import { cellText, parseCell, plainNumber, printable, quote } from "./cell";
import { outlyingValues, rawLooking } from "./magnitude";
import type { Dataset } from "./dataset";
import { regionId, regionOf, type District, type Region } from "./district";
import { hasErrors, issue, type Issue, type IssueCode } from "./issue";
import { describeIndicator, findIndicator } from "./lookup";
import { DISTRICT_HEADERS, REGION_HEADERS, headerIndicator, headerKey, normHeader } from "./headers";

export { DISTRICT_HEADERS, REGION_HEADERS };
import { GENERIC_COEFFICIENT, type InputTable, type ValidateOptions } from "./validate-options";
export { GENERIC_COEFFICIENT, type InputTable, type ValidateOptions };
import { GENERIC_WORDS } from "./profile";

/** `浦东（Pudong）` or `第5行` — who a message is about. */
type Context = { sheet?: string; row: number; col: number; district?: string; indicator?: string };

/**
 * Turns raw cells into a dataset, or a list of issues. Never throws: every problem becomes an
 * Issue that names the sheet, cell, district and indicator.
 */
export function validate(table: InputTable, options: ValidateOptions): { dataset?: Dataset; issues: Issue[] } {
  try {
    return validateUnsafe(table, options);
  } catch (e) {
    // Defensive: a bug here must not lose the user's work or crash the host.
    return {
      issues: [issue("error", "internal", `内部错误：${String(e).slice(0, 200)}`, `internal error: ${String(e).slice(0, 200)}`)],
    };
  }
}

function validateUnsafe(table: InputTable, opts: ValidateOptions): { dataset?: Dataset; issues: Issue[] } {
  const fw = opts.framework;
  const issues: Issue[] = [];
  const origin = table.origin ?? { row: 0, col: 0 };
  const sheet = table.sheet;
  const rows = Array.isArray(table.rows) ? table.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
  const plausibleMax = opts.plausibleMax ?? 1000;
  const words = opts.words ?? GENERIC_WORDS;
  const entity = words.entity;
  const coef = opts.coefficient === undefined ? GENERIC_COEFFICIENT : opts.coefficient;
  const coefficientHeaders = coef ? coef.headers.map(headerKey) : [];
  const knownRegions = opts.regions ?? [];

  const where = (c: Context) => {
    const address = cellAddress(origin.row + c.row, origin.col + c.col);
    const full = sheet ? `${sheet}!${address}` : address;
    const ind = c.indicator ? fw.indicators.get(c.indicator) : undefined;
    const zh = [full, c.district, ind && `${ind.code} ${ind.nameZh}`].filter(Boolean).join("，");
    const en = [full, c.district, ind && `${ind.code} ${ind.nameEn}`].filter(Boolean).join(", ");
    return {
      zh,
      en,
      extra: {
        cell: { sheet, address, row: origin.row + c.row, col: origin.col + c.col },
        district: c.district,
        indicator: c.indicator,
      },
    };
  };
  const report = (sev: "error" | "warning", code: IssueCode, c: Context, zh: string, en: string) => {
    const w = where(c);
    issues.push(issue(sev, code, `${w.zh}：${zh}`, `${w.en}: ${en}`, w.extra));
  };

  const header = rows[0] ?? [];
  if (rows.length === 0 || header.every((h) => normHeader(h) === "")) {
    report("error", "empty-table", { row: 0, col: 0 }, "输入表为空，缺少表头行", "the input table is empty: no header row");
    return { issues };
  }

  // Columns: district, region, coefficient, and one per input indicator.
  let districtCol = -1;
  let regionCol = -1;
  let coefficientCol = -1;
  const leafCol = new Map<string, number>();
  header.forEach((h, col) => {
    const text = normHeader(h);
    if (text === "") {
      if (rows.some((r, i) => i > 0 && parseCell(r[col]).kind !== "empty"))
        report("warning", "unnamed-column", { row: 0, col }, "该列没有表头，已忽略", "column has no header and is ignored");
      return;
    }
    const claim = (kind: string, current: number, set: (c: number) => void) => {
      if (current >= 0) report("error", "duplicate-column", { row: 0, col }, `「${quote(h)}」列重复`, `duplicate ${kind} column "${quote(h)}"`);
      else set(col);
    };
    if (DISTRICT_HEADERS.includes(text)) return claim("district", districtCol, (c) => (districtCol = c));
    if (REGION_HEADERS.includes(text)) return claim("region", regionCol, (c) => (regionCol = c));
    if (coefficientHeaders.includes(text)) return claim("coefficient", coefficientCol, (c) => (coefficientCol = c));
    const code = headerIndicator(fw, cellText(h));
    if (code.ok) {
      if (leafCol.has(code.value))
        report(
          "error",
          "duplicate-column",
          { row: 0, col, indicator: code.value },
          `指标列重复（另见 ${cellAddress(origin.row, origin.col + leafCol.get(code.value)!)}）`,
          `duplicate indicator column (also ${cellAddress(origin.row, origin.col + leafCol.get(code.value)!)})`,
        );
      else leafCol.set(code.value, col);
      return;
    }
    const computed = findIndicator(fw, cellText(h));
    if (computed.ok) {
      report(
        "warning",
        "computed-column",
        { row: 0, col, indicator: computed.value },
        "这是计算所得的指标，输入值被忽略，由 SCI 计算",
        "this indicator is computed by SCI; the column is ignored",
      );
      return;
    }
    report(
      "warning",
      "unknown-column",
      { row: 0, col },
      `未知列「${quote(h)}」，已忽略${code.choices.length ? "（是否指 " + code.choices.join("；") + "）" : ""}`,
      `unknown column "${quote(h)}" is ignored${code.choices.length ? " (did you mean " + code.choicesEn.join("; ") + ")" : ""}`,
    );
  });

  if (districtCol < 0)
    report("error", "missing-district-column", { row: 0, col: 0 }, `缺少「${entity.zh}」列`, `missing the ${entity.en} column ("${entity.zh}" or "district")`);
  // A table that names none of the framework's indicators is another assessment's: one message
  // saying how to give its framework, not one per indicator it lacks.
  const others = header.filter((h, c) => c !== districtCol && cellText(h).trim() !== "").length;
  if (leafCol.size === 0 && fw.leaves.length > 1 && others >= 1) {
    report(
      "error",
      "no-known-indicator",
      { row: 0, col: 0 },
      `表头没有一个是本评估的指标（共 ${fw.leaves.length} 项）。若是另一项评估，请给出它的指标体系：命令行用 --framework 指标体系.csv（sci template framework 本文件 可按表头生成骨架），工作簿用 SCI_Framework 表`,
      `no header names one of this assessment's ${fw.leaves.length} indicators. If this is another assessment, give its framework: --framework FRAMEWORK.csv on the command line (sci template framework THIS_FILE writes a skeleton from the headers), or an SCI_Framework table in the workbook`,
    );
    // That one message says it all: the columns and names are another assessment's.
    return { issues: issues.filter((i) => i.code === "no-known-indicator") };
  } else
    for (const leaf of fw.leaves)
      if (!leafCol.has(leaf))
        report(
          "error",
          "missing-column",
          { row: 0, col: header.length, indicator: leaf },
          `缺少指标列（${describeIndicator(fw, leaf)}）`,
          `missing indicator column (${leaf})`,
        );
  if (coef && coefficientCol < 0 && !opts.coefficientOptional)
    report(
      "warning",
      "missing-coefficient-column",
      { row: 0, col: header.length },
      `缺少「${coef.name.zh}」列，按 1.00 计算`,
      `no "${coef.name.zh}" (${coef.name.en}) column: 1.00 is used`,
    );
  // Without a list and without a region column every entity is ranked over all only.
  if (districtCol < 0) return { issues };

  const districts: District[] = [];
  const rowOf: number[] = [];
  const firstRow = new Map<string, number>();
  const L = fw.leaves.length;
  const leafCols = fw.leaves.map((leaf) => leafCol.get(leaf) ?? -1);
  // One row's values land straight in the dataset's array: no per-row or per-cell objects.
  let inputs = new Float64Array(Math.max(0, rows.length - 1) * L);
  const coefficients: number[] = [];

  // A region cell's region id (a profile's, else the text as written); undefined when empty.
  // A table names a few regions many times over: each text is looked up once.
  const regionMemo = new Map<string, string | undefined>();
  const regionOfCell = (v: unknown): string | undefined => {
    if (typeof v === "string" && regionMemo.has(v)) return regionMemo.get(v);
    const p = parseCell(v);
    const id = p.kind === "text" || p.kind === "number" ? (regionId(cellText(v), knownRegions) ?? cellText(v).trim()) : undefined;
    if (typeof v === "string" && regionMemo.size < 10_000) regionMemo.set(v, id);
    return id;
  };

  // Names no roster entity answers to: one issue each, or one for all when the roster is a
  // profile's own and most names miss it (the user is scoring another entity list).
  const unknown: { issue: Issue; name: string; suggestion?: string }[] = [];
  let named = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlank(row[districtCol]) && row.every(isBlank)) continue; // blank rows are common below tables
    // The common row names an entity of the list by its id, exactly: no cleaning, no aliases.
    const exact = opts.roster?.withId(row[districtCol]);
    const nameCell = exact ? ({ kind: "text", text: exact.id } as const) : parseCell(row[districtCol]);
    if (nameCell.kind === "empty") {
      report(
        "error",
        "missing-district-name",
        { row: r, col: districtCol },
        `${entity.zh}名称为空，但该行有数据`,
        `${entity.en} name is empty but the row has data`,
      );
      continue;
    }
    named++;
    const name = nameCell.kind === "number" ? String(nameCell.value) : nameCell.text;
    let district: District | undefined;
    const regionCell = regionCol >= 0 ? row[regionCol] : undefined;
    const regionGiven = regionCol >= 0 ? regionOfCell(regionCell) : undefined;
    if (opts.roster) {
      const found = exact ? ({ ok: true, district: exact } as const) : opts.roster.resolve(name, entity);
      if (!found.ok) {
        report("error", "unknown-district", { row: r, col: districtCol }, found.zh, found.en);
        unknown.push({ issue: issues[issues.length - 1], name, suggestion: found.suggestion });
        continue;
      }
      district = found.district;
      if (regionGiven !== undefined && regionGiven !== district.region) {
        const home = regionOf(district.region, knownRegions);
        report(
          "warning",
          "region-mismatch",
          { row: r, col: regionCol, district: district.id },
          `区域「${quote(regionCell)}」与名单中的${home.zh}不符，按${home.zh}计`,
          `region "${quote(regionCell)}" disagrees with the list's ${home.en}; ${home.en} is used`,
        );
      }
    } else {
      // An entity in no region (its cell empty, or no region column) is ranked over all only.
      district = { id: name, region: regionGiven ?? "" };
    }
    if (firstRow.has(district.id)) {
      report(
        "error",
        "duplicate-district",
        { row: r, col: districtCol, district: district.id },
        `${entity.zh}重复（首次出现在第 ${origin.row + firstRow.get(district.id)! + 1} 行）`,
        `duplicate ${entity.en} (first on row ${origin.row + firstRow.get(district.id)! + 1})`,
      );
      continue;
    }
    firstRow.set(district.id, r);

    const at = districts.length * L;
    for (let j = plainValues(row, leafCols, inputs, at, 0, plausibleMax); j < L; j = plainValues(row, leafCols, inputs, at, j + 1, plausibleMax)) {
      const col = leafCols[j];
      inputs[at + j] = col < 0 ? NaN : checkNumber(row[col], { row: r, col, district: district.id, indicator: fw.leaves[j] }, "value");
    }
    let coefficient = 1;
    if (coefficientCol >= 0) {
      // A plain number in range needs no closer look (NaN fails the test).
      const x = plainNumber(row[coefficientCol]);
      coefficient =
        coef && x > coef.min && x <= coef.max && Math.abs(x) < LARGEST_VALUE
          ? x
          : checkNumber(row[coefficientCol], { row: r, col: coefficientCol, district: district.id }, "coefficient");
    }
    districts.push(district);
    rowOf.push(origin.row + r);
    coefficients.push(coefficient);
  }

  function checkNumber(v: unknown, c: Context, kind: "value" | "coefficient"): number {
    const p = parseCell(v);
    const what = kind === "coefficient" && coef ? [coef.name.zh, coef.name.en] : ["指标值", "value"];
    if (p.kind === "empty") {
      if (kind === "value" && opts.allowEmpty) return NaN; // imputed or skipped later, and reported there
      const mark = typeof v === "string" && v.trim() !== "" ? printable(v.trim()).slice(0, 12) : undefined;
      if (mark) report("error", "empty-cell", c, `${what[0]}缺失（「${mark}」表示无数据）`, `${what[1]} is missing ("${mark}" marks no data)`);
      else report("error", "empty-cell", c, `${what[0]}为空`, `${what[1]} is empty`);
      return NaN;
    }
    if (p.kind === "error") {
      report("error", "excel-error", c, `单元格是 Excel 错误值 ${p.text}，应为数字`, `the cell holds the Excel error ${p.text}; a number is needed`);
      return NaN;
    }
    if (p.kind === "text") {
      report("error", "not-a-number", c, `「${quote(p.text)}」不是数字`, `"${quote(p.text)}" is not a number`);
      return NaN;
    }
    const x = p.value;
    if (!Number.isFinite(x)) {
      // Show what the cell holds ("1e400"), not what it overflowed to (Infinity).
      const text = typeof v === "string" ? v.normalize("NFKC").trim() : String(x);
      const shown = text.length > 40 ? text.slice(0, 39) + "…" : text;
      report("error", "non-finite", c, `${what[0]}不是有限数（${shown}）`, `${what[1]} is not finite (${shown})`);
      return NaN;
    }
    if (Math.abs(x) >= LARGEST_VALUE) {
      // Too large to compute with: sums and means of such values overflow to Infinity.
      report(
        "error",
        "value-too-large",
        c,
        `数值 ${x} 过大，无法计算（绝对值须小于 1e15）`,
        `the value ${x} is too large to compute with (it must be below 1e15 in size)`,
      );
      return x;
    }
    if (kind === "coefficient" && coef) {
      if (!(x > coef.min && x <= coef.max))
        report(
          "error",
          "coefficient-range",
          c,
          `${coef.name.zh} ${x} 不在 (${coef.min}, ${coef.max}] 内`,
          `${coef.name.en} ${x} is outside (${coef.min}, ${coef.max}]`,
        );
      return x;
    }
    if (x < 0 && !opts.allowNegative) report("error", "negative", c, `指标值 ${x} 为负数`, `value ${x} is negative`);
    else if (x > plausibleMax)
      report(
        "warning",
        "implausible",
        c,
        `指标值 ${x} 异常偏大（超过 ${plausibleMax}），请核对`,
        `value ${x} is implausibly large (over ${plausibleMax}); please check`,
      );
    return x;
  }

  const otherList = opts.rosterHint && unknown.length >= 3 && unknown.length * 2 >= named;
  if (otherList) {
    const drop = new Set(unknown.map((u) => u.issue));
    const kept = issues.filter((i) => !drop.has(i));
    issues.length = 0;
    issues.push(...kept);
    const shown = unknown.slice(0, 3).map((u) => quote(u.name));
    const first = unknown[0].issue.cell!;
    issues.push(
      issue(
        "error",
        "unknown-roster",
        `${first.sheet ? first.sheet + "!" : ""}${first.address}：${unknown.length} 个名称（${shown.join("、")}…）不在${entity.zh}名单中。${opts.rosterHint!.zh}`,
        `${first.sheet ? first.sheet + "!" : ""}${first.address}: ${unknown.length} names ("${shown.join('", "')}" …) are not in the ${entity.en} list. ${opts.rosterHint!.en}`,
        { cell: first },
      ),
    );
  }
  // A suggestion is a fix only while the entity it names has no row of its own.
  for (const u of unknown) if (u.suggestion && !firstRow.has(u.suggestion)) u.issue.suggestion = u.suggestion;
  if (opts.roster && (opts.expectAll ?? true) && !otherList) {
    // A misspelt name already says which entity it likely is: that entity is not also missing.
    const meant = new Set(unknown.map((u) => u.suggestion).filter((x): x is string => !!x));
    for (const d of opts.roster.districts)
      if (!firstRow.has(d.id) && !meant.has(d.id))
        report(
          "error",
          "missing-district",
          { row: rows.length, col: districtCol, district: d.id },
          `输入表缺少该${entity.zh}`,
          `the ${entity.en} is missing from the input table`,
        );
  }
  if (districts.length === 0 && !hasErrors(issues))
    report("error", "no-districts", { row: 1, col: districtCol }, `输入表没有任何${entity.zh}数据`, `the input table has no ${entity.en} rows`);

  if (hasErrors(issues)) return { issues };
  // Finished index numbers share one scale; raw statistics (dollars beside years) do not.
  const max = opts.plausibleMax ?? 1000;
  const raw = Number.isFinite(max) ? rawLooking(inputs, districts.length, fw.leaves, max) : undefined;
  if (raw) {
    const [lo, hi] = [raw.low, raw.high].map((k) => describeIndicator(fw, k.code));
    const [loEn, hiEn] = [raw.low, raw.high].map((k) => `${k.code} (${fw.indicators.get(k.code)!.nameEn})`);
    return {
      issues: [
        ...issues.filter((i) => i.code !== "implausible"),
        issue(
          "error",
          "raw-values",
          `${sheet ? sheet + "：" : ""}这些值像原始统计数据而不是指数：${hi} 的中位数 ${+raw.high.median.toPrecision(4)} 是 ${lo} 的 ${Math.round(raw.high.median / raw.low.median)} 倍，未评分。请按原始数据给出（--raw 与 --settings，工作簿中用 SCI_Raw 与 SCI_Settings），写明每个指标的标准化方法`,
          `${sheet ? sheet + ": " : ""}these values look like raw statistics, not index numbers: the median of ${hiEn} (${+raw.high.median.toPrecision(4)}) is ${Math.round(raw.high.median / raw.low.median)} times that of ${loEn}; nothing scored. Give them as raw data (--raw with --settings; SCI_Raw and SCI_Settings in a workbook), with each indicator's normalisation`,
        ),
      ],
    };
  }

  // One value two orders of magnitude from the rest of its column is pointed out: a percentage
  // typed into an index column (95% read as 0.95 among values near 100), a slipped decimal point.
  if (Number.isFinite(max))
    for (const o of outlyingValues(inputs, districts.length, fw.leaves.length)) {
      const shown = +o.median.toPrecision(4);
      const leaf = fw.leaves[o.j];
      report(
        "warning",
        "value-magnitude",
        { row: rowOf[o.i] - origin.row, col: leafCol.get(leaf)!, district: districts[o.i].id, indicator: leaf },
        `指标值 ${o.value} 与本列中位数 ${shown} 相差两个数量级以上：是否把百分数（如 95% 即 0.95）或错位的小数点写进了指数列？请核对`,
        `value ${o.value} is two orders of magnitude from this column's median ${shown}: a percentage (95% reads as 0.95) or a slipped decimal point in an index column? Please check`,
      );
    }

  // Known regions in the profile's order, then others in the order the table first names them.
  const present = new Set(districts.map((d) => d.region).filter((r) => r !== ""));
  const regions: Region[] = [
    ...knownRegions.filter((r) => present.has(r.id)),
    ...[...present].filter((id) => !knownRegions.some((r) => r.id === id)).map((id) => regionOf(id)),
  ];
  if (inputs.length !== districts.length * L) inputs = inputs.slice(0, districts.length * L);
  return {
    dataset: {
      framework: fw,
      districts,
      regions,
      inputs,
      coefficients: Float64Array.from(coefficients),
      label: opts.label,
      rounding: opts.rounding,
      words,
      coefficient: coef && (coefficientCol >= 0 || !opts.coefficientOptional) ? coef : undefined,
      source: { sheet, rowOf, colOf: new Map([...leafCol].map(([k, c]) => [k, origin.col + c])) },
    },
    issues,
  };
}

/**
 * One row's values from `from` on, straight into the dataset's array while each is a plain
 * number in range; the first leaf that needs a closer look (or L when none does). A loop of
 * its own, so the engine compiles it early rather than with the whole of validate().
 */
function plainValues(row: readonly unknown[], leafCols: readonly number[], inputs: Float64Array, at: number, from: number, max: number): number {
  for (let j = from; j < leafCols.length; j++) {
    const col = leafCols[j];
    const x = col < 0 ? NaN : plainNumber(row[col]);
    // NaN fails every test, so a missing column or a text cell goes to the closer look.
    if (x >= 0 && x <= max && x < LARGEST_VALUE) inputs[at + j] = x;
    else return j;
  }
  return leafCols.length;
}

/** Values at or above this in size are refused: their sums overflow before any mean is taken. */
export const LARGEST_VALUE = 1e15;

/** Empty as a cell that holds nothing, without parsing it. */
const isBlank = (v: unknown) => v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
