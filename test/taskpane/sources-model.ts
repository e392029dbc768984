// The shared model as src/excel/model.ts builds it — every SCI table read in one go
// (readSources), then modelFromSources — over the fake workbook, one instance per test.
import { modelFromSources, type Model } from "../../src/excel/model";
import { readSources } from "../../src/excel/sources";
import type { FakeExcel } from "../fakes/excel";
import type { FakeModel } from "../fakes/model";

export function sourcesModel(excel: FakeExcel): FakeModel {
  let current: Model = modelFromSources({}, 0);
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
      const sources = await excel.runExcel((context) => readSources(context));
      current = modelFromSources(sources, current.version + 1);
      for (const l of [...listeners]) l(current);
      return current;
    },
  };
  return self;
}
