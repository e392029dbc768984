// @vitest-environment jsdom
// The 使用所选数据 view over the fake workbook and document settings: the reading shown before
// anything changes, ambiguous headers chosen from their dropdowns, a district corrected in one
// click, Link (the choices saved with it), a choice changed after linking, Unlink.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeAdopter } from "../../src/excel/adopter";
import { officeWorkbook } from "../../src/excel/workbook";
import { named } from "./render";
import { AdoptView } from "../../src/taskpane/adopt/AdoptView";
import { inputsGrid, under } from "../core/adopt-fixtures";
import { FakeExcel } from "../fakes/excel";
import { fakeSettings } from "../fakes/office-settings";

function setUp(options: { writeCell?: boolean } = {}) {
  const excel = new FakeExcel({ sheets: ["说明"] });
  const grid = under([["各区数据"]], inputsGrid("zh"));
  grid.forEach((row, i) => row.push(i === 0 ? null : i === 1 ? "智慧应用" : 120)); // a computed column: 政务服务 etc. wait for a choice
  grid[4][0] = "徐会区";
  excel.addSheet(
    "数据",
    grid.map((r) => r.map((v) => (v === null ? "" : v))),
  );
  excel.selectArea("数据", "A1:AP18");
  const settings = fakeSettings();
  settings.install();
  const changes: number[] = [];
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <AdoptView
        lang="zh"
        adopter={officeAdopter(excel.runExcel)}
        onChange={() => changes.push(1)}
        writeCell={options.writeCell ? (cell, text) => officeWorkbook(excel.runExcel).writeCellText(cell, text) : undefined}
      />
    </FluentProvider>,
  );
  return { excel, settings, changes, user };
}

afterEach(() => delete (globalThis as Record<string, unknown>).Office);

describe("使用所选数据", () => {
  it("reads, asks about what is ambiguous, corrects a district, links with the choices, follows a later choice, unlinks", async () => {
    const { excel, settings, changes, user } = setUp();
    const before = excel.snapshot();
    await user.click(screen.getByRole("button", { name: "读取所选区域" }));
    expect(await screen.findByText("表头：第 2 行 · 每行一个行政区")).toBeTruthy();
    expect(screen.getByText("缺少指标：C2.1, C2.2, C2.3, C2.4")).toBeTruthy();
    const check = screen.getByRole("list", { name: "请核对的表头" });
    const selects = within(check).getAllByRole("combobox") as HTMLSelectElement[];
    expect(selects.map((s) => s.value)).toEqual(["ignore", "ignore", "ignore", "ignore", "ignore"]); // four namesakes and 智慧应用
    expect(within(check).getAllByText(/^有歧义，请选择/)).toHaveLength(4);

    await user.selectOptions(within(check).getByRole("combobox", { name: "AH2 政务服务" }), "C2.1");
    expect(screen.getByText("缺少指标：C2.2, C2.3, C2.4")).toBeTruthy();
    for (const [name, code] of [
      ["AI2 城市运行", "C2.2"],
      ["AJ2 数字经济", "C2.3"],
      ["AK2 公共服务", "C2.4"],
    ])
      await user.selectOptions(within(check).getByRole("combobox", { name }), code);
    expect(screen.getByText("38 项输入指标齐全")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "将「徐会区」读作「徐汇」" }));
    expect(screen.getByText("16 个行政区均已识别")).toBeTruthy();
    expect(excel.snapshot()).toEqual(before); // nothing changed yet

    await user.click(screen.getByRole("button", { name: "链接为 SCI 输入" }));
    expect(await screen.findByText("已链接：区域 数据!A1:AP18。修改数据后 SCI 自动重新计算。")).toBeTruthy();
    expect(excel.name("SCI_Input")).toMatchObject({ area: { row: 0, col: 0, rows: 18, cols: 42 } });
    expect(settings.saved["sci.input"]).toMatchObject({
      kind: "range",
      choices: { fields: { 政务服务: "C2.1", 城市运行: "C2.2", 数字经济: "C2.3", 公共服务: "C2.4" }, entities: { 徐会区: "徐汇" } },
    });
    expect(changes).toHaveLength(1);

    // A choice after linking (here a wrong one, 公共服务 as C2.3) is saved with the link, and the model is told.
    await user.selectOptions(within(screen.getByRole("list", { name: "请核对的表头" })).getByRole("combobox", { name: "AK2 公共服务" }), "C2.3");
    await vi.waitFor(() => expect((settings.saved["sci.input"] as { choices: { fields: Record<string, string> } }).choices.fields.公共服务).toBe("C2.3"));
    expect(changes.length).toBeGreaterThanOrEqual(2);

    await user.click(screen.getByRole("button", { name: "解除链接" }));
    expect(await screen.findByText("已解除链接，工作簿恢复原样。")).toBeTruthy();
    expect(excel.snapshot()).toEqual(before);
    expect(settings.saved["sci.input"]).toBeUndefined();
  });
});

