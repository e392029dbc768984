// Every workbook SCI writes, printed by LibreOffice (xlsx → PDF, as on paper): each cell's text
// is on the page whole — none cut at a cell border or lost beyond the print area — and every
// workbook prints in one orientation, the ranking's first page leading with the city-wide
// table, and every first page opens with a two-line title and the source and date lines. PNGs of every page go to test-results/printed/ to look at.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { SKIP, soffice, which } from "./soffice";

const EXAMPLES = resolve(__dirname, "../../examples");
const SHOTS = resolve(__dirname, "../../test-results/printed");
const POPPLER = which("pdftotext") && which("pdfinfo") ? undefined : "pdftotext (poppler-utils) is not installed";
const WHY = SKIP ?? POPPLER;

const WORKBOOKS: [string, string[]][] = [
  ["ranking", ["score"]],
  ["comparison", ["compare", join(EXAMPLES, "inputs-2020.csv"), join(EXAMPLES, "inputs-2021.csv")]],
  ["robustness", ["sensitivity", "--replications", "300"]],
  ["audit", ["audit", "--samples", "64"]],
];

/** Text without any whitespace: a wrapped cell's lines join up again. */
const squeeze = (t: string) => t.replace(/\s+/g, "");

describe.skipIf(!!WHY)(WHY ? `printed workbooks (skipped: ${WHY})` : "every workbook as LibreOffice prints it", () => {
  const dir = mkdtempSync(join(tmpdir(), "sci-printed-"));
  const printed = new Map<string, { text: string; cells: { sheet: string; address: string; text: string }[]; pages: string[] }>();

  beforeAll(async () => {
    for (const [name, argv] of WORKBOOKS) {
      const xlsx = join(dir, `${name}.xlsx`);
      let stderr = "";
      const code = await run([...argv, "--out", xlsx], { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir });
      expect(code, stderr).toBe(0);
    }
    await soffice(dir, "pdf", join(dir, "ranking.xlsx"), join(dir, "pdf"));
    await Promise.all(WORKBOOKS.slice(1).map(([name]) => soffice(dir, "pdf", join(dir, `${name}.xlsx`), join(dir, "pdf"))));
    mkdirSync(SHOTS, { recursive: true });
    for (const [name] of WORKBOOKS) {
      const pdf = join(dir, "pdf", `${name}.pdf`);
      const text = spawnSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 }).stdout;
      const info = spawnSync("pdfinfo", ["-l", "999", pdf], { encoding: "utf8" }).stdout;
      const pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => (Number(m[1]) < Number(m[2]) ? "portrait" : "landscape"));
      if (which("pdftoppm")) spawnSync("pdftoppm", ["-png", "-r", "70", pdf, join(SHOTS, name)]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, `${name}.xlsx`));
      const cells: { sheet: string; address: string; text: string }[] = [];
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => void (typeof cell.value === "string" && cells.push({ sheet: ws.name, address: cell.address, text: cell.value }))),
        );
      printed.set(name, { text: squeeze(text), cells, pages });
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(WORKBOOKS.map(([name]) => name))("%s: every text cell is printed whole", (name) => {
    const p = printed.get(name)!;
    expect(p.cells.length).toBeGreaterThan(10);
    const cut = p.cells.filter((c) => !p.text.includes(squeeze(c.text))).map((c) => `${c.sheet}!${c.address} ${c.text}`);
    expect(cut).toEqual([]);
  });

  it.each(WORKBOOKS.map(([name]) => name))("%s: one orientation for every page", (name) => {
    const { pages } = printed.get(name)!;
    expect(pages.length).toBeGreaterThan(0);
    expect(new Set(pages).size).toBe(1);
  });

  /** The first page's text as laid out, trimmed lines without the page-number footer. */
  const firstPage = (name: string) => {
    const first = spawnSync("pdftotext", ["-layout", "-f", "1", "-l", "1", join(dir, "pdf", `${name}.pdf`), "-"], { encoding: "utf8" }).stdout;
    const lines = first
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !/^\d+ \/ \d+$/.test(l));
    return { first, lines };
  };

  it("the ranking's first page leads with the city-wide ranking: the title in two lines, the source line, 浦东 133.41 first", () => {
    const { first, lines } = firstPage("ranking");
    expect(lines[0]).toBe("2020年智慧城市发展水平指数排名");
    expect(lines[1]).toBe("2020 Smart City Development Index ranking");
    expect(lines[2]).toMatch(/^来源：/);
    expect(lines[3]).toMatch(/^Source: /);
    expect(lines.indexOf("全市 / City")).toBe(4);
    // Published 2020: 浦东 133.41, 徐汇 126.74, 黄浦 125.32 lead; the city mean 109.77.
    expect(squeeze(first)).toContain(squeeze("1 浦东 133.41"));
    expect(squeeze(first)).toContain(squeeze("2 徐汇 126.74"));
    expect(squeeze(first)).toContain(squeeze("3 黄浦 125.32"));
    expect(squeeze(first)).toContain(squeeze("全市平均 109.77"));
    expect(first).not.toContain("中心城区 / Central districts");
  });

  it("the audit's first page: the title in two lines, the source line, the summary, and the flags' labels and names whole", () => {
    const pdf = join(dir, "pdf", "audit.pdf");
    const lines = spawnSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" })
      .stdout.split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines[0]).toBe("2020年统计审计");
    expect(lines[1]).toBe("2020 statistical audit");
    expect(lines[2]).toMatch(/^来源：/);
    expect(lines[3]).toMatch(/^Source: /);
    expect(lines.some((l) => l.startsWith("审计结论 / Summary"))).toBe(true);
    // Every flag's label and indicator name is printed whole (the cells are the workbook's).
    const { cells, text } = printed.get("audit")!;
    const flagTexts = cells.filter((c) => ["分布偏斜", "skewed", "高度相关", "collinear", "信息资源", "Information resources", "B2.3 · B2.6"].includes(c.text));
    expect(flagTexts.length).toBeGreaterThanOrEqual(6);
    for (const c of flagTexts) expect(text).toContain(squeeze(c.text));
  });

  // The examples' inputs: 2021 is 2020 with 崇明 up and 松江 down; 300 replications, seed 1.
  it.each([
    ["comparison", "智慧城市发展水平指数变化 2020→2021", "Change in the Smart City Development Index, 2020→2021", "2020年与2021年输入数据"],
    ["robustness", "2020年智慧城市发展水平指数排名稳健性", "Robustness of the 2020 Smart City Development Index ranking", "2020年输入数据"],
  ])("the %s's first page: the title in two lines, then the source lines with the date, then the table", (name, zh, en, inputs) => {
    const { first, lines } = firstPage(name);
    expect(lines[0]).toBe(zh);
    expect(lines[1]).toBe(en);
    expect(lines[2]).toMatch(new RegExp(`^来源：${inputs}，.*；生成于 \\d{4}-\\d{2}-\\d{2}$`));
    expect(lines[3]).toMatch(/^Source: .*; generated \d{4}-\d{2}-\d{2}$/);
    // 浦东 leads the table at the published 133.41; the comparison closes with the city mean, 109.77 in 2020.
    expect(squeeze(first)).toContain(squeeze("浦东 中心城区 133.41"));
    if (name === "comparison") expect(squeeze(first)).toContain(squeeze("全市平均 109.77"));
  });
});
