// Every state of the pane at the widths Excel gives a task pane (320 px on Windows, about 450 on
// the web), in Chinese and in English: first open, the example data inserted, a fresh template's
// 624 empty cells, errors, fixed, generated, the results, each analysis opened and run. In each
// state the layout checks of checks.ts hold and axe finds nothing; each is photographed under
// test-results/browser/states/.
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { chromiumMissing, openPane, SHOTS, usePaneServer, type PaneSession } from "./harness";
import { axe, measure } from "./checks";

const SKIP = chromiumMissing();
const DIR = path.join(SHOTS, "states");
const INPUT = "SCI 输入";

type Scalar = string | number | boolean;
declare const sciFake: {
  excel: {
    values(sheet: string, address?: string): Scalar[][];
    setCell(sheet: string, address: string, value: Scalar): void;
    selection?: { sheet: string; address: string };
  };
};

/**
 * What a reader cannot see without a mouse: a figure (12.34) that a picture gives only in a
 * hover title, not in any text drawn on the page; and the placeholder year 本年 on screen while
 * the report's year is known (step 3's 报告年份或标题 holds it).
 */
async function hiddenFigures(page: Page): Promise<{ onlyOnHover: string[]; placeholder: string[] }> {
  return page.evaluate(() => {
    // Seen: laid out, not hidden, and in no box of a pixel or less (the screen readers' copy).
    const seen = (el: Element | null): boolean => {
      for (let e = el; e && e.tagName !== "MAIN"; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        const st = getComputedStyle(e);
        if (st.display === "none" || st.visibility === "hidden" || r.width <= 1 || r.height <= 1) return false;
      }
      return true;
    };
    const visibleIn = (root: Element) => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || ["TITLE", "SCRIPT", "STYLE", "OPTION"].includes(el.tagName.toUpperCase()) || !seen(el)) continue;
        texts.push(n.textContent ?? "");
      }
      return texts.join("\n");
    };
    const main = document.querySelector("main") ?? document.body;
    const visible = visibleIn(main);
    const onlyOnHover: string[] = [];
    for (const title of document.querySelectorAll("main svg title")) {
      const owner = title.parentElement;
      if (!owner || owner.tagName.toLowerCase() === "svg") continue; // a picture's own name
      // The figure must be drawn in the picture's own section (its labels or list), not merely
      // somewhere else on the page.
      const near = visibleIn(owner.closest("section") ?? main);
      for (const figure of (title.textContent ?? "").match(/-?\d+\.\d+/g) ?? []) if (!near.includes(figure)) onlyOnHover.push(`${title.textContent}`);
    }
    const year = (document.querySelector("main input[type=text], main input:not([type])") as HTMLInputElement | null)?.value.trim();
    const placeholder = year ? visible.split("\n").filter((line) => line.includes("本年")) : [];
    return { onlyOnHover, placeholder };
  });
}

/** The layout checks and axe, then a full-page screenshot named after the state. */
async function check(page: Page, width: number, state: string, part?: Locator) {
  await page.mouse.move(0, 0); // no hover colours
  await page.waitForFunction(() => document.querySelectorAll(".fui-Spinner").length === 0); // lazy parts loaded
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(200); // a resize observer's redraw, the buttons' colour transitions
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: path.join(DIR, `${width}-${state}.png`), fullPage: true });
  // The part the state is about, at full size (a whole page is scaled down to look at).
  if (part) await part.screenshot({ path: path.join(DIR, `${width}-${state}-part.png`) });
  const m = await measure(page);
  expect(m.scrollWidth, `${state}: the page scrolls sideways: ${m.wide.join("; ")}`).toBeLessThanOrEqual(m.clientWidth);
  expect(m.broken, `${state}: words broken across lines`).toEqual([]);
  expect(m.narrow, `${state}: text narrower than its shortest word`).toEqual([]);
  expect(m.split, `${state}: a number split from its unit, a quoted name or a formula across lines`).toEqual([]);
  expect(m.spacing, `${state}: Chinese spelt or spaced two ways`).toEqual([]);
  expect(m.small, `${state}: text under 11 px`).toEqual([]);
  const figures = await hiddenFigures(page);
  expect(figures.onlyOnHover, `${state}: figures readable only in a hover title`).toEqual([]);
  expect(figures.placeholder, `${state}: 本年 on screen though the year is known`).toEqual([]);
  expect(m.primary, `${state}: primary buttons on screen`).toHaveLength(1);
  const found = await axe(page);
  expect(found.violations, `${state}: axe violations`).toEqual([]);
  expect(found.ariaReview, `${state}: ARIA attributes axe asks to review`).toEqual([]);
  return m;
}

