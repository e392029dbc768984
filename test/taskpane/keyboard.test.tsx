// @vitest-environment jsdom
// The whole flow with the keyboard alone: Tab to each control, Enter (or Space) to use it.
import { screen, waitFor, within } from "@testing-library/react";
import { renderPane } from "./render";

describe("keyboard only", () => {
  it("inserts, validates, selects an issue's cell, generates and opens a sheet", async () => {
    const { user, excel } = renderPane();
    /** Presses Tab until the element has focus; fails if it never does. */
    const tabTo = async (el: HTMLElement) => {
      for (let i = 0; i < 40 && document.activeElement !== el; i++) await user.tab();
      expect(document.activeElement).toBe(el);
    };

    await user.tab();
    const toggle = screen.getByRole("switch", { name: /English/ });
    expect(document.activeElement).toBe(toggle);
    await user.keyboard(" ");
    expect(screen.getByRole("heading", { name: "2. Validate" })).toBeTruthy();
    await user.keyboard(" ");
    expect(screen.getByRole("heading", { name: "2. 检查输入" })).toBeTruthy();

    await tabTo(screen.getByRole("button", { name: "插入 2020 年数据" }));
    // Fluent marks keyboard focus so the focus ring shows.
    expect(document.activeElement?.hasAttribute("data-fui-focus-visible")).toBe(true);
    await user.keyboard("{Enter}");
    await screen.findByText(/已插入工作表/);

    excel.setCell("SCI 输入", "D10", "-"); // 宝山, A2.1: not a number
    const validate = screen.getByRole("button", { name: "检查输入" });
    await tabTo(validate);
    await user.keyboard("{Enter}");
    const list = await screen.findByRole("list", { name: "问题列表（错误在前）" });
    const [issue] = within(list).getAllByRole("button");
    expect(issue.textContent).toContain("SCI 输入!D10 · 行政区 宝山");
    await user.tab();
    expect(document.activeElement).toBe(issue);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "D10" }));

    excel.setCell("SCI 输入", "D10", 141.08);
    await tabTo(validate);
    await user.keyboard("{Enter}");
    await screen.findByText("一切正常");

    const generate = screen.getByRole("button", { name: "生成排名工作表" });
    await tabTo(generate);
    await user.keyboard("{Enter}");
    const sheets = await screen.findByRole("list", { name: "已写入的工作表" });
    const second = within(sheets).getAllByRole("button")[1];
    await tabTo(second);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "排名 2020 一级指标", address: "A1" }));
  });

  it("every control has an accessible name, the panels loaded after first paint too", async () => {
    renderPane();
    await screen.findByRole("button", { name: "运行稳健性分析" });
    await screen.findByRole("button", { name: "插入原始数据模板" });
    await screen.findByRole("button", { name: "插入上年数据模板" });
    const controls = [...screen.getAllByRole("button"), ...screen.getAllByRole("switch"), ...screen.getAllByRole("textbox"), ...screen.getAllByRole("combobox")];
    expect(controls.length).toBeGreaterThanOrEqual(15);
    for (const c of controls) {
      const labelled = c.getAttribute("aria-label") || c.getAttribute("aria-labelledby") || c.textContent?.trim() || (c.id && document.querySelector(`label[for="${c.id}"]`));
      expect(labelled, c.outerHTML.slice(0, 80)).toBeTruthy();
    }
  });
});
