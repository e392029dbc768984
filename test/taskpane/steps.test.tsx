// @vitest-environment jsdom
// Each step of the pane, in Chinese and in English, over the fake workbook.
import { act, screen, waitFor, within } from "@testing-library/react";
import { renderPane } from "./render";

const region = (name: RegExp | string) => screen.getByRole("region", { name });

describe("language", () => {
  it("Chinese by default; the English switch is labelled and switches every step", async () => {
    const { user } = renderPane();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "1. 插入输入模板",
      "2. 检查输入",
      "3. 生成排名工作表",
      "4. 结果一览",
      "5. 原始数据与指标体系",
      "6. 逐年比较",
      "7. 排名稳健性",
      "8. 统计审计",
    ]);
    const toggle = screen.getByRole("switch", { name: /English/ });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    await user.click(toggle);
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "1. Insert the input template",
      "2. Validate",
      "3. Generate the ranking sheets",
      "4. Results at a glance",
      "5. Raw data and framework",
      "6. Year over year",
      "7. Robustness of ranks",
      "8. Statistical audit",
    ]);
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en");
    await user.click(toggle);
    expect(screen.getByRole("main").getAttribute("lang")).toBe("zh-CN");
  });
});

describe("step 1: template", () => {
  it("中文: inserts the 2020 template, then refuses a second SCI_Input and says where it is", async () => {
    const { user, excel } = renderPane();
    const step = region("1. 插入输入模板");
    await user.click(within(step).getByRole("button", { name: "插入 2020 年数据" }));
    expect(await within(step).findByText("已插入工作表「SCI 输入」（SCI_Input 表）和「SCI 指标体系」（指标体系，只读）。")).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI 输入", "SCI 指标体系"]);
    expect(excel.values("SCI 输入", "A2:C2")).toEqual([["浦东", "中心城区", 120.75]]);
    await user.click(within(step).getByRole("button", { name: "插入空白模板" }));
    expect(await within(step).findByText(/^工作簿中已有 SCI_Input 表（工作表「SCI 输入」），未再插入，已选中该表 \/ The workbook already has/)).toBeTruthy();
    expect(excel.sheetNames()).toHaveLength(3);
  });

  it("English: inserts the empty template", async () => {
    const { user, excel } = renderPane({ lang: "en" });
    const step = region("1. Insert the input template");
    await user.click(within(step).getByRole("button", { name: "Insert empty template" }));
    expect(await within(step).findByText('Inserted sheet "SCI 输入" (the SCI_Input table) and "SCI 指标体系" (the framework, read-only).')).toBeTruthy();
    expect(excel.values("SCI 输入", "C2:C17").flat().every((v) => v === "")).toBe(true);
  });
});

describe("step 2: validate", () => {
  it("中文: no table, then all good, then a broken cell whose issue selects it", async () => {
    const { user, excel } = renderPane();
    const step = region("2. 检查输入");
    const validate = within(step).getByRole("button", { name: "检查输入" });
    await user.click(validate);
    expect(await within(step).findByText(/未找到 SCI_Input 表，当前使用内置的 2020 年数据/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "插入 2020 年数据" }));
    await screen.findByText(/已插入工作表/);
    await user.click(validate);
    expect(await within(step).findByText("一切正常")).toBeTruthy();
    expect(within(step).getByText("SCI_Input 表中 16 个行政区的数据均有效。")).toBeTruthy();

    excel.setCell("SCI 输入", "O5", "#N/A"); // 徐汇, B2.3 电子警察监控点覆盖率
    excel.setCell("SCI 输入", "E3", 5000); // 黄浦, A2.2: implausibly large, a warning
    await user.click(validate);
    expect(await within(step).findByText("发现 1 个错误、1 个警告")).toBeTruthy();
    const list = within(step).getByRole("list", { name: "问题列表（错误在前）" });
    const items = within(list).getAllByRole("button");
    expect(items.map((b) => b.textContent?.slice(0, 2))).toEqual(["错误", "警告"]);
    expect(items[0].textContent).toContain("单元格 SCI 输入!O5 · 行政区 徐汇 · 指标 B2.3 电子警察监控点覆盖率");
    expect(items[0].textContent).toContain("#N/A");
    await user.click(items[0]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "O5" }));
    await user.click(items[1]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "E3" }));
  });

  it("English: the same issue, named in English", async () => {
    const { user, excel } = renderPane({ lang: "en" });
    await user.click(screen.getByRole("button", { name: "Insert with 2020 data" }));
    await screen.findByText(/Inserted sheet/);
    excel.setCell("SCI 输入", "O5", "");
    const step = region("2. Validate");
    await user.click(within(step).getByRole("button", { name: "Validate input" }));
    expect(await within(step).findByText("1 error, 0 warnings")).toBeTruthy();
    const [item] = within(within(step).getByRole("list", { name: "Issues (errors first)" })).getAllByRole("button");
    expect(item.textContent).toContain("Error · Cell SCI 输入!O5 · District Xuhui · Indicator B2.3 Traffic enforcement camera coverage");
    await user.click(item);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "O5" }));
  });

  it("an empty template shows the first 50 issues and offers the rest", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("button", { name: "插入空白模板" }));
    await screen.findByText(/已插入工作表/);
    await user.click(screen.getByRole("button", { name: "检查输入" }));
    const step = region("2. 检查输入");
    expect(await within(step).findByText("发现 624 个错误、0 个警告")).toBeTruthy();
    expect(within(within(step).getByRole("list")).getAllByRole("listitem")).toHaveLength(50);
    await user.click(within(step).getByRole("button", { name: "显示全部 624 项" }));
    expect(within(within(step).getByRole("list")).getAllByRole("listitem")).toHaveLength(624);
  });

  it("English: all good", async () => {
    const { user } = renderPane({ lang: "en" });
    await user.click(screen.getByRole("button", { name: "Insert with 2020 data" }));
    await screen.findByText(/Inserted sheet/);
    await user.click(screen.getByRole("button", { name: "Validate input" }));
    expect(await screen.findByText("All good")).toBeTruthy();
  });
});

