import { score } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { STRINGS } from "../../src/taskpane/i18n";
import { fixed2, glance } from "../../src/taskpane/summary";

describe("results at a glance", () => {
  it("top three and the published city, 中心城区 and 郊区 figures", () => {
    const g = glance(score(dataset2020()));
    expect(g.codes).toEqual(["SCI", "A", "B", "C"]);
    expect(g.top.map((x) => [x.rank, x.district.id, fixed2(x.value)])).toEqual([
      [1, "浦东", "133.41"],
      [2, "徐汇", "126.74"],
      [3, "黄浦", "125.32"],
    ]);
    expect(g.averages.map((a) => [a.scope, fixed2(a.values[0])])).toEqual([
      ["city", "109.77"],
      ["central", "119.44"],
      ["suburban", "100.10"],
    ]);
    expect(g.averages[0].values.slice(1).map(fixed2)).toEqual(["119.16", "113.12", "102.23"]);
  });

  it("ties at the cut are all shown", () => {
    const ds = dataset2020();
    const L = ds.framework.leaves.length;
    // Make 黄浦 (3rd) equal to 徐汇 (2nd): same inputs and coefficient.
    const xuhui = ds.districts.findIndex((d) => d.id === "徐汇");
    const huangpu = ds.districts.findIndex((d) => d.id === "黄浦");
    const inputs = Float64Array.from(ds.inputs);
    inputs.set(ds.inputs.subarray(xuhui * L, xuhui * L + L), huangpu * L);
    const coefficients = Float64Array.from(ds.coefficients);
    coefficients[huangpu] = coefficients[xuhui];
    const g = glance(score({ ...ds, inputs, coefficients }));
    // Tied districts keep the table's order.
    expect(g.top.map((x) => [x.rank, x.district.id])).toEqual([
      [1, "浦东"],
      [2, "黄浦"],
      [2, "徐汇"],
    ]);
  });

  it("fixed2 rounds as the report does and never prints NaN", () => {
    expect(fixed2(120.505)).toBe("120.51");
    expect(fixed2(NaN)).toBe("—");
  });
});

describe("i18n", () => {
  it("English has every Chinese string, of the same kind", () => {
    const { zh, en } = STRINGS;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(typeof en[k]).toBe(typeof zh[k]);
    const cjk = /[\u3400-\u9fff]/;
    for (const [k, v] of Object.entries(en)) if (typeof v === "string" && k !== "appTitle") expect(cjk.test(v), k).toBe(false);
  });
});
