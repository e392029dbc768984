// @vitest-environment jsdom
// The pane on the add-in's real shared model (src/excel/model.ts), with the fake workbook
// installed as the global `Excel` the way office.js provides it.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { officeWorkbook } from "../../src/excel/workbook";
import { App } from "../../src/taskpane/App";
import { FakeExcel } from "../fakes/excel";

const excel = new FakeExcel();
(globalThis as unknown as { Excel: unknown }).Excel = excel.namespace;
afterAll(() => void delete (globalThis as { Excel?: unknown }).Excel);

it("validates through the shared model's refresh and follows it", async () => {
  const model = await import("../../src/excel/model");
  const user = userEvent.setup();
  render(<App workbook={officeWorkbook()} model={model} />);
  await user.click(screen.getByRole("button", { name: "检查输入" }));
  expect(await screen.findByText(/未找到 SCI_Input 表/)).toBeTruthy();
  expect(model.getModel().source).toBe("builtin");

  await user.click(screen.getByRole("button", { name: "插入 2020 年数据" }));
  await screen.findByText(/已插入工作表/);
  await user.click(screen.getByRole("button", { name: "检查输入" }));
  expect(await screen.findByText("一切正常")).toBeTruthy();
  expect(model.getModel()).toMatchObject({ source: "workbook", issues: [] });

  excel.setCell("SCI 输入", "B3", "市中心"); // 黄浦's region: unknown text, a warning
  await user.click(screen.getByRole("button", { name: "检查输入" }));
  const list = await screen.findByRole("list", { name: "问题列表（错误在前）" });
  const [issue] = within(list).getAllByRole("button");
  expect(issue.textContent).toContain("警告 · 单元格 SCI 输入!B3 · 行政区 黄浦");
  await user.click(issue);
  await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "B3" }));
  // Warnings still score: the results come from the workbook.
  expect(screen.getByText("数据来源：工作簿中的 SCI_Input 表")).toBeTruthy();
});
