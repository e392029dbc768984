import { cellAddress } from "./address";
import { issue, type Issue } from "./issue";
import { coverageShare, nodeAggregation, type NodeAggregation } from "./node-rules";
import { readWeight } from "./weight";

export { coverageShare, NODE_AGGREGATIONS, type NodeAggregation } from "./node-rules";

/** One row of a framework table (framework.csv or the framework sheet). */
export interface FrameworkRow {
  code: string;
  level?: number;
  /** The report's number for an input indicator (1–38 in 2020). */
  no?: number;
  parent?: string;
  nameZh: string;
  nameEn: string;
  /** Relative to siblings: a number or text such as `9/40`. */
  weight: number | string;
  /** How this parent combines its children (`arithmetic`, `geometric`, `harmonic`); blank inherits the default. */
  aggregation?: string;
  /** The share of its children's weight a parent needs to be scored (`all`, `any`, `50%`); blank: all. */
  coverage?: string | number;
  /** On the root: the decimals values are shown, rounded and ranked at (default 2). */
  decimals?: number | string;
  /** Where the row came from, for messages (zero-based sheet row; `col`: the weight's column). */
  source?: { sheet?: string; row: number; col?: number };
}

/** The decimals of the 2020 report: values shown, rounded and ranked at 2. */
export const DEFAULT_DECIMALS = 2;
/** Decimals an assessment may choose: 0 (whole numbers) to 6. */
export const MAX_DECIMALS = 6;

export interface Indicator {
  code: string;
  level: number;
  no?: number;
  parent?: string;
  nameZh: string;
  nameEn: string;
  weight: number;
  children: string[];
  /** The parent's own aggregation; undefined: the assessment's default. */
  aggregation?: NodeAggregation;
  /** The parent's coverage rule (share of its children's weight needed, 0–1); undefined: all. */
  coverage?: number;
}

/**
 * A checked indicator tree. `order` is pre-order (root first, children in row order), so a
 * reverse walk meets every child before its parent; `leaves` are the input indicators.
 */
export interface Framework {
  root: string;
  indicators: ReadonlyMap<string, Indicator>;
  order: readonly string[];
  leaves: readonly string[];
  /** Position of each code in `order`. */
  index: ReadonlyMap<string, number>;
  /** For each position in `order`: the parent's position, or -1 for the root. */
  parentOf: Int32Array;
  /** For each position in `order`: the weight relative to siblings. */
  weightOf: Float64Array;
  /** For each position in `order`: its position in `leaves`, or -1. */
  leafOf: Int32Array;
  /** Each leaf's weight in the root: the product of weights along its path. */
  leafWeights: Float64Array;
  /**
   * For each position in `order`: its own aggregation (0: the assessment's default, then
   * 1 arithmetic, 2 geometric, 3 harmonic), as NODE_CODES. Absent: every parent the default.
   */
  aggregationOf?: Uint8Array;
  /** For each position in `order`: the coverage its row states (0–1), NaN where it states none. */
  coverageOf?: Float64Array;
  /** Whether any row states a coverage rule: missing values are then expected, not errors. */
  statesCoverage?: boolean;
  /** The decimals values are shown, rounded and ranked at; undefined: DEFAULT_DECIMALS. */
  decimals?: number;
}

/** A node's aggregation as its code in `Framework.aggregationOf`. */
export const NODE_CODES: Record<NodeAggregation, number> = { arithmetic: 1, geometric: 2, harmonic: 3 };

/** The framework's decimals, or the default. */
export const decimalsOf = (fw: Framework): number => fw.decimals ?? DEFAULT_DECIMALS;

const WEIGHT_TOLERANCE = 1e-9;
/** Weights written to 4 decimals (3/7 as 0.4286) sum to 1 within this: accepted, with a warning, and rescaled. */
const ROUNDED_WEIGHTS = 0.0005;

