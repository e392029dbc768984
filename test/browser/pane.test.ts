// The built task pane in Debian's Chromium, with the in-memory workbook behind office.js: the
// evaluator's flow, in Chinese and in English, with the mouse and with the keyboard alone. Each
// step is checked against the fake workbook's contents and photographed under test-results/.
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { round2, score } from "../../src/core";
import { reportLayout, withMap, type SheetLayout } from "../../src/report";
import { dataset2020, GEOMETRY_SHANGHAI } from "../../src/data";
import { a1, fixtureRows } from "../fuzz/hostile";
import { chromiumMissing, openPane, SHOTS, usePaneServer, type PaneSession } from "./harness";

const SKIP = chromiumMissing();
if (SKIP) console.warn(`test/browser: skipped — ${SKIP}`);

type Scalar = string | number | boolean;
interface Fake {
  excel: {
    values(sheet: string, address?: string): Scalar[][];
    sheetNames(): string[];
    selection?: { sheet: string; address: string };
    setCell(sheet: string, address: string, value: Scalar): void;
    cell(sheet: string, address: string): { value: Scalar; numberFormat: string; formula?: string };
    sheet(name: string): { freezeRows: number; charts: unknown[] };
    table(name: string): { sheet: { name: string } } | undefined;
    snapshot(): unknown;
  };
  functions: Record<string, (...args: unknown[]) => void>;
}
declare const sciFake: Fake;

const INPUT_SHEET = "SCI 输入";
const INPUT_SHEET_EN = "SCI Input";
const inputs = fixtureRows("inputs.csv"); // district, region, 38 codes, coefficient
// As the pane lays it out: today's date on the source line, the map under the city table.
const s2020 = score(dataset2020());
const layout = withMap(reportLayout(s2020, "2020", { date: new Date().toISOString().slice(0, 10) }), s2020, GEOMETRY_SHANGHAI);

/** The input table's column of an indicator (its header ends in "(code)") and row of a district. */
async function where(page: Page, district: string, code: string, sheet = INPUT_SHEET): Promise<{ address: string; value: Scalar }> {
  const values = await page.evaluate((s) => sciFake.excel.values(s), sheet);
  const col = values[0].findIndex((h) => String(h).endsWith(`(${code})`));
  const row = values.findIndex((r) => r[0] === district);
  expect(col, `no column for ${code}`).toBeGreaterThan(0);
  expect(row, `no row for ${district}`).toBeGreaterThan(0);
  return { address: a1(row, col), value: values[row][col] };
}

/** Every cell of a generated sheet equals the core's layout; numbers 0.00, text stays text. */
async function expectSheet(page: Page, name: string, sheet: SheetLayout) {
  const got = await page.evaluate((n) => sciFake.excel.values(n), name);
  sheet.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = got[r]?.[c] ?? "";
      if (v === null) expect(cell, `${name} r${r + 1} c${c + 1}`).toBe("");
      else expect(cell, `${name} r${r + 1} c${c + 1}`).toBe(v);
    }),
  );
  const addr = a1(sheet.numbers[0].row, sheet.numbers[0].col);
  const info = await page.evaluate(
    ([n, a]) => ({ fmt: sciFake.excel.cell(n, a).numberFormat, freeze: sciFake.excel.sheet(n).freezeRows, charts: sciFake.excel.sheet(n).charts.length }),
    [name, addr],
  );
  expect(info.fmt).toBe("0.00");
  expect(info.freeze).toBe(sheet.freezeRows);
  expect(info.charts).toBe(sheet.charts.length);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const selection = (page: Page) => page.evaluate(() => sciFake.excel.selection);

