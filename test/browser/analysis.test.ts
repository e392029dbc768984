// The built pane's analysis panels in Chromium: the robustness analysis runs in the bundled
// Web Worker (not the main-thread fallback) and shows sensitivity()'s numbers for the seed;
// last year's table is inserted, compared and written as sheets. Screenshots under test-results/.
import * as path from "node:path";
import type { Page } from "playwright-core";
import { compare, score, sensitivity, sobol } from "../../src/core";
import { comparisonLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { a1 } from "../excel/fixtures";
import { chromiumMissing, openPane, SHOTS, usePaneServer, type PaneSession } from "./harness";

const SKIP = chromiumMissing();

type Scalar = string | number | boolean;
declare const sciFake: {
  excel: {
    values(sheet: string, address?: string): Scalar[][];
    sheetNames(): string[];
    setCell(sheet: string, address: string, value: Scalar): void;
    sheet(name: string): { conditionalFormats: { type: string }[] };
  };
};

describe.skipIf(!!SKIP)(SKIP ? `analysis panels in Chromium (skipped: ${SKIP})` : "the analysis panels in Chromium", () => {
  const env = usePaneServer();
  let session: PaneSession;
  let page: Page;

  beforeEach(async () => {
    session = await openPane(env.browser, env.server.url, env.stub);
    page = session.page;
    await page.goto(`${env.server.url}/taskpane.html`);
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
    expect(session.blocked).toEqual([]);
  });

  it("robustness: 10,000 replications in the Web Worker, the core's numbers, the sheet written", async () => {
    await page.getByRole("button", { name: "排名稳健性" }).click();
    await page.getByRole("button", { name: "运行稳健性分析" }).click();
    const results = page.locator("[data-path]");
    await results.waitFor();
    // Set only when the worker answered: the analysis left the pane's thread.
    expect(await results.getAttribute("data-path")).toBe("worker");

    const want = sensitivity(dataset2020(), { replications: 10_000, perturbation: 0.1, seed: 1 }).result!;
    const rows = await results.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toHaveLength(16);
    for (const [district, ...cells] of rows) {
      const r = want.districts.find((d) => d.district === district)!.ranks.city;
      expect(cells, district!).toEqual([r.baseline, r.median, r.p5, r.p95].map(String).concat(`${(r.keep * 100).toFixed(1)}%`));
    }
    await page.screenshot({ path: path.join(SHOTS, "analysis-robustness.png"), fullPage: true });

    await page.getByRole("button", { name: "生成稳健性工作表" }).click();
    await page.getByRole("list", { name: "已生成的工作表" }).waitFor();
    expect(await page.evaluate(() => sciFake.excel.sheetNames())).toEqual(["Sheet1", "稳健性 2020"]);
  });

  it("audit: Sobol indices in the Web Worker equal sobol(); the audit sheet with its colour scales", async () => {
    await page.getByRole("button", { name: "统计审计" }).click();
    const audit = page.getByRole("region", { name: "统计审计" });
    await audit
      .getByRole("region", { name: "需关注" })
      .getByText(/^分布偏斜（7\s项）/)
      .waitFor();
    await audit.getByRole("button", { name: "运行 Sobol 敏感性分析" }).click();
    const results = audit.locator("[data-path]");
    await results.waitFor();
    expect(await results.getAttribute("data-path")).toBe("worker");
    const want = sobol(dataset2020(), { samples: 1000, seed: 1 }).result!;
    const rows = await results.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const two = (x: number) => x.toFixed(2).replace(/^-/, "\u2212");
    const index = (x: number, ci: [number, number]) => `${two(x)} ${two(ci[0])} 至 ${two(ci[1])}`;
    expect(rows).toEqual(want.factors.map((f) => [f.zh, index(f.first!, f.firstCI!), index(f.total!, f.totalCI!)]));
    await audit.screenshot({ path: path.join(SHOTS, "analysis-audit.png") });

    await audit.getByRole("button", { name: "生成统计审计工作表" }).click();
    await audit.getByRole("list", { name: "已生成的工作表" }).waitFor();
    expect(await page.evaluate(() => sciFake.excel.sheetNames())).toEqual(["Sheet1", "统计审计 2020"]);
    expect(await page.evaluate(() => sciFake.excel.sheet("统计审计 2020").conditionalFormats.map((c) => c.type))).toEqual(Array(13).fill("ColorScale"));
  });

  it("year over year: insert last year's table, change it, see 浦东 rise, write the comparison", async () => {
    await page.getByRole("button", { name: "逐年比较" }).click();
    await page.getByRole("button", { name: "插入上年模板（以2020年数据为例）" }).click();
    const yoy = page.getByRole("region", { name: "逐年比较" });
    await yoy.getByRole("table").waitFor();
    // Last year 浦东's coefficient was half (row 3: title, header, then 浦东; AO: the coefficient).
    await page.evaluate(() => sciFake.excel.setCell("SCI 上一年", "AO3", 0.5));
    const pudong = yoy.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "浦东" }) });
    await pudong.getByText("↑15").waitFor();
    expect(await pudong.getByRole("cell").last().textContent()).toBe("16 → 1↑15排名上升15位");
    await yoy.getByRole("combobox", { name: "排序" }).selectOption("rankChange");
    await page.screenshot({ path: path.join(SHOTS, "analysis-year-over-year.png"), fullPage: true });

    await yoy.getByRole("button", { name: "生成比较工作表" }).click();
    await yoy.getByRole("list", { name: "已生成的工作表" }).waitFor();
    const now = score(dataset2020());
    const last = score({ ...now.dataset, coefficients: now.dataset.coefficients.map((c, i) => (now.dataset.districts[i].id === "浦东" ? 0.5 : c)) });
    // This year is the title's 2020 (step 3's field), not 本年; last year, also 2020, is 上一年.
    const date = new Date().toISOString().slice(0, 10); // the source line names the day
    const layout = comparisonLayout(compare(last, now, { old: "上一年", new: "2020" }), { date });
    for (const sheet of layout.sheets) {
      const corner = `A1:${a1(sheet.cells.length - 1, sheet.cells[0].length - 1)}`;
      const got = await page.evaluate(([n, a]) => sciFake.excel.values(n, a), [sheet.name, corner]);
      expect(got).toEqual(sheet.cells.map((r) => r.map((v) => (v === null ? "" : v))));
    }
  });
});
