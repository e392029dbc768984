// Finding an indicator the ways an evaluator writes it.
import { findIndicator } from "../../src/core";
import { both, FW, isChineseThenEnglish } from "./fixtures";

const found = (q: unknown, among?: readonly string[]) => {
  const r = findIndicator(FW, q, among);
  return r.ok ? r.value : `${r.code}: ${r.choices.join(" | ")}`;
};

describe("indicator lookup", () => {
  it("by code, in any case", () => {
    expect(found("B2.3")).toBe("B2.3");
    expect(found("b2.3")).toBe("B2.3");
    expect(found(" C2.1 ")).toBe("C2.1");
    expect(found("A")).toBe("A");
  });

  it("by report number, as text or as a number", () => {
    expect(found("13")).toBe("B2.3");
    expect(found(13)).toBe("B2.3");
    expect(found(1)).toBe("A1.1");
    expect(found(38)).toBe("C3.3");
    expect(found(39)).toMatch(/^unknown/);
  });

  it("by Chinese name", () => {
    expect(found("电子警察监控点覆盖率")).toBe("B2.3");
    expect(found("物联感知建设应用")).toBe("A2.3");
    expect(found("新型基础设施指数")).toBe("A");
    expect(found("新型基础设施")).toBe("A"); // without 指数
  });

  it("by English name, in any case", () => {
    expect(found("Traffic enforcement camera coverage")).toBe("B2.3");
    expect(found("traffic enforcement camera coverage")).toBe("B2.3");
    expect(found("Smart applications")).toBe("B"); // without "index"
  });

  it("by path", () => {
    expect(found("区域创新/政务服务")).toBe("C2.1");
    expect(found("智慧应用/政务服务")).toBe("B1");
    expect(found("发展环境/区域创新/政务服务")).toBe("C2.1");
    expect(found("Regional innovation/Innovation in government services")).toBe("C2.1");
  });

  it("a bare name shared by two indicators is ambiguous and lists both", () => {
    for (const name of ["政务服务", "城市运行", "数字经济", "公共服务"]) {
      const r = findIndicator(FW, name);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.code).toBe("ambiguous");
      expect(r.choices).toHaveLength(2);
      expect(isChineseThenEnglish(r), both(r)).toBe(true);
      expect(r.en).toContain("ambiguous");
    }
    const r = findIndicator(FW, "政务服务");
    if (r.ok) throw new Error("expected ambiguous");
    expect(r.choices.some((c) => c.startsWith("B1 ") && c.includes("智慧应用/政务服务"))).toBe(true);
    expect(r.choices.some((c) => c.startsWith("C2.1 ") && c.includes("区域创新/政务服务"))).toBe(true);
    expect(both(r)).toContain("B1");
    expect(both(r)).toContain("C2.1");
  });

  it("among the input indicators only, 政务服务 is C2.1", () => {
    expect(found("政务服务", FW.leaves)).toBe("C2.1");
    expect(found("B1", FW.leaves)).toMatch(/^unknown/);
  });

  it("an unknown name says so and suggests near ones", () => {
    const r = findIndicator(FW, "电子警察");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("unknown");
    expect(r.choices.some((c) => c.startsWith("B2.3 "))).toBe(true);
    expect(r.zh).toMatch(/^未知指标「电子警察」/);
    expect(r.en).toMatch(/^unknown indicator "电子警察"/);
    const none = findIndicator(FW, "完全无关");
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.choices).toEqual([]);
  });

  it("composite aliases", () => {
    for (const q of ["SCI", "sci", "综合", "综合指数", "composite", "Composite", "智慧城市发展水平指数", "Smart City Development Index"])
      expect(found(q), q).toBe("SCI");
  });

  it("nonsense arguments are unknown, never a throw", () => {
    for (const q of [undefined, null, {}, [], "", "   ", true, NaN, -1, "/", "//"]) expect(findIndicator(FW, q).ok, String(q)).toBe(false);
  });
});
