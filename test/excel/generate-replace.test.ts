// Generating the same title again: the sheets SCI made are recorded in the workbook's document
// settings, offered for replacement only while they keep the name and the A1 SCI gave them, and
// deleted only when asked (Replace); Keep both writes a second set under " (2)". The fake
// workbook deletes sheets and compares names as Excel does (ignoring case).
import { score } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { GENERATED_SETTING } from "../../src/excel/generated";
import { officeWorkbook } from "../../src/excel/workbook";
import { reportLayout } from "../../src/report";
import { FakeExcel } from "../fakes/excel";
import { fakeSettings, type FakeSettings } from "../fakes/office-settings";

const RANKING = ["排名 2020", "排名 2020 一级指标", "排名 2020 二级指标", "排名 2020 三级指标"];
const layout = (title = "2020", sheetLang: "zh" | "en" = "zh") => reportLayout(score(dataset2020()), title, { sheetLang });
// What SCI writes in A1 of the overall sheet for the title 2020: the layout's title line.
const OVERALL_A1 = "2020年智慧城市发展水平指数排名";

let settings: FakeSettings;
beforeEach(() => {
  settings = fakeSettings();
  settings.install();
});
afterEach(() => settings.uninstall());

describe("generating the same title again", () => {
  it("the first run records its sheets under the title; the second finds them", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    expect(await wb.previousSheets("2020")).toEqual([]);
    const first = await wb.writeRanking(layout());
    expect(first).toMatchObject({ ok: true, sheets: RANKING, removed: [], notRemoved: [] });
    const saved = settings.saved[GENERATED_SETTING] as Record<string, { name: string; a1: string }[]>;
    expect(saved["2020"].map((m) => m.name)).toEqual(RANKING);
    expect(saved["2020"][0].a1).toBe(OVERALL_A1);
    expect(await wb.previousSheets("2020")).toEqual(RANKING);
    // Another title has nothing to replace.
    expect(await wb.previousSheets("2021")).toEqual([]);
  });

  it("Keep both: a second set under (2), both recorded; nothing deleted", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    await wb.writeRanking(layout());
    const second = await wb.writeRanking(layout(), undefined, { replace: false });
    const twos = RANKING.map((n) => `${n} (2)`);
    expect(second).toMatchObject({ ok: true, sheets: twos, removed: [] });
    expect(xl.sheetNames()).toEqual(["Sheet1", ...RANKING, ...twos]);
    expect(await wb.previousSheets("2020")).toEqual([...RANKING, ...twos]);
  });

  it("Replace deletes only the recorded sheets still as SCI left them, then writes fresh ones under the same names", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    await wb.writeRanking(layout());
    xl.addSheet("排名 2020 备注", [["我的笔记"]]); // the user's own sheet, a similar name
    const again = await wb.writeRanking(layout(), undefined, { replace: true });
    expect(again).toMatchObject({ ok: true, sheets: RANKING, removed: RANKING, notRemoved: [] });
    expect(xl.sheetNames()).toEqual(["Sheet1", "排名 2020 备注", ...RANKING]);
    expect(xl.values("排名 2020 备注")).toEqual([["我的笔记"]]);
    expect(xl.values("排名 2020", "A1")).toEqual([[OVERALL_A1]]);
    // The record holds the new set once, not the deleted one beside it.
    expect((settings.saved[GENERATED_SETTING] as Record<string, unknown[]>)["2020"]).toHaveLength(4);
  });

  it("a sheet the user renamed, or one of their own under a recorded name, is never deleted", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    await wb.writeRanking(layout());
    // The user renames SCI's level-1 sheet; deletes the level-3 sheet and makes their own under its name.
    xl.state.renameSheet(xl.sheet("排名 2020 一级指标"), "我的一级");
    xl.state.deleteSheet(xl.sheet("排名 2020 三级指标"));
    xl.addSheet("排名 2020 三级指标", [["自己的表"]]);
    // And edits the A1 of the level-2 sheet: it is no longer as SCI left it.
    xl.setCell("排名 2020 二级指标", "A1", "改过的标题");
    expect(await wb.previousSheets("2020")).toEqual(["排名 2020"]);
    const again = await wb.writeRanking(layout(), undefined, { replace: true });
    expect(again.ok && again.removed).toEqual(["排名 2020"]);
    expect(xl.values("我的一级", "A1")).toEqual([["2020年一级指标排名"]]);
    expect(xl.values("排名 2020 三级指标", "A1")).toEqual([["自己的表"]]);
    expect(xl.values("排名 2020 二级指标", "A1")).toEqual([["改过的标题"]]);
    // The set's names are taken, so the new set goes under (2), as one run.
    expect(again.ok && again.sheets).toEqual(RANKING.map((n) => `${n} (2)`));
  });

  it("a sheet Excel refuses to delete is named, stays, and the new set takes the next free names", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    await wb.writeRanking(layout());
    xl.failOn("worksheet.delete", 2, "AccessDenied");
    const again = await wb.writeRanking(layout(), undefined, { replace: true });
    expect(again.ok).toBe(true);
    expect(again.removed).toEqual(["排名 2020", "排名 2020 二级指标", "排名 2020 三级指标"]);
    expect(again.notRemoved.map((n) => n.sheet)).toEqual(["排名 2020 一级指标"]);
    expect(again.notRemoved[0].message.zh).toMatch(/^未能删除工作表「排名 2020 一级指标」：AccessDenied/);
    expect(again.notRemoved[0].message.en).toMatch(/^Sheet "排名 2020 一级指标" could not be removed: AccessDenied/);
    expect(again.ok && again.sheets).toEqual(RANKING.map((n) => `${n} (2)`));
    // The one left is still recorded: a later Replace offers it with the new set.
    expect(await wb.previousSheets("2020")).toEqual(["排名 2020 一级指标", ...RANKING.map((n) => `${n} (2)`)]);
  });

  it("names are compared as Excel does, ignoring case", async () => {
    const xl = new FakeExcel({ sheets: ["RANKING 2020"] });
    const wb = officeWorkbook(xl.runExcel);
    const r = await wb.writeRanking(layout("2020", "en"));
    expect(r.ok && r.sheets[0]).toBe("Ranking 2020 (2)");
    expect(xl.sheetNames()[0]).toBe("RANKING 2020");
  });

  it("a record that is not one (another add-in's value, an older form) reads as nothing made", async () => {
    settings.uninstall();
    settings = fakeSettings({ [GENERATED_SETTING]: { "2020": [{ name: "Sheet1" }, "排名 2020", 5], other: "x" } });
    settings.install();
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    expect(await wb.previousSheets("2020")).toEqual([]);
    expect(await wb.writeRanking(layout())).toMatchObject({ ok: true, sheets: RANKING });
    expect(await wb.previousSheets("2020")).toEqual(RANKING);
  });

  it("a record that cannot be saved: the sheets are written and a note says Replace will not find them", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    settings.failNextSave("disk full");
    const r = await wb.writeRanking(layout());
    expect(r.ok && r.sheets).toEqual(RANKING);
    expect(r.ok && r.notes.map((n) => n.zh)).toEqual([expect.stringMatching(/^未能在工作簿中记下本次生成的工作表.*disk full/)]);
  });
});

describe("sheet names in the pane's language, and a cut title said", () => {
  it("English names: Ranking 2020, Ranking 2020 level 1 …", async () => {
    const xl = new FakeExcel();
    const r = await officeWorkbook(xl.runExcel).writeRanking(layout("2020", "en"));
    expect(r.ok && r.sheets).toEqual(["Ranking 2020", "Ranking 2020 level 1", "Ranking 2020 level 2", "Ranking 2020 level 3"]);
    expect(r.ok && r.notes).toEqual([]);
  });

  it("a title too long for a sheet name: the note names the cut sheet, in both languages", async () => {
    const xl = new FakeExcel();
    const title = "智慧城市发展水平评估 2020 年度复核终稿";
    const r = await officeWorkbook(xl.runExcel).writeRanking(layout(title));
    // 排名 and a space leave 17 of the title's 23 characters within the 20 kept.
    const cut = "排名 智慧城市发展水平评估 2020 年";
    expect(r.ok && r.sheets[0]).toBe(cut);
    expect(r.ok && r.notes).toEqual([{ zh: `标题过长，工作表名已截为「${cut}」`, en: `The title is too long for a sheet name; the sheet is named "${cut}"` }]);
  });
});
