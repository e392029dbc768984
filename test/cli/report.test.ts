// `sci report`: refusals as `sci score`'s, then the Word document itself: its parts (A4, page
// numbers, contents, heading levels, repeated header rows, Chinese faces, pictures sharp when
// printed), and LibreOffice's reading of it (text and PDF) against the core's figures.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { round2, score } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { SKIP, soffice } from "../xlsx/soffice";
import { BUILTIN_WORDS, COUNTIES, LEAVES, VALLEY_FRAMEWORK, valleyValue } from "../report/valley";
import { ROOT, sci, tempDir } from "./helpers";

const dir = tempDir();
const s = score(dataset2020("report"));
const fw = s.dataset.framework;
const K = fw.order.length;
const fixed = (x: number) => round2(x).toFixed(2);
const full = (i: number) => s.dataset.districts[i].fullZh!;
const docxXml = async (file: string, part = "word/document.xml") => (await JSZip.loadAsync(readFileSync(file))).file(part)!.async("string");
const xmlText = (xml: string) => xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");

describe("sci report: refusals", () => {
  it("needs --out, a .docx, keeps an existing file unless --force, and writes nothing on input errors", async () => {
    expect((await sci(["report"], dir)).code).toBe(2);
    expect((await sci(["report", "--out", "r.xlsx"], dir)).code).toBe(2);
    expect((await sci(["report", "--lang", "fr", "--out", "r.docx"], dir)).code).toBe(2);
    writeFileSync(join(dir, "kept.docx"), "mine");
    const kept = await sci(["report", "--out", "kept.docx"], dir);
    expect(kept.code).toBe(2);
    expect(readFileSync(join(dir, "kept.docx"), "utf8")).toBe("mine");
    const rows = readFileSync(join(ROOT, "examples", "inputs-2020.csv"), "utf8").split("\n");
    rows[2] = rows[2].replace(/,[\d.]+,/, ",abc,");
    writeFileSync(join(dir, "bad.csv"), rows.join("\n"));
    const bad = await sci(["report", "bad.csv", "--out", "bad.docx"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("[not-a-number]");
    expect(existsSync(join(dir, "bad.docx"))).toBe(false);
  });
});

describe("sci report: the 2020 document", () => {
  const out = join(dir, "report-2020.docx");
  beforeAll(async () => {
    const ran = await sci(["report", "--rounding", "report", "--out", out], dir);
    expect(ran.code, ran.stderr).toBe(0);
  }, 120_000);

  it("is A4 with page numbers, a contents field and headings Word's navigation pane lists", async () => {
    const xml = await docxXml(out);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain("TOC \\h \\o &quot;1-4&quot;");
    for (const level of [1, 2, 3, 4]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    const styles = await docxXml(out, "word/styles.xml");
    for (const level of [0, 1, 2, 3]) expect(styles).toContain(`<w:outlineLvl w:val="${level}"/>`);
    expect(styles).toContain('w:eastAsia="SimSun"');
    expect(styles).toContain('w:eastAsia="SimHei"');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d*\.xml/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(footers.join("")).toContain("PAGE");
    expect(await docxXml(out, "word/fontTable.xml")).toMatch(/<w:font w:name="SimSun"><w:altName w:val="宋体"\/>.*<w:charset w:val="86"\/>/);
    // Every table repeats its header row on each page.
    expect(xml.match(/<w:tbl>/g)!.length).toBe(xml.match(/<w:tblHeader\/>/g)!.length);
  });

  it("holds its pictures at 200 dpi or more at their printed size", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await docxXml(out);
    const rels = await docxXml(out, "word/_rels/document.xml.rels");
    const target = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const drawings = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="\d+"\/>[\s\S]*?r:embed="([^"]+)"/g)];
    expect(drawings.length).toBeGreaterThanOrEqual(50);
    for (const [, cx, id] of drawings) {
      const png = await zip.file(`word/${target.get(id)}`)!.async("nodebuffer");
      const inches = Number(cx) / 914400;
      expect(png.readUInt32BE(16) / inches, `${target.get(id)}`).toBeGreaterThanOrEqual(200);
    }
  });

  describe.skipIf(!!SKIP)(SKIP ? `in LibreOffice (skipped: ${SKIP})` : "in LibreOffice", () => {
    let text = "";
    let lines: string[] = [];
    beforeAll(async () => {
      await Promise.all([soffice(dir, "txt:Text", out, join(dir, "txt")), soffice(dir, "pdf", out, join(dir, "pdf"))]);
      text = readFileSync(join(dir, "txt", "report-2020.txt"), "utf8").replace(/^\uFEFF/, "");
      lines = text.split(/\r?\n/).map((l) => l.trim());
    }, 240_000);

    it("opens and converts to a PDF of many pages", () => {
      const pdf = readFileSync(join(dir, "pdf", "report-2020.pdf"));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(40);
    });

    it("says the top three with full names and values for the composite and every first- and second-level index, as the core scores them", () => {
      for (const code of fw.order.filter((c) => fw.indicators.get(c)!.level <= 2)) {
        const k = fw.index.get(code)!;
        const top = s.dataset.districts.map((_, i) => i).filter((i) => s.cityRanks[i * K + k] <= 3);
        const name = fw.indicators.get(code)!.nameZh;
        const line = lines.find((l) => l.startsWith(`按${name}从高到低依次排名，`));
        expect(line, code).toBeDefined();
        for (const i of top) expect(line, `${code} ${full(i)}`).toContain(full(i));
        for (const i of top) expect(line).toContain(fixed(s.values[i * K + k]));
      }
      expect(text).toContain("浦东新区、徐汇区、黄浦区为智慧城市发展水平指数前三名，指数值分别为133.41、126.74和125.32。");
    });

    it("prints all 16 districts' values in each index's table, read back as the core's", () => {
      for (const code of fw.order.filter((c) => c !== fw.root && fw.indicators.get(c)!.level <= 2)) {
        const k = fw.index.get(code)!;
        const at = lines.findIndex((l) => /^表 3-\d+ 各行政区/.test(l) && l.endsWith(fw.indicators.get(code)!.nameZh));
        expect(at, code).toBeGreaterThan(0);
        const cells = lines
          .slice(at + 1)
          .filter((l) => l !== "")
          .slice(6, 6 + 48);
        const pairs = new Map<string, string>();
        for (let j = 0; j < cells.length; j += 3) pairs.set(cells[j + 1], cells[j + 2]);
        s.dataset.districts.forEach((d, i) => expect(pairs.get(d.id), `${code} ${d.id}`).toBe(fixed(s.values[i * K + k])));
      }
    });

    it("says the city and region means, numbers its tables and figures, and captions a map and region bars", () => {
      expect(text).toContain("评估结果显示，2020年全市智慧城市发展水平指数为109.77。中心城区智慧城市发展水平指数为119.44，郊区智慧城市发展水平指数为100.10。");
      for (const c of [
        "表 1-1 评估指标体系",
        "表 1-2 中心城区—郊区划分表",
        "图 2-1 ",
        "表 3-1 智慧城市发展水平指数前三名",
        "图 3-1 各行政区智慧城市发展水平指数分布",
      ])
        expect(
          lines.some((l) => l.startsWith(c)),
          c,
        ).toBe(true);
      for (const code of [fw.root, ...fw.indicators.get(fw.root)!.children]) expect(text).toContain(`各行政区${fw.indicators.get(code)!.nameZh}分布`);
      for (const code of fw.order.filter((c) => fw.indicators.get(c)!.level <= 2))
        for (const r of ["中心城区", "郊区"])
          expect(
            lines.some((l) => new RegExp(`^图 3-\\d+ ${r}${fw.indicators.get(code)!.nameZh}$`).test(l)),
            `${r} ${code}`,
          ).toBe(true);
    });
  });
});

