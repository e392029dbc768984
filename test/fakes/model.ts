// The shared model over the fake workbook, built as src/excel/model.ts builds it (its pure
// buildModel over readInput), without that module's single global instance: each test gets
// its own. Framework-free.
import { buildModel, type Model } from "../../src/excel/model";
import { readInput } from "../../src/excel/input";
import type { FakeExcel } from "./excel";

export interface FakeModel {
  getModel(): Model;
  subscribe(listener: (m: Model) => void): () => void;
  refresh(): Promise<Model>;
  refreshes: number;
}

export function fakeModel(excel: FakeExcel): FakeModel {
  let current = buildModel(undefined, 0);
  const listeners = new Set<(m: Model) => void>();
  const self: FakeModel = {
    refreshes: 0,
    getModel: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async refresh() {
      self.refreshes++;
      const table = await excel.runExcel(readInput);
      current = buildModel(table, current.version + 1);
      for (const l of [...listeners]) l(current);
      return current;
    },
  };
  return self;
}
