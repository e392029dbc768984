// @vitest-environment jsdom
// Year over year in the pane: last year is the 2020 data with 浦东's coefficient halved, so
// 浦东 rises from 16th to 1st (central: 8th to 1st) and every other district falls one place,
// while no index below the composite moves.
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { compare } from "../../src/core";
import { comparisonLayout, type SheetLayout } from "../../src/report";
import YearOverYearPanel from "../../src/taskpane/analysis/YearOverYearPanel";
import { STRINGS, type Lang } from "../../src/taskpane/i18n";
import { a1 } from "../excel/fixtures";
import type { FakeExcel } from "../fakes/excel";
import { lastYear, modelOf, now2020, renderPanel } from "./panels";

const previous = lastYear("2019");
const model = modelOf(now2020, { previous });
const panel = (lang: Lang = "zh", current = model) =>
  renderPanel((workbook) => <YearOverYearPanel t={STRINGS[lang]} lang={lang} current={current} workbook={workbook} />);

const table = () => screen.getByRole("table");
const bodyRows = () => within(table()).getAllByRole("row").slice(1);
const column = (k: number) => bodyRows().map((r) => (k === 0 ? within(r).getByRole("rowheader") : within(r).getAllByRole("cell")[k - 1]).textContent);

/** The written sheet holds the layout's cells, exactly. */
function expectSheet(excel: FakeExcel, name: string, sheet: SheetLayout) {
  const corner = `A1:${a1(sheet.cells.length - 1, sheet.cells[0].length - 1)}`;
  expect(excel.values(name, corner)).toEqual(sheet.cells.map((r) => r.map((v) => (v === null ? "" : v))));
}

