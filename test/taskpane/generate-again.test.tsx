// @vitest-environment jsdom
// Step 3 run again for the same title: the pane asks in place of its button — replace the
// sheets SCI made for this title, keep both sets, or cancel — with one primary button on screen;
// Replace deletes only those sheets; a sheet that could not be removed and a cut title are said.
// Sheet names follow the pane's language. Over the fake workbook, with document settings.
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { fakeSettings, type FakeSettings } from "../fakes/office-settings";
import { named, renderPane } from "./render";

const region = (name: RegExp | string) => screen.getByRole("region", { name });
const primaries = () => screen.getAllByRole("button").filter((b) => b.className.includes("fui-Button") && b.getAttribute("data-appearance") === "primary");
const RANKING = ["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"];

let settings: FakeSettings;
beforeEach(() => {
  settings = fakeSettings();
  settings.install();
});
afterEach(() => settings.uninstall());

describe("3. 生成排名, again for the same title", () => {
  it("中文: asks; Cancel writes nothing; Keep both adds (2); Replace deletes only SCI's sheets of this title", async () => {
    const { user, excel } = renderPane();
    await user.click(screen.getByRole("button", { name: "插入2020年示例数据" }));
    expect(await within(region("2. 检查")).findByText("一切正常")).toBeTruthy();
    const step = region("3. 生成排名");
    const generate = () => within(step).getByRole("button", { name: "生成排名工作表" });
    await user.click(generate());
    expect(await within(step).findByText("已生成以下工作表，点击打开：")).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI 输入", "SCI 指标体系", ...RANKING]);

    // Again: a question in place of the button, naming the sheets; its answer is the one primary.
    await user.click(generate());
    const question = await within(step).findByRole("group", {
      name: named(
        "已有本标题生成的 4 张工作表（「排名 2020」、「排名 2020 一级指标」、「排名 2020 二级指标」、「排名 2020 三级指标」）。替换它们，还是保留并另存一套？",
      ),
    });
    expect(
      within(question)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["替换", "保留两套", "取消"]);
    expect(primaries().map((b) => b.textContent)).toEqual(["替换"]);
    expect(within(step).queryByRole("button", { name: "生成排名工作表" })).toBeNull();
    expect(document.activeElement?.textContent).toMatch(/^已有本标题生成的 4\s张工作表/);

    // The question is about the title as it was: changing the title withdraws it.
    await user.type(within(step).getByRole("textbox", { name: "报告年份或标题" }), "x");
    expect(within(step).queryByRole("group")).toBeNull();
    await user.type(within(step).getByRole("textbox", { name: "报告年份或标题" }), "{Backspace}");
    await user.click(generate());
    await user.click(within(await within(step).findByRole("group", { name: /^已有本标题生成的 4\s张工作表/ })).getByRole("button", { name: "取消" }));
    expect(within(step).queryByRole("group")).toBeNull();
    expect(primaries().map((b) => b.textContent)).toEqual(["生成排名工作表"]);
    expect(excel.sheetNames()).toHaveLength(7);

    await user.click(generate());
    await user.click(await within(step).findByRole("button", { name: "保留两套" }));
    const twos = RANKING.map((n) => `${n} (2)`);
    await waitFor(() => expect(excel.sheetNames().slice(7)).toEqual(twos));
    const links = within(await within(step).findByRole("list", { name: "已生成的工作表" })).getAllByRole("button");
    expect(links.map((l) => l.textContent)).toEqual(twos);

    // The user's own sheet with a similar name, and one of SCI's they renamed: neither is SCI's to delete.
    excel.addSheet("排名 2020 我的笔记", [["笔记"]]);
    excel.state.renameSheet(excel.sheet("排名 2020 一级指标 (2)"), "留底 一级");
    await user.click(generate());
    const asked = await within(step).findByRole("group", { name: /^已有本标题生成的 7\s张工作表/ });
    await user.click(within(asked).getByRole("button", { name: "替换" }));
    expect(await within(step).findByText(/^已删除上次生成的 7 张工作表。/)).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI 输入", "SCI 指标体系", "留底 一级", "排名 2020 我的笔记", ...RANKING]);
    expect(excel.values("排名 2020 我的笔记")).toEqual([["笔记"]]);
    expect(primaries().map((b) => b.textContent)).toEqual(["生成排名工作表"]);
  });

  it("a sheet Excel would not delete is named; the new set takes fresh names", async () => {
    const { user, excel } = renderPane();
    const generate = () => screen.getByRole("button", { name: "生成排名工作表" });
    await user.click(generate());
    await screen.findByText("已生成以下工作表，点击打开：");
    await user.click(generate());
    excel.failOn("worksheet.delete", 1, "AccessDenied");
    await user.click(await screen.findByRole("button", { name: "替换" }));
    expect(await screen.findByText(/^未能删除工作表「排名 2020」：AccessDenied/)).toBeTruthy();
    expect(screen.getByText(/^已删除上次生成的 3 张工作表。/)).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "排名 2020", ...RANKING.map((n) => `${n} (2)`)]);
  });

  it("a title too long for a sheet name is said after writing", async () => {
    const { user } = renderPane();
    const step = region("3. 生成排名");
    const title = within(step).getByRole("textbox", { name: "报告年份或标题" });
    await user.clear(title);
    await user.type(title, "智慧城市发展水平评估 2020 年度复核终稿");
    await user.click(within(step).getByRole("button", { name: "生成排名工作表" }));
    expect(await within(step).findByText("标题过长，工作表名已截为「排名 智慧城市发展水平评估 2020 年」")).toBeTruthy();
  });

  it("English: the template and the ranking sheets get English names; the question is in English", async () => {
    const { user, excel } = renderPane({ lang: "en" });
    await user.click(screen.getByRole("button", { name: "Insert the 2020 example" }));
    expect(await screen.findByText("All good")).toBeTruthy();
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI Input", "SCI Framework"]);
    expect(excel.table("SCI_Input")?.sheet.name).toBe("SCI Input");
    const step = region("3. Generate the ranking");
    await user.click(within(step).getByRole("button", { name: "Generate ranking sheets" }));
    expect(await within(step).findByText("Sheets generated; click one to open it:")).toBeTruthy();
    const english = ["Ranking 2020", "Ranking 2020 level 1", "Ranking 2020 level 2", "Ranking 2020 level 3"];
    expect(excel.sheetNames().slice(3)).toEqual(english);
    await user.click(within(step).getByRole("button", { name: "Generate ranking sheets" }));
    const asked = await within(step).findByRole("group", {
      name: "4 sheets generated earlier for this title are in the workbook (“Ranking 2020”, “Ranking 2020 level 1”, “Ranking 2020 level 2”, “Ranking 2020 level 3”). Replace them, or keep them and write a second set?",
    });
    expect(primaries().map((b) => b.textContent)).toEqual(["Replace"]);
    await user.click(within(asked).getByRole("button", { name: "Replace" }));
    expect(await within(step).findByText(/^Removed 4 sheets of the previous run\./)).toBeTruthy();
    expect(excel.sheetNames().slice(3)).toEqual(english);
  });

  it("a workbook whose sheets were named in Chinese keeps working in the English pane: found by its table", async () => {
    const first = renderPane({ lang: "zh" });
    await first.user.click(screen.getByRole("button", { name: "插入2020年示例数据" }));
    expect(await screen.findByText("一切正常")).toBeTruthy();
    cleanup();
    const { user, excel, model } = renderPane({ lang: "en", excel: first.excel });
    await act(() => model.refresh()); // the model reads the workbook it opens with
    expect(await screen.findByText(/^The data is on sheet “SCI 输入”\./)).toBeTruthy();
    expect(await screen.findByText("All good")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Generate ranking sheets" }));
    expect(await screen.findByText("Sheets generated; click one to open it:")).toBeTruthy();
    expect(excel.sheetNames()).toEqual([
      "Sheet1",
      "SCI 输入",
      "SCI 指标体系",
      "Ranking 2020",
      "Ranking 2020 level 1",
      "Ranking 2020 level 2",
      "Ranking 2020 level 3",
    ]);
  });
});
