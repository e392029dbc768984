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

const model = modelOf(now2020);
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

describe("the statistical-audit panel", () => {
  it("lists the flags first: the core's outliers, collinear pairs and negative correlations", () => {
    panel();
    const flags = screen.getByRole("region", { name: "需关注" });
    const items = within(flags)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toHaveLength(result.indicators.filter((i) => i.outlier).length + result.collinear.length + result.negative.length);
    expect(items[0]).toMatch(/^A3 信息资源：异常值（偏度 -2\.351，峰度 7\.613/);
    expect(items).toContain("B2.3 与 B2.6 高度相关（r = 0.938），所在上级指标把同一信息计了两次");
    expect(within(flags).getByText(/B4\.6 .*偏度、峰度和相关系数无定义/)).toBeTruthy();
    // The flags come before the heat map in the pane.
    const heat = screen.getByRole("region", { name: "下级指标相关矩阵" });
    expect(flags.compareDocumentPosition(heat) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("the heat map shows the chosen parent's correlation matrix, shaded on the sheet's scale", async () => {
    const { user } = panel("en");
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

  it("importance: every input's nominal weight and r² share, from the core", () => {
    panel("en");
    const table = screen.getByRole("table", { name: /nominal weight/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(38);
    const a11 = result.importance.find((x) => x.indicator === "A1.1")!;
    expect(
      within(rows[0])
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([`${(a11.weight * 100).toFixed(1)}%`, `${(a11.share! * 100).toFixed(1)}%`, "0.50"]);
    const b46 = rows.find((r) => within(r).getByRole("rowheader").textContent === "B4.6")!;
    expect(within(b46).getAllByRole("cell")[1].textContent).toBe("—");
  });

  it("Sobol through the worker: the table equals sobol() for N = 1000, seed 1; the worker is ended", async () => {
    const w = fakeWorker();
    const { user } = panel("en", () => w);
    await user.click(screen.getByRole("button", { name: "Run Sobol sensitivity analysis" }));
    const table = await screen.findByRole("table", { name: /Sobol sensitivity indices \(N = 1000, 6000 runs, seed 1\)/ }, { timeout: 10_000 });
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
      // Each index with its 95% interval under it: two columns fit a 320 px pane.
      want.factors.map((f) => [
        f.en,
        `${f.first!.toFixed(3)} ${f.firstCI![0].toFixed(3)}–${f.firstCI![1].toFixed(3)}`,
        `${f.total!.toFixed(3)} ${f.totalCI![0].toFixed(3)}–${f.totalCI![1].toFixed(3)}`,
      ]),
    );
    expect(w.posted).toBe(1);
    expect(w.terminated).toBe(true);
  });

  it("writes the audit sheet under a fresh name, equal to the core's layout", async () => {
    const { user, excel } = panel();
    await user.click(screen.getByRole("button", { name: "写入统计审计工作表" }));
    await waitFor(() => expect(excel.sheetNames()).toContain("统计审计 2020"));
    await user.click(screen.getByRole("button", { name: "写入统计审计工作表" }));
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
    await user.click(screen.getByRole("button", { name: "Write the audit sheet" }));
    await waitFor(() => expect(excel.sheetNames()).toEqual(["Sheet1", "Audit 2020"]));
  });

  it("without scores it says why", () => {
    panel("zh", undefined, modelOf(undefined));
    expect(screen.getByText(/输入还有错误或待填写的单元格，修正后才能分析/)).toBeTruthy();
  });
});