describe("year over year", () => {
  it("中文: each district's change in value and rank, by this year's rank; the rank column reads 16 → 1 ↑15", () => {
    panel();
    expect(
      within(table())
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["行政区", "指数值（2020）", "变化", "排名（2019 → 2020）"]);
    expect(screen.getByText("SCI 智慧城市发展水平指数：2019 → 2020")).toBeTruthy();
    expect(column(0).slice(0, 4)).toEqual(["浦东", "徐汇", "黄浦", "静安"]);
    const pudong = bodyRows()[0];
    const cells = within(pudong).getAllByRole("cell");
    // The arrow is for the eye, the words (visually hidden) for screen readers.
    expect(cells.map((c) => c.textContent)).toEqual(["133.41", "+66.71", "16 → 1↑15排名上升15位"]);
    // Last year's value, shown on hover, is half this year's, so it equals the change.
    expect(cells[1].getAttribute("title")).toBe("2019 66.71");
    expect(column(3).slice(1)).toEqual(Array.from({ length: 15 }, (_, k) => `${k + 1} → ${k + 2}↓1排名下降1位`));
    expect(column(2).slice(1)).toEqual(Array(15).fill("0.00"));
    expect(screen.getByRole("columnheader", { name: "排名（2019 → 2020）" }).getAttribute("aria-sort")).toBe("ascending");
  });

  it("sorts by rank change, biggest rise first; by value change; aria-sort follows", async () => {
    const { user } = panel();
    const sortBy = screen.getByRole("combobox", { name: "排序" });
    await user.selectOptions(sortBy, "rankChange");
    expect(screen.getByRole("columnheader", { name: "排名（2019 → 2020）" }).getAttribute("aria-sort")).toBe("descending");
    expect(column(0)[0]).toBe("浦东");
    // Ties keep this year's rank order.
    expect(column(0).slice(1, 4)).toEqual(["徐汇", "黄浦", "静安"]);
    await user.selectOptions(sortBy, "change");
    expect(screen.getByRole("columnheader", { name: "变化" }).getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByRole("columnheader", { name: "排名（2019 → 2020）" }).getAttribute("aria-sort")).toBeNull();
    expect(column(2)[0]).toBe("+66.71");
    await user.selectOptions(sortBy, "newRank");
    expect(column(0).at(-1)).toBe("崇明");
  });

  it("the indicator picker: below the composite nothing changed; the region scope counts within 中心城区", async () => {
    const { user } = panel();
    await user.selectOptions(screen.getByRole("combobox", { name: "指标" }), "A");
    expect(screen.getByText("A 新型基础设施指数：2019 → 2020")).toBeTruthy();
    expect(column(3).every((c) => c?.endsWith("=排名不变"))).toBe(true);
    expect(new Set(column(2))).toEqual(new Set(["0.00"]));
    await user.selectOptions(screen.getByRole("combobox", { name: "指标" }), "SCI");
    await user.selectOptions(screen.getByRole("combobox", { name: "排名范围" }), "region");
    const row = bodyRows().find((r) => within(r).getByRole("rowheader").textContent === "浦东")!;
    expect(within(row).getAllByRole("cell")[2].textContent).toBe("8 → 1↑7排名上升7位");
    // Suburban districts did not move within their region.
    const chongming = bodyRows().find((r) => within(r).getByRole("rowheader").textContent === "崇明")!;
    expect(within(chongming).getAllByRole("cell")[2].textContent).toBe("8 → 8=排名不变");
  });

  it("writes the comparison sheets, equal to the core's layout cell for cell, never overwriting", async () => {
    const { user, excel } = panel();
    const date = new Date().toISOString().slice(0, 10); // the source line names the day
    const layout = comparisonLayout(compare(previous, now2020), { date });
    await user.click(screen.getByRole("button", { name: "生成比较工作表" }));
    const list = await screen.findByRole("list", { name: "已生成的工作表" });
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["对比 2019→2020", "对比明细 2019→2020"]);
    expect(screen.getByText("已生成以下工作表（点击打开）：")).toBeTruthy();
    layout.sheets.forEach((sheet) => expectSheet(excel, sheet.name, sheet));
    // The first row under the header: 浦东, first this year, up 7 places in its region.
    expect(excel.cell("对比 2019→2020", `M${layout.sheets[0].freezeRows + 1}`).value).toBe("排名上升7位 / up 7 places");
    expect(excel.syncs).toBe(2);

    await user.click(screen.getByRole("button", { name: "生成比较工作表" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "对比 2019→2020 (2)" })).toBeTruthy());
    expect(excel.sheetNames()).toEqual(["Sheet1", "对比 2019→2020", "对比明细 2019→2020", "对比 2019→2020 (2)", "对比明细 2019→2020 (2)"]);
    await user.click(screen.getByRole("button", { name: "对比明细 2019→2020 (2)" }));
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "对比明细 2019→2020 (2)", address: "A1" }));
  });

  it("English: districts and rank changes in English", async () => {
    const { user, excel } = panel("en");
    expect(
      within(table())
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["District", "Value (2020)", "Change", "Rank (2019 → 2020)"]);
    expect(column(0).slice(0, 2)).toEqual(["Pudong", "Xuhui"]);
    expect(column(3).slice(0, 2)).toEqual(["16 → 1↑15up 15 places", "1 → 2↓1down 1 place"]);
    expect(screen.getByRole("option", { name: "A New infrastructure index" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Generate comparison sheet" }));
    expect(await screen.findByText("Sheets generated (click to open):")).toBeTruthy();
    // The sheets are named in the pane's language.
    expect(excel.sheetNames()).toEqual(["Sheet1", "Comparison 2019→2020", "Comparison detail 2019→2020"]);
  });

  it("uses the model's own comparison (its labels) when it has one", () => {
    const comparison = compare(previous, now2020, { old: "上一年", new: "本年" });
    panel("zh", modelOf(now2020, { previous, comparison }));
    expect(screen.getByText("SCI 智慧城市发展水平指数：上一年 → 本年")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "排名（上一年 → 本年）" })).toBeTruthy();
    cleanup();
    panel("en", modelOf(now2020, { previous, comparison }));
    expect(screen.getByText("SCI Smart City Development Index: last year → this year")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "Rank (last year → this year)" })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "Value (this year)" })).toBeTruthy();
  });

  it("districts in one year only are listed, not compared", () => {
    const fewer = lastYear("2019");
    const comparison = compare(fewer, now2020);
    comparison.districts = comparison.districts.filter((d) => d.district !== "崇明");
    comparison.onlyNew = ["崇明"];
    panel("zh", modelOf(now2020, { previous: fewer, comparison }));
    expect(bodyRows()).toHaveLength(15);
    expect(screen.getByText("仅见于2020、未比较：崇明")).toBeTruthy();
  });

  it("without last year's table: says so and offers its template, which lands as SCI_Previous", async () => {
    const { user, excel } = panel("zh", modelOf(now2020));
    expect(screen.getByText(/工作簿中还没有上年数据/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(screen.getByRole("button", { name: "插入上年模板（以2020年数据为例）" }));
    expect(await screen.findByText(/^已插入工作表「SCI 上一年」。/)).toBeTruthy();
    expect(excel.table("SCI_Previous")?.sheet.name).toBe("SCI 上一年");
    await user.click(screen.getByRole("button", { name: "插入上年数据模板" }));
    expect(await screen.findByText(/^工作簿中已有 SCI_Previous 表/)).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI 上一年"]);
  });

  it("this year's or last year's data with errors: the pane says the years cannot be compared yet", () => {
    panel("en", modelOf(undefined, { previous }));
    expect(screen.getByText(/Last year's or this year's data has errors/)).toBeTruthy();
    cleanup();
    // SCI_Previous is there but did not validate: no template offered, the same message.
    panel("zh", modelOf(now2020, { tables: { previous: { name: "SCI_Previous", sheet: "SCI 上一年" } } }));
    expect(screen.getByText(/上年数据或本年数据有错误，暂不能比较/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("keyboard: the pickers, the sort and the generate button are reachable and work", async () => {
    const { user, excel } = panel();
    const tabTo = async (el: HTMLElement) => {
      for (let i = 0; i < 30 && document.activeElement !== el; i++) await user.tab();
      expect(document.activeElement).toBe(el);
    };
    await tabTo(screen.getByRole("combobox", { name: "指标" }));
    await tabTo(screen.getByRole("combobox", { name: "排名范围" }));
    const sortBy = screen.getByRole("combobox", { name: "排序" });
    await tabTo(sortBy);
    await user.selectOptions(sortBy, "rankChange"); // a native select: the browser's own keys choose
    expect(screen.getByRole("columnheader", { name: /排名/ }).getAttribute("aria-sort")).toBe("descending");
    await tabTo(screen.getByRole("button", { name: "生成比较工作表" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("list", { name: "已生成的工作表" });
    expect(excel.sheetNames()).toHaveLength(3);
  });
});
