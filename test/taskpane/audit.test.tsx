// @vitest-environment jsdom
// The statistical-audit panel: the flags come first and match the core's audit; the heat map
// shows each parent's correlations; the importance table the nominal weights and r² shares; the
// Sobol run (through a worker stand-in answering with the real handler) equals sobol(); the sheet
// written equals the core's layout.
import { screen, waitFor, within } from "@testing-library/react";
import { audit, sobol } from "../../src/core";
import { auditLayout } from "../../src/report";
import AuditPanel, { correlationColor } from "../../src/taskpane/analysis/AuditPanel";
import { STRINGS, type Lang } from "../../src/taskpane/i18n";
import type { WorkerLike } from "../../src/taskpane/sensitivity-runner";
import { handleSobol } from "../../src/taskpane/sobol-handler";
import { modelOf, now2020, renderPanel } from "./panels";
import { plain } from "./render";

const model = modelOf(now2020);
/** A figure as the pane prints it: 2 decimals, a real minus sign. */
const two = (x: number) => x.toFixed(2).replace(/^-/, "\u2212");
const result = audit(now2020).result;

function fakeWorker() {
  const w: WorkerLike & { posted: number; terminated: boolean } = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    posted: 0,
    terminated: false,
    postMessage(m: unknown) {
      w.posted++;
      const copy = structuredClone(m);
      setTimeout(() => handleSobol(copy, (reply) => w.onmessage?.({ data: structuredClone(reply) } as MessageEvent)), 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

const panel = (lang: Lang = "zh", createWorker: () => WorkerLike | undefined = () => undefined, current = model) =>
  renderPanel((workbook) => <AuditPanel t={STRINGS[lang]} lang={lang} current={current} workbook={workbook} createWorker={createWorker} />);

const names = (code: string) => now2020.dataset.framework.indicators.get(code)!;
/** Opens a collapsed section by its summary line, as a click (or Enter) does. */
const open = async (user: { click: (e: Element) => Promise<void> }, title: string) => {
  const summary = [...document.querySelectorAll("summary")].find((x) => x.textContent!.startsWith(title))!;
  expect(summary.closest("details")!.open).toBe(false);
  await user.click(summary);
  expect(summary.closest("details")!.open).toBe(true);
};

describe("the statistical-audit panel", () => {
  it("opens with a summary: what was checked, how many things need attention and why, what to do", () => {
    panel();
    const summary = screen.getByRole("region", { name: "审计结论" });
    expect(summary.textContent).toContain("本审计检查了：");
    expect(within(summary).getAllByRole("list")[0].querySelectorAll("li")).toHaveLength(4);
    expect(within(summary).getByText(/^需关注 9 项：7 个指标分布偏斜，2 对同级指标高度相关/)).toBeTruthy();
    // The seven skewed indicators of 2020 (JRC rule, test/core/audit's independent figures) are
    // one item, said once, each with its figures; then the two collinear pairs.
    const top = within(within(summary).getByRole("region", { name: "需关注" })).getAllByRole("list")[0];
    const items = [...top.children].map((li) => plain(li.textContent));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^分布偏斜（7 项）。少数区的数值远离其余各区（JRC 规则/);
    const skewed = [...top.children[0].querySelectorAll("li")].map((li) => plain(li.textContent));
    expect(skewed.map((t) => t.split(" ")[0])).toEqual(["A3", "A3.1", "B2.1", "B2.5", "B4.3", "B4.4", "C2.1"]);
    expect(skewed[0]).toBe("A3 信息资源：偏度 −2.35，峰度 7.61");
    expect(items[0]).toContain("建议：A3：由下级指标汇总而来：先处理其下级指标的异常值。");
    expect(items[0]).toContain("建议：A3.1、B2.1、B2.5、B4.3、B4.4、C2.1：考虑处理异常值");
    expect(items).toContainEqual(
      expect.stringMatching(/^B2\.3 电子警察监控点覆盖率 与 B2\.6 环境质量监测水平：高度相关。.*建议：核对 B2\.3 与 B2\.6 是否衡量同一事物/),
    );
    expect(within(summary).getByText(/B4\.6 .*偏度、峰度和相关系数无定义/)).toBeTruthy();
  });

  it("r = −0.014 (B2.5 with its parent) is no flag: a note that it is weakly related, never “check its direction”", () => {
    panel();
    const summary = screen.getByRole("region", { name: "审计结论" });
    const attention = within(summary).getByRole("region", { name: "需关注" });
    expect(attention.textContent).not.toMatch(/与上级|方向/);
    expect(within(summary).getByText(/^与上级弱相关、与 0 无显著差别（不必处理）：.*B2\.5 能耗计量覆盖率（r = −0\.01）/)).toBeTruthy();
    expect(document.body.textContent).not.toContain("请核对指标方向");
  });

  it("the sections are collapsed until opened, each with one line saying what it shows", async () => {
    const { user } = panel();
    const details = [...document.querySelectorAll("details")];
    expect(details.map((d) => d.querySelector("summary")!.firstChild!.textContent)).toEqual([
      "分布与异常值",
      "与上级的关系",
      "下级指标相关矩阵",
      "权重与重要性",
    ]);
    expect(details.every((d) => !d.open)).toBe(true);
    expect(details.every((d) => d.querySelector("summary")!.children[1].textContent!.length > 10)).toBe(true);
    await open(user, "分布与异常值");
    expect(details.filter((d) => d.open)).toHaveLength(1);
  });

  it("names beside codes: the distribution and relation tables' rows, the matrix's codes", async () => {
    const { user } = panel();
    await open(user, "分布与异常值");
    const dist = screen.getByRole("table", { name: "分布与异常值" });
    const a3 = within(dist).getByRole("rowheader", { name: /^A3 ?信息资源$/ });
    expect(
      within(a3.closest("tr")!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["−2.35", "7.61", "是"]);
    await open(user, "与上级的关系");
    const rel = screen.getByRole("table", { name: "与上级的关系" });
    const b25 = within(rel).getByRole("rowheader", { name: new RegExp(`^B2\\.5 ?${names("B2.5").nameZh}$`) });
    expect(
      within(b25.closest("tr")!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["−0.01", "0.960", "弱相关"]);
    await open(user, "下级指标相关矩阵");
    expect(within(screen.getByRole("list", { name: "代码对照" })).getAllByRole("listitem")[0].textContent).toBe(`A ${names("A").nameZh}`);
  });

  it("the heat map shows the chosen parent's correlation matrix, shaded on the sheet's scale", async () => {
    const { user } = panel("en");
    await open(user, "Correlations within a parent");
    await user.selectOptions(screen.getByRole("combobox", { name: "Parent" }), "B2");
    const table = screen.getByRole("table", { name: /children of B2/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["B2.1", "B2.2", "B2.3", "B2.4", "B2.5", "B2.6", "B2.7"]);
    const m = result.matrices.find((x) => x.parent === "B2")!;
    const b23 = within(rows[2]).getAllByRole("cell");
    expect(b23.map((c) => c.textContent)).toEqual(m.r[2].map((v) => v!.toFixed(2)));
    expect(b23[5].textContent).toBe("0.94");
    expect(b23[5].style.backgroundColor).not.toBe("");
  });

  it("the colour scale: white at 0, the sheet's red at −1 and blue at +1", () => {
    expect(correlationColor(0)).toBe("#ffffff");
    expect(correlationColor(-1)).toBe("#f8696b");
    expect(correlationColor(1)).toBe("#5a8ac6");
    expect(correlationColor(null)).toBeUndefined();
  });

  it("importance: every input's nominal weight and r² share, from the core, its name beside it and the bars explained", async () => {
    const { user } = panel("en");
    await open(user, "Weights vs importance");
    const table = screen.getByRole("table", { name: /nominal weight/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(38);
    const a11 = result.importance.find((x) => x.indicator === "A1.1")!;
    expect(within(rows[0]).getByRole("rowheader").textContent).toBe(`A1.1${names("A1.1").nameEn}`);
    expect(
      within(rows[0])
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([`${(a11.weight * 100).toFixed(1)}%`, `${(a11.share! * 100).toFixed(1)}%`, "0.50"]);
    const b46 = rows.find((r) => within(r).getByRole("rowheader").textContent!.startsWith("B4.6"))!;
    expect(within(b46).getAllByRole("cell")[1].textContent).toBe("—");
    // The legend: what a bar's length means, and which bar is which.
    const max = Math.max(...result.importance.map((x) => Math.max(x.weight, x.share ?? 0)));
    expect(screen.getByText(new RegExp(`^Bar length: the percentage on one scale; a full bar is ${(max * 100).toFixed(1)}%\\.`))).toBeTruthy();
    expect(screen.getByText(/Grey: nominal weight/)).toBeTruthy();
    expect(screen.getByText(/Blue: r² share/)).toBeTruthy();
  });

  it("Sobol through the worker: the table equals sobol() for N = 1000, seed 1; the worker is ended", async () => {
    const w = fakeWorker();
    const { user } = panel("en", () => w);
    await user.click(screen.getByRole("button", { name: "Run Sobol sensitivity analysis" }));
    const table = await screen.findByRole("table", { name: /Sobol sensitivity indices \(N =\s1000, 6000 runs, seed 1\)/ }, { timeout: 10_000 });
    const want = sobol(now2020.dataset, { samples: 1000, seed: 1 }).result!;
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((r) => [
        within(r).getByRole("rowheader").textContent,
        ...within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ]),
    ).toEqual(
      // Each index with its 95% interval read out under it ("−0.03 to 0.02"): two columns fit a 320 px pane.
      want.factors.map((f) => [
        f.en,
        `${two(f.first!)} ${two(f.firstCI![0])} to ${two(f.firstCI![1])}`,
        `${two(f.total!)} ${two(f.totalCI![0])} to ${two(f.totalCI![1])}`,
      ]),
    );
    expect(screen.getByText(/A 95% interval that crosses 0 means no measurable effect; an estimate just below 0 is sampling noise around 0/)).toBeTruthy();
    expect(w.posted).toBe(1);
    expect(w.terminated).toBe(true);
  });

  it("writes the audit sheet under a fresh name, equal to the core's layout", async () => {
    const { user, excel } = panel();
    await user.click(screen.getByRole("button", { name: "生成统计审计工作表" }));
    await waitFor(() => expect(excel.sheetNames()).toContain("统计审计 2020"));
    await user.click(screen.getByRole("button", { name: "生成统计审计工作表" }));
    await waitFor(() => expect(excel.sheetNames()).toContain("统计审计 2020 (2)"));
    expect(excel.sheet("统计审计 2020").conditionalFormats).toHaveLength(13);
    const layout = auditLayout(result, now2020.dataset);
    const want = layout.cells.map((r) => r.map((v) => (v === null ? "" : v)));
    const got = excel.values("统计审计 2020"); // the used range: the layout's trailing blank row is not in it
    expect(got).toEqual(want.slice(0, got.length));
    expect(
      want
        .slice(got.length)
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
  });

  it("English: the audit sheet is named in the pane's language", async () => {
    const { user, excel } = panel("en");
    await user.click(screen.getByRole("button", { name: "Generate audit sheet" }));
    await waitFor(() => expect(excel.sheetNames()).toEqual(["Sheet1", "Audit 2020"]));
  });

  it("without scores it says why", () => {
    panel("zh", undefined, modelOf(undefined));
    expect(screen.getByText(/输入还有错误或待填写的单元格，修正后才能分析/)).toBeTruthy();
  });
});
