// Districts by any name, regions, and the roster built from districts.csv.
import { regionId, Roster } from "../../src/core";
import { shanghai2020 } from "../../src/data";
import { DISTRICTS_SHANGHAI, shanghaiRoster } from "../../src/data";
import { readFixture, ROSTER } from "./fixtures";

describe("district names", () => {
  it.each(["浦东", "浦东新区", "Pudong", "pudong", "PUDONG", " 浦东 ", "310115", 310115, "Pudong New Area"])("%j → 浦东", (name) => {
    expect(ROSTER.find(name)?.id).toBe("浦东");
    expect(shanghaiRoster.find(name)?.id).toBe("浦东");
  });

  it.each(["Jing'an", "Jingan", "jing'an", "Jing’an", "静安区", "静安"])("%j → 静安", (name) => {
    expect(ROSTER.find(name)?.id).toBe("静安");
  });

  it("every district answers to its short name, full name, English name and code", () => {
    for (const [id, fullZh, en, code] of readFixture("districts.csv").slice(1))
      for (const name of [id, fullZh, en, code]) expect(ROSTER.find(name)?.id, name).toBe(id);
  });

  it("an unknown name suggests the nearest: 浦冬 → 浦东", () => {
    const r = ROSTER.resolve("浦冬", shanghai2020.words.entity);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.suggestion).toBe("浦东");
    expect(r.zh).toBe("未知行政区「浦冬」；是否指「浦东」");
    expect(r.en).toBe('unknown district "浦冬"; did you mean "Pudong" (浦东)');
    expect(ROSTER.resolve("Xuhiu").ok).toBe(false);
    expect(ROSTER.suggest("Xuhiu")?.id).toBe("徐汇");
  });

  it("a name far from every district gets no suggestion", () => {
    const r = ROSTER.resolve("北京市海淀区");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestion).toBeUndefined();
  });

  it("things that are not names are unknown, never a throw", () => {
    for (const v of [undefined, null, {}, [], "", true]) expect(ROSTER.resolve(v).ok).toBe(false);
  });
});

describe("regions", () => {
  it("districts.csv: 8 central, 8 suburban, as the built-in roster has them", () => {
    const rows = readFixture("districts.csv").slice(1);
    expect(rows.filter((r) => r[4] === "central")).toHaveLength(8);
    expect(rows.filter((r) => r[4] === "suburban")).toHaveLength(8);
    expect(DISTRICTS_SHANGHAI.map((d) => [d.id, d.fullZh, d.en, d.code, d.region])).toEqual(rows);
  });

  it("region names in Chinese and English", () => {
    expect(regionId("中心城区", shanghai2020.regions)).toBe("central");
    expect(regionId("central", shanghai2020.regions)).toBe("central");
    expect(regionId("Central districts", shanghai2020.regions)).toBe("central");
    expect(regionId("郊区", shanghai2020.regions)).toBe("suburban");
    expect(regionId(" Suburban ", shanghai2020.regions)).toBe("suburban");
    expect(regionId("海岛", shanghai2020.regions)).toBeUndefined();
    expect(regionId("", shanghai2020.regions)).toBeUndefined();
    expect(shanghai2020.regions.map((r) => r.zh)).toEqual(["中心城区", "郊区"]);
  });

  it("a roster of another city's entities works the same", () => {
    const r = new Roster([
      { id: "甲", en: "Alpha", region: "east" },
      { id: "乙", en: "Beta", region: "west" },
    ]);
    expect(r.find("alpha")?.id).toBe("甲");
    expect(r.find("浦东")).toBeUndefined();
  });
});
