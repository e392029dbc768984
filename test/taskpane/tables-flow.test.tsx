// @vitest-environment jsdom
// The whole pane over the model as the add-in builds it from every SCI table: raw data, an
// edited framework and last year's table inserted from the pane, their issues in step 2's list
// (errors first, a click selects the cell), and the panels following the model.
import { act, screen, waitFor, within } from "@testing-library/react";
import { comparisonLayout } from "../../src/report";
import type { Model } from "../../src/excel/model";
import { a1, csv } from "../excel/fixtures";
import { sourcesModel, type FakeModel } from "../fakes/model";
import { named, plain, renderPane } from "./render";

const region = (name: RegExp | string) => screen.getByRole("region", { name });
const issueButtons = (step: HTMLElement) => within(within(step).getByRole("list", { name: /问题列表|Issues/ })).getAllByRole("button");
/** The list loads after the summary: wait for it. */
const listed = (step: HTMLElement) => within(step).findByRole("list", { name: /问题列表|Issues/ });
/** Opens an analysis (its accordion header) and returns its panel, once loaded. */
async function open(user: { click(el: Element): Promise<void> }, name: string): Promise<HTMLElement> {
  await user.click(await screen.findByRole("button", { name }));
  return screen.findByRole("region", { name });
}

describe("raw data and framework tables from the pane", () => {
  it("中文: the raw-data template's issues (empty values, missing benchmarks) list errors first and select their cells", async () => {
    const { user, excel } = renderPane({ model: sourcesModel });
    const data = await open(user, "原始数据与指标体系");
    await user.click(await within(data).findByRole("button", { name: "插入原始数据模板" }));
    expect(await within(data).findByText(/^已插入工作表「SCI 原始数据」、「SCI 标准化设置」。/)).toBeTruthy();
    expect(excel.table("SCI_Raw")?.sheet.name).toBe("SCI 原始数据");
    expect(excel.table("SCI_Settings")?.sheet.name).toBe("SCI 标准化设置");

    const check = region("2. 检查");
    // 16 districts × (38 raw values + the coefficient) to fill, one item per district; and 38
    // ratio settings without a benchmark.
    expect(await within(check).findByText("发现 38 个错误")).toBeTruthy();
    expect(within(check).getByText("另有 624 格待填写。")).toBeTruthy();
    expect(within(data).getByText("这些表有 662 个错误、0 个警告，详见「2. 检查」。")).toBeTruthy();
    expect(within(data).getByText(/本年数据由原始数据/)).toBeTruthy();

    const list = await listed(check);
    // One cause in one column is one entry: the 38 missing benchmarks (column D of the settings),
    // then the 16 districts' cells to fill. No pages, no 54 near-identical cards.
    const entries = [...list.children] as HTMLElement[];
    expect(entries).toHaveLength(2);
    expect(plain(entries[0].textContent)).toMatch(/^错误SCI 标准化设置!D 列：38 处/);
    expect(plain(entries[1].textContent)).toMatch(/^待填写：16 个行政区共 624 格/);
    expect(within(check).queryByRole("button", { name: "下一页" })).toBeNull();
    await user.click(within(entries[0]).getByRole("button", { name: named("展开全部 38 处 ▾") }));
    // Errors first: A1.1's benchmark (a title in row 1, the header in row 2: D3).
    const [first] = within(entries[0]).getAllByRole("button").slice(1);
    expect(plain(first.textContent)).toMatch(/^D3，A1.1：.*转到 ›$/);
    expect(first.textContent).toContain("A1.1");
    await user.click(first);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 标准化设置", address: "D3" }));
    await user.click(within(entries[1]).getByRole("button", { name: named("展开全部 16 处 ▾") }));
    const fill = within(entries[1])
      .getAllByRole("button")
      .find((b) => plain(b.textContent).startsWith("浦东：待填写 39 格"))!;
    expect(plain(fill.textContent)).toContain("从 SCI 原始数据!C2 起");
    await user.click(fill);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 原始数据", address: "C2" }));
    // No scores from a broken table: the analyses say why.
    const robust = await open(user, "排名稳健性");
    expect(await within(robust).findByText(/输入还有错误或待填写的单元格，修正后才能分析/)).toBeTruthy();
  });

  it("English: an edited framework is scored with; a bad weight is an issue at its cell; a valid reweighting moves the composite", async () => {
    const { user, excel, model } = renderPane({ lang: "en", model: sourcesModel });
    const data = await open(user, "Raw data and framework");
    expect(await within(data).findByText("Scoring with the built-in 2020 framework.")).toBeTruthy();
    await user.click(within(data).getByRole("button", { name: "Insert editable framework" }));
    expect(await within(data).findByText(/^Inserted "SCI Framework \(editable\)"\./)).toBeTruthy();
    const sheet = "SCI Framework (editable)";
    const rowOf = (code: string) => excel.values(sheet).findIndex((r) => r[0] === code);
    const weight = (code: string) => a1(rowOf(code), excel.values(sheet)[1].indexOf("weight"));
    expect(weight("A")).toBe("G4");

    const check = region("2. Check");
    expect(await within(data).findByText("Scoring with the workbook's own framework.")).toBeTruthy();

    excel.setCell(sheet, weight("A"), "1/4"); // 1/4 + 1/2 + 3/10 ≠ 1
    await user.click(within(check).getByRole("button", { name: "Check again" }));
    expect(await within(check).findByText("1 error")).toBeTruthy();
    expect(within(data).getByText("These tables have 1 error and 0 warnings; see “2. Check”.")).toBeTruthy();
    await listed(check);
    const [item] = issueButtons(check);
    expect(item.textContent).toMatch(new RegExp(`^Error${sheet.replace(/[()（）]/g, ".")}!G4`));
    await user.click(item);
    await waitFor(() => expect(excel.selection).toEqual({ sheet, address: "G4" }));
    // The last valid results stay on screen, marked as such, while the framework has an error.
    expect(within(region("Results at a glance")).getByText("The input has errors: these are the last valid results, updated once it is fixed.")).toBeTruthy();

    excel.setCell(sheet, weight("B"), "9/20"); // 1/4 + 9/20 + 3/10 = 1
    await act(() => model.refresh());
    // 浦东 by hand from its published first-level indices (each within half a cent).
    const [pudong] = csv("published-summary.csv").filter((r) => r[0] === "浦东");
    const byHand = 0.25 * Number(pudong[2]) + 0.45 * Number(pudong[3]) + 0.3 * Number(pudong[4]);
    const top = await within(region("Results at a glance")).findByRole("table", { name: "Top 3" });
    const row = within(top)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("Pudong"))!;
    expect(Math.abs(Number(within(row).getAllByRole("cell").at(-1)!.textContent) - byHand)).toBeLessThanOrEqual(0.01);
  });

  it("a cell given as a range (C2:C5) selects the whole range", async () => {
    const ranged: Model = {
      source: "workbook",
      issues: [
        {
          severity: "error",
          code: "normalise-no-spread",
          zh: "Sheet1!C2:C5：各区数值相同，无法极差标准化",
          en: "Sheet1!C2:C5: every district has the same value; min-max cannot normalise",
          cell: { sheet: "Sheet1", address: "C2:C5", row: 1, col: 2 },
          indicator: "A1.1",
        },
      ],
      rounding: "exact",
      version: 1,
    };
    const fixed = (): FakeModel => ({
      refreshes: 0,
      roundings: [],
      getModel: () => ranged,
      subscribe: () => () => {},
      refresh: async () => ranged,
      setRounding: async () => ranged,
    });
    const { user, excel } = renderPane({ model: fixed });
    const check = region("2. 检查");
    await listed(check);
    const [item] = issueButtons(check);
    expect(item.textContent).toBe("错误Sheet1!C2:C5：各区数值相同，无法极差标准化转到 ›");
    await user.click(item);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "Sheet1", address: "C2:C5" }));
  });
});

