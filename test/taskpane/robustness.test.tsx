// @vitest-environment jsdom
// Robustness of ranks in the pane: what it shows equals the core's sensitivity() for the same
// seed, on the main-thread path jsdom takes (no Worker) and through a worker stand-in; zero
// perturbation shows each district's exact rank; the sheet written equals the core's layout.
import { act, screen, waitFor, within } from "@testing-library/react";
import { score, sensitivity, type Sensitivity } from "../../src/core";
import { sensitivityLayout } from "../../src/report";
import RobustnessPanel from "../../src/taskpane/analysis/RobustnessPanel";
import { STRINGS, type Lang } from "../../src/taskpane/i18n";
import { handleSensitivity } from "../../src/taskpane/sensitivity-handler";
import type { WorkerLike } from "../../src/taskpane/sensitivity-runner";
import { a1 } from "../excel/fixtures";
import { modelOf, now2020, renderPanel } from "./panels";
import { named } from "./render";

const ds = now2020.dataset;
const model = modelOf(now2020);
const panel = (lang: Lang = "zh", current = model, createWorker?: () => WorkerLike | undefined) => {
  const view = renderPanel((workbook) => (
    <RobustnessPanel t={STRINGS[lang]} lang={lang} current={current} workbook={workbook} createWorker={createWorker ?? (() => undefined)} />
  ));
  return view;
};
const core = (opts: Parameters<typeof sensitivity>[1]): Sensitivity => sensitivity(ds, opts).result!;

/** The hidden table of the chart: district → [baseline, median, P5, P95, kept]. */
function numbers(): Map<string, string[]> {
  const t = screen.getByRole("table");
  return new Map(
    within(t)
      .getAllByRole("row")
      .slice(1)
      .filter((r) => within(r).queryByRole("rowheader")) // not the region headings
      .map((r) => [
        within(r).getByRole("rowheader").textContent!,
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent!),
      ]),
  );
}
const expected = (r: Sensitivity, scope: "city" | "region" = "city", name = (id: string) => id) =>
  new Map(
    r.districts.map((d) => [
      name(d.district),
      [d.ranks[scope].baseline, d.ranks[scope].median, d.ranks[scope].p5, d.ranks[scope].p95].map(String).concat(`${(d.ranks[scope].keep * 100).toFixed(1)}%`),
    ]),
  );

async function replace(user: ReturnType<typeof panel>["user"], name: string, value: string) {
  const box = screen.getByRole("textbox", { name });
  await user.clear(box);
  if (value) await user.type(box, value);
}

/**
 * A Worker stand-in answering through the real handler, copies both ways. `hold`: it passes on
 * the first progress reply only and then falls silent, as a long run would seem.
 */