/** The results map over each scope: checked, and the map itself photographed. */
async function mapScopes(page: Page, width: number, prefix: string, map: string, scope: string, scopes: string[]) {
  const region = page.getByRole("region", { name: map });
  for (const name of scopes) {
    await region.getByRole("combobox", { name: scope }).selectOption({ label: name });
    await region.locator("svg text", { hasText: name }).first().waitFor();
    await check(page, width, `${prefix}-map-${name.replace(/\s+/g, "-")}`, region);
  }
}

/** The address of a district's row in the input table, column A (the district's name). */
async function nameCell(page: Page, district: string, sheet = INPUT): Promise<string> {
  const values = await page.evaluate((s) => sciFake.excel.values(s), sheet);
  const row = values.findIndex((r) => r[0] === district);
  expect(row).toBeGreaterThan(0);
  return `A${row + 1}`;
}

describe.skipIf(!!SKIP)(SKIP ? `pane states (skipped: ${SKIP})` : "every state of the pane at 320 and 450 px", () => {
  const env = usePaneServer();
  const sessions: PaneSession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) {
      expect(s.errors).toEqual([]);
      expect(s.blocked).toEqual([]);
    }
  });

  async function open(width: number, locale = "zh-CN"): Promise<Page> {
    const session = await openPane(env.browser, env.server.url, env.stub, { width, locale });
    sessions.push(session);
    await session.page.goto(`${env.server.url}/taskpane.html`);
    await session.page.locator("main").waitFor();
    await session.page.getByRole("heading", { level: 2 }).first().waitFor();
    return session.page;
  }

  for (const width of [320, 450]) {
    it(`${width} px, Chinese: first open, example data, errors, the one-click fix, generated, results, analyses`, async () => {
      const page = await open(width);
      await page.getByText("将评分：内置2020年示例数据", { exact: false }).waitFor();
      await check(page, width, "01-first-open");
      // The one primary button: insert the template.
      expect((await measure(page)).primary).toEqual(["插入空白模板"]);

      await page.getByRole("button", { name: "插入2020年示例数据" }).click();
      await page.getByText("一切正常").waitFor();
      await check(page, width, "02-template-inserted");
      expect((await measure(page)).primary).toEqual(["生成排名工作表"]);

      // A misspelt district and a note over a number: two causes, two issues.
      const xuhui = await nameCell(page, "徐汇");
      await page.evaluate(([s, a]) => sciFake.excel.setCell(s, a, "徐会"), [INPUT, xuhui]);
      await page.evaluate((s) => sciFake.excel.setCell(s, "D10", "约95"), INPUT);
      await page.getByText("发现 2 个错误").waitFor();
      const list = page.getByRole("list", { name: "问题列表（错误在前）" });
      await expect.poll(() => list.getByRole("listitem").count()).toBe(2);
      await check(page, width, "03-errors", page.getByRole("region", { name: "2. 检查" }));
      expect((await measure(page)).primary).toEqual(["转到第一个问题"]);

      const before = await page.evaluate((s) => sciFake.excel.values(s), INPUT);
      await page.getByRole("button", { name: "改为「徐汇」" }).click();
      await page.getByText("发现 1 个错误").waitFor();
      const after = await page.evaluate((s) => sciFake.excel.values(s), INPUT);
      const changed = after.flatMap((row, r) => row.flatMap((v, c) => (v === before[r][c] ? [] : [[r, c, v]])));
      expect(changed).toEqual([[Number(xuhui.slice(1)) - 1, 0, "徐汇"]]);
      await page.evaluate((s) => sciFake.excel.setCell(s, "D10", 141.08), INPUT);
      await page.getByText("一切正常").waitFor();
      await check(page, width, "04-fixed");

      // A column pasted with its words ("约95"): 16 cells, one cause, one entry that opens.
      const column = await page.evaluate((s) => sciFake.excel.values(s, "E1:E17").map((r) => r[0]), INPUT);
      for (let r = 2; r <= 17; r++) await page.evaluate(([s, a, v]) => sciFake.excel.setCell(s, a, v), [INPUT, `E${r}`, `约${column[r - 1]}`]);
      await page.getByText("发现 16 个错误").waitFor();
      await expect.poll(() => list.locator(":scope > li").count()).toBe(1);
      await check(page, width, "03b-grouped-issues", page.getByRole("region", { name: "2. 检查" }));
      await list.getByRole("button", { name: "展开全部 16 处 ▾" }).click();
      await list
        .getByRole("list", { name: /^SCI 输入!E 列/ })
        .getByRole("button")
        .first()
        .waitFor();
      await check(page, width, "03c-grouped-issues-open", page.getByRole("region", { name: "2. 检查" }));
      await list
        .getByRole("list", { name: /^SCI 输入!E 列/ })
        .getByRole("button")
        .nth(3)
        .click();
      await expect.poll(() => page.evaluate(() => sciFake.excel.selection)).toEqual({ sheet: INPUT, address: "E5" });
      for (let r = 2; r <= 17; r++) await page.evaluate(([s, a, v]) => sciFake.excel.setCell(s, a, v), [INPUT, `E${r}`, column[r - 1]] as const);
      await page.getByText("一切正常").waitFor();

      await page.getByRole("button", { name: "生成排名工作表" }).click();
      await page.getByRole("list", { name: "已生成的工作表" }).waitFor();
      await check(page, width, "05-generated", page.getByRole("region", { name: "3. 生成排名" }));
      await page.getByRole("table", { name: "平均值" }).scrollIntoViewIfNeeded();
      await page.getByTestId("results-map").waitFor();
      await check(page, width, "06-results", page.getByRole("region", { name: "结果一览" }));
      await mapScopes(page, width, "06", "地图", "地图范围", ["中心城区", "郊区"]);

      await page.getByRole("button", { name: "原始数据与指标体系" }).click();
      await page.getByRole("button", { name: "插入原始数据模板" }).waitFor();
      await check(page, width, "07-analysis-data", page.getByRole("region", { name: "原始数据与指标体系" }));

      await page.getByRole("button", { name: "逐年比较" }).click();
      await page.getByRole("button", { name: "插入上年模板（以2020年数据为例）" }).click();
      await page.getByRole("region", { name: "逐年比较" }).getByRole("table").waitFor();
      await page.evaluate(() => sciFake.excel.setCell("SCI 上一年", "AO3", 0.5));
      const yoy = page.getByRole("region", { name: "逐年比较" });
      await yoy
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: "浦东" }) })
        .getByText("↑15")
        .waitFor();
      await check(page, width, "08-analysis-year-over-year", yoy);

      await page.getByRole("button", { name: "排名稳健性" }).click();
      const robust = page.getByRole("region", { name: "排名稳健性" });
      await robust.getByRole("textbox", { name: "重复次数" }).fill("2000");
      await robust.getByRole("button", { name: "运行稳健性分析" }).click();
      await robust.locator("[data-path]").waitFor();
      await check(page, width, "09-analysis-robustness", robust);
      await robust.getByRole("combobox", { name: "排名范围" }).selectOption("region");
      await robust.locator("svg text", { hasText: "中心城区" }).waitFor();
      await check(page, width, "10-analysis-robustness-region", robust);

      await page.getByRole("button", { name: "统计审计" }).click();
      const audit = page.getByRole("region", { name: "统计审计" });
      await audit.getByRole("button", { name: "运行 Sobol 敏感性分析" }).click();
      await audit.locator("[data-path]").waitFor({ timeout: 30_000 });
      await check(page, width, "10b-analysis-audit", audit);
    });

    it(`${width} px: a fresh template is one entry of ${"待填写"} per district, not 624 errors`, async () => {
      const page = await open(width);
      await page.getByRole("button", { name: "插入空白模板" }).click();
      await page.getByText("模板待填写").waitFor();
      await page.getByText("16 个行政区共 624 格待填写。", { exact: false }).waitFor();
      const list = page.getByRole("list", { name: "问题列表（错误在前）" });
      await expect.poll(() => list.locator(":scope > li").count()).toBe(1);
      await check(page, width, "11-empty-template", page.getByRole("region", { name: "2. 检查" }));
      await list.getByRole("button", { name: "展开全部 16 处 ▾" }).click();
      const items = list.getByRole("list", { name: "待填写：16 个行政区共 624 格" }).getByRole("listitem");
      await expect.poll(() => items.count()).toBe(16);
      await expect(items.first().textContent()).resolves.toMatch(/^浦东：待填写\s39\s格/);
      await check(page, width, "11-empty-template-open", page.getByRole("region", { name: "2. 检查" }));
      expect((await measure(page)).primary).toEqual(["转到第一个待填单元格"]);
      await page.getByRole("button", { name: "转到第一个待填单元格" }).click();
      await expect.poll(() => page.evaluate(() => sciFake.excel.selection)).toEqual({ sheet: INPUT, address: "C2" });
      // Never thousands of nodes.
      expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(1500);
    });

    it(`${width} px, English: opens in English from the display language; every state in English`, async () => {
      const page = await open(width, "en-US");
      await page.getByRole("heading", { name: "1. Data" }).waitFor();
      await check(page, width, "12-en-first-open");
      await page.getByRole("button", { name: "Insert the 2020 example" }).click();
      await page.getByText("All good").waitFor();
      // In English the template's sheet is named in English.
      const xuhui = await nameCell(page, "徐汇", "SCI Input");
      await page.evaluate(([s, a]) => sciFake.excel.setCell(s, a, "徐会"), ["SCI Input", xuhui]);
      await page.getByText("1 error").waitFor();
      await check(page, width, "13-en-errors", page.getByRole("region", { name: "2. Check" }));
      await page.getByRole("button", { name: "Change to “徐汇”" }).click();
      await page.getByText("All good").waitFor();
      // A column pasted with its words: one entry in English too.
      const column = await page.evaluate(() => sciFake.excel.values("SCI Input", "E1:E17").map((r) => r[0]));
      for (let r = 2; r <= 17; r++) await page.evaluate(([a, v]) => sciFake.excel.setCell("SCI Input", a, v), [`E${r}`, `about ${column[r - 1]}`]);
      await page.getByText("16 errors").waitFor();
      const enList = page.getByRole("list", { name: "Issues (errors first)" });
      await enList.getByRole("button", { name: "Show all 16 ▾" }).click();
      await check(page, width, "13b-en-grouped-issues", page.getByRole("region", { name: "2. Check" }));
      for (let r = 2; r <= 17; r++) await page.evaluate(([a, v]) => sciFake.excel.setCell("SCI Input", a, v), [`E${r}`, column[r - 1]] as const);
      await page.getByText("All good").waitFor();
      await page.getByRole("button", { name: "Generate ranking sheets" }).click();
      await page.getByRole("list", { name: "Sheets generated" }).waitFor();
      await check(page, width, "14-en-generated");
      await page.getByTestId("results-map").waitFor();
      await mapScopes(page, width, "14", "Map", "Map scope", ["City", "Central districts", "Suburban districts"]);
      await page.getByRole("button", { name: "Year over year" }).click();
      await page.getByRole("button", { name: "Insert it with the 2020 data as an example" }).click();
      await page.getByRole("region", { name: "Year over year" }).getByRole("table").waitFor();
      await page.evaluate(() => sciFake.excel.setCell("SCI Previous year", "AO3", 0.5));
      await page.getByRole("region", { name: "Year over year" }).getByText("↑15").waitFor();
      await page.getByRole("button", { name: "Robustness of ranks" }).click();
      const robust = page.getByRole("region", { name: "Robustness of ranks" });
      await robust.getByRole("textbox", { name: "Replications" }).fill("2000");
      await robust.getByRole("button", { name: "Run robustness analysis" }).click();
      await robust.locator("[data-path]").waitFor();
      await check(page, width, "15-en-analyses", page.getByRole("region", { name: "Year over year" }));
      await robust.screenshot({ path: path.join(DIR, `${width}-15-en-robustness-part.png`) });
      // The audit opens on its summary, in English.
      await page.getByRole("button", { name: "Statistical audit" }).click();
      const enAudit = page.getByRole("region", { name: "Statistical audit" });
      await enAudit.getByRole("region", { name: "Needs attention" }).waitFor();
      await check(page, width, "15b-en-audit", enAudit);
      // The choice is remembered: Chinese chosen, a reload opens in Chinese.
      await page.getByRole("button", { name: "中文" }).click();
      await page.getByRole("heading", { name: "1. 数据" }).waitFor();
      await page.reload();
      await page.getByRole("heading", { name: "1. 数据" }).waitFor();
    });
  }
});
