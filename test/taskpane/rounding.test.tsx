// @vitest-environment jsdom
// Step 4's rounding switch, in Chinese and in English, by mouse and by keyboard: it asks the
// model for the report's rounding, the results follow, and so do the ranking sheets written next.
import { screen, waitFor, within } from "@testing-library/react";
import { cellAddress, score, type Scores } from "../../src/core";
import { reportLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { fixed2, glance } from "../../src/taskpane/summary";
import { renderPane } from "./render";

// Independent of the pane: the core's scores of the 2020 data, each way.
const exact = score(dataset2020());
const report = score({ ...dataset2020(), rounding: "report" });

/** The averages table as the pane should print it: one row per indicator, one column per scope. */
function averagesOf(s: Scores): string[][] {
  const g = glance(s);
  return g.codes.map((_, k) => g.averages.map((a) => fixed2(a.values[k])));
}
const CITY = 0;
const B = 2; // rows: the composite, then A, B, C

/** The averages table's numbers as shown. */
async function shownAverages(caption: string): Promise<string[][]> {
  const table = await screen.findByRole("table", { name: caption });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent ?? ""),
    );
}

describe("the report's rounding (before Generate)", () => {
  it("the two ways differ in what the pane shows: the city's B average, 113.12 at full precision, 113.13 rounded as the report", () => {
    // A is 119.1563 and 119.1575: both print 119.16; B is where the switch shows.
    expect(averagesOf(exact)[1][CITY]).toBe("119.16");
    expect(averagesOf(report)[1][CITY]).toBe("119.16");
    expect([averagesOf(exact)[B][CITY], averagesOf(report)[B][CITY]]).toEqual(["113.12", "113.13"]);
  });

  it("中文: off by default, labelled and explained; switching it asks the model once and the averages follow", async () => {
    const { user, model } = renderPane();
    const toggle = screen.getByRole("switch", { name: "按报告口径逐级取整" }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    const hint = document.getElementById(toggle.getAttribute("aria-describedby")!.split(" ")[0])!;
    expect(hint.textContent).toBe("各级指数先取两位小数再向上汇总，2020年报告公布的各表即按此相加；默认关闭（全精度）。");
    expect(await shownAverages("平均值")).toEqual(averagesOf(exact));

    await user.click(toggle);
    expect(model.roundings).toEqual(["report"]);
    expect(model.getModel().rounding).toBe("report");
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(await shownAverages("平均值")).toEqual(averagesOf(report));
    const top = within(screen.getByRole("table", { name: "前三名" }))
      .getAllByRole("row")
      .slice(1);
    expect(top.map((r) => r.textContent)).toEqual(glance(report).top.map((t) => `${t.rank}${t.district.id}${fixed2(t.value)}`));

    await user.click(toggle);
    expect(model.roundings).toEqual(["report", "exact"]);
    await waitFor(() => expect(toggle.checked).toBe(false));
    expect(await shownAverages("平均值")).toEqual(averagesOf(exact));
  });

  it("English, keyboard only: Space on the switch turns it on; the ranking sheets written next follow it", async () => {
    const { user, model, excel } = renderPane({ lang: "en" });
    const toggle = screen.getByRole("switch", { name: "Round each level as the report does" }) as HTMLInputElement;
    expect(screen.getByText(/^Each index is rounded to 2 decimals before the level above uses it, as the published 2020 tables add up/)).toBeTruthy();
    // Tab order is walked in Chromium (test/browser); jsdom has no layout for Fluent's focus moves.
    toggle.focus();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard(" ");
    expect(model.roundings).toEqual(["report"]);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(await shownAverages("Averages")).toEqual(averagesOf(report));

    await user.click(screen.getByRole("button", { name: "Generate ranking sheets" }));
    await screen.findByRole("list", { name: "Sheets generated" });
    const date = new Date().toISOString().slice(0, 10); // the source line names the day
    // The first-level indicators, on a sheet named in the pane's language.
    const first = reportLayout(report, "2020", { date, sheetLang: "en" }).sheets[1];
    const differs = reportLayout(exact, "2020", { date, sheetLang: "en" }).sheets[1];
    expect(first.name).toBe("Ranking 2020 level 1");
    const corner = `A1:${cellAddress(first.cells.length - 1, first.cells[0].length - 1)}`;
    const cells = (cs: typeof first.cells) => cs.map((r) => r.map((v) => (v === null ? "" : v)));
    expect(cells(first.cells)).not.toEqual(cells(differs.cells));
    expect(excel.values(first.name, corner)).toEqual(cells(first.cells));
  });
});
