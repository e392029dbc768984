// The report draft's text against figures worked out apart from the core (the spec's CSVs,
// test/report/spec-2020.ts) and the published 2020 report; year over year against the core's
// comparison; another assessment in its own words; English.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assess, compare, score, validate, profileOptions, parseCsv } from "../../src/core";
import { dataset2020, shanghai2020 } from "../../src/data";
import { buildDraft, type Draft } from "../../src/report/draft";
import { draftLines } from "./draft-text";
import { DISTRICTS, FULL, fixed, mean, nameOf, NODES, ranks, REGION, VALUES } from "./spec-2020";
import { BUILTIN_WORDS, valley, valleyRows } from "./valley";

const s2020 = score(dataset2020("report"));
const zh = buildDraft({ scores: s2020, name: shanghai2020.name, lang: "zh", maps: true });
const text = draftLines(zh).join("\n");

/** The sentence the draft should say for an indicator's top three, from the independent figures. */
function expectedTopThree(code: string): string {
  const r = ranks(code);
  const top = DISTRICTS.filter((d) => r.get(d)! <= 3).sort((a, b) => r.get(a)! - r.get(b)! || DISTRICTS.indexOf(a) - DISTRICTS.indexOf(b));
  const name = nameOf(code);
  const v = (d: string) => fixed(VALUES.get(d)!.get(code)!);
  return `按${name}从高到低依次排名，${top.map((d) => FULL.get(d)).join("、")}为${name}前三名，指数值分别为${v(top[0])}、${v(top[1])}和${v(top[2])}。`;
}

