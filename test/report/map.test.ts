// @vitest-environment jsdom
// The map as data and as SVG, for the 2020 composite: classes worked out by hand from the
// published composites (published-summary.csv), legend, colours, structure, escaping.
import { Roster, round2, score, type Scores } from "../../src/core";
import { GEOMETRY_SHANGHAI } from "../../src/data";
import { classBreaks, classOf } from "../../src/report/classes";
import { luminance, sequentialScale } from "../../src/report/colour";
import type { Geometry } from "../../src/report/geometry";
import { mapLayout } from "../../src/report/map";
import { districtMap, MAP_FONTS, mapSvg } from "../../src/report/map-svg";
import { inputRows, publishedSummary, regionOfDistrict, ROSTER, scores2020, validated } from "../core/fixtures";

const s = scores2020();
const g = GEOMETRY_SHANGHAI;
// jsdom's XML parser: a document that is not well-formed comes back as <parsererror>.
const parse = (svg: string) => new DOMParser().parseFromString(svg, "image/svg+xml");
const classes = (m: ReturnType<typeof mapLayout>) => {
  const out: string[][] = m.legend.map(() => []);
  for (const a of m.areas) if (a.cls >= 0) out[a.cls].push(a.id);
  return out.map((ids) => ids.sort());
};

describe("classes of the 2020 composite", () => {
  // Sorted published composites: 87.31 崇明, 89.35 奉贤, 93.82 松江, 103.03 青浦 | 104.30 金山,
  // 105.39 闵行, 106.69 嘉定 | 107.70 杨浦, 110.94 宝山, 113.89 虹口 | 115.52 长宁, 115.92 普陀,
  // 117.02 静安 | 125.32 黄浦, 126.74 徐汇, 133.41 浦东. Quintiles of 16 start at the 4th, 7th,
  // 10th and 13th value (0-based, ⌈j·16/5⌉).
  it("quantile (the default): 4, 3, 3, 3, 3 districts, 浦东, 徐汇 and 黄浦 on top", () => {
    const m = mapLayout(s, "SCI", "city", g);
    expect(m.breaks).toEqual([87.31, 104.3, 107.69, 115.52, 125.32, 133.41]);
    expect(classes(m)).toEqual([
      ["奉贤", "崇明", "松江", "青浦"].sort(),
      ["嘉定", "金山", "闵行"].sort(),
      ["宝山", "杨浦", "虹口"].sort(),
      ["普陀", "长宁", "静安"].sort(),
      ["徐汇", "浦东", "黄浦"].sort(),
    ]);
  });

  it("equal intervals: five steps of 9.22 from 87.31 to 133.41", () => {
    const m = mapLayout(s, "SCI", "city", g, { classes: "equal" });
    expect(m.breaks).toEqual([87.31, 96.53, 105.75, 114.97, 124.19, 133.41]);
    expect(classes(m)[4]).toEqual(["徐汇", "浦东", "黄浦"].sort());
    expect(classes(m)[0]).toEqual(["奉贤", "崇明", "松江"].sort());
  });

  it("tiers: 10-point bands about the benchmark 100, 120 and above on top", () => {
    const m = mapLayout(s, "SCI", "city", g, { classes: "tiers" });
    expect(m.breaks).toEqual([87.31, 90, 100, 110, 120, 133.41]);
    // Three tiers: below 100, 100–110, 110 and above.
    expect(mapLayout(s, "SCI", "city", g, { classes: "tiers", k: 3 }).breaks).toEqual([87.31, 100, 110, 133.41]);
    expect(classes(m)[4]).toEqual(["徐汇", "浦东", "黄浦"].sort());
    expect(classes(m)[3]).toEqual(["宝山", "普陀", "虹口", "长宁", "静安"].sort());
  });

  it.each(["quantile", "equal", "tiers"] as const)("%s: the legend's breaks bracket every value, and every value is the published one", (method) => {
    const published = new Map(publishedSummary().map((r) => [r.district, r.figures.SCI]));
    const m = mapLayout(s, "SCI", "city", g, { classes: method });
    expect(m.areas).toHaveLength(16);
    for (const a of m.areas) {
      const v = round2(a.value);
      expect(Math.abs(Math.round(v * 100) - Math.round(published.get(a.id)! * 100))).toBeLessThanOrEqual(1);
      expect(m.breaks[a.cls]).toBeLessThanOrEqual(v);
      if (a.cls < m.legend.length - 1) expect(v).toBeLessThan(m.breaks[a.cls + 1]);
      else expect(v).toBeLessThanOrEqual(m.breaks[a.cls + 1]);
    }
    expect(m.legend.reduce((n, e) => n + e.count, 0)).toBe(16);
    expect(m.legend.map((e) => e.from)).toEqual(m.breaks.slice(0, -1));
  });
});

