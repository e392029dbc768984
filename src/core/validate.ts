import { cellAddress } from "./address";
import { cellText, parseCell, quote } from "./cell";
import type { Dataset } from "./dataset";
import { KNOWN_REGIONS, regionId, regionOf, type District, type Region, Roster } from "./district";
import type { Framework } from "./framework";
import { hasErrors, issue, type Issue, type IssueCode } from "./issue";
import { describeIndicator, findIndicator } from "./lookup";

export interface InputTable {
  /** Sheet name, for messages. */
  sheet?: string;
  /** Zero-based sheet position of the header row's first cell (default A1). */
  origin?: { row: number; col: number };
  /** The header row, then one row per district. */
  rows: readonly (readonly unknown[])[];
}

export interface ValidateOptions {
  framework: Framework;
  /** Known districts. Without one, any name is accepted and the region column is required. */
  roster?: Roster;
  /** Every roster district must be present (a ranking over a partial city would mislead). */
  expectAll?: boolean;
  /** Above this an index number is suspicious (warning). Raw statistics pass Infinity. */
  plausibleMax?: number;
  /** Raw statistics (growth rates) may be negative; the normalisation then decides. */
  allowNegative?: boolean;
  label?: string;
  rounding?: "exact" | "report";
}

const DISTRICT_HEADERS = ["district", "行政区", "区", "地区", "entity"];
const REGION_HEADERS = ["region", "区域"];
const COEFFICIENT_HEADERS = ["coefficient", "网络安全状况系数", "系数", "cybersecurity coefficient"];
const normHeader = (v: unknown) => cellText(v).normalize("NFKC").trim().toLowerCase();

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
      if (current >= 0)
        report("error", "duplicate-column", { row: 0, col }, `「${quote(h)}」列重复`, `duplicate ${kind} column "${quote(h)}"`);
      else set(col);
    };
    if (DISTRICT_HEADERS.includes(text)) return claim("district", districtCol, (c) => (districtCol = c));
    if (REGION_HEADERS.includes(text)) return claim("region", regionCol, (c) => (regionCol = c));
    if (COEFFICIENT_HEADERS.includes(text)) return claim("coefficient", coefficientCol, (c) => (coefficientCol = c));
    const code = headerIndicator(fw, cellText(h));
    if (code.ok) {
      if (leafCol.has(code.value))
        report("error", "duplicate-column", { row: 0, col, indicator: code.value }, `指标列重复（另见 ${cellAddress(origin.row, origin.col + leafCol.get(code.value)!)}）`, `duplicate indicator column (also ${cellAddress(origin.row, origin.col + leafCol.get(code.value)!)})`);
      else leafCol.set(code.value, col);
      return;
    }
    const computed = findIndicator(fw, cellText(h));
    if (computed.ok) {
      report("warning", "computed-column", { row: 0, col, indicator: computed.value }, "这是计算所得的指标，输入值被忽略，由 SCI 计算", "this indicator is computed by SCI; the column is ignored");
      return;
    }
    report("warning", "unknown-column", { row: 0, col }, `未知列「${quote(h)}」，已忽略${code.choices.length ? "（是否指 " + code.choices.join("；") + "）" : ""}`, `unknown column "${quote(h)}" is ignored${code.choices.length ? " (did you mean " + code.choicesEn.join("; ") + ")" : ""}`);
  });

  if (districtCol < 0)
    report("error", "missing-district-column", { row: 0, col: 0 }, "缺少「行政区」列", 'missing the district column ("行政区" or "district")');
  for (const leaf of fw.leaves)
    if (!leafCol.has(leaf))
      report("error", "missing-column", { row: 0, col: header.length, indicator: leaf }, `缺少指标列（${describeIndicator(fw, leaf)}）`, `missing indicator column (${leaf})`);
  if (coefficientCol < 0)
    report("warning", "missing-coefficient-column", { row: 0, col: header.length }, "缺少「网络安全状况系数」列，按 1.00 计算", 'no "网络安全状况系数" (coefficient) column: 1.00 is used');
  if (!opts.roster && regionCol < 0)
    report("error", "missing-region-column", { row: 0, col: header.length }, "未知行政区名单时须有「区域」列", 'a "区域" (region) column is needed when the districts are not known in advance');
  if (districtCol < 0) return { issues };

  const districts: District[] = [];
  const rowOf: number[] = [];
  const firstRow = new Map<string, number>();
  const values: number[][] = [];
  const coefficients: number[] = [];

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((v) => parseCell(v).kind === "empty")) continue; // blank rows are common below tables
    const nameCell = parseCell(row[districtCol]);
    if (nameCell.kind === "empty") {
      report("error", "missing-district-name", { row: r, col: districtCol }, "行政区名称为空，但该行有数据", "district name is empty but the row has data");
      continue;
    }
    const name = nameCell.kind === "number" ? String(nameCell.value) : nameCell.text;
    let district: District | undefined;
    const regionText = regionCol >= 0 ? parseCell(row[regionCol]) : ({ kind: "empty" } as const);
    const regionGiven = regionText.kind === "text" ? regionId(regionText.text) ?? regionText.text : undefined;
    if (opts.roster) {
      const found = opts.roster.resolve(name);
      if (!found.ok) {
        report("error", "unknown-district", { row: r, col: districtCol }, found.zh, found.en);
        continue;
      }
      district = found.district;
      if (regionGiven !== undefined && regionGiven !== district.region)
        report("warning", "region-mismatch", { row: r, col: regionCol, district: district.id }, `区域「${quote(regionText)}」与该区所属的${regionOf(district.region).zh}不符，按${regionOf(district.region).zh}计`, `region "${quote(regionText)}" disagrees with the district's ${regionOf(district.region).en}; ${regionOf(district.region).en} is used`);
    } else {
      if (regionGiven === undefined) {
        report("error", "missing-region", { row: r, col: Math.max(regionCol, 0), district: name }, "区域为空", "region is empty");
        continue;
      }
      district = { id: name, region: regionGiven };
    }
    if (firstRow.has(district.id)) {
      report("error", "duplicate-district", { row: r, col: districtCol, district: district.id }, `行政区重复（首次出现在第 ${origin.row + firstRow.get(district.id)! + 1} 行）`, `duplicate district (first on row ${origin.row + firstRow.get(district.id)! + 1})`);
      continue;
    }
    firstRow.set(district.id, r);

    const rowValues = fw.leaves.map((leaf) => {
      const col = leafCol.get(leaf);
      if (col === undefined) return NaN;
      return checkNumber(row[col], { row: r, col, district: district!.id, indicator: leaf }, "value");
    });
    let coefficient = 1;
    if (coefficientCol >= 0) coefficient = checkNumber(row[coefficientCol], { row: r, col: coefficientCol, district: district.id }, "coefficient");
    districts.push(district);
    rowOf.push(origin.row + r);
    values.push(rowValues);
    coefficients.push(coefficient);
  }

  function checkNumber(v: unknown, c: Context, kind: "value" | "coefficient"): number {
    const p = parseCell(v);
    const what = kind === "coefficient" ? ["网络安全状况系数", "coefficient"] : ["指标值", "value"];
    if (p.kind === "empty") {
      report("error", "empty-cell", c, `${what[0]}为空`, `${what[1]} is empty`);
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
    if (kind === "coefficient") {
      if (!(x > 0 && x <= 1))
        report("error", "coefficient-range", c, `网络安全状况系数 ${x} 不在 (0, 1] 内`, `coefficient ${x} is outside (0, 1]`);
      return x;
    }
    if (x < 0 && !opts.allowNegative) report("error", "negative", c, `指标值 ${x} 为负数`, `value ${x} is negative`);
    else if (x > plausibleMax)
      report("warning", "implausible", c, `指标值 ${x} 异常偏大（超过 ${plausibleMax}），请核对`, `value ${x} is implausibly large (over ${plausibleMax}); please check`);
    return x;
  }

  if (opts.roster && (opts.expectAll ?? true)) {
    for (const d of opts.roster.districts)
      if (!firstRow.has(d.id))
        report("error", "missing-district", { row: rows.length, col: districtCol, district: d.id }, "输入表缺少该行政区", "the district is missing from the input table");
  }
  if (districts.length === 0 && !hasErrors(issues))
    report("error", "no-districts", { row: 1, col: districtCol }, "输入表没有任何行政区数据", "the input table has no district rows");

  if (hasErrors(issues)) return { issues };

  const present = new Set(districts.map((d) => d.region));
  const regions: Region[] = [
    ...KNOWN_REGIONS.filter((r) => present.has(r.id)),
    ...[...present].filter((id) => !KNOWN_REGIONS.some((r) => r.id === id)).map((id) => regionOf(id)),
  ];
  const L = fw.leaves.length;
  const inputs = new Float64Array(districts.length * L);
  values.forEach((vs, i) => inputs.set(vs, i * L));
  return {
    dataset: {
      framework: fw,
      districts,
      regions,
      inputs,
      coefficients: Float64Array.from(coefficients),
      label: opts.label,
      rounding: opts.rounding,
      source: { sheet, rowOf, colOf: new Map([...leafCol].map(([k, c]) => [k, origin.col + c])) },
    },
    issues,
  };
}

/** A header may be a code, number, name, path, or "name (code)" as the template writes it. */
function headerIndicator(fw: Framework, h: string) {
  const inParens = /[（(]\s*([A-Za-z]\d*(?:\.\d+)*)\s*[)）]\s*$/.exec(h);
  if (inParens) {
    const byCode = findIndicator(fw, inParens[1], fw.leaves);
    if (byCode.ok) return byCode;
  }
  const leading = /^([A-Za-z]\d*(?:\.\d+)+)\s+\S/.exec(h.trim());
  if (leading) {
    const byCode = findIndicator(fw, leading[1], fw.leaves);
    if (byCode.ok) return byCode;
  }
  return findIndicator(fw, h, fw.leaves);
}