describe("the 2020 draft, Chinese, report rounding", () => {
  it("says the published top three of the composite, with full names and values", () => {
    expect(text).toContain(
      "按智慧城市发展水平指数从高到低依次排名，浦东新区、徐汇区、黄浦区为智慧城市发展水平指数前三名，指数值分别为133.41、126.74和125.32。",
    );
  });

  it("says the top three of every first- and second-level index, as worked out from the spec", () => {
    const codes = NODES.filter((n) => n.level === 1 || n.level === 2).map((n) => n.code);
    expect(codes).toHaveLength(13);
    const untied = codes.filter(
      (c) => new Set([...ranks(c).values()].filter((r) => r <= 3)).size === 3 && [...ranks(c).values()].filter((r) => r <= 3).length === 3,
    );
    expect(untied.length).toBeGreaterThan(10);
    for (const c of untied) expect(text).toContain(expectedTopThree(c));
  });

  it("says ties as ties: 虹口 and 普陀 share first on 物联感知建设应用, 杨浦 is third", () => {
    const at = zh.blocks.findIndex((b) => b.kind === "heading" && b.text === "(3) 物联感知建设应用");
    const said = zh.blocks.slice(at + 1).find((b) => b.kind === "paragraph" && !b.placeholder);
    expect(said?.kind === "paragraph" && said.text).toBe("从评估结果来看，普陀区与虹口区并列第一；杨浦区排名第三。");
  });

  it("says a three-way tie for first on an input indicator as one tie", () => {
    // 政务云平台应用水平 (B1.3): 静安, 金山 and 奉贤 share first at 103.31 in the spec.
    const r = ranks("B1.3");
    expect(DISTRICTS.filter((d) => r.get(d) === 1).sort()).toEqual(["奉贤", "金山", "静安"].sort());
    expect(text).toContain("从评估结果来看，静安区、金山区与奉贤区并列第一。");
  });

  it("says the city and region means of the composite as published", () => {
    expect(text).toContain("评估结果显示，2020年全市智慧城市发展水平指数为109.77。中心城区智慧城市发展水平指数为119.44，郊区智慧城市发展水平指数为100.10。");
  });

  it("prints every district's value of every indicator in its all-entity table, ranked", () => {
    // In the framework's order (names collide: 政务服务 is B1 and C2.1).
    const tables = zh.blocks.flatMap((b) => (b.kind === "table" && b.caption.startsWith("各行政区") && !b.caption.endsWith("网络安全状况系数") ? [b] : []));
    const nodes = NODES.filter((n) => n.level > 0);
    expect(tables.map((t) => t.caption)).toEqual(nodes.map((n) => `各行政区${n.zh}`));
    nodes.forEach((n, j) => {
      const t = tables[j];
      const cells = t.rows.flatMap((r) => [r.slice(0, 3), r.slice(3, 6)]).filter((p) => p[1]);
      expect(cells).toHaveLength(16);
      const r = ranks(n.code);
      for (const [rank, d, v] of cells) expect([rank, v], `${n.code} ${d}`).toEqual([String(r.get(d)), fixed(VALUES.get(d)!.get(n.code)!)]);
    });
  });

  it("prints each district's composite, first-level indices and coefficient as published (the report's own rounding: within a cent)", () => {
    const published = readFileSync(join(__dirname, "..", "fixtures", "shanghai-2020", "published-summary.csv"), "utf8")
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => l.split(","));
    const rows = zh.blocks.flatMap((b) => (b.kind === "table" && /^(中心城区|郊区)各行政区智慧城市发展水平指数$/.test(b.caption) ? b.rows : []));
    expect(rows).toHaveLength(16);
    for (const p of published.slice(1)) {
      const row = rows.find((r) => r[1] === p[0])!;
      p.slice(1).forEach((v, j) => expect(Math.abs(Number(row[j + 2]) - Number(v)), `${p[0]} ${published[0][j + 1]}`).toBeLessThanOrEqual(0.0100001));
    }
  });

  it("prints the region means of the second-level indices as worked out from the spec", () => {
    const central = DISTRICTS.filter((d) => REGION.get(d) === "central");
    const t = zh.blocks.find((b) => b.kind === "table" && b.caption === "智慧应用指数相关二级指标指数值");
    expect(t?.kind === "table" && t.rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      ["B1", "B2", "B3", "B4"].map((c) => [nameOf(c), fixed(mean(c)), fixed(mean(c, central))]),
    );
  });

  it("numbers tables and figures per part without a gap, captions in order", () => {
    for (const [kind, word] of [
      ["table", "表"],
      ["figure", "图"],
    ] as const)
      for (const part of [1, 2, 3]) {
        const numbers = zh.blocks.flatMap((b) => (b.kind === kind && b.number.startsWith(`${word} ${part}-`) ? [Number(b.number.split("-")[1])] : []));
        if (part === 1 && kind === "figure") continue;
        expect(numbers, `${word} ${part}`).toEqual(numbers.map((_, i) => i + 1));
      }
  });

  it("has a map of the composite and of each first-level index, and bars for each region of every index", () => {
    const figures = zh.blocks.flatMap((b) => (b.kind === "figure" ? [b] : []));
    const maps = figures.filter((f) => f.figure.kind === "map").map((f) => (f.figure.kind === "map" ? f.figure.indicator : ""));
    expect(maps).toEqual(["SCI", "A", "B", "C"]);
    for (const n of NODES.filter((n) => n.level < 3))
      for (const region of ["中心城区", "郊区"])
        expect(
          figures.some((f) => f.caption === `${region}${n.zh}`),
          `${region} ${n.code}`,
        ).toBe(true);
  });

  it("leaves a marked place for the analysts in every section, and ends with the citation line", () => {
    const placeholders = zh.blocks.filter((b) => b.kind === "paragraph" && b.placeholder);
    expect(placeholders.length).toBeGreaterThanOrEqual(NODES.length);
    expect(text).toContain("应注明“来源：《2020上海市智慧城市发展水平评估报告》”。");
  });
});