describe("classBreaks", () => {
  it("keeps tied values in one class and gives fewer classes than asked when values tie", () => {
    const b = classBreaks([1, 1, 1, 1, 2, 3], "quantile", 3);
    // ⌈6/3⌉ = 2 and ⌈12/3⌉ = 4: the 2nd value (1) is the minimum, so only the break at 2 stays.
    expect(b).toEqual([1, 2, 3]);
    expect([1, 1, 1, 1, 2, 3].map((v) => classOf(v, b))).toEqual([0, 0, 0, 0, 1, 1]);
  });
  it("handles one value, fewer values than classes, and none", () => {
    expect(classBreaks([5], "quantile")).toEqual([5, 5]);
    expect(classOf(5, [5, 5])).toBe(0);
    // No class of its own for the highest value: [1, 2] is one class, not 1 | 2 – 2.
    expect(classBreaks([1, 2], "quantile", 5)).toEqual([1, 2]);
    expect(classBreaks([], "equal")).toEqual([]);
    expect(classOf(NaN, [1, 2])).toBe(-1);
  });
  it("classes values at 2 decimals, as they are shown: 104.299 is 104.30", () => {
    expect(classOf(104.299, [87.31, 104.3, 133.41])).toBe(1);
  });
});

describe("the colour scale", () => {
  it.each([2, 3, 5, 7])("with %i classes gets darker at every step, by a clear step", (n) => {
    const l = sequentialScale(n).map(luminance);
    for (let i = 1; i < n; i++) expect(l[i]).toBeLessThan(l[i - 1]);
    const step = Math.min(...l.slice(1).map((x, i) => l[i] - x));
    expect(step).toBeGreaterThan((l[0] - l[n - 1]) / (n * 4));
    // Light enough to tell from white paper, dark enough to hold white text.
    expect(l[0]).toBeLessThan(0.9);
    expect(l[n - 1]).toBeLessThan(0.05);
  });
  it("fills each district with its class's colour", () => {
    const m = mapLayout(s, "SCI", "city", g);
    const fills = sequentialScale(5);
    for (const a of m.areas) expect(a.fill).toBe(fills[a.cls]);
  });
});

