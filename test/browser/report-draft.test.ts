// 报告草稿 / Report draft in the built pane, in Chromium: one click makes the Word document from
// the workbook's model (here the built-in 2020 data), its pictures drawn on the pane's canvas,
// and the browser saves it. The file is checked as the CLI's: its sentences, tables and pictures.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { chromiumMissing, openPane, SHOTS, usePaneServer } from "./harness";

const SKIP = chromiumMissing();

describe.skipIf(!!SKIP)(SKIP ? `the report draft in Chromium (skipped: ${SKIP})` : "the report draft in Chromium", () => {
  const env = usePaneServer();

  it("报告草稿 saves the Word draft: top three with full names, every figure's picture at 200 dpi or more", async () => {
    const session = await openPane(env.browser, env.server.url, env.stub);
    const { page } = session;
    try {
      await page.goto(`${env.server.url}/taskpane.html`);
      const section = page.getByTestId("report-draft");
      await section.scrollIntoViewIfNeeded();
      const saved = page.waitForEvent("download", { timeout: 120_000 });
      await section.getByRole("button", { name: "报告草稿" }).click();
      const download = await saved;
      expect(download.suggestedFilename()).toBe("2020上海市智慧城市发展水平评估报告（草稿）.docx");
      const file = path.join(SHOTS, "report-draft.docx");
      await download.saveAs(file);
      await section.getByText("已生成").waitFor({ timeout: 30_000 });
      await section.screenshot({ path: path.join(SHOTS, "report-draft.png") });

      const zip = await JSZip.loadAsync(readFileSync(file));
      const xml = await zip.file("word/document.xml")!.async("string");
      const text = xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
      expect(text).toContain(
        "按智慧城市发展水平指数从高到低依次排名，浦东新区、徐汇区、黄浦区为智慧城市发展水平指数前三名，指数值分别为133.41、126.74和125.32。",
      );
      expect(text).toContain("表 3-1 智慧城市发展水平指数前三名");
      // 4 maps and the bar charts: each one a PNG drawn for its printed width at 200 dpi or more.
      const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
      const target = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
      const drawings = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="\d+"\/>[\s\S]*?r:embed="([^"]+)"/g)];
      expect(drawings.length).toBe(50);
      for (const [, cx, id] of drawings) {
        const png = await zip.file(`word/${target.get(id)}`)!.async("nodebuffer");
        expect(png.subarray(1, 4).toString()).toBe("PNG");
        expect(png.readUInt32BE(16) / (Number(cx) / 914400)).toBeGreaterThanOrEqual(200);
      }
      expect(session.errors).toEqual([]);
      expect(session.blocked).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 240_000);
});
