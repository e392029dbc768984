// @vitest-environment jsdom
// Every control of the flow works from the keyboard: focused, Enter or Space uses it. (The Tab
// order itself is walked in Chromium, test/browser/pane.test.ts: jsdom has no layout, and
// Fluent's focus management moves Tab focus only between laid-out elements.)
import { act, screen, waitFor, within } from "@testing-library/react";
import { named, renderPane } from "./render";

describe("keyboard only", () => {
  it("language, insert, go to the issue, fix it, generate and open a sheet: each by Enter or Space", async () => {
    const { user, excel, model } = renderPane();
    const press = async (el: HTMLElement, key = "{Enter}") => {
      el.focus();
      expect(document.activeElement).toBe(el);
      await user.keyboard(key);
    };
    await press(screen.getByRole("button", { name: "English" }), " ");
    expect(screen.getByRole("heading", { name: "2. Check" })).toBeTruthy();
    await press(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("heading", { name: "2. 检查" })).toBeTruthy();

    await press(screen.getByRole("button", { name: "插入2020年示例数据" }));
    await screen.findByText("一切正常");
    excel.setCell("SCI 输入", "A5", "徐会");
    await act(() => model.refresh());
    await press(await screen.findByRole("button", { name: "转到第一个问题" }));
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "A5" }));
    await press(await screen.findByRole("button", { name: named("将 SCI 输入!A5 改为「徐汇」") }), " ");
    await screen.findByText("一切正常");
    expect(excel.values("SCI 输入", "A5")).toEqual([["徐汇"]]);

    await press(screen.getByRole("button", { name: "生成排名工作表" }));
    const sheets = await screen.findByRole("list", { name: "已生成的工作表" });
    await press(within(sheets).getAllByRole("button")[1]);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "排名 2020 一级指标", address: "A1" }));

    // An analysis opens from the keyboard and loads its panel.
    await press(await screen.findByRole("button", { name: "排名稳健性" }));
    expect(await screen.findByRole("button", { name: "运行稳健性分析" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "排名稳健性" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("every control has an accessible name, the analyses opened too", async () => {
    const { user } = renderPane();
    for (const name of ["原始数据与指标体系", "逐年比较", "排名稳健性"]) await user.click(await screen.findByRole("button", { name }));
    await screen.findByRole("button", { name: "运行稳健性分析" });
    await screen.findByRole("button", { name: "插入原始数据模板" });
    await screen.findByRole("button", { name: "插入上年数据模板" });
    const controls = [
      ...screen.getAllByRole("button"),
      ...screen.getAllByRole("switch"),
      ...screen.getAllByRole("textbox"),
      ...screen.getAllByRole("combobox"),
    ];
    expect(controls.length).toBeGreaterThanOrEqual(15);
    for (const c of controls) {
      const labelled =
        c.getAttribute("aria-label") || c.getAttribute("aria-labelledby") || c.textContent?.trim() || (c.id && document.querySelector(`label[for="${c.id}"]`));
      expect(labelled, c.outerHTML.slice(0, 80)).toBeTruthy();
    }
  });
});