describe("step 3: generate", () => {
  it("中文: writes the sheets with a progress bar, links to each, never overwrites", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { user, excel } = renderPane({
      workbook: (real) => ({ ...real, writeRanking: async (layout, p) => (await gate, real.writeRanking(layout, p)) }),
    });
    const step = region("3. 生成排名工作表");
    expect((within(step).getByRole("textbox", { name: "报告年份或标题" }) as HTMLInputElement).value).toBe("2020");
    await user.click(within(step).getByRole("button", { name: "生成排名工作表" }));
    expect(within(step).getByRole("progressbar")).toBeTruthy();
    expect(within(step).getByText("正在写入排名工作表…")).toBeTruthy();
    release();
    expect(await within(step).findByText("已写入以下工作表（点击打开）：")).toBeTruthy();
    expect(within(step).queryByRole("progressbar")).toBeNull();
    const links = within(within(step).getByRole("list", { name: "已写入的工作表" })).getAllByRole("button");
    expect(links.map((l) => l.textContent)).toEqual(["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"]);
    expect(excel.sheetNames().slice(1)).toEqual(links.map((l) => l.textContent));
    await user.click(links[2]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "排名 2020 二级指标", address: "A1" }));

    await user.click(within(step).getByRole("button", { name: "生成排名工作表" }));
    await waitFor(() => expect(within(step).getAllByRole("button").map((b) => b.textContent)).toContain("排名 2020 (2)"));
    expect(excel.sheetNames()).toHaveLength(9);
  });

  it("English: a title of one's own; blocked while the input has errors", async () => {
    const { user, excel, model } = renderPane({ lang: "en" });
    const step = region("3. Generate the ranking sheets");
    const title = within(step).getByRole("textbox", { name: "Report year or title" });
    await user.clear(title);
    await user.type(title, "Trial");
    await user.click(within(step).getByRole("button", { name: "Generate ranking sheets" }));
    expect(await within(step).findByText("Sheets written (click to open):")).toBeTruthy();
    expect(excel.sheetNames()[1]).toBe("排名 Trial");

    await user.click(screen.getByRole("button", { name: "Insert empty template" }));
    await screen.findByText(/Inserted sheet/);
    await act(() => model.refresh());
    const button = await within(step).findByRole("button", { name: "Generate ranking sheets" });
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(within(step).getByText("The input has errors, so no ranking can be made. Fix them in step 2 first.")).toBeTruthy();
    const before = excel.sheetNames();
    await user.click(button);
    expect(excel.sheetNames()).toEqual(before);
  });

  it("a failed write says what happened, Chinese then English", async () => {
    const { user, excel } = renderPane();
    excel.failOn("charts.add", 2);
    await user.click(screen.getByRole("button", { name: "生成排名工作表" }));
    expect(await screen.findByText(/^写入失败，已删除本次添加的工作表，工作簿保持原样.* \/ Writing failed/)).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("step 4: results at a glance", () => {
  it("中文: top three and the published averages", async () => {
    renderPane();
    const step = region("4. 结果一览");
    const top = await within(step).findByRole("table", { name: "前三名" });
    const rows = within(top).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual(["排名行政区综合指数", "1浦东133.41", "2徐汇126.74", "3黄浦125.32"]);
    const averages = within(step).getByRole("table", { name: "平均值" });
    expect(within(averages).getAllByRole("columnheader").map((c) => c.textContent)).toEqual(["指标", "全市", "中心城区", "郊区"]);
    expect(within(averages).getAllByRole("rowheader").map((c) => c.textContent)).toEqual(["智慧城市发展水平指数", "新型基础设施指数", "智慧应用指数", "发展环境指数"]);
    const cells = within(averages).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(cells[0]).toEqual(["109.77", "119.44", "100.10"]);
    expect(cells.slice(1).map((r) => r[0])).toEqual(["119.16", "113.12", "102.23"]);
    expect(within(step).getByText("数据来源：内置 2020 年数据")).toBeTruthy();
  });

  it("English: names in English; updates when the table changes", async () => {
    const { user, excel, model } = renderPane({ lang: "en" });
    const step = region("4. Results at a glance");
    const top = await within(step).findByRole("table", { name: "Top 3" });
    expect(within(top).getAllByRole("rowheader").map((c) => c.textContent)).toEqual(["Pudong", "Xuhui", "Huangpu"]);
    expect(within(within(step).getByRole("table", { name: "Averages" })).getAllByRole("columnheader").map((c) => c.textContent)).toEqual([
      "Indicator",
      "City",
      "Central districts",
      "Suburban districts",
    ]);

    await user.click(screen.getByRole("button", { name: "Insert with 2020 data" }));
    await screen.findByText(/Inserted sheet/);
    excel.setCell("SCI 输入", "AO2", 0.5); // 浦东's coefficient halves its composite
    await act(() => model.refresh()); // what the model's table watcher does after an edit
    await waitFor(() => expect(within(within(step).getByRole("table", { name: "Top 3" })).getAllByRole("rowheader").map((c) => c.textContent)).toEqual(["Xuhui", "Huangpu", expect.any(String)]));
    expect(within(step).getByText("Data: the workbook's SCI_Input table")).toBeTruthy();

    excel.setCell("SCI 输入", "AO2", "x");
    await act(() => model.refresh());
    expect(await within(step).findByText("Fix the input errors to see results.")).toBeTruthy();
  });
});
