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

it("follows the shared model: the template inserted, a warning listed and selected", async () => {
  const model = await import("../../src/excel/model");
  const user = userEvent.setup();
  render(<App workbook={officeWorkbook()} model={model} lang="zh" />);
  expect(await screen.findByText("将评分：内置2020年示例数据（工作簿中还没有您的数据）")).toBeTruthy();
  expect(model.getModel().source).toBe("builtin");

  await user.click(screen.getByRole("button", { name: "插入2020年示例数据" }));
  expect(await screen.findByText("一切正常")).toBeTruthy();
  expect(model.getModel()).toMatchObject({ source: "workbook", issues: [] });

  excel.setCell("SCI 输入", "B3", "市中心"); // 黄浦's region: unknown text, a warning
  await user.click(screen.getByRole("button", { name: "重新检查" }));
  const list = await screen.findByRole("list", { name: "问题列表（错误在前）" });
  const [issue] = within(list).getAllByRole("button");
  expect(issue.textContent).toMatch(/^警告SCI 输入!B3，黄浦：/);
  await user.click(issue);
  await waitFor(() => expect(excel.selection).toEqual({ sheet: "SCI 输入", address: "B3" }));
  // Warnings still score: the next step is Generate, on the workbook's data.
  expect(screen.getByText("将评分：工作表「SCI 输入」的数据")).toBeTruthy();
  expect(screen.getByRole("button", { name: "生成排名工作表" }).getAttribute("data-appearance")).toBe("primary");
});
