// Issues as the evaluator reads them, in the pane and in the terminal alike: one item per real
// cause. Empty cells (a fresh template has hundreds) become one "N cells to fill" item per
// district; a misspelt district is one issue with its fix, and the "district missing" that the
// misspelling causes is dropped.
import { cellAddress, parseAddress } from "./address";
import type { Roster } from "./district";
import { sortIssues, type Issue } from "./issue";

export interface CellRef {
  sheet?: string;
  address: string;
}

/** A cell's new text, written only when the evaluator clicks the fix. */
export interface Fix {
  cell: CellRef;
  text: string;
}

export type IssueItem =
  | { kind: "fill"; key: string; sheet?: string; district?: string; count: number; first: CellRef; cells: CellRef[] }
  | { kind: "issue"; key: string; issue: Issue; fix?: Fix };

export interface IssueGroups {
  /** Errors, then the cells to fill, then warnings. */
  items: IssueItem[];
  errors: number;
  warnings: number;
  /** Empty cells in all, and the districts they are in. */
  toFill: number;
  fillGroups: number;
}

const ref = (i: Issue): CellRef | undefined => i.cell && { sheet: i.cell.sheet, address: i.cell.address };

/**
 * The district an unknown-district issue most likely means. Read from `suggestion` when the
 * core supplies it; until then the name as typed (the first 「…」 of the Chinese text, which
 * the roster's own message puts there) is looked up again in the roster.
 */
export function suggestionOf(i: Issue, roster?: Roster): string | undefined {
  if (i.code !== "unknown-district") return undefined;
  const given = i.suggestion;
  if (typeof given === "string") return given;
  const typed = /「([^」]*)」/.exec(i.zh)?.[1];
  return typed ? roster?.suggest(typed)?.id : undefined;
}

/** Groups issues by cause. Without a roster, only the fixes the core itself suggests are offered. */
export function groupIssues(issues: readonly Issue[], roster?: Roster): IssueGroups {
  const sorted = sortIssues(issues);
  // A fix only brings back a district the table lacks: renaming to one already there would
  // make a duplicate. The core lists every missing district except those a misspelling
  // explains; so while others are missing and this one is not among them, it is in the table.
  const missing = new Set(sorted.filter((i) => i.code === "missing-district" && i.district).map((i) => i.district));
  const fixes = new Map<Issue, Fix>();
  for (const i of sorted) {
    const s = suggestionOf(i, roster);
    const cell = ref(i);
    const own = typeof i.suggestion === "string"; // the core's word: trusted
    if (s && cell && (own || missing.has(s) || missing.size === 0)) fixes.set(i, { cell, text: s });
  }
  const suggested = new Set([...fixes.values()].map((f) => f.text));
  const fills = new Map<string, Extract<IssueItem, { kind: "fill" }>>();
  const errors: IssueItem[] = [];
  const warnings: IssueItem[] = [];
  let toFill = 0;
  sorted.forEach((i, k) => {
    if (i.code === "empty-cell" && i.cell) {
      toFill++;
      const key = `fill:${i.cell.sheet ?? ""}:${i.district ?? ""}`;
      const group = fills.get(key);
      if (group) {
        group.count++;
        group.cells.push(ref(i)!);
      } else fills.set(key, { kind: "fill", key, sheet: i.cell.sheet, district: i.district, count: 1, first: ref(i)!, cells: [ref(i)!] });
      return;
    }
    // The misspelt row's district is not missing: its fix brings it back.
    if (i.code === "missing-district" && i.district && suggested.has(i.district)) return;
    const item: IssueItem = { kind: "issue", key: `${i.code}:${i.cell?.sheet ?? ""}:${i.cell?.address ?? ""}:${k}`, issue: i, fix: fixes.get(i) };
    (i.severity === "error" ? errors : warnings).push(item);
  });
  return { items: [...errors, ...fills.values(), ...warnings], errors: errors.length, warnings: warnings.length, toFill, fillGroups: fills.size };
}

/**
 * Cells as few ranges as a reader needs: runs along a row joined (`C2:AO2`), at most `max` ranges
 * then `…`. Cells are taken in the order given (sorted issues: by row, then column).
 */
export function cellRanges(cells: readonly CellRef[], max = 6): string {
  const runs: { row: number; from: number; to: number; text?: string }[] = [];
  for (const c of cells) {
    const at = parseAddress(c.address);
    const last = runs[runs.length - 1];
    if (at && last && last.text === undefined && last.row === at.row && last.to + 1 === at.col) last.to = at.col;
    else runs.push(at ? { row: at.row, from: at.col, to: at.col } : { row: -1, from: -1, to: -1, text: c.address });
  }
  const text = runs.map((r) => r.text ?? (r.from === r.to ? cellAddress(r.row, r.from) : `${cellAddress(r.row, r.from)}:${cellAddress(r.row, r.to)}`));
  return text.length > max ? `${text.slice(0, max).join(", ")}, …` : text.join(", ");
}

/** Items of one cause in one column, or every district's cells to fill: one expandable entry. */
export interface IssueCluster {
  kind: "cluster";
  key: string;
  severity: "error" | "warning" | "fill";
  code: Issue["code"];
  sheet?: string;
  /** The column's letter, for a column's issues. */
  column?: string;
  indicator?: string;
  items: IssueItem[];
}

export type IssueEntry = IssueItem | IssueCluster;

const columnOf = (address: string): string => address.replace(/\$|\d+/g, "");

/**
 * The list as the pane shows it: issues of one code in one column of one sheet (a column of
 * dashes: 16 cells, one cause) become one entry, as do the districts' cells to fill; an item
 * with its own fix, or alone in its column, stays itself. Entries keep the items' order.
 */
export function clusterItems(items: readonly IssueItem[], min = 2): IssueEntry[] {
  const keyOf = (item: IssueItem): string | undefined => {
    if (item.kind === "fill") return "fill";
    const { issue, fix } = item;
    if (fix || !issue.cell) return undefined;
    return `${issue.severity}:${issue.code}:${issue.cell.sheet ?? ""}:${columnOf(issue.cell.address)}`;
  };
  const members = new Map<string, IssueItem[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k !== undefined) members.set(k, [...(members.get(k) ?? []), item]);
  }
  const out: IssueEntry[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const k = keyOf(item);
    const group = k === undefined ? undefined : members.get(k)!;
    if (!group || group.length < min) {
      out.push(item);
      continue;
    }
    if (placed.has(k!)) continue;
    placed.add(k!);
    const first = group[0];
    out.push(
      first.kind === "fill"
        ? { kind: "cluster", key: "cluster:fill", severity: "fill", code: "empty-cell", items: group }
        : {
            kind: "cluster",
            key: `cluster:${k}`,
            severity: first.issue.severity,
            code: first.issue.code,
            sheet: first.issue.cell!.sheet,
            column: columnOf(first.issue.cell!.address),
            indicator: group.every((g) => g.kind === "issue" && g.issue.indicator === first.issue.indicator) ? first.issue.indicator : undefined,
            items: group,
          },
    );
  }
  return out;
}

/**
 * A message parted where it names its place: `SCI 输入!D5，浦东：「-」不是数字` → the place and
 * `「-」不是数字`; a message naming none is all cause.
 */
export function placeAndCause(text: string): [string, string] {
  const at = text.search(/：|: /);
  return at < 0 ? ["", text] : [text.slice(0, at), text.slice(at + (text[at] === "：" ? 1 : 2))];
}

/** What a message says after naming its place. */
export const causeOf = (text: string): string => placeAndCause(text)[1];
