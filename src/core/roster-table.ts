// An entity list as a table (a districts CSV, or the workbook's SCI_Districts): who is ranked,
// under which names, in which region. It replaces a profile's built-in list.
import { cellAddress } from "./address";
import { cellText, cleanText, quote } from "./cell";
import { regionId, regionOf, type District, type Region } from "./district";
import { issue, type Issue } from "./issue";
import { DISTRICT_HEADERS, normHeader, REGION_HEADERS } from "./headers";
import type { Profile, ProfileWords } from "./profile";
import type { InputTable } from "./validate";

const COLUMNS = {
  id: DISTRICT_HEADERS,
  region: REGION_HEADERS,
  fullZh: ["full_name", "全称", "fullname", "full name"],
  en: ["name_en", "英文名", "english", "英文名称"],
  code: ["code", "代码", "区划代码"],
} as const;

const key = (v: unknown) => cleanText(cellText(v));

export interface RosterRead {
  districts?: District[];
  /** The list's own word for an entity, from its name column's header (县, 街镇 …), if it has one. */
  entity?: { zh: string; en: string };
  /** Regions in the order the table first names them (a profile's region when the name is one). */
  regions?: Region[];
  issues: Issue[];
}

/**
 * Reads an entity list: columns `district` (or 行政区/名称), optionally `region` (or 区域: an
 * entity without one is ranked over all only),
 * `full_name` (全称), `name_en` (英文名), `code` (代码). Regions are the names written there;
 * one a profile knows (`中心城区`, `central`) keeps the profile's id and names. Never throws.
 */
export function rosterFromTable(table: InputTable, known: readonly Region[] = [], words?: ProfileWords): RosterRead {
  const issues: Issue[] = [];
  const origin = table.origin ?? { row: 0, col: 0 };
  const rows = Array.isArray(table.rows) ? table.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
  const entity = words?.entity ?? { zh: "地区", en: "entity" };
  const at = (row: number, col: number) => {
    const address = cellAddress(origin.row + row, origin.col + col);
    const full = table.sheet ? `${table.sheet}!${address}` : address;
    return { full, cell: { sheet: table.sheet, address, row: origin.row + row, col: origin.col + col } };
  };
  const header = (rows[0] ?? []).map(normHeader);
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const c = { id: col(COLUMNS.id), region: col(COLUMNS.region), fullZh: col(COLUMNS.fullZh), en: col(COLUMNS.en), code: col(COLUMNS.code) };
  // The region column is optional: an entity in no region is ranked over all only.
  if (c.id < 0) {
    const w = at(0, Math.max(0, header.length));
    issues.push(
      issue("error", "roster-missing-column", `${w.full}：名单缺少「${entity.zh}（district）」列`, `${w.full}: the list has no "district" column`, {
        cell: w.cell,
      }),
    );
  }
  if (issues.length) return { issues };

  const districts: District[] = [];
  const regions: Region[] = [];
  const seen = new Map<string, number>();
  const regionFor = new Map<string, string>();
  // One row, in a function of its own: the engine compiles it after a few rows, where the
  // loop inside this long function would run uncompiled for most of a 3,000-row list.
  const readRow = (r: number): void => {
    const row = rows[r];
    if (row.every((v) => key(v) === "")) return;
    const id = key(row[c.id]);
    if (!id) {
      const w = at(r, c.id);
      issues.push(
        issue("error", "roster-missing-name", `${w.full}：名称为空，但该行有内容`, `${w.full}: the name is empty but the row is not`, { cell: w.cell }),
      );
      return;
    }
    const regionText = c.region < 0 ? "" : key(row[c.region]);
    if (seen.has(id)) {
      const w = at(r, c.id);
      const first = origin.row + seen.get(id)! + 1;
      issues.push(
        issue(
          "error",
          "roster-duplicate",
          `${w.full}：「${quote(id)}」重复（首次出现在第 ${first} 行）`,
          `${w.full}: "${quote(id)}" is listed twice (first on row ${first})`,
          { cell: w.cell, district: id },
        ),
      );
      return;
    }
    seen.set(id, r);
    // A list names a few regions many times over: each text is looked up once.
    let region = regionText === "" ? "" : regionFor.get(regionText);
    if (region === undefined) {
      const knownId = regionId(regionText, known);
      region = knownId ?? regionText;
      regionFor.set(regionText, region);
      if (!regions.some((x) => x.id === region)) regions.push(known.find((x) => x.id === knownId) ?? { id: region, zh: region, en: region });
    }
    const optional = (i: number) => (i < 0 ? undefined : key(row[i]) || undefined);
    districts.push({ id, region, fullZh: optional(c.fullZh), en: optional(c.en), code: optional(c.code) });
  };
  for (let r = 1; r < rows.length; r++) readRow(r);
  if (districts.length === 0 && issues.length === 0) {
    const w = at(1, c.id);
    issues.push(issue("error", "roster-empty", `${w.full}：名单中没有任何${entity.zh}`, `${w.full}: the list names no ${entity.en}`, { cell: w.cell }));
  }
  if (issues.some((i) => i.severity === "error")) return { issues };
  const named = entityWord(key(rows[0]?.[c.id]));
  return { districts, regions, issues, ...(named ? { entity: named } : {}) };
}

/** The entity list as a table to edit: district, region, full_name, name_en, code, prefilled with a profile's. */
export function rosterTemplate(profile: Profile): (string | null)[][] {
  return [
    ["district", "region", "full_name", "name_en", "code"],
    ...profile.districts.map((d) => [d.id, regionOf(d.region, profile.regions).zh, d.fullZh ?? null, d.en ?? null, d.code ?? null]),
  ];
}

/** A Chinese header such as 县 or 街镇 names the entities; 名称 or `district` says nothing (undefined). */
function entityWord(header: string): { zh: string; en: string } | undefined {
  const known: Record<string, string> = { 县: "county", 区县: "county", 区: "district", 行政区: "district", 街镇: "subdistrict", 地区: "entity" };
  return known[header] ? { zh: header, en: known[header] } : undefined;
}
