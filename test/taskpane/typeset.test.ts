// The pane's Chinese spacing, by hand-worked examples: one spelling of a year, a number kept
// with its unit, a quoted name and a formula kept whole, no space after a full stop.
import { typeset, typesetAll } from "../../src/taskpane/typeset";

const NB = "\u00a0";

describe("typeset", () => {
  it("writes a year one way: 2020年, with no space either side", () => {
    expect(typeset("插入 2020 年示例数据")).toBe("插入2020年示例数据");
    expect(typeset("内置的 2020年数据")).toBe("内置的2020年数据");
    expect(typeset("2020年")).toBe("2020年");
  });

  it("keeps a number with its unit, 第 with its number, and a quoted name whole", () => {
    expect(typeset("共 16 个行政区")).toBe(`共 16${NB}个行政区`);
    expect(typeset("第 3 行")).toBe(`第${NB}3${NB}行`);
    expect(typeset("工作表「SCI 输入」")).toBe(`工作表「SCI${NB}输入」`);
    // A quoted name is the user's, as they wrote it: only its spaces are bound.
    expect(typeset("已截为「排名 评估 2020 年」。 下一句")).toBe(`已截为「排名${NB}评估${NB}2020${NB}年」。下一句`);
    expect(typeset("r < 0 的指标")).toBe(`r <${NB}0 的指标`);
    // A code is not a number, and a word after a number is not its unit.
    expect(typeset("B2.6 环境质量")).toBe("B2.6 环境质量");
    expect(typeset("≥ 2 且峰度")).toBe(`≥${NB}2 且峰度`);
  });

  it("drops a space after Chinese punctuation, and is idempotent", () => {
    expect(typeset("已完成。 请查看")).toBe("已完成。请查看");
    const once = typeset("发现 2 个错误。 共 16 个行政区「SCI 输入」2020 年");
    expect(typeset(once)).toBe(once);
  });

  it("typesets every string and every string a function returns, leaving the rest", () => {
    const t = typesetAll({ a: "第 1 页", f: (n: number) => `${n} 个`, k: 3 });
    expect(t.a).toBe(`第${NB}1${NB}页`);
    expect(t.f(5)).toBe(`5${NB}个`);
    expect(t.k).toBe(3);
  });
});