function fakeWorker(hold = false) {
  const w: WorkerLike & { posted: number; terminated: boolean } = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    posted: 0,
    terminated: false,
    postMessage(m: unknown) {
      w.posted++;
      const copy = structuredClone(m);
      let sent = 0;
      setTimeout(
        () =>
          handleSensitivity(copy, (reply) => {
            if (!hold || sent++ === 0) w.onmessage?.({ data: structuredClone(reply) } as MessageEvent);
          }),
        0,
      );
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe("robustness of ranks", () => {
  it("中文: defaults 10%, 10000, seed 1; the chart's numbers equal sensitivity() for that seed", async () => {
    const { user } = panel();
    expect((screen.getByRole("textbox", { name: "权重扰动幅度（%）" }) as HTMLInputElement).value).toBe("10");
    expect((screen.getByRole("textbox", { name: "重复次数" }) as HTMLInputElement).value).toBe("10000");
    expect((screen.getByRole("textbox", { name: "随机种子" }) as HTMLInputElement).value).toBe("1");
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    const chart = await screen.findByRole("img", { name: /16\s个行政区的全市排名在权重扰动 ±10%、10,000\s次重复下的区间图/ }, { timeout: 10_000 });
    expect(chart.tagName.toLowerCase()).toBe("svg");
    const want = core({ replications: 10_000, perturbation: 0.1, seed: 1 });
    expect(numbers()).toEqual(expected(want));
    expect(screen.getByRole("table", { name: named("排名稳健性（扰动 ±10%，重复 10,000 次，种子 1） · 全市") })).toBeTruthy();
    // Rows by baseline rank; one bar, dot and diamond per district.
    expect([...numbers().keys()].slice(0, 3)).toEqual(["浦东", "徐汇", "黄浦"]);
    expect(chart.querySelectorAll("[data-district]")).toHaveLength(16);
    expect(chart.querySelectorAll("circle")).toHaveLength(16);
    expect(document.querySelector("[data-path]")?.getAttribute("data-path")).toBe("main");
    expect(screen.getByText(/^完成，用时 [\d,]+ 毫秒。$/)).toBeTruthy();
  });

  it("zero perturbation: every district at its exact rank, interval [r, r], kept 100%", async () => {
    const { user } = panel();
    await replace(user, "权重扰动幅度（%）", "0");
    await replace(user, "重复次数", "500");
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    await screen.findByRole("img");
    const K = ds.framework.order.length;
    const exact = new Map(
      ds.districts.map((d, i) => {
        const r = String(now2020.cityRanks[i * K]);
        return [d.id, [r, r, r, r, "100.0%"]];
      }),
    );
    expect(numbers()).toEqual(exact);
    expect(numbers().get("浦东")![0]).toBe("1");
    expect(numbers().get("崇明")![0]).toBe("16");
  });

  it("another seed, perturbation and indicator; within the region too", async () => {
    const { user } = panel();
    await replace(user, "权重扰动幅度（%）", "35");
    await replace(user, "重复次数", "3000");
    await replace(user, "随机种子", "上海");
    await user.selectOptions(screen.getByRole("combobox", { name: "指标" }), "B");
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    await screen.findByRole("img");
    const want = core({ replications: 3000, perturbation: 0.35, seed: "上海", indicator: "B" });
    expect(numbers()).toEqual(expected(want));
    await user.selectOptions(screen.getByRole("combobox", { name: "排名范围" }), "region");
    expect(numbers()).toEqual(expected(want, "region"));
    expect(screen.getByRole("img").getAttribute("aria-label")).toMatch(/区内排名/);
  });

  it("through a worker: the same numbers", async () => {
    const worker = fakeWorker();
    const { user } = panel("zh", model, () => worker);
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    await screen.findByRole("img");
    expect(numbers()).toEqual(expected(core({ replications: 10_000, perturbation: 0.1, seed: 1 })));
    expect(worker.posted).toBe(1);
    expect(document.querySelector("[data-path]")?.getAttribute("data-path")).toBe("worker");
  });

  it("shows the worker's progress while it runs and can be stopped", async () => {
    const worker = fakeWorker(true);
    const { user } = panel("zh", model, () => worker);
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(await screen.findByText("正在计算：1,000 / 10,000 次")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.1");
    expect(screen.getByRole("button", { name: "运行稳健性分析" }).getAttribute("aria-disabled")).toBe("true");
    await user.click(screen.getByRole("button", { name: "停止" }));
    expect(await screen.findByText("已停止。")).toBeTruthy();
    expect(worker.terminated).toBe(true);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("checks what was typed, in the pane's language, and runs nothing until it is right", async () => {
    const { user } = panel();
    await replace(user, "权重扰动幅度（%）", "100");
    await replace(user, "重复次数", "1.5");
    await replace(user, "随机种子", "");
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    expect(screen.getByText("请输入 0 至 100 之间（不含 100）的百分比。")).toBeTruthy();
    expect(screen.getByText("请输入 1 至 1,000,000 之间的整数。")).toBeTruthy();
    expect(screen.getByText("请输入种子（数字或文字）。")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "重复次数" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("writes the robustness sheet: the core's layout cell for cell, a fresh name the second time", async () => {
    const { user, excel } = panel();
    await replace(user, "重复次数", "2000");
    await replace(user, "随机种子", "42");
    await user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    await screen.findByRole("img");
    await user.click(screen.getByRole("button", { name: "生成稳健性工作表" }));
    const list = await screen.findByRole("list", { name: "已生成的工作表" });
    expect(within(list).getByRole("button").textContent).toBe("稳健性 2020");
    const date = new Date().toISOString().slice(0, 10); // the source line names the day
    const sheet = sensitivityLayout(core({ replications: 2000, perturbation: 0.1, seed: 42 }), ds, ds.label ?? "", { date });
    const corner = `A1:${a1(sheet.cells.length - 1, sheet.cells[0].length - 1)}`;
    expect(excel.values("稳健性 2020", corner)).toEqual(sheet.cells.map((r) => r.map((v) => (v === null ? "" : v))));
    expect(excel.syncs).toBe(2);
    await user.click(screen.getByRole("button", { name: "生成稳健性工作表" }));
    await waitFor(() => expect(excel.sheetNames()).toEqual(["Sheet1", "稳健性 2020", "稳健性 2020 (2)"]));
  });

  it("English: labels, district names and the chart's description in English", async () => {
    const { user, excel } = panel("en");
    await replace(user, "Replications", "1000");
    await user.click(screen.getByRole("button", { name: "Run robustness analysis" }));
    const chart = await screen.findByRole("img");
    expect(chart.getAttribute("aria-label")).toMatch(/^Range plot of 16 districts' city ranks under ±10% weight perturbation, 1,000 replications/);
    const en = new Map(ds.districts.map((d) => [d.id, d.en!]));
    expect(numbers()).toEqual(expected(core({ replications: 1000, perturbation: 0.1, seed: 1 }), "city", (id) => en.get(id)!));
    expect(
      within(screen.getByRole("table"))
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["District", "Baseline rank", "Median rank", "5th percentile", "95th percentile", "Kept its place"]);
    await user.click(screen.getByRole("button", { name: "Generate robustness sheet" }));
    await waitFor(() => expect(excel.sheetNames()).toEqual(["Sheet1", "Robustness 2020"])); // named in the pane's language
  });

  it("when the data changes the results are marked stale and not written", async () => {
    const view = panel();
    // Staleness is about the data, not the run's size: 1,000 replications keep it quick on a busy machine.
    await replace(view.user, "重复次数", "1000");
    await view.user.click(screen.getByRole("button", { name: "运行稳健性分析" }));
    await screen.findByRole("img", {}, { timeout: 10_000 });
    const changed = modelOf(score({ ...ds, coefficients: ds.coefficients.map((c, i) => (i === 0 ? 0.5 : c)) }));
    await act(async () =>
      view.rerenderWith(<RobustnessPanel t={STRINGS.zh} lang="zh" current={changed} workbook={view.workbook} createWorker={() => undefined} />),
    );
    expect(screen.getByText("数据已更改：以下结果基于更改前的数据，请重新运行。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "生成稳健性工作表" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("without scores (input errors) it says why instead of offering a run", () => {
    panel("zh", modelOf(undefined));
    expect(screen.getByText("输入还有错误或待填写的单元格，修正后才能分析（见「2. 检查」）。")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("keyboard: fields, picker, run and write are reachable and work", async () => {
    const { user, excel } = panel();
    const tabTo = async (el: HTMLElement) => {
      for (let i = 0; i < 30 && document.activeElement !== el; i++) await user.tab();
      expect(document.activeElement).toBe(el);
    };
    await tabTo(screen.getByRole("textbox", { name: "重复次数" }));
    await user.keyboard("{Control>}a{/Control}800");
    await tabTo(screen.getByRole("combobox", { name: "指标" }));
    const run = screen.getByRole("button", { name: "运行稳健性分析" });
    await tabTo(run);
    await user.keyboard("{Enter}");
    await screen.findByRole("img");
    expect(numbers()).toEqual(expected(core({ replications: 800, perturbation: 0.1, seed: 1 })));
    await tabTo(screen.getByRole("combobox", { name: "排名范围" }));
    await tabTo(screen.getByRole("button", { name: "生成稳健性工作表" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("list", { name: "已生成的工作表" });
    expect(excel.sheetNames()).toEqual(["Sheet1", "稳健性 2020"]);
  });
});
