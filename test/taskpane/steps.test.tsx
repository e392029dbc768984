// @vitest-environment jsdom
// The pane's required steps over the fake workbook, in Chinese and in English: one primary
// button at a time, chosen by the workbook's state; issues grouped by cause, in one language.
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { named, plain, renderPane } from "./render";

const region = (name: RegExp | string) => screen.getByRole("region", { name });
/** The buttons drawn as primary: Fluent marks none by role, so by their appearance class. */
const primaries = () => screen.getAllByRole("button").filter((b) => b.className.includes("fui-Button") && b.getAttribute("data-appearance") === "primary");
const headings = () => screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);

describe("language", () => {
  it("one language control, the other language by its own name; every step follows it; the choice is remembered", async () => {
    localStorage.clear();
    const { user } = renderPane();
    await screen.findByRole("heading", { name: "更多分析（可选）" }); // loaded after first paint
    expect(headings()).toEqual(["1. 数据", "2. 检查", "3. 生成排名", "结果一览", "更多分析（可选）"]);
    const toEnglish = screen.getByRole("button", { name: "English" });
    expect(toEnglish.getAttribute("lang")).toBe("en");
    await user.click(toEnglish);
    expect(headings()).toEqual(["1. Data", "2. Check", "3. Generate the ranking", "Results at a glance", "More analyses (optional)"]);
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en");
    expect(screen.getByRole("button", { name: "中文" }).getAttribute("lang")).toBe("zh-CN");
    expect(localStorage.getItem("sci.pane.lang")).toBe("en");
    cleanup();
    // No language given: the remembered one.
    renderPane({ lang: null });
    expect(headings()[0]).toBe("1. Data");
    await screen.findByRole("heading", { name: "More analyses (optional)" });
    cleanup();
    localStorage.clear();
  });
});

describe("one primary button, chosen by the workbook's state", () => {
  it("no input: insert the empty template; the line says the built-in data would be scored", async () => {
    renderPane();
    expect(primaries().map((b) => b.textContent)).toEqual(["插入空白模板"]);
    expect(within(region("3. 生成排名")).getByText("将评分：内置2020年示例数据（工作簿中还没有您的数据）")).toBeTruthy();
    // The results shown are the built-in example's, said plainly above them.
    expect(await screen.findByText("以下是内置的2020年示例数据的结果；插入或链接您的数据后，即换为您的结果。")).toBeTruthy();
    // Generate works on the built-in data, but it is not the next step.
    expect(within(region("3. 生成排名")).getByRole("button", { name: "生成排名工作表" }).getAttribute("aria-disabled")).toBeNull();
  });

  it("中文: the example data inserted and clean: generate; the rounding comes before it", async () => {
    const { user, excel } = renderPane();
    await user.click(screen.getByRole("button", { name: "插入2020年示例数据" }));
    expect(await within(region("1. 数据")).findByText(/数据在工作表「SCI 输入」中。/)).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI 输入", "SCI 指标体系"]);
    expect(await within(region("2. 检查")).findByText("一切正常")).toBeTruthy();
    expect(primaries().map((b) => b.textContent)).toEqual(["生成排名工作表"]);
    const step = region("3. 生成排名");
    expect(within(step).getByText("将评分：工作表「SCI 输入」的数据")).toBeTruthy();
    expect(screen.queryByText(/以下是内置的2020年示例数据的结果/)).toBeNull();
    const controls = [...step.querySelectorAll("input, button")].map((c) => c.getAttribute("role") ?? c.getAttribute("type") ?? c.tagName.toLowerCase());
    expect(controls).toEqual(["switch", "text", "button"]);
    // The template buttons are gone: the step says where the data is and opens it.
    expect(within(region("1. 数据")).queryByRole("button", { name: "插入空白模板" })).toBeNull();
    await user.click(within(region("1. 数据")).getByRole("button", { name: named("打开工作表「SCI 输入」") }));
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "A1" }));
  });

  it("English: the empty template: 624 cells to fill, one group of an item per district; the primary goes to the first", async () => {
    const { user, excel } = renderPane({ lang: "en" });
    await user.click(screen.getByRole("button", { name: "Insert empty template" }));
    const step = region("2. Check");
    expect(await within(step).findByText("Template to fill in")).toBeTruthy();
    expect(within(step).getByText("624 cells to fill in 16 districts. The check runs again as you fill them.")).toBeTruthy();
    const list = await within(step).findByRole("list", { name: "Issues (errors first)" });
    // One entry, not 16 identical rows: it opens to the districts, each going to its first cell.
    expect(list.children).toHaveLength(1);
    expect(plain(list.textContent)).toBe("To fill: 624 cells in 16 districtsShow all 16 ▾");
    await user.click(within(list).getByRole("button", { name: "Show all 16 ▾" }));
    expect(within(list).getByRole("button", { name: "Hide ▴" }).getAttribute("aria-expanded")).toBe("true");
    const items = within(within(list).getByRole("list", { name: "To fill: 624 cells in 16 districts" })).getAllByRole("listitem");
    expect(items).toHaveLength(16);
    expect(plain(items[0].textContent)).toBe("Pudong: 39 cells to fillfrom SCI Input!C2 Go to ›");
    expect(plain(items[15].textContent)).toBe("Chongming: 39 cells to fillfrom SCI Input!C17 Go to ›");
    expect(primaries().map((b) => b.textContent)).toEqual(["Go to the first cell to fill"]);
    await user.click(primaries()[0]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI Input", address: "C2" }));
    await user.click(within(items[3]).getByRole("button"));
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI Input", address: "C5" }));
    expect(within(region("3. Generate the ranking")).getByRole("button", { name: "Generate ranking sheets" }).getAttribute("aria-disabled")).toBe("true");
    expect(within(region("3. Generate the ranking")).getByText(/The input still has errors or cells to fill/)).toBeTruthy();
  });
});