describe("year over year from the pane", () => {
  it("inserts last year's table with the 2020 data, compares, follows an edit, writes the comparison", async () => {
    const { user, excel, model } = renderPane({ model: sourcesModel });
    const yoy = await open(user, "逐年比较");
    expect(await within(yoy).findByText(/工作簿中还没有上年数据/)).toBeTruthy();
    await user.click(within(yoy).getByRole("button", { name: "插入上年模板（以2020年数据为例）" }));
    const table = await within(yoy).findByRole("table");
    // Both years are the 2020 data: nothing moved. This year is the title's 2020, never 本年;
    // last year, labelled 2020 too, is "上一年".
    expect(within(table).getByText("SCI 智慧城市发展水平指数：上一年 → 2020")).toBeTruthy();
    const changes = () =>
      within(within(yoy).getByRole("table"))
        .getAllByRole("row")
        .slice(1)
        .map((r) =>
          within(r)
            .getAllByRole("cell")
            .at(-1)!
            .textContent?.replace(/^.*[↑↓=]\d*/, ""),
        );
    expect(new Set(changes())).toEqual(new Set(["排名不变"]));

    // Last year 浦东's coefficient was half: its composite half, last of 16.
    const sheet = "SCI 上一年";
    const values = excel.values(sheet);
    const header = values.findIndex((r) => r[0] === "行政区");
    const cell = a1(
      values.findIndex((r) => r[0] === "浦东"),
      values[header].indexOf("网络安全状况系数"),
    );
    expect(cell).toBe("AO3");
    excel.setCell(sheet, cell, 0.5);
    await act(() => model.refresh());
    await waitFor(() => expect(changes()[0]).toBe("排名上升15位"));
    expect(changes().slice(1)).toEqual(Array(15).fill("排名下降1位"));

    await user.click(within(yoy).getByRole("button", { name: "生成比较工作表" }));
    const list = await within(yoy).findByRole("list", { name: "已生成的工作表" });
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["对比 上一年→2020", "对比明细 上一年→2020"]);
    // The core's comparison with the pane's labels: this year is the title's 2020.
    const date = new Date().toISOString().slice(0, 10); // the source line names the day
    const layout = comparisonLayout({ ...model.getModel().comparison!, oldLabel: "上一年", newLabel: "2020" }, { date });
    for (const s of layout.sheets) {
      const corner = `A1:${a1(s.cells.length - 1, s.cells[0].length - 1)}`;
      expect(excel.values(s.name, corner)).toEqual(s.cells.map((r) => r.map((v) => (v === null ? "" : v))));
    }
  });
});
