// A fresh add-in runtime over a workbook of the evaluator's own sheets: the fake workbook with
// Excel's events, document settings (as saved in the file), the shared model following it.
import type { Scalar } from "../fakes/excel";
import type { FakeSettings } from "../fakes/office-settings";
import { wait } from "../functions/fake-runtime";

type Fakes = typeof import("../fakes/excel");

export interface AdoptRuntime {
  xl: InstanceType<Fakes["FakeExcel"]>;
  settings: FakeSettings;
  model: typeof import("../../src/excel/model");
  adopt: typeof import("../../src/excel/adopt");
  link: typeof import("../../src/excel/link");
  /** Excel.run calls since the model loaded. */
  runs: { count: number };
}

/**
 * Opens `build`'s workbook (or `xl`, reopened) with `stored` document settings; the model is
 * watching and settled.
 */
export async function openOwn(
  build: (xl: AdoptRuntime["xl"]) => void,
  stored: Record<string, unknown> = {},
  reuse?: AdoptRuntime["xl"],
): Promise<AdoptRuntime> {
  vi.resetModules();
  const fakes: Fakes = await import("../fakes/excel");
  const { installEvents } = await import("../browser/fake-events");
  const { fakeSettings } = await import("../fakes/office-settings");
  const xl = reuse ?? new fakes.FakeExcel({ sheets: ["说明"] });
  if (!reuse) build(xl);
  xl.clearChanges();
  installEvents(xl);
  const settings = fakeSettings(stored);
  settings.install();
  const runs = { count: 0 };
  const ns = xl.namespace;
  // Excel.run(batch) or Excel.run(options, batch), as Office takes it.
  (globalThis as Record<string, unknown>).Excel = { ...ns, run: (...args: never[]) => (runs.count++, (ns.run as (...a: never[]) => unknown)(...args)) };
  const model = await import("../../src/excel/model");
  const adopt = await import("../../src/excel/adopt");
  const link = await import("../../src/excel/link");
  void model.watch({ debounceMs: 300 });
  await wait(0);
  await model.settled();
  return { xl, settings, model, adopt, link, runs };
}

/** A sheet of the user's cells at `at`; formats of their own on the header row and a title. */
export function ownSheet(xl: AdoptRuntime["xl"], name: string, cells: (Scalar | null)[][], at = "A1"): void {
  const grid = cells.map((r) => r.map((v) => (v === null ? "" : v)));
  const width = Math.max(...grid.map((r) => r.length));
  xl.addSheet(
    name,
    grid.map((r) => [...r, ...Array(width - r.length).fill("")]),
    at,
  );
  const s = xl.sheet(name);
  for (const c of s.cells.values()) if (typeof c.value === "number") c.numberFormat = "0.00";
  s.columnWidths.set(0, 96);
}