/** Builds and checks a framework. Returns issues instead of throwing. */
export function buildFramework(rows: readonly FrameworkRow[]): { framework?: Framework; issues: Issue[] } {
  const issues: Issue[] = [];
  const where = (r: FrameworkRow) => (r.source ? { cell: { sheet: r.source.sheet, address: `A${r.source.row + 1}`, row: r.source.row, col: 0 } } : {});
  const at = (r: FrameworkRow) => (r.source ? `${r.source.sheet ? r.source.sheet + "!" : ""}第${r.source.row + 1}行 ` : "");
  const atEn = (r: FrameworkRow) => (r.source ? `${r.source.sheet ? r.source.sheet + "!" : ""}row ${r.source.row + 1}: ` : "");

  const indicators = new Map<string, Indicator>();
  let decimals: number | undefined;
  for (const r of rows) {
    const code = String(r.code ?? "").trim();
    if (!code) {
      issues.push(issue("error", "framework-missing-code", `${at(r)}指标缺少代码`, `${atEn(r)}indicator has no code`, where(r)));
      continue;
    }
    if (indicators.has(code)) {
      issues.push(
        issue("error", "framework-duplicate-code", `${at(r)}指标代码 ${code} 重复`, `${atEn(r)}duplicate indicator code ${code}`, {
          ...where(r),
          indicator: code,
        }),
      );
      continue;
    }
    const read = readWeight(r.weight);
    const weight = read.value;
    const parent = r.parent === undefined || String(r.parent).trim() === "" ? undefined : String(r.parent).trim();
    // The weight's own cell when the table says where it is, else the row's first.
    const weightCell = () =>
      r.source?.col !== undefined
        ? { cell: { sheet: r.source.sheet, address: cellAddress(r.source.row, r.source.col), row: r.source.row, col: r.source.col }, indicator: code }
        : { ...where(r), indicator: code };
    if (parent !== undefined && read.comma === "ambiguous") {
      issues.push(
        issue(
          "error",
          "framework-ambiguous-weight",
          `${at(r)}指标 ${code} 的权重「${r.weight}」含义不明：逗号可能是千位分隔符，也可能是小数点；请写成小数（如 0.225）、分数（如 9/40）或百分数（如 22.5%）`,
          `${atEn(r)}weight "${r.weight}" of ${code} is ambiguous: its comma may separate thousands or be a decimal comma; write a decimal (0.225), a fraction (9/40) or a percentage (22.5%)`,
          weightCell(),
        ),
      );
    } else if (parent !== undefined && !(Number.isFinite(weight) && weight > 0)) {
      issues.push(
        issue(
          "error",
          "framework-bad-weight",
          `${at(r)}指标 ${code} 的权重「${r.weight}」不是正数`,
          `${atEn(r)}weight "${r.weight}" of ${code} is not a positive number`,
          { ...where(r), indicator: code },
        ),
      );
    }
    if (parent !== undefined && read.comma === "decimal" && Number.isFinite(weight) && weight > 0)
      issues.push(
        issue(
          "warning",
          "framework-decimal-comma",
          `${at(r)}指标 ${code} 的权重「${r.weight}」按小数逗号读作 ${+weight.toFixed(12)}`,
          `${atEn(r)}weight "${r.weight}" of ${code} is read with a decimal comma as ${+weight.toFixed(12)}`,
          weightCell(),
        ),
      );
    const method = nodeAggregation(r.aggregation);
    if (method === null)
      issues.push(
        issue(
          "error",
          "framework-bad-aggregation",
          `${at(r)}指标 ${code} 的汇总方法「${r.aggregation}」无法识别，可选：arithmetic（算术平均）、geometric（几何平均）、harmonic（调和平均），空白则用默认`,
          `${atEn(r)}aggregation "${r.aggregation}" of ${code} is not known; use arithmetic, geometric or harmonic, or leave it blank for the default`,
          { ...where(r), indicator: code },
        ),
      );
    const coverage = coverageShare(r.coverage);
    if (coverage === null)
      issues.push(
        issue(
          "error",
          "framework-bad-coverage",
          `${at(r)}指标 ${code} 的覆盖规则「${r.coverage}」无法识别：写 all（须全部下级指标有值）、any（有一个即可）或所需权重比例如 50%`,
          `${atEn(r)}coverage "${r.coverage}" of ${code} is not a rule: write all (every child needs a value), any (one is enough) or the share of weight needed, e.g. 50%`,
          { ...where(r), indicator: code },
        ),
      );
    if (r.decimals !== undefined && String(r.decimals).trim() !== "") {
      const d = Number(String(r.decimals).trim());
      if (!(Number.isInteger(d) && d >= 0 && d <= MAX_DECIMALS) || parent !== undefined)
        issues.push(
          issue(
            "error",
            "framework-bad-decimals",
            parent !== undefined
              ? `${at(r)}小数位数只能写在根指标（${code} 不是根指标）的行上`
              : `${at(r)}小数位数「${r.decimals}」须为 0 到 ${MAX_DECIMALS} 的整数`,
            parent !== undefined
              ? `${atEn(r)}decimals belong on the root indicator's row (${code} is not the root)`
              : `${atEn(r)}decimals "${r.decimals}" must be a whole number from 0 to ${MAX_DECIMALS}`,
            { ...where(r), indicator: code },
          ),
        );
      else decimals = d;
    }
    indicators.set(code, {
      code,
      level: r.level ?? 0,
      no: r.no,
      parent,
      // A framework in one language names its indicators in that one for both.
      nameZh: String(r.nameZh ?? "").trim() || String(r.nameEn ?? "").trim() || code,
      nameEn: String(r.nameEn ?? "").trim() || String(r.nameZh ?? "").trim() || code,
      weight: parent === undefined ? 1 : weight,
      children: [],
      ...(method ? { aggregation: method } : {}),
      ...(coverage !== undefined && coverage !== null ? { coverage } : {}),
    });
  }

  const roots = [...indicators.values()].filter((i) => i.parent === undefined);
  if (roots.length !== 1) {
    issues.push(
      issue(
        "error",
        "framework-root",
        `指标体系须恰有一个根指标，现有 ${roots.length} 个${roots.length ? "：" + roots.map((r) => r.code).join("、") : ""}`,
        `the framework needs exactly one root indicator; found ${roots.length}${roots.length ? ": " + roots.map((r) => r.code).join(", ") : ""}`,
      ),
    );
  }
  for (const ind of indicators.values()) {
    if (ind.parent === undefined) continue;
    const p = indicators.get(ind.parent);
    if (!p) {
      const r = rows.find((x) => String(x.code).trim() === ind.code)!;
      issues.push(
        issue(
          "error",
          "framework-orphan",
          `${at(r)}指标 ${ind.code} 的上级 ${ind.parent} 不存在`,
          `${atEn(r)}parent ${ind.parent} of ${ind.code} does not exist`,
          { ...where(r), indicator: ind.code },
        ),
      );
    } else p.children.push(ind.code);
  }

  // Cycles: a node whose parent chain never reaches a root.
  for (const ind of indicators.values()) {
    const seen = new Set<string>();
    let cur: Indicator | undefined = ind;
    while (cur?.parent !== undefined && !seen.has(cur.code)) {
      seen.add(cur.code);
      cur = indicators.get(cur.parent);
    }
    if (cur && cur.parent !== undefined && seen.has(cur.code) && cur.code === ind.code) {
      issues.push(
        issue("error", "framework-cycle", `指标 ${ind.code} 的上级链构成循环`, `the parent chain of ${ind.code} forms a cycle`, {
          indicator: ind.code,
        }),
      );
    }
  }

  /** The weight cells of `codes` (framework.csv!G3、G4…), and the first one as the issue's cell. */
  const weightCells = (codes: readonly string[]) => {
    const cells = codes
      .map((c) => rows.find((x) => String(x.code).trim() === c)?.source)
      .filter((src): src is NonNullable<FrameworkRow["source"]> => src !== undefined)
      .map((src) => ({ sheet: src.sheet, address: cellAddress(src.row, src.col ?? 0), row: src.row, col: src.col ?? 0 }));
    if (!cells.length) return { zh: "", en: "", extra: {} };
    // The issue's cell (the first weight) is prefixed by whoever shows it; the others are listed.
    const list = cells.slice(0, 8).map((c) => c.address);
    const more = cells.length > 8 ? "…" : "";
    return { zh: `（${list.join("、")}${more}）`, en: ` (${list.join(", ")}${more})`, extra: { cell: cells[0] } };
  };
  for (const p of indicators.values()) {
    if (p.children.length === 0) continue;
    const sum = p.children.reduce((s, c) => s + indicators.get(c)!.weight, 0);
    if (!Number.isFinite(sum) || Math.abs(sum - 1) <= WEIGHT_TOLERANCE) continue;
    const at = weightCells(p.children);
    const shown = +sum.toFixed(12);
    if (Math.abs(sum - 1) <= ROUNDED_WEIGHTS) {
      // Rounded fractions (3/7 → 0.4286): rescaled so they sum to 1, keeping their proportions.
      for (const c of p.children) indicators.get(c)!.weight /= sum;
      issues.push(
        issue(
          "warning",
          "framework-weights-rounded",
          `指标 ${p.code}（${p.nameZh}）的下级权重${at.zh}之和为 ${shown}，按四舍五入处理，已按比例调整为和为 1`,
          `weights${at.en} of the children of ${p.code} (${p.nameEn}) sum to ${shown}; taken as rounded and rescaled to sum to 1`,
          { ...at.extra, indicator: p.code },
        ),
      );
      continue;
    }
    issues.push(
      issue(
        "error",
        "framework-weights",
        `指标 ${p.code}（${p.nameZh}）的下级权重${at.zh}之和为 ${shown}，应为 1`,
        `weights${at.en} of the children of ${p.code} (${p.nameEn}) sum to ${shown}, not 1`,
        { ...at.extra, indicator: p.code },
      ),
    );
  }

  if (issues.some((i) => i.severity === "error") || roots.length !== 1) return { issues };

  const order: string[] = [];
  const levels = new Map<string, number>();
  const visit = (code: string, level: number) => {
    order.push(code);
    levels.set(code, level);
    for (const c of indicators.get(code)!.children) visit(c, level + 1);
  };
  visit(roots[0].code, 0);
  // Levels follow the tree; a stated level that disagrees is corrected, not trusted.
  for (const [code, level] of levels) indicators.get(code)!.level = level;

  const leaves = order.filter((c) => indicators.get(c)!.children.length === 0);
  const seenNo = new Map<number, string>();
  for (const c of leaves) {
    const no = indicators.get(c)!.no;
    if (no === undefined) continue;
    if (seenNo.has(no))
      issues.push(
        issue(
          "error",
          "framework-duplicate-no",
          `指标序号 ${no} 重复（${seenNo.get(no)}、${c}）`,
          `report number ${no} is used twice (${seenNo.get(no)}, ${c})`,
          {
            indicator: c,
          },
        ),
      );
    seenNo.set(no, c);
  }
  if (issues.some((i) => i.severity === "error")) return { issues };

  const index = new Map(order.map((c, i) => [c, i]));
  const parentOf = new Int32Array(order.length);
  const weightOf = new Float64Array(order.length);
  const leafOf = new Int32Array(order.length).fill(-1);
  order.forEach((c, i) => {
    const ind = indicators.get(c)!;
    parentOf[i] = ind.parent === undefined ? -1 : index.get(ind.parent)!;
    weightOf[i] = ind.weight;
  });
  leaves.forEach((c, j) => (leafOf[index.get(c)!] = j));
  const own = order.map((c) => indicators.get(c)!);
  const aggregationOf = own.some((i) => i.aggregation) ? Uint8Array.from(own, (i) => (i.aggregation ? NODE_CODES[i.aggregation] : 0)) : undefined;
  const statesCoverage = own.some((i) => i.coverage !== undefined);
  const coverageOf = statesCoverage ? Float64Array.from(own, (i) => i.coverage ?? NaN) : undefined;
  const leafWeights = new Float64Array(leaves.length);
  leaves.forEach((c, j) => {
    let w = 1;
    for (let i = index.get(c)!; i > 0; i = parentOf[i]) w *= weightOf[i];
    leafWeights[j] = w;
  });

  return {
    framework: {
      root: order[0],
      indicators,
      order,
      leaves,
      index,
      parentOf,
      weightOf,
      leafOf,
      leafWeights,
      ...(aggregationOf ? { aggregationOf } : {}),
      ...(coverageOf ? { coverageOf, statesCoverage } : {}),
      ...(decimals !== undefined ? { decimals } : {}),
    },
    issues,
  };
}

