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
    const why = `the add-in does not build (npm run build): ${String((e as Error)?.message ?? e).split("\n")[0].slice(0, 160)}`;
    return [await attempt(sizeFigure, () => Promise.reject(new Unavailable(why))), await attempt(readyFigure, () => Promise.reject(new Unavailable(why)))];
  }
  let loaded: string[] | undefined;
  const ready = await attempt(readyFigure, async () => {
    const r = await readyTimes();
    loaded = r.scripts;
    return { value: Math.round(r.median), detail: `median of ${r.runs} cold loads (fresh browser context each), min ${Math.round(r.min)}, max ${Math.round(r.max)}` };
  });
  const size = await attempt(sizeFigure, () => {
    // What the browser fetched before the pane was usable, where known; else the entry scripts.
    const files = loaded ?? entryScripts();
    return { value: gzipKb(files), detail: `${files.length} scripts (${loaded ? "fetched before interactive" : "entry scripts of taskpane.html"}): ${files.map((f) => path.basename(f)).join(", ")}` };
  });
  return [size, ready];
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
      await pane.page.waitForFunction(() => (window as unknown as { __sciReady?: number }).__sciReady !== undefined, undefined, { timeout: 15_000 }).catch(() => {
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
