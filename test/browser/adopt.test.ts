// 使用所选数据 in the built pane, in Chromium: the evaluator's own range (under a title, headers
// by Chinese name, one district misspelt) read, shown, corrected in one click, linked, scored
// with the published figures, unlinked. Screenshots of the mapping view at 320 and 450 px,
// Chinese and English, under test-results/browser/.
import * as path from "node:path";
import type { Page } from "playwright-core";
import { inputsGrid, under } from "../core/adopt-fixtures";
import { chromiumMissing, openPane, SHOTS, usePaneServer, type PaneSession } from "./harness";

const SKIP = chromiumMissing();

type Scalar = string | number | boolean;
declare const sciFake: {
  excel: {
    addSheet(name: string, values: Scalar[][], at?: string): unknown;
    selectArea(sheet: string, address: string): void;
    snapshot(): { sheets: unknown[]; tables: unknown[]; names: { name: string; sheet: string; address: string }[] };
  };
  functions: Record<string, (...args: unknown[]) => unknown>;
  settings: Record<string, unknown>;
};

/** The user's sheet: a title and a note above the header (row 3), 徐汇 misspelt (sheet row 7). */
function ownCells(): Scalar[][] {
  const grid = under([["2020年各区智慧城市发展水平评估数据"], ["注：指数以 100 为基准"]], inputsGrid("zh"));
  grid[6][0] = "徐会区";
  return grid.map((r) => r.map((v) => (v === null ? "" : v)));
}

describe.skipIf(!!SKIP)(SKIP ? `使用所选数据 in Chromium (skipped: ${SKIP})` : "使用所选数据 in Chromium", () => {
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

  const view = () => page.getByTestId("adopt-view");
  async function shot(name: string, width: number) {
    await page.setViewportSize({ width, height: 900 });
    await view().screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
  }

  it("reads a user range before changing anything, corrects a district in one click, links, scores, unlinks", async () => {
    await page.evaluate((cells) => {
      sciFake.excel.addSheet("评估数据", cells, "A1");
      sciFake.excel.selectArea("评估数据", "A1:AP19");
    }, ownCells());
    const before = await page.evaluate(() => sciFake.excel.snapshot());

    await page.getByRole("button", { name: "读取所选区域" }).click();
    await view().getByText("表头：第 3 行 · 每行一个行政区").waitFor();
    await view().getByText("跳过 2 行（标题、说明、空行或平均值）").waitFor();
    await view().getByText("38 项输入指标齐全").waitFor();
    const check = view().getByRole("list", { name: "请核对的表头" });
    // 政务服务 and its three namesakes: read as their input indicators for now, shown first.
    expect(await check.getByRole("combobox").evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))).toEqual(["C2.1", "C2.2", "C2.3", "C2.4"]);
    await shot("adopt-mapping-zh", 320);
    await shot("adopt-mapping-zh", 450);
    await view().getByRole("button", { name: "显示全部映射（41 项）" }).click();
    const mapping = view().getByRole("list", { name: "映射（可逐项修改）" });
    expect(await mapping.getByRole("combobox", { name: "C3 5G建设应用" }).inputValue()).toBe("A1.1");
    expect(await mapping.getByRole("combobox", { name: "A3 行政区" }).inputValue()).toBe("entity");
    expect(await page.evaluate(() => sciFake.excel.snapshot())).toEqual(before); // reading changed nothing
    await view().getByRole("button", { name: "收起全部映射" }).click();

    await page.getByRole("button", { name: "English" }).click();
    await view().getByText("Header: row 3 · one district per row").waitFor();
    await shot("adopt-mapping-en", 320);
    await shot("adopt-mapping-en", 450);
    await page.getByRole("button", { name: "中文" }).click();

    await view().getByRole("button", { name: "将「徐会区」读作「徐汇」" }).click();
    await view().getByText("16 个行政区均已识别").waitFor();
    await view().getByRole("button", { name: "链接为 SCI 输入" }).click();
    await view()
      .getByText(/已链接：区域 评估数据!A1:AP19/)
      .waitFor();
    const linked = await page.evaluate(() => sciFake.excel.snapshot());
    expect(linked.names).toEqual([{ name: "SCI_Input", sheet: "评估数据", address: "A1:AP19" }]);
    expect({ ...linked, names: [] }).toEqual(before);
    expect(await page.evaluate(() => sciFake.settings["sci.input"])).toMatchObject({
      kind: "range",
      name: "SCI_Input",
      choices: { entities: { 徐会区: "徐汇" } },
    });

    // The model reads through the link: the functions answer from the user's range.
    const pudong = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const results: unknown[] = [];
          sciFake.functions.DISTRICT("浦东", null, {
            setResult: (v: unknown) => (results.push(v), typeof v === "number" && resolve(v)),
            onCanceled: () => undefined,
          });
        }),
    );
    expect(Math.round(Number(pudong) * 100) / 100).toBe(133.41);

    await view().getByRole("button", { name: "解除链接" }).click();
    await view().getByText("已解除链接，工作簿恢复原样。").waitFor();
    expect(await page.evaluate(() => sciFake.excel.snapshot())).toEqual(before);
  });
});