describe("2. 检查: one issue per cause, in the pane's language", () => {
  it("中文: a misspelt district is one issue whose fix writes only that cell, only when clicked", async () => {
    const { user, excel, model } = renderPane();
    await user.click(screen.getByRole("button", { name: "插入2020年示例数据" }));
    await screen.findByText("一切正常");
    excel.setCell("SCI 输入", "A5", "徐会"); // row 5 is 徐汇
    excel.setCell("SCI 输入", "O3", "#N/A"); // 黄浦, B2.3
    await act(() => model.refresh());
    const step = region("2. 检查");
    expect(await within(step).findByText("发现 2 个错误")).toBeTruthy();
    const items = within(await within(step).findByRole("list", { name: "问题列表（错误在前）" })).getAllByRole("listitem");
    // Not three: 徐汇 "missing" is the misspelling's doing and is not listed on its own.
    expect(items.map((i) => plain(i.textContent))).toEqual([
      "错误SCI 输入!O3，黄浦，B2.3 电子警察监控点覆盖率：单元格是 Excel 错误值 #N/A，应为数字转到 ›",
      "错误SCI 输入!A5：未知行政区「徐会」；是否指「徐汇」转到 ›改为「徐汇」",
    ]);
    expect(step.textContent).not.toMatch(/unknown|Error| \/ /);
    expect(primaries().map((b) => b.textContent)).toEqual(["转到第一个问题"]);
    // The results stay on screen while the input has errors, marked as the last valid ones.
    const results = region("结果一览");
    expect(within(results).getByText("输入有错误：以下是上一次有效的结果，修正后即更新。")).toBeTruthy();
    expect(within(results).getByRole("table", { name: "前三名" }).textContent).toContain("133.41");
    const before = excel.values("SCI 输入", "A1:AO17");
    await user.click(within(items[1]).getByRole("button", { name: named("将 SCI 输入!A5 改为「徐汇」") }));
    await waitFor(() => expect(within(step).getByText("发现 1 个错误")).toBeTruthy());
    const after = excel.values("SCI 输入", "A1:AO17");
    expect(after.flatMap((row, r) => row.flatMap((v, c) => (v === before[r][c] ? [] : [[r, c, v]])))).toEqual([[4, 0, "徐汇"]]);
    await user.click(within(step).getByRole("button", { name: /黄浦/ }));
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "O3" }));
  });

  it("English: the same issue in English only, names in English", async () => {
    const { user, excel, model } = renderPane({ lang: "en" });
    await user.click(screen.getByRole("button", { name: "Insert the 2020 example" }));
    await screen.findByText("All good");
    excel.setCell("SCI Input", "O5", "");
    excel.setCell("SCI Input", "E3", 5000); // 黄浦, A2.2: implausibly large, a warning
    await act(() => model.refresh());
    const step = region("2. Check");
    // One empty cell is one cell to fill, beside the warning.
    expect(await within(step).findByText("Template to fill in")).toBeTruthy();
    expect(within(step).getByText(/^1 cells? to fill in 1 districts?\./)).toBeTruthy();
    const items = within(await within(step).findByRole("list", { name: "Issues (errors first)" })).getAllByRole("listitem");
    expect(items.map((i) => plain(i.textContent))).toEqual([
      "Xuhui: 1 cell to fillfrom SCI Input!O5 Go to ›",
      "WarningSCI Input!E3, 黄浦, A2.2 Mobile network user experience: value 5000 is implausibly large (over 1000); please checkGo to ›",
    ]);
    expect(step.textContent).not.toMatch(/[为数据]|警告/);
  });

  it("one cause in one column is one entry; a long list is paged: never more than 20 entries on screen", async () => {
    const { user, excel, model } = renderPane();
    await user.click(screen.getByRole("button", { name: "插入2020年示例数据" }));
    await screen.findByText("一切正常");
    const header = excel.values("SCI 输入", "A1:AO1")[0];
    // Columns D and E of every district: two causes, 32 cells.
    for (let r = 2; r <= 17; r++) for (const c of [3, 4]) excel.setCell("SCI 输入", `${String.fromCharCode(65 + c)}${r}`, "x");
    expect(header.length).toBe(41);
    await act(() => model.refresh());
    const step = region("2. 检查");
    expect(await within(step).findByText("发现 32 个错误")).toBeTruthy();
    const entries = () => [...within(step).getByRole("list", { name: "问题列表（错误在前）" }).children] as HTMLElement[];
    await within(step).findByRole("list", { name: "问题列表（错误在前）" });
    expect(entries().map((e) => plain(e.textContent))).toEqual([
      "错误SCI 输入!D 列（A2.1 固定宽带用户感知速率）：16 处「x」不是数字展开全部 16 处 ▾",
      "错误SCI 输入!E 列（A2.2 移动通信网络用户感知度）：16 处「x」不是数字展开全部 16 处 ▾",
    ]);
    await user.click(within(entries()[1]).getByRole("button", { name: named("展开全部 16 处 ▾") }));
    const cells = within(entries()[1]).getAllByRole("button").slice(1);
    expect(cells).toHaveLength(16);
    await user.click(cells[15]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "E17" }));
    // One bad cell in each of 22 columns: 22 causes, 20 to a page.
    for (let r = 2; r <= 17; r++) for (const c of [3, 4]) excel.setCell("SCI 输入", `${String.fromCharCode(65 + c)}${r}`, 1);
    for (let c = 2; c < 24; c++) excel.setCell("SCI 输入", `${String.fromCharCode(65 + c)}2`, "x");
    await act(() => model.refresh());
    expect(await within(step).findByText("发现 22 个错误")).toBeTruthy();
    expect(entries()).toHaveLength(20);
    expect(within(step).getByText("第 1 / 2 页")).toBeTruthy();
    await user.click(within(step).getByRole("button", { name: "下一页" }));
    expect(entries()).toHaveLength(2);
    expect(within(step).getByText("第 2 / 2 页")).toBeTruthy();
    expect(within(step).getByRole("button", { name: "下一页" }).getAttribute("aria-disabled")).toBe("true");
  });
});

