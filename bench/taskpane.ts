// The task pane's figures: the JavaScript it loads before it is usable (gzipped), and the time
// from navigation to interactive in headless Chromium, with the fake workbook behind office.js.
import * as path from "node:path";
import { ensureBuilt } from "../test/browser/build";
import { chromiumMissing, launchChromium, openPane, serve } from "../test/browser/harness";
import { officeStubScript } from "../test/browser/stub-bundle";
import { DIST, entryScripts, gzipKb } from "./bundle";
import { attempt, type Figure, Unavailable } from "./figure";
import { median } from "./measure";
import { repoRoot } from "./root";

/** Usable: a control the evaluator can press is on screen (the pane renders its buttons enabled once ready). */
const READY = "button:not([disabled]):not([aria-disabled='true'])";

// Runs in the page from its first byte: notes the moment (ms since navigation start) a ready
// control first shows, without the polling delay of waiting from outside.
const WATCH_READY = `(() => {
  const seen = () => [...document.querySelectorAll(${JSON.stringify(READY)})].some((b) => b.getClientRects().length > 0);
  const check = () => { if (window.__sciReady === undefined && document.body && seen()) window.__sciReady = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener("DOMContentLoaded", check);
})();`;

export async function taskpaneFigures(): Promise<Figure[]> {
  const sizeFigure = { key: "taskpane_js_gzip_kb", label: "task pane JavaScript before it is usable, gzipped", unit: "KB" as const, target: 250 };
  const readyFigure = { key: "taskpane_ready_ms", label: "task pane: navigation to interactive, headless Chromium", unit: "ms" as const };
  try {
    ensureBuilt(repoRoot()); // the figures must describe the current source, so build if stale
  } catch (e) {
    const why = `the add-in does not build (npm run build): ${String((e as Error)?.message ?? e)
      .split("\n")[0]
      .slice(0, 160)}`;
    return [await attempt(sizeFigure, () => Promise.reject(new Unavailable(why))), await attempt(readyFigure, () => Promise.reject(new Unavailable(why)))];
  }
  let loaded: string[] | undefined;
  const ready = await attempt(readyFigure, async () => {
    const r = await readyTimes();
    loaded = r.scripts;
    return {
      value: Math.round(r.median),
      detail: `median of ${r.runs} cold loads (fresh browser context each), min ${Math.round(r.min)}, max ${Math.round(r.max)}`,
    };
  });
  const size = await attempt(sizeFigure, () => {
    // What the browser fetched before the pane was usable, where known; else the entry scripts.
    const files = loaded ?? entryScripts();
    return {
      value: gzipKb(files),
      detail: `${files.length} scripts (${loaded ? "fetched before interactive" : "entry scripts of taskpane.html"}): ${files.map((f) => path.basename(f)).join(", ")}`,
    };
  });
  const nodes = await attempt(
    { key: "taskpane_dom_nodes", label: "task pane DOM nodes after the full flow (every analysis open and run)", unit: "nodes" as const, target: 1500 },
    async () => {
      const n = await domNodes();
      return { value: n.flow, detail: `after insert, generate, each analysis opened and run; a fresh template's 624 empty cells: ${n.empty} nodes` };
    },
  );
  return [size, ready, nodes];
}

/** Elements in the page after the evaluator's whole flow, and with a fresh template's issues. */
async function domNodes(): Promise<{ flow: number; empty: number }> {
  const missing = chromiumMissing();
  if (missing) throw new Unavailable(missing);
  const stub = await officeStubScript(repoRoot());
  const server = await serve(DIST);
  const browser = await launchChromium();
  const count = (page: import("playwright-core").Page) => page.evaluate(() => document.querySelectorAll("*").length);
  try {
    const pane = await openPane(browser, server.url, stub, { width: 320 });
    const page = pane.page;
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "插入 2020 年示例数据" }).click();
    await page.getByText("一切正常").waitFor();
    await page.getByRole("button", { name: "生成排名工作表" }).click();
    await page.getByRole("list", { name: "已写入的工作表" }).waitFor();
    for (const name of ["原始数据与指标体系", "逐年比较", "排名稳健性"]) await page.getByRole("button", { name }).click();
    await page.getByRole("button", { name: "插入上年模板（以 2020 年数据为例）" }).click();
    await page.getByRole("region", { name: "逐年比较" }).getByRole("table").waitFor();
    await page.getByRole("button", { name: "运行稳健性分析" }).click();
    await page.locator("[data-path]").waitFor({ timeout: 30_000 });
    const flow = await count(page);
    await pane.context.close();

    const fresh = await openPane(browser, server.url, stub, { width: 320 });
    await fresh.page.goto(`${server.url}/taskpane.html`);
    await fresh.page.getByRole("button", { name: "插入空白模板" }).click();
    await fresh.page.getByText("模板待填写").waitFor();
    await fresh.page.getByRole("list", { name: "问题列表（错误在前）" }).waitFor(); // loads after the summary
    const empty = await count(fresh.page);
    await fresh.context.close();
    return { flow, empty };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function readyTimes(runs = 7, warmup = 2) {
  const missing = chromiumMissing();
  if (missing) throw new Unavailable(missing);
  const stub = await officeStubScript(repoRoot());
  const server = await serve(DIST);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    let scripts: string[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const pane = await openPane(browser, server.url, stub);
      await pane.context.addInitScript(WATCH_READY);
      await pane.page.goto(`${server.url}/taskpane.html`);
      await pane.page
        .waitForFunction(() => (window as unknown as { __sciReady?: number }).__sciReady !== undefined, undefined, { timeout: 15_000 })
        .catch(() => {
          throw new Unavailable(`the task pane shows no enabled button within 15 s${pane.errors.length ? ` (errors: ${pane.errors[0].slice(0, 120)})` : ""}`);
        });
      // The moment, and the scripts of ours fully loaded by then (Resource Timing, same clock).
      const { at, loaded } = await pane.page.evaluate((origin) => {
        const ready = (window as unknown as { __sciReady: number }).__sciReady;
        const names = performance
          .getEntriesByType("resource")
          .filter((e) => e.name.startsWith(origin) && new URL(e.name).pathname.endsWith(".js") && (e as PerformanceResourceTiming).responseEnd <= ready)
          .map((e) => new URL(e.name).pathname);
        return { at: ready, loaded: names };
      }, server.url);
      if (pane.errors.length) throw new Error(`the task pane logged errors: ${pane.errors[0].slice(0, 160)}`);
      if (i >= warmup) times.push(at);
      scripts = loaded.map((p) => path.join(DIST, decodeURIComponent(p).replace(/^\//, "")));
      await pane.context.close();
    }
    return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs, scripts };
  } finally {
    await browser.close();
    await server.close();
  }
}