describe("使用所选数据: reading a name as a district, or correcting the cell", () => {
  it("读作 leaves the cell as typed; 改为 writes that one cell, as text, and the reading follows", async () => {
    const { excel, user } = setUp({ writeCell: true });
    const before = excel.values("数据");
    await user.click(screen.getByRole("button", { name: "读取所选区域" }));
    await screen.findByText("表头：第 2 行 · 每行一个行政区");
    // The misspelt 徐会区 is grid row 5 under a one-line title: sheet row 5, column A.
    expect(screen.getByRole("button", { name: "将「徐会区」读作「徐汇」" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: named("将 A5 改为「徐汇」") }));
    expect(await screen.findByText("已将 A5 改为「徐汇」。")).toBeTruthy();
    expect(screen.getByText("16 个行政区均已识别")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /读作「徐汇」/ })).toBeNull();
    const after = excel.values("数据");
    const changed = after.flatMap((row, r) => row.flatMap((v, c) => (v === before[r][c] ? [] : [[r, c, v]])));
    expect(changed).toEqual([[4, 0, "徐汇"]]);
  });

  it("without a way to write cells, only 读作 is offered", async () => {
    const { user } = setUp();
    await user.click(screen.getByRole("button", { name: "读取所选区域" }));
    await screen.findByText("表头：第 2 行 · 每行一个行政区");
    expect(screen.getByRole("button", { name: "将「徐会区」读作「徐汇」" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /改为/ })).toBeNull();
  });
});

describe("使用所选数据 after reopening", () => {
  it("shows the saved link's mapping with its choices, without a selection", async () => {
    const excel = new FakeExcel({ sheets: ["说明"] });
    excel.addSheet(
      "数据",
      inputsGrid("zh").map((r) => r.map((v) => (v === null ? "" : v))),
      "B2",
    );
    excel.selectArea("说明", "A1");
    const link = { kind: "range", name: "SCI_Input", sheet: "数据", address: "B2:AP18", choices: { fields: { 政务服务: "C2.1" } } };
    await excel.runExcel(async (ctx) => {
      ctx.workbook.names.add("SCI_Input", ctx.workbook.worksheets.getItem("数据").getRange("B2:AP18"));
      await ctx.sync();
    });
    fakeSettings({ "sci.input": link }).install();
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <AdoptView lang="en" adopter={officeAdopter(excel.runExcel)} />
      </FluentProvider>,
    );
    await user.click(await screen.findByRole("button", { name: "Show the linked data's mapping" }));
    expect(await screen.findByText("Range 数据!B2:AP18")).toBeTruthy();
    const check = screen.getByRole("list", { name: "Headers to check" });
    const chosen = within(check).getByRole("combobox", { name: "AI2 政务服务" }) as HTMLSelectElement;
    expect(chosen.value).toBe("C2.1");
    expect(within(check).getByText("chosen")).toBeTruthy();
    expect(screen.getByText("All 16 districts recognised")).toBeTruthy();
  });

  it("a Ctrl+click selection of several areas gets the pane's message, not Excel's error", async () => {
    const { excel, user } = setUp();
    excel.selectAreas("数据", ["A1:B5", "D1:E5"]);
    await user.click(screen.getByRole("button", { name: "读取所选区域" }));
    expect(await screen.findByText(/^所选区域由多个不相连的部分组成（按住 Ctrl 选择）：请只选择一个连续的区域/)).toBeTruthy();
    expect(screen.queryByText(/InvalidSelection|操作失败/)).toBeNull();
  });
});