describe("3. 生成排名", () => {
  it("中文: writes the sheets with a progress bar, links to each, never overwrites", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { user, excel } = renderPane({
      workbook: (real) => ({ ...real, writeRanking: async (layout, p) => (await gate, real.writeRanking(layout, p)) }),
    });
    const step = region("3. 生成排名");
    expect((within(step).getByRole("textbox", { name: "报告年份或标题" }) as HTMLInputElement).value).toBe("2020");
    await user.click(within(step).getByRole("button", { name: "生成排名工作表" }));
    expect(within(step).getByRole("progressbar")).toBeTruthy();
    expect(within(step).getByText("正在生成排名工作表…")).toBeTruthy();
    release();
    expect(await within(step).findByText("已生成以下工作表，点击打开：")).toBeTruthy();
    expect(within(step).queryByRole("progressbar")).toBeNull();
    const links = within(await within(step).findByRole("list", { name: "已生成的工作表" })).getAllByRole("button");
    expect(links.map((l) => l.textContent)).toEqual(["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"]);
    expect(excel.sheetNames().slice(1)).toEqual(links.map((l) => l.textContent));
    await user.click(links[2]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "排名 2020 二级指标", address: "A1" }));
    await user.click(within(step).getByRole("button", { name: "生成排名工作表" }));
    await waitFor(() =>
      expect(
        within(step)
          .getAllByRole("button")
          .map((b) => b.textContent),
      ).toContain("排名 2020 (2)"),
    );
    expect(excel.sheetNames()).toHaveLength(9);
  });

  it("English: a title of one's own", async () => {
    const { user, excel } = renderPane({ lang: "en" });
    const step = region("3. Generate the ranking");
    const title = within(step).getByRole("textbox", { name: "Report year or title" });
    await user.clear(title);
    await user.type(title, "Trial");
    await user.click(within(step).getByRole("button", { name: "Generate ranking sheets" }));
    expect(await within(step).findByText("Sheets generated; click one to open it:")).toBeTruthy();
    expect(excel.sheetNames()[1]).toBe("Ranking Trial");
  });

  it("a failed write says what happened, in the pane's language only", async () => {
    const { user, excel } = renderPane();
    excel.failOn("charts.add", 2);
    await user.click(screen.getByRole("button", { name: "生成排名工作表" }));
    const shown = await screen.findByText(/^写入失败，已删除本次添加的工作表，工作簿保持原样/);
    expect(shown.textContent).not.toMatch(/Writing failed| \/ /);
    expect(excel.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("results at a glance", () => {
  it("中文: top three and the published averages", async () => {
    renderPane();
    const step = region("结果一览");
    const top = await within(step).findByRole("table", { name: "前三名" });
    const rows = within(top)
      .getAllByRole("row")
      .map((r) => r.textContent);
    expect(rows).toEqual(["排名行政区综合指数", "1浦东133.41", "2徐汇126.74", "3黄浦125.32"]);
    const averages = within(step).getByRole("table", { name: "平均值" });
    expect(
      within(averages)
        .getAllByRole("columnheader")
        .map((c) => c.textContent),
    ).toEqual(["指标", "全市", "中心城区", "郊区"]);
    expect(
      within(averages)
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toEqual(["智慧城市发展水平指数", "新型基础设施指数", "智慧应用指数", "发展环境指数"]);
    const cells = within(averages)
      .getAllByRole("row")
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      );
    expect(cells[0]).toEqual(["109.77", "119.44", "100.10"]);
    expect(cells.slice(1).map((r) => r[0])).toEqual(["119.16", "113.12", "102.23"]);
  });

  it("English: names in English; updates when the table changes", async () => {
    const { user, excel, model } = renderPane({ lang: "en" });
    const step = region("Results at a glance");
    const top = await within(step).findByRole("table", { name: "Top 3" });
    expect(
      within(top)
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toEqual(["Pudong", "Xuhui", "Huangpu"]);
    expect(
      within(within(step).getByRole("table", { name: "Averages" }))
        .getAllByRole("columnheader")
        .map((c) => c.textContent),
    ).toEqual(["Indicator", "City", "Central districts", "Suburban districts"]);
    await user.click(screen.getByRole("button", { name: "Insert the 2020 example" }));
    await screen.findByText("All good");
    excel.setCell("SCI Input", "AO2", 0.5); // 浦东's coefficient halves its composite
    await act(() => model.refresh());
    await waitFor(() =>
      expect(
        within(within(step).getByRole("table", { name: "Top 3" }))
          .getAllByRole("rowheader")
          .map((c) => c.textContent),
      ).toEqual(["Xuhui", "Huangpu", expect.any(String)]),
    );
    excel.setCell("SCI Input", "AO2", "x");
    await act(() => model.refresh());
    // The last valid results stay (Xuhui first), marked as such until the input is fixed.
    expect(await within(step).findByText("The input has errors: these are the last valid results, updated once it is fixed.")).toBeTruthy();
    expect(
      within(within(step).getByRole("table", { name: "Top 3" }))
        .getAllByRole("rowheader")
        .map((c) => c.textContent)[0],
    ).toBe("Xuhui");
  });
});