describe("sci report: last year, another assessment", () => {
  it("2021 against 2020: 崇明 up 9.90 from 16th to 14th, 松江 down 4.95 from 14th to 16th", async () => {
    const out = join(dir, "report-2021.docx");
    const ex = (f: string) => join(ROOT, "examples", f);
    const ran = await sci(["report", ex("inputs-2021.csv"), "--previous", ex("inputs-2020.csv"), "--label", "2021", "--out", out], dir);
    expect(ran.code, ran.stderr).toBe(0);
    const t = xmlText(await docxXml(out));
    expect(t).toContain("崇明区智慧城市发展水平指数提高9.90，升幅最大，排名由第16位升至第14位");
    expect(t).toContain("松江区智慧城市发展水平指数下降4.95，降幅最大，排名由第14位降至第16位");
    expect(t).toContain("2021年全市智慧城市发展水平指数为");
  }, 120_000);

  it("the made-up counties, with --districts and --framework: none of Shanghai's words", async () => {
    const csv = (name: string, rows: readonly (readonly unknown[])[]) => {
      writeFileSync(join(dir, name), rows.map((r) => r.join(",")).join("\n") + "\n");
      return name;
    };
    const districts = csv("counties.csv", [["district", "region", "name_en"], ...COUNTIES]);
    const framework = csv("valley-framework.csv", [
      ["code", "level", "no", "parent", "name_zh", "name_en", "weight"],
      ...VALLEY_FRAMEWORK.map((r) => [r.code, "", r.no ?? "", r.parent ?? "", r.nameZh, r.nameEn, r.weight]),
    ]);
    const input = csv("counties-2024.csv", [["名称", ...LEAVES], ...COUNTIES.map(([id], i) => [id, ...LEAVES.map((_, j) => valleyValue(i, j))])]);
    for (const lang of ["zh", "en"]) {
      const out = join(dir, `valley-${lang}.docx`);
      const ran = await sci(["report", input, "--districts", districts, "--framework", framework, "--lang", lang, "--out", out], dir);
      expect(ran.code, ran.stderr).toBe(0);
      const t = xmlText(await docxXml(out));
      for (const w of BUILTIN_WORDS) expect(t.includes(w), `${lang}: "${w}"`).toBe(false);
      expect(t).toContain(lang === "zh" ? "(1) 光纤入户" : "(1) Fibre to the home");
    }
  }, 120_000);
});
