// Every value a map colours is there as text: on the map (inside its shape, on the inset, or
// beside it with a leader line) and in the ranked list below. Figures are the published 2020
// ones (published-summary.csv); the central districts' classes are worked out by hand.
import { round2, type Scores } from "../../src/core";
import { GEOMETRY_SHANGHAI } from "../../src/data";
import { classBreaks, classesFor, relativeSpread } from "../../src/report/classes";
import { mapLayout, textPx, type MapLayout } from "../../src/report/map";
import { mapSvg } from "../../src/report/map-svg";
import { publishedSummary, regionOfDistrict, scores2020 } from "../core/fixtures";

const s = scores2020();
const g = GEOMETRY_SHANGHAI;
const published = publishedSummary();
const regions = regionOfDistrict();
/** Within a cent of the published figure (the report rounds each level; SCI does not by default). */
const near = (shown: string, figure: number) => Math.abs(Math.round(Number(shown) * 100) - Math.round(figure * 100)) <= 1;

const boxes = (m: MapLayout, panel: number) =>
  m.areas
    .filter((a) => a.labelLines.length && a.panel === panel)
    .map((a) => {
      const w = Math.max(...a.labelLines.map((t) => textPx(t, m.fontSize)));
      const h = a.labelLines.length * m.fontSize * 1.15;
      return { id: a.id, x0: a.label[0] - w / 2, x1: a.label[0] + w / 2, y0: a.label[1] - h / 2, y1: a.label[1] + h / 2 };
    });

describe("every value on the map as text", () => {
  const cases = [320, 440, 450, 640].flatMap((width) =>
    (["zh", "en"] as const).flatMap((lang) =>
      ["city", "central", "suburban"].flatMap((scope) => ["SCI", "A", "B", "C"].map((code) => ({ width, lang, scope, code }))),
    ),
  );
  it.each(cases)(
    "$code over $scope at $width px ($lang): a label with the value for each district in scope, none overlapping",
    ({ width, lang, scope, code }) => {
      const m = mapLayout(s, code, scope, g, { width, lang });
      const inScope = published.filter((r) => scope === "city" || regions.get(r.district) === scope);
      expect(m.areas.filter((a) => a.cls >= 0)).toHaveLength(inScope.length);
      for (const r of inScope) {
        const a = m.areas.find((x) => x.id === r.district)!;
        const text = a.labelLines.join(" ");
        expect(text, `${r.district} has no label`).toContain(a.name);
        const value = text.match(/\d+\.\d\d/)?.[0];
        expect(value && near(value, r.figures[code]), `${r.district}: ${text} against ${r.figures[code]}`).toBe(true);
        // The ranked list holds it too.
        const row = m.list.rows.find((x) => x.name === a.name)!;
        expect(near(row.value, r.figures[code])).toBe(true);
      }
      for (const panel of [0, 1]) {
        const b = boxes(m, panel);
        for (let i = 0; i < b.length; i++)
          for (let j = i + 1; j < b.length; j++) {
            const [p, q] = [b[i], b[j]];
            const apart = p.x1 <= q.x0 + 0.5 || q.x1 <= p.x0 + 0.5 || p.y1 <= q.y0 + 0.5 || q.y1 <= p.y0 + 0.5;
            expect(apart, `${p.id} and ${q.id} overlap`).toBe(true);
          }
        for (const x of b) expect(x.x0 >= 0 && x.x1 <= width, `${x.id} runs off the picture`).toBe(true);
      }
      expect(m.fontSize).toBeGreaterThanOrEqual(11);
    },
  );

  it("lists the city by the core's ranks: 浦东 133.41, 徐汇 126.74, 黄浦 125.32 first, 崇明 87.31 16th", () => {
    const m = mapLayout(s, "SCI", "city", g, { width: 320 });
    expect(m.list.rows.slice(0, 3).map((r) => [r.rank, r.name, r.value])).toEqual([
      ["1", "浦东", "133.41"],
      ["2", "徐汇", "126.74"],
      ["3", "黄浦", "125.32"],
    ]);
    expect(m.list.rows[15]).toMatchObject({ rank: "16", name: "崇明", value: "87.31" });
    // The SVG carries the list and each label as text, not only as a hover title.
    const svg = mapSvg(m);
    expect(svg).toMatch(/<text[^>]*>徐汇<\/text>/);
    expect(svg).toMatch(/>126\.74<\/(tspan|text)>/);
  });

  it("puts the dense centre on an inset at 320 px, and labels 黄浦, 静安, 长宁 and 虹口 there", () => {
    const m = mapLayout(s, "SCI", "city", g, { width: 320 });
    expect(m.inset).toBeDefined();
    for (const id of ["黄浦", "静安", "长宁", "虹口"]) expect(m.areas.find((a) => a.id === id)!.panel).toBe(1);
    expect(m.inset!.scale).toBeGreaterThan(1.5 * m.frame.scale);
  });
});

