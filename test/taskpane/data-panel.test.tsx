import type { Issue } from "../../src/core";
// @vitest-environment jsdom
// Step 5 on its own: the raw-data and framework buttons, what they say, and what they pass on.
import { screen, within } from "@testing-library/react";
import { buildFramework, type FrameworkRow } from "../../src/core";
import { FRAMEWORK_2020 } from "../../src/data";
import type { SciWorkbook, TableKind, TableOptions } from "../../src/excel/workbook";
import DataPanel from "../../src/taskpane/analysis/DataPanel";
import { STRINGS, type Lang } from "../../src/taskpane/i18n";
import { modelOf, now2020, renderPanel } from "./panels";

const panel = (lang: Lang, current = modelOf(now2020), wrap?: (real: SciWorkbook) => SciWorkbook) =>
  renderPanel((workbook) => <DataPanel t={STRINGS[lang]} lang={lang} current={current} workbook={wrap ? wrap(workbook) : workbook} />);

describe("raw data and framework (step 5)", () => {
  it("English: inserts the raw-data template; a second time it points at the table instead", async () => {
    const { user, excel } = panel("en");
    expect(screen.getByText("Scoring with the built-in 2020 framework.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Insert raw-data template" }));
    expect(
      await screen.findByText('Inserted "SCI Raw data", "SCI Normalisation". Once they are filled in, any issues are listed under “2. Check”.'),
    ).toBeTruthy();
    expect(excel.values("SCI Normalisation")[2].slice(0, 3)).toEqual(["A1.1", "5G建设应用", "ratio"]);
    await user.click(screen.getByRole("button", { name: "Insert raw-data template" }));
    expect(
      await screen.findByText('The workbook already has an SCI_Raw table (sheet "SCI Raw data"); nothing was inserted and the table is selected'),
    ).toBeTruthy();
    expect(screen.queryByText(/工作簿中已有/)).toBeNull(); // the English pane shows English only
    expect(excel.selection?.sheet).toBe("SCI Raw data");
    expect(excel.sheetNames()).toEqual(["Sheet1", "SCI Raw data", "SCI Normalisation"]);
  });

  it("中文: with an SCI_Input table the raw data is inserted but not used, and the pane says so", async () => {
    const { user, workbook, excel } = panel("zh");
    await workbook.insertTemplate("2020");
    await user.click(screen.getByRole("button", { name: "插入原始数据模板" }));
    expect(await screen.findByText(/^已插入工作表「SCI 原始数据」、「SCI 标准化设置」。.*工作簿已有 SCI_Input 表，SCI 按其计分/)).toBeTruthy();
    expect(excel.table("SCI_Raw")).toBeTruthy();
  });

  it("中文: inserts the editable framework; the model's framework decides what the panel says", async () => {
    const { user, excel } = panel("zh", modelOf(now2020, { frameworkSource: "workbook", mode: "raw" }));
    expect(screen.getByText("当前使用工作簿中的自定义指标体系。本年数据由原始数据按标准化设置换算。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "插入可编辑的指标体系" }));
    expect(await screen.findByText(/^已插入工作表「SCI 指标体系（可编辑）」。/)).toBeTruthy();
    expect(excel.table("SCI_Framework")?.sheet.name).toBe("SCI 指标体系（可编辑）");
  });

  it("the raw-data template lists the workbook's own framework's input indicators", async () => {
    // A framework with 公共信息资源社会开放水平 (A3.1) dropped: its sibling A3.2 takes its weight.
    const rows: FrameworkRow[] = FRAMEWORK_2020.filter((r) => r.code !== "A3.1").map((r) => (r.code === "A3.2" ? { ...r, weight: 1 } : r));
    const { framework, issues } = buildFramework(rows);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const calls: [TableKind, TableOptions | undefined][] = [];
    const { user, excel } = panel("zh", modelOf(now2020, { framework, frameworkSource: "workbook" }), (real) => ({
      ...real,
      insertTable: (kind, options) => (calls.push([kind, options]), real.insertTable(kind, options)),
    }));
    await user.click(screen.getByRole("button", { name: "插入原始数据模板" }));
    await screen.findByText(/^已插入工作表/);
    expect(calls).toEqual([["raw", { framework, lang: "zh" }]]);
    const codes = excel
      .values("SCI 标准化设置")
      .slice(2)
      .map((r) => r[0]);
    expect(codes).toHaveLength(37);
    expect(codes).not.toContain("A3.1");
    expect(codes.slice(0, 6)).toEqual(["A1.1", "A2.1", "A2.2", "A2.3", "A3.2", "B1.1"]);
  });

  it("counts the issues of these tables (not SCI_Input's) and sends the reader to the check", () => {
    const at = (code: string, severity: "error" | "warning") => ({ severity, code: code as Issue["code"], zh: `${code}（中文）`, en: code });
    panel(
      "en",
      modelOf(undefined, {
        issues: [
          at("empty-cell", "error"),
          at("settings-missing-benchmark", "error"),
          at("framework-weights", "error"),
          at("settings-unknown-column", "warning"),
        ],
        issuesOf: {
          input: [at("empty-cell", "error")],
          settings: [at("settings-missing-benchmark", "error"), at("settings-unknown-column", "warning")],
          framework: [at("framework-weights", "error")],
        },
      }),
    );
    expect(screen.getByText("These tables have 2 errors and 1 warning; see “2. Check”.")).toBeTruthy();
  });

  it("keyboard: both buttons are reachable and Enter inserts", async () => {
    const { user, excel } = panel("zh");
    const button = screen.getByRole("button", { name: "插入可编辑的指标体系" });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "插入原始数据模板" }));
    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/^已插入工作表「SCI 指标体系（可编辑）」/)).toBeTruthy();
    expect(within(screen.getByText(/^已插入工作表/).closest("[aria-live]") as HTMLElement).getByText(/已插入/)).toBeTruthy();
    expect(excel.sheetNames()).toHaveLength(2);
  });
});
