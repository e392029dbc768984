// The shared model as src/excel/model.ts builds it — every SCI table read in one go
// (readSources), then modelFromSources — over the fake workbook, one instance per test.
import { modelFromSources, type Model } from "../../src/excel/model";
import { readSources, type Sources } from "../../src/excel/sources";
import type { FakeExcel } from "../fakes/excel";
import type { FakeModel } from "../fakes/model";

export function sourcesModel(excel: FakeExcel): FakeModel {
  let current: Model = modelFromSources({}, 0);
  let sources: Sources = {};
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
      sources = await excel.runExcel((context) => readSources(context));
      return publish(modelFromSources(sources, current.version + 1, current.rounding));
    },
    async setRounding(rounding) {
      self.roundings.push(rounding);
      return publish(modelFromSources(sources, current.version + 1, rounding));
    },
  };
  return self;
}
