// The values the builder's choices changed, as a sheet beside the rankings: every imputed cell
// and every treated value, so nothing in a published table was changed silently.
import type { Lang, Prepared, Scores } from "../core";
import { sheetName, titleZh, wordsOf, type LayoutCell, type ReportLayout, type SheetLayout } from "./layout";

/** The sheet, or none when no value was imputed or treated; its name in `lang` (default Chinese). */
export function adjustmentsSheet(prepared: Prepared | undefined, s: Scores, title = s.dataset.label ?? "", lang: Lang = "zh"): SheetLayout | undefined {
  if (!prepared || (prepared.imputed.length === 0 && prepared.treatments.every((t) => t.changed.length === 0))) return undefined;
  const fw = s.dataset.framework;
  const { entity } = wordsOf(s.dataset);
  const name = (code: string) => fw.indicators.get(code)?.nameZh ?? code;
  const cells: LayoutCell[][] = [
    [`${titleZh(title)}插补与异常值处理的数值 / ${title ? title + " " : ""}imputed and treated values`],
    ["下列数值由计算选项改变，排名表中的数值已按此计算 / These values were changed by the choices; the ranking tables are computed with them"],
    [],
    ["处理 / change", `${entity.zh} / ${entity.en}`, "代码 / code", "指标 / indicator", "原值 / as given", "采用值 / used", "说明 / note"],
  ];
  const first = cells.length;
  for (const i of prepared.imputed) cells.push(["插补 / imputed", i.district, i.indicator, name(i.indicator), null, i.value, i.cell ?? null]);
  for (const t of prepared.treatments)
    for (const c of t.changed)
      cells.push([
        t.method === "log" ? "对数变换 / log" : "缩尾 / winsorised",
        c.district,
        t.indicator,
        name(t.indicator),
        c.from,
        c.to,
        t.method === "log" ? "log(x − min + 0.01·(max − min))" : `${t.steps} 步 / steps`,
      ]);
  const n = cells.length - first;
  const width = 7;
  return {
    key: "adjustments",
    name: sheetName(lang === "zh" ? "插补与处理" : "Adjustments", title),
    cells: cells.map((r) => [...r, ...Array<LayoutCell>(width - r.length).fill(null)]),
    numbers: [{ row: first, col: 4, rows: n, cols: 2 }],
    headerRows: [0, first - 1],
    freezeRows: first,
    tables: [{ key: "adjustments", title: "插补与处理", row: first - 1, col: 0, rows: n + 1, cols: width }],
    charts: [],
    columnWidths: [18, 12, 9, 30, 14, 14, 34],
  };
}

/** The ranking layout with the sheet of changed values after its own, when there is one. */
export function withAdjustments(layout: ReportLayout, prepared: Prepared | undefined, s: Scores): ReportLayout {
  const sheet = adjustmentsSheet(prepared, s, layout.title, layout.sheetLang);
  return sheet ? { ...layout, sheets: [...layout.sheets, sheet] } : layout;
}
