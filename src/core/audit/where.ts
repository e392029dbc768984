import { cellAddress } from "../address";
import type { Dataset } from "../dataset";
import { issue, type Issue, type IssueCode, type Severity } from "../issue";

/**
 * An issue about one district's value of one input indicator, naming its cell when the
 * dataset knows where it came from (`SCI_Input!C5，<entity>，A1.1 <name>：…`).
 */
export function cellIssue(ds: Dataset, severity: Severity, code: IssueCode, i: number, leaf: string, zh: string, en: string): Issue {
  const ind = ds.framework.indicators.get(leaf)!;
  const row = ds.source?.rowOf[i];
  const col = ds.source?.colOf.get(leaf);
  const sheet = ds.source?.sheet;
  const address = row !== undefined && col !== undefined ? cellAddress(row, col) : undefined;
  const full = address && (sheet ? `${sheet}!${address}` : address);
  const district = ds.districts[i].id;
  const atZh = [full, district, `${leaf} ${ind.nameZh}`].filter(Boolean).join("，");
  const atEn = [full, district, `${leaf} ${ind.nameEn}`].filter(Boolean).join(", ");
  return issue(severity, code, `${atZh}：${zh}`, `${atEn}: ${en}`, {
    ...(address ? { cell: { sheet, address, row: row!, col: col! } } : {}),
    district,
    indicator: leaf,
  });
}

/** An issue about a whole indicator (`B4.6 名称：…`). */
export function indicatorIssue(ds: Dataset, severity: Severity, code: IssueCode, indicator: string, zh: string, en: string): Issue {
  const ind = ds.framework.indicators.get(indicator)!;
  return issue(severity, code, `${indicator} ${ind.nameZh}：${zh}`, `${indicator} ${ind.nameEn}: ${en}`, { indicator });
}
