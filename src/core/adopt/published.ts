// The publisher's own figures beside its indicators (UNDP's HDI column, a published composite):
// compared with SCI's at the assessment's decimals, the check an evaluator makes when taking
// over last year's published index.
import { parseCell } from "../cell";
import { decimalsOf } from "../framework";
import { issue, type Issue } from "../issue";
import { centsKey } from "../ranks";
import { fixedTo } from "../round";
import type { Scores } from "../score";
import type { Reading } from "./reading";

export interface Agreement {
  /** The indicator SCI computes that the column publishes. */
  code: string;
  /** The column's header cell, e.g. `C5`. */
  address: string;
  /** Entities with both a published and a computed figure. */
  compared: number;
  /** Of those, how many agree at the assessment's decimals. */
  matched: number;
  /** The largest difference between the two, unrounded. */
  largest: number;
  /** The entities that differ: what was published and what SCI computes. */
  differing: { entity: string; published: number; computed: number }[];
}

/** Each published column compared with SCI's figures; one issue per column saying how they agree. */
export function publishedAgreement(reading: Reading, s: Scores): { agreements: Agreement[]; issues: Issue[] } {
  const fw = s.dataset.framework;
  const decimals = decimalsOf(fw);
  const K = fw.order.length;
  const row = new Map(s.dataset.districts.map((d, i) => [d.id, i]));
  const agreements: Agreement[] = [];
  for (const p of reading.published ?? []) {
    const k = fw.index.get(p.code);
    if (k === undefined) continue;
    const a: Agreement = { code: p.code, address: reading.fields[p.index]?.address ?? "", compared: 0, matched: 0, largest: 0, differing: [] };
    for (const e of reading.entities) {
      const i = e.id === undefined ? undefined : row.get(e.id);
      const cell = parseCell(reading.lines[e.line]?.[p.index]);
      if (i === undefined || cell.kind !== "number") continue;
      const computed = s.values[i * K + k];
      if (!Number.isFinite(computed)) continue;
      a.compared++;
      a.largest = Math.max(a.largest, Math.abs(computed - cell.value));
      if (centsKey(computed, decimals) === centsKey(cell.value, decimals)) a.matched++;
      else a.differing.push({ entity: e.id!, published: cell.value, computed });
    }
    if (a.compared) agreements.push(a);
  }
  const issues = agreements.map((a) => {
    const ind = fw.indicators.get(a.code)!;
    const at = `${reading.sheet ? reading.sheet + "!" : ""}${a.address}`;
    const list = a.differing
      .slice(0, 5)
      .map((d) => `${d.entity} ${fixedTo(d.published, decimals)} → ${fixedTo(d.computed, decimals)}`)
      .join("; ");
    const more = a.differing.length > 5 ? " …" : "";
    const same = a.matched === a.compared;
    return issue(
      "warning",
      same ? "published-agreement" : "published-disagreement",
      `${at}：表中已公布的「${ind.nameZh}」与 SCI 的计算结果在 ${decimals} 位小数上 ${a.matched}/${a.compared} 一致，最大差 ${a.largest.toPrecision(2)}${same ? "" : `；不一致：${list}${more}`}`,
      `${at}: the table's published "${ind.nameEn}" agrees with SCI's figures for ${a.matched} of ${a.compared} at ${decimals} decimals (largest difference ${a.largest.toPrecision(2)})${same ? "" : `; differing: ${list}${more}`}`,
      { indicator: a.code },
    );
  });
  return { agreements, issues };
}
