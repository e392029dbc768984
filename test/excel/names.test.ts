import { cleanSheetName, freshNames } from "../../src/excel/names";

describe("sheet names", () => {
  it("a taken name gets one suffix for the whole set, ignoring case", () => {
    expect(freshNames(["排名 2020", "排名 2020 一级指标"], ["Sheet1"])).toEqual(["排名 2020", "排名 2020 一级指标"]);
    expect(freshNames(["排名 2020", "排名 2020 一级指标"], ["排名 2020"])).toEqual(["排名 2020 (2)", "排名 2020 一级指标 (2)"]);
    expect(freshNames(["Rank"], ["rank", "RANK (2)"])).toEqual(["Rank (3)"]);
    // Two wanted names that differ only in case cannot both be used: the pair moves on together.
    expect(freshNames(["a", "A"], [])).toEqual(["a", "A (2)"]);
  });

  it("respects the 31-character limit and Excel's forbidden characters", () => {
    const long = "排名 2020年上海市智慧城市发展水平评估报告附表一二三四五六七八九十";
    const [first] = freshNames([long], []);
    expect(first.length).toBeLessThanOrEqual(31);
    const [second] = freshNames([long], [first]);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(cleanSheetName("a/b:c*d?e[f]g\\h")).toBe("a_b_c_d_e_f_g_h");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("   ")).toBe("SCI");
    expect(cleanSheetName("history")).toBe("History_");
    expect(cleanSheetName("x".repeat(30) + "😀")).toBe("x".repeat(30)); // never half a surrogate pair
  });
});
