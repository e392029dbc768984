// A ranking computed another way than the report's says so in every title: the sheets' headings,
// the charts and the map. The official method's titles stay as they were.
import { assess, compare, methodNote, sensitivity, type Scores } from "../../src/core";
import { GEOMETRY_SHANGHAI, shanghai2020 } from "../../src/data";
import { comparisonLayout, reportLayout, sensitivityLayout } from "../../src/report";
import { mapLayout } from "../../src/report/map";

const scoresOf = (options: Parameters<typeof assess>[2]): Scores => {
  const a = assess({}, shanghai2020, options);
  expect(a.scores, JSON.stringify(a.issues)).toBeDefined();
  return a.scores!;
};
// Each heading is two lines: Chinese, then English on its own line.
const headings = (s: Scores) => reportLayout(s).sheets.map((sh) => [sh.cells[0][0], sh.cells[1][0]]);
const OFFICIAL = [
  ["2020年智慧城市发展水平指数排名", "2020 Smart City Development Index ranking"],
  ["2020年一级指标排名", "2020 level-1 indicator rankings"],
  ["2020年二级指标排名", "2020 level-2 indicator rankings"],
  ["2020年三级指标排名", "2020 level-3 indicator rankings"],
];

describe("titles say a non-default method", () => {
  it("the report's method: no note, the titles as published", () => {
    const s = scoresOf({});
    expect(methodNote(s.dataset)).toBeUndefined();
    expect(headings(s)).toEqual(OFFICIAL);
    expect(reportLayout(s).sheets[0].charts[0].title).toBe("智慧城市发展水平指数 2020");
    const m = mapLayout(s, "SCI", "city", GEOMETRY_SHANGHAI);
    expect([m.title, m.subtitle]).toEqual(["2020年智慧城市发展水平指数", "全市 · 范围 87.31–133.41"]);
  });

  it("geometric mean: every sheet heading, chart and map", () => {
    const s = scoresOf({ choices: { aggregation: "geometric" } });
    expect(headings(s)).toEqual(OFFICIAL.map(([zh, en]) => [`${zh}（几何平均）`, `${en} (geometric mean)`]));
    expect(reportLayout(s).sheets[0].charts.map((c) => c.title)).toEqual([
      "智慧城市发展水平指数 2020（几何平均）",
      "新型基础设施指数 2020（几何平均）",
      "智慧应用指数 2020（几何平均）",
      "发展环境指数 2020（几何平均）",
    ]);
    // The map says it on the line under its title, where a long note has room.
    const map = (lang: "zh" | "en") => {
      const m = mapLayout(s, "SCI", "city", GEOMETRY_SHANGHAI, { lang });
      return [m.title, m.subtitle];
    };
    expect(map("zh")).toEqual(["2020年智慧城市发展水平指数", "全市 · 范围 76.37–122.73 · 几何平均"]);
    expect(map("en")).toEqual(["Smart City Development Index, 2020", "City · range 76.37–122.73 · geometric mean"]);
  });

  it("the report's rounding, and several choices at once in pipeline order", () => {
    expect(headings(scoresOf({ rounding: "report" }))[0]).toEqual([
      `${OFFICIAL[0][0]}（逐级保留两位小数）`,
      `${OFFICIAL[0][1]} (rounded to 2 decimals at each level)`,
    ]);
    const s = scoresOf({ rounding: "report", choices: { treat: "jrc", aggregation: "geometric" } });
    expect(methodNote(s.dataset)).toEqual({
      zh: "JRC 异常值处理，几何平均，逐级保留两位小数",
      en: "JRC outlier treatment, geometric mean, rounded to 2 decimals at each level",
    });
  });

  it("the year-over-year sheets: both headings, when the years were scored another way", () => {
    const geometric = scoresOf({ choices: { aggregation: "geometric" } });
    // Two lines each, Chinese then English, the note said on each.
    const headingsOf = (a: Scores, b: Scores) =>
      comparisonLayout(compare(a, b, { old: "2019", new: "2020" })).sheets.map((sh) => [sh.cells[0][0], sh.cells[1][0]]);
    expect(headingsOf(geometric, geometric)).toEqual([
      ["智慧城市发展水平指数变化 2019→2020（几何平均）", "Change in the Smart City Development Index, 2019→2020 (geometric mean)"],
      ["各指标变化 2019→2020（几何平均）", "Change in every indicator, 2019→2020 (geometric mean)"],
    ]);
    const plain = scoresOf({});
    expect(headingsOf(plain, plain)[0]).toEqual(["智慧城市发展水平指数变化 2019→2020", "Change in the Smart City Development Index, 2019→2020"]);
  });

  it("the robustness sheet's heading, when the ranking was computed another way", () => {
    const s = scoresOf({ choices: { aggregation: "geometric" } });
    const result = sensitivity(s.dataset, { replications: 10, perturbation: 0.1, seed: 1 }).result!;
    const cells = sensitivityLayout(result, s.dataset, "2020").cells;
    expect([cells[0][0], cells[1][0]]).toEqual([
      "2020年智慧城市发展水平指数排名稳健性（几何平均）",
      "Robustness of the 2020 Smart City Development Index ranking (geometric mean)",
    ]);
  });
});
