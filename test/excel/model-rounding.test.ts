// The workbook's rounding setting: the shared model rebuilt once, from the tables last read,
// when an evaluator switches to the report's rounding; every streaming SCI cell told once; the
// choice kept in the workbook's document settings and used by the next start.
import { cellAddress } from "../../src/core";
import { cell, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { fakeSettings, type FakeSettings } from "../fakes/office-settings";
import { CHONGMING, publishedOf } from "./model-fixtures";
import { openWithPrevious, type ModelModule, type Runtime } from "./model-runtime";

let xl: Runtime["xl"];
let model: Runtime["model"];
let sci: Runtime["sci"];
let runs: Runtime["runs"];
let settings: FakeSettings;

// The report prints 杨浦 A 122.82 and 黄浦 A 135.76; at full precision they are 122.8135 and
// 135.753 (黄浦's is a cent off the print).
const YANGPU_A = Number(publishedOf("杨浦").A);
const HUANGPU_A = Number(publishedOf("黄浦").A);

/**
 * A fresh runtime (fakes, model, functions) over a workbook holding the 2020 template and last
 * year's table (the 2020 data, titled 2019), with `stored` as its document settings.
 */
async function open(stored: Record<string, unknown> = {}): Promise<void> {
  settings = fakeSettings(stored);
  settings.install(); // before the model loads: it reads the rounding kept there
  ({ xl, model, sci, runs } = await openWithPrevious());
}

function indexOf(scores: NonNullable<ReturnType<ModelModule["getModel"]>["scores"]>, district: string, code: string): number {
  const fw = scores.dataset.framework;
  return scores.values[scores.dataset.districts.findIndex((d) => d.id === district) * fw.order.length + fw.index.get(code)!];
}

useFunctionsRuntime();
afterEach(() => {
  settings?.uninstall();
});

describe("the workbook's rounding", () => {
  it("exact by default; switching to the report's rounding rebuilds once without reading Excel and tells each cell once", async () => {
    await open();
    expect(model.getRounding()).toBe("exact");
    expect(model.getModel().rounding).toBe("exact");
    const yangpu = cell<number>();
    const huangpu = cell<number>();
    const change = cell<unknown[][]>();
    sci.district("杨浦", "A", yangpu.invocation);
    sci.district("黄浦", "A", huangpu.invocation);
    sci.change("杨浦", "A", null, change.invocation);
    await wait();
    expect(yangpu.results).toHaveLength(1);
    expect(yangpu.last()).toBeCloseTo(122.8135, 10);
    expect(huangpu.last()).toBeCloseTo(135.753, 10);
    expect(huangpu.last()).not.toBe(HUANGPU_A);

    const before = { runs: runs.count, syncs: xl.syncs, version: model.getModel().version };
    const m = await model.setRounding("report");
    await wait(1000);
    expect(m).toBe(model.getModel());
    expect(m.rounding).toBe("report");
    expect(model.getRounding()).toBe("report");
    expect([runs.count, xl.syncs, m.version]).toEqual([before.runs, before.syncs, before.version + 1]);
    expect(yangpu.results).toHaveLength(2);
    expect(yangpu.last()).toBe(YANGPU_A);
    expect(huangpu.results).toHaveLength(2);
    expect(huangpu.last()).toBe(HUANGPU_A);
    // Both years are scored the same way: last year's 杨浦 A is the printed figure too, and
    // the same inputs still compare as unchanged.
    expect(indexOf(m.previous!, "杨浦", "A")).toBe(YANGPU_A);
    expect(change.results).toHaveLength(2);
    expect(change.last()).toEqual([[0, 0, "排名不变 / unchanged"]]);
    // Kept in the workbook.
    expect(settings.saved).toEqual({ "sci.rounding": "report" });

    // The same choice again changes nothing and tells no one.
    await model.setRounding("report");
    await wait(1000);
    expect(yangpu.results).toHaveLength(2);
    expect(model.getModel().version).toBe(before.version + 1);

    // An edit after the switch is read (once) and scored with the report's rounding too.
    const t = xl.table("SCI_Input")!;
    xl.setCell(t.sheet.name, cellAddress(t.area.row + CHONGMING, t.area.col + 2), 99); // 崇明's first input
    await wait(1000);
    expect(runs.count).toBe(before.runs + 1);
    expect(model.getModel().rounding).toBe("report");
    expect(yangpu.results).toHaveLength(3);
    expect(yangpu.last()).toBe(YANGPU_A);

    // And back: full precision again, from the tables just read.
    await model.setRounding("exact");
    expect(yangpu.results).toHaveLength(4);
    expect(yangpu.last()).toBeCloseTo(122.8135, 10);
    expect(settings.saved).toEqual({ "sci.rounding": "exact" });
    expect(runs.count).toBe(before.runs + 1);
  });

  it("a fresh start with the report's rounding stored uses it from the first result", async () => {
    await open({ "sci.rounding": "report" });
    expect(model.getModel().rounding).toBe("report");
    const yangpu = cell<number>();
    sci.district("杨浦", "A", yangpu.invocation);
    await wait();
    expect(yangpu.results).toEqual([YANGPU_A]);
    expect(indexOf(model.getModel().scores!, "黄浦", "A")).toBe(HUANGPU_A);
    expect(settings.saves).toBe(0); // reading the setting writes nothing
  });

  it.each([["Report"], ["rounded"], [2], [true]])("a stored value that is no rounding (%s) falls back to exact", async (stored) => {
    await open({ "sci.rounding": stored });
    expect(model.getRounding()).toBe("exact");
    expect(indexOf(model.getModel().scores!, "杨浦", "A")).toBeCloseTo(122.8135, 10);
  });

  it("a setting Office cannot save is applied all the same, and the failure is reported in Chinese, then English", async () => {
    await open();
    settings.failNextSave("read-only workbook");
    await expect(model.setRounding("report")).rejects.toThrow(
      /^取整设置未能保存到工作簿：read-only workbook \/ the rounding setting could not be saved in the workbook: read-only workbook$/,
    );
    expect(model.getModel().rounding).toBe("report");
    expect(indexOf(model.getModel().scores!, "杨浦", "A")).toBe(YANGPU_A);
    expect(settings.saved).toEqual({});
  });
});
