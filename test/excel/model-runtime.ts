// The shared model and the SCI functions over the fake workbook with Excel's table events,
// loaded anew for each test so no handler of an earlier test's model is left listening.
import { wait } from "../functions/fake-runtime";

type Fakes = typeof import("../fakes/excel");
export type ModelModule = typeof import("../../src/excel/model");
export type FunctionsModule = typeof import("../../src/functions/functions");

export interface Runtime {
  xl: InstanceType<Fakes["FakeExcel"]>;
  model: ModelModule;
  sci: FunctionsModule;
  /** Excel.run calls since the model loaded. */
  runs: { count: number };
}

type Run = (...args: never[]) => Promise<unknown>;

/**
 * A fresh runtime (fakes, events, model, functions) over a workbook holding the 2020 template
 * (SCI_Input) and SCI_Previous filled with the 2020 data, titled 2019; settled, debounce run.
 * `around` wraps Excel.run (to refuse some calls, as a busy host does).
 */
export async function openWithPrevious(around: (run: Run) => Run = (run) => run): Promise<Runtime> {
  vi.resetModules();
  const fakes: Fakes = await import("../fakes/excel");
  const { installEvents } = await import("../browser/fake-events");
  const { insertTemplate } = await import("../../src/excel/template");
  const { insertPreviousTable } = await import("../../src/excel/source-templates");
  const xl = new fakes.FakeExcel();
  await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
  await xl.runExcel((ctx) => insertPreviousTable(ctx, "2020", undefined, "2019"));
  xl.clearChanges();
  installEvents(xl);
  const runs = { count: 0 };
  const ns = xl.namespace;
  const run = around((...args: never[]) => (ns.run as unknown as Run)(...args));
  (globalThis as Record<string, unknown>).Excel = { ...ns, run: (...args: never[]) => (runs.count++, run(...args)) };
  const model: ModelModule = await import("../../src/excel/model");
  const sci: FunctionsModule = await import("../../src/functions/functions");
  await model.settled();
  await wait(1000);
  return { xl, model, sci, runs };
}
