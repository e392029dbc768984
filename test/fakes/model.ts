// The shared model over the fake workbook, built as src/excel/model.ts builds it, without that
// module's single global instance: each test gets its own. Two readings: SCI_Input alone
// (readInput, then buildModel) or every SCI table in one go (readSources, then
// modelFromSources). Framework-free.
import { buildModel, modelFromSources, type Model, type Rounding } from "../../src/excel/model";
import { readInput } from "../../src/excel/input";
import { readSources } from "../../src/excel/sources";
import type { ModelSource } from "../../src/taskpane/types";
import type { FakeExcel } from "./excel";

/** The pane's model source, counting what the pane asked of it. */
export interface FakeModel extends ModelSource {
  refreshes: number;
  /** Every setRounding call, in order. */
  roundings: Rounding[];
}

/** A model over SCI_Input alone. */
export function fakeModel(excel: FakeExcel): FakeModel {
  return modelOver(excel, readInput, buildModel, undefined);
}

/** A model over every SCI table, read in one go. */
export function sourcesModel(excel: FakeExcel): FakeModel {
  return modelOver(excel, (context) => readSources(context), modelFromSources, {});
}

/**
 * refresh() reads the workbook with `read` and builds from what it read; setRounding rebuilds
 * from the last reading (`unread` before the first) without reading again.
 */
function modelOver<T>(
  excel: FakeExcel,
  read: (context: Excel.RequestContext) => Promise<T>,
  build: (tables: T, version: number, rounding?: Rounding) => Model,
  unread: T,
): FakeModel {
  let current = build(unread, 0);
  let tables = unread;
  const listeners = new Set<(m: Model) => void>();
  const publish = (m: Model) => {
    current = m;
    for (const l of [...listeners]) l(current);
    return current;
  };
  const self: FakeModel = {
    refreshes: 0,
    roundings: [],
    getModel: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async refresh() {
      self.refreshes++;
      tables = await excel.runExcel(read);
      return publish(build(tables, current.version + 1, current.rounding));
    },
    async setRounding(rounding) {
      self.roundings.push(rounding);
      return publish(build(tables, current.version + 1, rounding));
    },
  };
  return self;
}