describe("against last year", () => {
  const read = (file: string, label: string) => {
    const rows = parseCsv(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8").replace(/^\uFEFF/, ""));
    return score(validate({ rows }, { ...profileOptions(shanghai2020), label, rounding: "report" }).dataset!);
  };
  const older = read("inputs-2020.csv", "2020");
  const newer = read("inputs-2021.csv", "2021");
  const draft = buildDraft({ scores: newer, previous: [older], name: shanghai2020.name, lang: "zh", maps: false });
  const lines = draftLines(draft).join("\n");

  it("says 崇明 rose 9.90 from 16th to 14th, 松江 fell 4.95 from 14th to 16th", () => {
    expect(lines).toContain(
      "与上一年相比，崇明区智慧城市发展水平指数提高9.90，升幅最大，排名由第16位升至第14位；松江区智慧城市发展水平指数下降4.95，降幅最大，排名由第14位降至第16位。",
    );
    expect(lines).toContain("排名上升最多的是崇明区，上升2位。");
  });

  it("names every change of rank the core's comparison finds, and no other", () => {
    const cmp = compare(older, newer);
    const moved = cmp.districts.filter((d) => d.indicators[0].city.change !== 0);
    const sentence = lines.split("\n").find((l) => l.startsWith("排名发生变化的有："))!;
    expect(sentence.split("；")).toHaveLength(moved.length);
    for (const d of moved) expect(sentence).toContain(`${FULL.get(d.district)}由第${d.indicators[0].city.old}位至第${d.indicators[0].city.new}位`);
  });

  it("says each input indicator's first place and its rise in rank as the core's comparison has them", () => {
    const cmp = compare(older, newer);
    const leaves = newer.dataset.framework.leaves;
    const said = lines.split("\n").filter((l) => l.startsWith("从评估结果来看，"));
    expect(said).toHaveLength(leaves.length);
    leaves.forEach((code, j) => {
      const k = cmp.codes.indexOf(code);
      const rows = cmp.districts.map((d) => ({ id: d.district, ch: d.indicators[k].city }));
      const firsts = rows.filter((r) => r.ch.new === 1);
      if (firsts.length !== 1) return expect(said[j], code).toContain("并列第一");
      const [top] = firsts;
      const best = Math.max(...rows.map((r) => r.ch.change));
      const move = top.ch.change > 0 ? `，排名相较上一年度提升${top.ch.change}位` : top.ch.change < 0 ? `，排名相较上一年度下降${-top.ch.change}位` : "";
      const largest = top.ch.change > 0 && top.ch.change === best ? "，提升幅度也排名第一" : "";
      expect(said[j], code).toMatch(new RegExp(`^从评估结果来看，${FULL.get(top.id)}排名第一${move}${largest}[；。]`));
    });
    expect(said).toContain("从评估结果来看，崇明区排名第一，排名相较上一年度提升4位，提升幅度也排名第一；虹口区与浦东新区分别排名第二、第三。");
  });

  it("says the runs of years in the top three when more than one earlier year is given", () => {
    const three = buildDraft({ scores: newer, previous: [older, older], name: shanghai2020.name, lang: "zh", maps: false });
    expect(draftLines(three).join("\n")).toContain("浦东新区、徐汇区与黄浦区连续三年排名前三。");
    expect(lines).not.toContain("连续");
  });
});

describe("another assessment and another language", () => {
  const expectNoBuiltin = (d: Draft) => {
    const t = draftLines(d).join("\n");
    for (const w of BUILTIN_WORDS) expect(t.includes(w), `contains "${w}"`).toBe(false);
    return t;
  };

  it("the made-up counties' draft speaks their words and none of Shanghai's", () => {
    const a = assess({ input: { sheet: "县表", origin: { row: 0, col: 0 }, rows: valleyRows() } }, valley, { label: "2024" });
    const older = assess({ input: { sheet: "县表", origin: { row: 0, col: 0 }, rows: valleyRows(-5) } }, valley, { label: "2023" });
    const d = buildDraft({ scores: a.scores!, previous: [older.scores!], name: valley.name, lang: "zh", maps: false });
    const t = expectNoBuiltin(d);
    for (const w of ["2024河谷省数字化评估报告", "全省数字化指数", "北部", "东部", "位次", "数据质量系数", "各县", "(1) 光纤入户"]) expect(t).toContain(w);
    expectNoBuiltin(buildDraft({ scores: a.scores!, name: valley.name, lang: "en", maps: false }));
  });

  it("says a tie in an index's top three as a tie, with the shared value", () => {
    // 青石 (row 1) given 龙泉's (row 7, the first) inputs and coefficient: the two share first.
    const rows = valleyRows();
    rows[1] = [rows[1][0], ...rows[7].slice(1)];
    const a = assess({ input: { sheet: "县表", origin: { row: 0, col: 0 }, rows } }, valley, { label: "2024" });
    const d = buildDraft({ scores: a.scores!, name: valley.name, lang: "zh", maps: false });
    const s = a.scores!;
    const K = s.dataset.framework.order.length;
    expect([s.cityRanks[0], s.cityRanks[6 * K]]).toEqual([1, 1]);
    expect(draftLines(d).find((l) => l.startsWith("按数字化指数"))).toMatch(
      new RegExp(`^按数字化指数从高到低依次排名，青石与龙泉并列第一，指数值均为${fixed(s.values[0])}；\\S+排名第三，指数值为\\d+\\.\\d\\d。$`),
    );
  });

  it("--lang en writes the same document in English: no Chinese character in it", () => {
    const en = buildDraft({ scores: s2020, name: shanghai2020.name, lang: "en", maps: true });
    const t = draftLines(en).join("\n");
    expect(t).not.toMatch(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/);
    expect(t).toContain(
      "Ranked from highest to lowest on the Smart City Development Index, Pudong, Xuhui and Huangpu are the top three, at 133.41, 126.74 and 125.32.",
    );
    expect(en.blocks.length).toBe(zh.blocks.length);
  });
});