describe("classes over a scope", () => {
  // Central districts sorted: 107.69 杨浦, 113.89 虹口, 115.52 长宁, 115.92 普陀, 117.02 静安,
  // 125.32 黄浦, 126.74 徐汇, 133.41 浦东. Eight districts: at most 4 classes; quartile breaks
  // at the 2nd, 4th and 6th value (0-based).
  it("中心城区: four classes of two, none holding one value, the legend written without shared end points", () => {
    const m = mapLayout(s, "SCI", "central", g);
    expect(m.breaks).toEqual([107.69, 115.52, 117.02, 126.74, 133.41]);
    expect(m.legend.map((e) => e.text)).toEqual([
      "107.69 – 115.51（2 个行政区）",
      "115.52 – 117.01（2 个行政区）",
      "117.02 – 126.73（2 个行政区）",
      "126.74 – 133.41（2 个行政区）",
    ]);
  });

  it.each(["city", "central", "suburban"])("%s: no more classes than half its districts, and no class of one value", (scope) => {
    for (const method of ["quantile", "equal", "tiers"] as const) {
      const m = mapLayout(s, "SCI", scope, g, { classes: method, k: 9 });
      const n = m.areas.filter((a) => a.cls >= 0).length;
      expect(m.legend.length).toBeLessThanOrEqual(Math.max(1, Math.floor(n / 2)) + (method === "tiers" ? 9 : 0));
      for (const e of m.legend) expect(e.text).not.toMatch(/(\d+\.\d\d) – \1（/);
    }
  });

  it("a narrow spread (108.62 to 110.89, 2 %) gets two pale classes, not five", () => {
    expect(relativeSpread([108.62, 110.89])).toBeCloseTo(2.27 / 109.755, 6);
    // The 16 composites squeezed into 108.62–110.89 (a linear map of the published ones).
    const K = s.dataset.framework.order.length;
    const k = s.dataset.framework.index.get("SCI")!;
    const values = Float64Array.from(s.values);
    for (let i = 0; i < s.dataset.districts.length; i++) values[i * K + k] = 108.62 + ((s.values[i * K + k] - 87.31) * 2.27) / 46.1;
    const m = mapLayout({ ...s, values } as Scores, "SCI", "city", g);
    expect(m.legend).toHaveLength(2);
    expect(round2(m.breaks[0])).toBe(108.62);
    expect(round2(m.breaks[2])).toBe(110.89);
    expect(m.subtitle).toContain("108.62–110.89");
  });

  it("classesFor: half the entities at most, the classes asked otherwise", () => {
    expect([classesFor(16, 5), classesFor(8, 5), classesFor(7, 5), classesFor(1, 5)]).toEqual([5, 4, 3, 1]);
    expect(classBreaks([104.5, 104.5, 104.5], "quantile", 3)).toEqual([104.5, 104.5]);
  });

  it("tiers say what they are: 10-point tiers about 100", () => {
    expect(mapLayout(s, "SCI", "city", g, { classes: "tiers" }).legendTitle).toBe("智慧城市发展水平指数（SCI）· 以 100 为基准每 10 分一档（5 档）");
    expect(mapLayout(s, "SCI", "city", g, { classes: "tiers", lang: "en" }).legendTitle).toBe(
      "Smart City Development Index (SCI) · 10-point tiers about 100 (5 tiers)",
    );
  });
});

describe("the title", () => {
  it("uses the year given, in both languages, and never 本年 for a known year", () => {
    expect(mapLayout(s, "SCI", "city", g, { label: "2020" }).title).toBe("2020年智慧城市发展水平指数");
    expect(mapLayout(s, "SCI", "city", g, { label: "2020", lang: "en" }).title).toBe("Smart City Development Index, 2020");
    const thisYear = { ...s, dataset: { ...s.dataset, label: "本年" } } as Scores;
    expect(mapLayout(thisYear, "SCI", "city", g, { label: "2021" }).title).toBe("2021年智慧城市发展水平指数");
    expect(mapLayout(thisYear, "SCI", "city", g, { lang: "en" }).title).toBe("Smart City Development Index, this year");
  });
});