/** Reads framework.csv's columns (code, level, no, parent, name_zh, name_en, weight). */
export function frameworkRowsFromTable(table: readonly (readonly unknown[])[], sheet?: string): FrameworkRow[] {
  const [header = [], ...body] = table;
  const col = (...names: string[]) =>
    header.findIndex((h) =>
      names.includes(
        String(h ?? "")
          .trim()
          .toLowerCase(),
      ),
    );
  const c = {
    code: col("code", "代码"),
    level: col("level", "层级"),
    no: col("no", "序号"),
    parent: col("parent", "上级"),
    zh: col("name_zh", "名称", "中文名称"),
    en: col("name_en", "english", "英文名称"),
    weight: col("weight", "权重"),
    aggregation: col("aggregation", "汇总方法", "聚合方法", "汇总"),
    coverage: col("coverage", "覆盖规则", "覆盖"),
    decimals: col("decimals", "precision", "小数位数", "小数位", "精度"),
  };
  const text = (r: readonly unknown[], i: number) => (i < 0 || r[i] === null || r[i] === undefined ? "" : String(r[i]).trim());
  return body
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.some((v) => v !== null && v !== undefined && String(v).trim() !== ""))
    .map(({ r, i }) => ({
      code: text(r, c.code),
      level: text(r, c.level) === "" ? undefined : Number(text(r, c.level)),
      no: text(r, c.no) === "" ? undefined : Number(text(r, c.no)),
      parent: text(r, c.parent) || undefined,
      nameZh: text(r, c.zh),
      nameEn: text(r, c.en),
      weight: c.weight < 0 ? "" : typeof r[c.weight] === "number" ? (r[c.weight] as number) : text(r, c.weight),
      ...(text(r, c.aggregation) ? { aggregation: text(r, c.aggregation) } : {}),
      ...(text(r, c.coverage) ? { coverage: typeof r[c.coverage] === "number" ? (r[c.coverage] as number) : text(r, c.coverage) } : {}),
      ...(text(r, c.decimals) ? { decimals: text(r, c.decimals) } : {}),
      source: { sheet, row: i + 1, ...(c.weight >= 0 ? { col: c.weight } : {}) },
    }));
}

/** The path from the root's child down to `code`, e.g. ["C", "C2", "C2.1"]. */
export function pathOf(framework: Framework, code: string): string[] {
  const path: string[] = [];
  for (let c: string | undefined = code; c !== undefined && c !== framework.root; c = framework.indicators.get(c)?.parent) path.unshift(c);
  return path;
}