describe("the SVG", () => {
  const svg = districtMap(s, "SCI", "city", g, { width: 640 });
  const doc = parse(svg);

  it("is well-formed XML with no script, no event handler and no external reference", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(parse(`<svg><text>a & b</text></svg>`).getElementsByTagName("parsererror").length).toBeGreaterThan(0);
    expect(doc.documentElement.tagName).toBe("svg");
    expect(doc.getElementsByTagName("script")).toHaveLength(0);
    for (const el of Array.from(doc.getElementsByTagName("*")))
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name).not.toMatch(/^on/i);
        expect(attr.name).not.toMatch(/href$/i);
      }
  });

  it("has one path per district, each with its value on hover and its class", () => {
    const paths = Array.from(doc.getElementsByTagName("path")).filter((p) => p.hasAttribute("data-district"));
    expect(paths.map((p) => p.getAttribute("data-district")).sort()).toEqual([...regionOfDistrict().keys()].sort());
    const pudong = paths.find((p) => p.getAttribute("data-district") === "浦东")!;
    expect(pudong.getAttribute("data-class")).toBe("4");
    expect(pudong.getElementsByTagName("title")[0].textContent).toBe("浦东 133.41");
    for (const id of ["徐汇", "黄浦"]) expect(paths.find((p) => p.getAttribute("data-district") === id)!.getAttribute("data-class")).toBe("4");
  });

  it("names the indicator and scope, lists the classes in the legend and uses a Chinese font stack", () => {
    expect(doc.documentElement.getAttribute("font-family")).toBe(MAP_FONTS);
    for (const f of ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"]) expect(MAP_FONTS).toContain(f);
    const texts = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent);
    expect(texts).toContain("智慧城市发展水平指数");
    expect(texts.some((t) => t?.startsWith("全市"))).toBe(true);
    expect(texts).toContain("125.32 – 133.41（3 个行政区）");
    // Half-open classes written as the 2-decimal values they hold: 104.30 is in the second only.
    expect(texts).toContain("87.31 – 104.29（4 个行政区）");
    expect(texts).toContain("104.30 – 107.68（3 个行政区）");
    // Every district is named at 640 px: inside its shape, or beside it with its value.
    const names = Array.from(doc.getElementsByTagName("tspan")).map((t) => (t.textContent ?? "").split(" ")[0]);
    for (const id of regionOfDistrict().keys()) expect(names).toContain(id);
  });

  it("is the same text every time", () => {
    expect(districtMap(scores2020(), "SCI", "city", g, { width: 640 })).toBe(svg);
  });

  it("in English, names the districts and the classes in English", () => {
    const en = parse(districtMap(s, "A", "city", g, { width: 800, lang: "en" }));
    const texts = Array.from(en.getElementsByTagName("text")).map((t) => t.textContent ?? "");
    expect(texts[0]).toBe("New infrastructure index");
    expect(texts.join(" ")).toContain("Pudong");
    expect(texts.join(" ")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("scopes and missing shapes", () => {
  it("a region's map classes its districts only, draws the others blank, and zooms in", () => {
    const city = mapLayout(s, "SCI", "city", g);
    const central = mapLayout(s, "SCI", "central", g);
    const regions = regionOfDistrict();
    for (const a of central.areas) {
      if (regions.get(a.id) === "central") expect(a.cls).toBeGreaterThanOrEqual(0);
      else expect([a.cls, a.fill, a.labelLines]).toEqual([-1, "#ffffff", []]);
    }
    expect(central.breaks[0]).toBe(107.69);
    expect(central.subtitle).toMatch(/^中心城区/);
    expect(central.frame.scale).toBeGreaterThan(city.frame.scale);
  });

  it("names a district without a shape under the legend and draws the rest", () => {
    const partial: Geometry = { ...g, shapes: g.shapes.filter((x) => x.id !== "虹口") };
    const m = mapLayout(s, "SCI", "city", partial);
    expect(m.areas).toHaveLength(15);
    expect(m.missing).toEqual(["虹口"]);
    expect(mapSvg(m)).toContain("无地图形状：虹口");
  });

  it("escapes names: a district called <b>&\"x' stays text", () => {
    const first = inputRows()[1][0];
    const rows = inputRows().map((r, i) => (i === 1 ? [`<b>&"x'`, ...r.slice(1)] : r));
    const roster = new Roster(ROSTER.districts.map((d) => (d.id === first ? { ...d, id: `<b>&"x'`, fullZh: undefined, code: undefined } : d)));
    const odd: Scores = score(validated(rows, { roster }).dataset!);
    const geometry: Geometry = { ...g, shapes: g.shapes.map((x) => (x.id === first ? { ...x, id: `<b>&"x'` } : x)) };
    const svg = districtMap(odd, "SCI", "city", geometry);
    expect(parse(svg).getElementsByTagName("parsererror")).toHaveLength(0);
    expect(svg).toContain("&lt;b&gt;&amp;&quot;x&apos;");
    expect(svg).not.toContain("<b>");
  });
});
