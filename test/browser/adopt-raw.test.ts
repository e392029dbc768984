// 使用所选数据 with a publisher's raw, long table in the built pane, in Chromium: the OECD's Better
// Life Index export pasted as a sheet, the examples' framework and settings as SCI_Framework and
// SCI_Settings, read as a long table, linked, and scored through the settings as `sci score --raw`
// scores it. Screenshots of the reading at 320 px, Chinese and English, under test-results/browser/.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { chromiumMissing, openPane, SHOTS, usePaneServer, type PaneSession } from "./harness";

const ROOT = path.join(__dirname, "..", "..");
const BLI_CSV = path.join(ROOT, "..", "shared", "realdata", "oecd-bli", "oecd_bli_2015.csv");
const SKIP = chromiumMissing() ?? (existsSync(BLI_CSV) ? undefined : "the OECD's file is not in ../shared/realdata");

type Scalar = string | number | boolean;
declare const sciFake: {
  excel: {
    addSheet(name: string, values: Scalar[][], at?: string): unknown;
    addTable(sheet: string, address: string, name: string): unknown;
    selectArea(sheet: string, address: string): void;
  };
  functions: Record<string, (...args: unknown[]) => unknown>;
  commands: Record<string, unknown>;
};

const cell = (v: string): Scalar => (v !== "" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
/** A CSV of ours or the OECD's as rows of cells (quoted fields hold no commas there). */
const csvRows = (text: string, width?: number): Scalar[][] =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((l) => [...l.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => cell(m[2] ?? m[1])).slice(0, width ?? l.split(",").length));
const letters = (n: number): string => (n >= 26 ? letters(Math.floor(n / 26) - 1) : "") + String.fromCharCode(65 + (n % 26));
const area = (rows: Scalar[][]) => `A1:${letters(Math.max(...rows.map((r) => r.length)) - 1)}${rows.length}`;

describe.skipIf(!!SKIP)(SKIP ? `a raw, long table adopted in Chromium (skipped: ${SKIP})` : "a raw, long table adopted in Chromium", () => {
  const env = usePaneServer();
  let session: PaneSession;
  let page: Page;

  beforeEach(async () => {
    session = await openPane(env.browser, env.server.url, env.stub);
    page = session.page;
    await page.goto(`${env.server.url}/taskpane.html`);
    await page.getByRole("heading", { name: "使用所选数据" }).waitFor();
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
    expect(session.blocked).toEqual([]);
  });

  it("reads the OECD's long export as one row per country, links it, and scores it through SCI_Settings", async () => {
    const long = csvRows(readFileSync(BLI_CSV, "utf8"), 17);
    const framework = csvRows(readFileSync(path.join(ROOT, "examples", "oecd-bli", "framework.csv"), "utf8"));
    const settings = csvRows(readFileSync(path.join(ROOT, "examples", "oecd-bli", "settings.csv"), "utf8"));
    await page.evaluate(
      ([l, f, s, areas]) => {
        sciFake.excel.addSheet("BLI", l, "A1");
        sciFake.excel.addSheet("框架", f, "A1");
        sciFake.excel.addTable("框架", areas[1], "SCI_Framework");
        sciFake.excel.addSheet("设置", s, "A1");
        sciFake.excel.addTable("设置", areas[2], "SCI_Settings");
        sciFake.excel.selectArea("BLI", areas[0]);
      },
      [long, framework, settings, [area(long), area(framework), area(settings)]] as const,
    );
    const view = page.getByTestId("adopt-view");
    // 重新读取 (the ribbon's re-read): the model takes up the new SCI_Framework, and the pane
    // reads the selection against the BLI's framework.
    await page.evaluate(() => (sciFake.commands.refreshModel as (e: { completed(): void }) => Promise<void>)({ completed: () => undefined }));
    await page.getByRole("button", { name: "读取所选区域" }).click();
    await view.getByText("长表（每行一个对象 × 指标），已按对象汇成一行").waitFor({ timeout: 30_000 });
    await view.getByText("已映射 24/24 项指标").waitFor();
    // Another assessment's words: its entities are 地区 (entities), not the built-in 行政区.
    await view.getByText("36 个地区均已识别").waitFor();
    await page.setViewportSize({ width: 320, height: 900 });
    await view.screenshot({ path: path.join(SHOTS, "adopt-raw-long-zh-320.png") });
    await page.getByRole("button", { name: "English" }).click();
    await view.getByText("Long table (one row per entity × indicator), read as one row per entity").waitFor();
    await view.getByText("All 36 entities recognised").waitFor();
    await view.screenshot({ path: path.join(SHOTS, "adopt-raw-long-en-320.png") });
    await page.getByRole("button", { name: "中文" }).click();

    await view.getByRole("button", { name: "链接为 SCI 输入" }).click();
    await view.getByText(/已链接：区域 BLI!/).waitFor({ timeout: 30_000 });
    // The model scores the raw statistics through SCI_Settings: Australia's BLI, min-max over the
    // 36 countries and equal weights, is 0.803 at the assessment's 3 decimals (the CLI's and an
    // independent computation's figure, test/cli/published-indices.test.ts).
    const australia = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          sciFake.functions.DISTRICT("Australia", null, {
            setResult: (v: unknown) => typeof v === "number" && resolve(v),
            onCanceled: () => undefined,
          });
        }),
    );
    expect(Math.round(Number(australia) * 1000) / 1000).toBe(0.803);
  });
});
