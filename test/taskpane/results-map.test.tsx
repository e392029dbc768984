// @vitest-environment jsdom
// Step 4's map: the chosen indicator and scope, the value on hover, a table for screen readers;
// and step 3 writes it beside the overall table.
import { screen, waitFor, within } from "@testing-library/react";
import { svgToPng } from "../../src/cli/png";
import { officeWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../fakes/excel";
import { renderPane } from "./render";

const region = (name: string) => screen.getByRole("region", { name });
const paths = (map: HTMLElement) =>
  Array.from(map.querySelectorAll("path[data-district]")).map((p) => [
    p.getAttribute("data-district"),
    p.getAttribute("data-class"),
    p.querySelector("title")?.textContent,
  ]);

describe("results at a glance: the map", () => {
  it("中文: the composite over the city, 16 districts, value on hover, the same figures in a table", async () => {
    renderPane();
    const step = region("结果一览");
    const map = await within(step).findByTestId("results-map", {}, { timeout: 10_000 });
    const svg = map.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toMatch(/^2020年智慧城市发展水平指数 — 全市/);
    const drawn = paths(map);
    expect(drawn).toHaveLength(16);
    expect(drawn.find(([id]) => id === "浦东")).toEqual(["浦东", "4", "浦东 133.41"]);
    expect(map.querySelector("script")).toBeNull();
    const table = within(step).getByRole("table", { name: /^地图数据：2020年智慧城市发展水平指数/ });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toBe("浦东133.41125.32 – 133.41（3 个行政区）");
    expect(rows[15]).toBe("崇明87.3187.31 – 104.29（4 个行政区）"); // the class below 104.30, which is the next one's
  });

  it("English: another indicator over one region; the others are drawn blank", async () => {
    const { user } = renderPane({ lang: "en" });
    const step = region("Results at a glance");
    const map = await within(step).findByTestId("results-map", {}, { timeout: 10_000 });
    await user.selectOptions(within(step).getByRole("combobox", { name: "Indicator on the map" }), "A");
    await user.selectOptions(within(step).getByRole("combobox", { name: "Map scope" }), "suburban");
    await waitFor(
      () => expect(map.querySelector("svg")!.getAttribute("aria-label")).toBe("New infrastructure index, 2020 — Suburban districts · range 102.85–116.91"),
      { timeout: 10_000 },
    );
    const drawn = paths(map);
    expect(drawn.filter(([, c]) => c !== "-1")).toHaveLength(8);
    expect(drawn.find(([id]) => id === "浦东")![1]).toBe("-1");
    const table = within(step).getByRole("table", { name: /^Map data: New infrastructure index/ });
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toContain("Baoshan");
  });
});

describe("generate: the map on the sheet", () => {
  it("writes the composite's map, drawn as PNG, as an image beside the overall table", async () => {
    // jsdom has no canvas: resvg draws the SVG here as the pane's canvas does in Excel.
    const drawn: string[] = [];
    const draw = async (p: { svg: string; width: number }) => (drawn.push(p.svg), (await svgToPng(p.svg, { width: p.width * 2 })).png.toString("base64"));
    const excel = new FakeExcel();
    const { user } = renderPane({ excel, workbook: () => officeWorkbook(excel.runExcel, draw) });
    const step = region("3. 生成排名");
    await user.click(within(step).getByRole("button", { name: "生成排名工作表" }));
    await within(step).findByText("已生成以下工作表，点击打开：", {}, { timeout: 10_000 });
    const shapes = excel.sheet("排名 2020").shapes;
    expect(shapes).toHaveLength(1);
    expect(shapes[0].format).toBe("PNG");
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toContain('data-district="浦东" data-class="4"');
    expect(excel.sheet("排名 2020 一级指标").shapes).toEqual([]);
  });
});
