// The shared model over the fake workbook, built as src/excel/model.ts builds it (its pure
// buildModel over readInput), without that module's single global instance: each test gets
// its own. Framework-free.
import { buildModel, type Model, type Rounding } from "../../src/excel/model";
import { readInput } from "../../src/excel/input";
import type { InputTable } from "../../src/core/validate";
import type { FakeExcel } from "./excel";

export interface FakeModel {
  getModel(): Model;
  subscribe(listener: (m: Model) => void): () => void;
  refresh(): Promise<Model>;
  /** As the real model: rebuilds from the table last read, without reading again. */
  setRounding(rounding: Rounding): Promise<Model>;
  refreshes: number;
  /** Every setRounding call, in order. */
  roundings: Rounding[];
}

export function fakeModel(excel: FakeExcel): FakeModel {
  let current = buildModel(undefined, 0);
  let table: InputTable | undefined;
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
      table = await excel.runExcel(readInput);
      return publish(buildModel(table, current.version + 1, current.rounding));
    },
    async setRounding(rounding) {
      self.roundings.push(rounding);
      return publish(buildModel(table, current.version + 1, rounding));
    },
  };
  return self;
}
