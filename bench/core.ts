// The core's figures: the batch path over 100,000 synthetic entities, and the model rebuild
// (validate + score of the 16-district input) that runs after every edit in Excel.
import { score, scoreComposites, scoreRow, sensitivity, validate } from "../src/core";
import { dataset2020, framework2020, INPUTS_2020, shanghaiRoster } from "../src/data";
import { seeded, time, type Timing } from "./measure";

export const ENTITIES = 100_000;

/** 100,000 entities × 38 index numbers around the report's range (40–220), coefficients in (0.9, 1]. */
export function syntheticInputs(n = ENTITIES) {
  const L = framework2020.leaves.length;
  const rnd = seeded(2020);
  const inputs = new Float64Array(n * L);
  for (let i = 0; i < inputs.length; i++) inputs[i] = 40 + 180 * rnd();
  const coefficients = new Float64Array(n);
  for (let i = 0; i < n; i++) coefficients[i] = 1 - 0.1 * rnd();
  return { inputs, coefficients };
}

export function coreScore100k(): Timing {
  const { inputs, coefficients } = syntheticInputs();
  const out = new Float64Array(ENTITIES);
  checkBatch(inputs, coefficients);
  return time(() => scoreComposites(framework2020, inputs, coefficients, out), 21, 10);
}

/** The batch path must agree with the full tree walk, or its speed means nothing. */
function checkBatch(inputs: Float64Array, coefficients: Float64Array): void {
  const fw = framework2020;
  const L = fw.leaves.length;
  const K = fw.order.length;
  const composites = scoreComposites(fw, inputs, coefficients);
  const row = new Float64Array(K);
  for (const i of [0, 1, 4999, 77_777, ENTITIES - 1]) {
    scoreRow(fw, inputs, i * L, coefficients[i], row, 0);
    if (Math.abs(row[0] - composites[i]) > 1e-9 * Math.abs(row[0]))
      throw new Error(`batch composite of entity ${i} is ${composites[i]}, the tree walk gives ${row[0]}`);
  }
}

export function modelRebuild(): Timing {
  const run = () => {
    const { dataset } = validate({ sheet: "SCI_Input", rows: INPUTS_2020 }, { framework: framework2020, roster: shanghaiRoster, label: "2020" });
    if (!dataset) throw new Error("the built-in 2020 input does not validate");
    return score(dataset);
  };
  return time(run, 21, 300, 20);
}

/** 10,000 Monte Carlo replications of the 16 districts at ±10% weights, as the pane runs them. */
export function sensitivity10k(): Timing {
  const ds = dataset2020();
  const run = () => {
    const { result } = sensitivity(ds, { replications: 10_000, perturbation: 0.1, seed: 1 });
    if (!result) throw new Error("sensitivity of the built-in 2020 data failed");
    return result;
  };
  return time(run, 9, 2);
}

/** The Excel model's rebuild after an edit, with 3,000 rows in SCI_Input and SCI_Districts. */
export async function modelRebuild3000(): Promise<Timing> {
  const { syntheticCells } = await import("./whole-job");
  const { modelFromSources } = await import("../src/excel/build");
  const cells = syntheticCells(3000);
  const sources = {
    input: { sheet: "SCI 输入", origin: { row: 0, col: 0 }, rows: cells.input as unknown[][] },
    districts: { sheet: "SCI 名单", origin: { row: 0, col: 0 }, rows: cells.districts as unknown[][] },
  };
  const m = modelFromSources(sources, 1);
  if (!m.scores || m.scores.dataset.districts.length !== 3000) throw new Error(`the 3,000-row model did not score: ${m.issues[0]?.en}`);
  return time(() => modelFromSources(sources, 1).scores, 11, 3);
}