describe.skipIf(!!SKIP)(SKIP ? `task pane in Chromium (skipped: ${SKIP})` : "the task pane in Chromium", () => {
  const env = usePaneServer();
  const sessions: PaneSession[] = [];

  afterEach(() => {
    // No console errors, no uncaught exceptions, nothing fetched from outside the local server.
    for (const s of sessions.splice(0)) {
      expect(s.errors).toEqual([]);
      expect(s.blocked).toEqual([]);
    }
  });

  async function open(): Promise<Page> {
    const session = await openPane(env.browser, env.server.url, env.stub);
    sessions.push(session);
    await session.page.goto(`${env.server.url}/taskpane.html`);
    await session.page.getByRole("heading", { name: "SCI 智慧城市发展水平评估" }).waitFor();
    return session.page;
  }

  it("the evaluator's flow in Chinese: insert, validate, break, select, fix, generate twice", async () => {
    const page = await open();
    await shot(page, "01-start-zh");

    await page.getByRole("button", { name: "插入2020年示例数据" }).click();
    await page.getByText(/数据在工作表「SCI\s输入」中/).waitFor();
    // The template holds the published inputs: every district, every indicator, the coefficient.
    const table = await page.evaluate((s) => sciFake.excel.values(s), INPUT_SHEET);
    expect(await page.evaluate(() => sciFake.excel.table("SCI_Input")?.sheet.name)).toBe(INPUT_SHEET);
    expect(table.length).toBe(inputs.length);
    for (const row of inputs.slice(1)) {
      const got = table.find((r) => r[0] === row[0])!;
      expect(got, row[0]).toBeTruthy();
      inputs[0].slice(2).forEach((code, j) => {
        const col = table[0].findIndex((h) => (code === "coefficient" ? h === "网络安全状况系数" : String(h).endsWith(`(${code})`)));
        expect(got[col], `${row[0]} ${code}`).toBe(Number(row[j + 2]));
      });
    }
    await shot(page, "02-template-inserted");

    const validate = page.getByRole("button", { name: "重新检查" });
    await validate.click();
    await page.getByText("一切正常").waitFor();
    await page.getByText("16 个行政区的数据均有效。").waitFor();
    await shot(page, "03-validated-all-well");
    // The evaluator types a note over 宝山's fixed-broadband figure (a dash would be a publisher's
    // "no data": missing, to fill in).
    const bad = await where(page, "宝山", "A2.1");
    await page.evaluate(([s, a]) => sciFake.excel.setCell(s, a, "约95"), [INPUT_SHEET, bad.address]);
    await validate.click();
    await page.getByText("发现 1 个错误").waitFor();
    const issue = page.getByRole("list", { name: "问题列表（错误在前）" }).getByRole("button");
    await expect.poll(() => issue.count()).toBe(1);
    const text = (await issue.textContent()) ?? "";
    expect(text).toContain(`${INPUT_SHEET}!${bad.address}`);
    expect(text).toContain("宝山");
    expect(text).toContain("A2.1");
    await issue.click();
    await expect.poll(() => selection(page)).toEqual({ sheet: INPUT_SHEET, address: bad.address });
    await shot(page, "04-issue-selected");

    await page.evaluate(([s, a, v]) => sciFake.excel.setCell(s as string, a as string, v as number), [INPUT_SHEET, bad.address, bad.value]);
    await validate.click();
    await page.getByText("一切正常").waitFor();

    // The shared runtime: SCI.DISTRICT, registered by functions.js, answers from the same model.
    const pudong = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          sciFake.functions.DISTRICT("浦东", null, { setResult: resolve, onCanceled: undefined });
        }),
    );
    expect(round2(pudong as number)).toBe(133.41);

    await page.getByRole("button", { name: "生成排名工作表" }).click();
    const written = page.getByRole("list", { name: "已生成的工作表" });
    await written.waitFor();
    const names = layout.sheets.map((s) => s.name);
    expect(await written.getByRole("button").allTextContents()).toEqual(names);
    for (const [i, sheet] of layout.sheets.entries()) await expectSheet(page, names[i], sheet);
    await shot(page, "05-generated");
    const before = await page.evaluate(() => JSON.stringify(sciFake.excel.snapshot()));

    // Again: the pane asks first (replace, or keep both); kept both, fresh names, and nothing
    // that was there is touched.
    await page.getByRole("button", { name: "生成排名工作表" }).click();
    const asked = page.getByRole("group", { name: /^已有本标题生成的 4 张工作表/ });
    await asked.waitFor();
    expect(await asked.getByRole("button").allTextContents()).toEqual(["替换", "保留两套", "取消"]);
    await shot(page, "06-asked");
    await page.getByRole("region", { name: "3. 生成排名" }).screenshot({ path: path.join(SHOTS, "06-asked-part.png") });
    await asked.getByRole("button", { name: "保留两套" }).click();
    await expect.poll(() => written.getByRole("button").allTextContents()).toEqual(names.map((n) => `${n} (2)`));
    const after = JSON.parse(await page.evaluate(() => JSON.stringify(sciFake.excel.snapshot()))) as { sheets: { name: string }[] };
    const old = JSON.parse(before) as { sheets: { name: string }[] };
    expect(after.sheets.slice(0, old.sheets.length)).toEqual(old.sheets);
    expect(after.sheets.map((s) => s.name)).toEqual([...old.sheets.map((s) => s.name), ...names.map((n) => `${n} (2)`)]);
    await expectSheet(page, `${names[0]} (2)`, layout.sheets[0]);

    await written.getByRole("button", { name: `${names[1]} (2)` }).click();
    await expect.poll(() => selection(page)).toEqual({ sheet: `${names[1]} (2)`, address: "A1" });
    await shot(page, "06-generated-again");
  });

  it("in English: the same flow, every label in English, the issue's cell selected", async () => {
    const page = await open();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "2. Check" }).waitFor();
    await shot(page, "07-start-en");
    await page.getByRole("button", { name: "Insert the 2020 example" }).click();
    // In English the template's sheet is named in English; SCI finds it by its table.
    await page.getByText(/The data is on sheet “SCI Input”/).waitFor();
    const validate = page.getByRole("button", { name: "Check again" });
    await validate.click();
    await page.getByText("All good").waitFor();

    const bad = await where(page, "崇明", "C3.3", INPUT_SHEET_EN);
    await page.evaluate(([s, a]) => sciFake.excel.setCell(s, a, "#N/A"), [INPUT_SHEET_EN, bad.address]);
    await validate.click();
    await page.getByText("1 error").waitFor();
    const issue = page.getByRole("list", { name: "Issues (errors first)" }).getByRole("button");
    expect(await issue.textContent()).toContain(`${INPUT_SHEET_EN}!${bad.address}`);
    expect(await issue.textContent()).toContain("C3.3");
    expect(await issue.textContent()).not.toMatch(/单元格|错误值/); // English only
    await issue.click();
    await expect.poll(() => selection(page)).toEqual({ sheet: INPUT_SHEET_EN, address: bad.address });
    await shot(page, "08-issue-en");
    // With an error in the input, no ranking can be generated.
    expect(await page.getByRole("button", { name: "Generate ranking sheets" }).getAttribute("aria-disabled")).toBe("true");
    await page.getByText("The input still has errors or cells to fill", { exact: false }).waitFor();

    await page.evaluate(([s, a, v]) => sciFake.excel.setCell(s as string, a as string, v as number), [INPUT_SHEET_EN, bad.address, bad.value]);
    await validate.click();
    await page.getByText("All good").waitFor();
    await page.getByRole("button", { name: "Generate ranking sheets" }).click();
    await page.getByRole("list", { name: "Sheets generated" }).waitFor();
    expect(await page.getByRole("list", { name: "Sheets generated" }).getByRole("button").first().textContent()).toBe("Ranking 2020");
    await expectSheet(page, "Ranking 2020", layout.sheets[0]);
    await shot(page, "09-generated-en");
  });

  it("with the keyboard alone: Tab to each control, Enter to use it", async () => {
    const page = await open();
    const tabTo = async (target: Locator) => {
      for (let i = 0; i < 80; i++) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${target}`);
    };
    await tabTo(page.getByRole("button", { name: "插入2020年示例数据" }));
    await page.keyboard.press("Enter");
    await page.getByText(/数据在工作表「SCI\s输入」中/).waitFor();

    const bad = await where(page, "徐汇", "B2.3");
    await page.evaluate(([s, a]) => sciFake.excel.setCell(s, a, "=1+1"), [INPUT_SHEET, bad.address]);
    const validate = page.getByRole("button", { name: "重新检查" });
    await tabTo(validate);
    await page.keyboard.press("Enter");
    const issue = page.getByRole("list", { name: "问题列表（错误在前）" }).getByRole("button").first();
    await issue.waitFor();
    await tabTo(issue);
    await shot(page, "10-keyboard-issue-focused");
    await page.keyboard.press("Enter");
    await expect.poll(() => selection(page)).toEqual({ sheet: INPUT_SHEET, address: bad.address });

    await page.evaluate(([s, a, v]) => sciFake.excel.setCell(s as string, a as string, v as number), [INPUT_SHEET, bad.address, bad.value]);
    await tabTo(validate);
    await page.keyboard.press("Enter");
    await page.getByText("一切正常").waitFor();
    await tabTo(page.getByRole("button", { name: "生成排名工作表" }));
    await page.keyboard.press("Enter");
    const first = page.getByRole("list", { name: "已生成的工作表" }).getByRole("button").first();
    await first.waitFor();
    await tabTo(first);
    await page.keyboard.press("Enter");
    await expect.poll(() => selection(page)).toEqual({ sheet: layout.sheets[0].name, address: "A1" });
    await expectSheet(page, layout.sheets[0].name, layout.sheets[0]);
    await shot(page, "11-keyboard-generated");

    // An analysis, opened and run from the keyboard: its header, then its own controls.
    const header = page.getByRole("button", { name: "排名稳健性" });
    await tabTo(header);
    await page.keyboard.press("Enter");
    const replications = page.getByRole("textbox", { name: "重复次数" });
    await tabTo(replications);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("500");
    await tabTo(page.getByRole("button", { name: "运行稳健性分析" }));
    await page.keyboard.press("Enter");
    await page.locator("[data-path]").waitFor();
    await shot(page, "12-keyboard-robustness");
  });
});
