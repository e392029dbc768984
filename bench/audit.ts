// The statistical audit of the 16 districts, and the Sobol run over every choice (N = 1,000),
// each checked for a correct answer before it is timed.
import { audit, score, sobol } from "../src/core";
import { dataset2020 } from "../src/data";
import { time, type Timing } from "./measure";

/** Excel's SKEW of B2.1 and Cronbach's alpha of the composite, as LibreOffice and plain Python give them. */
const B21_SKEW = -2.53565597350687;
const SCI_ALPHA = 0.830117725;

export function audit2020(): Timing {
  const ds = dataset2020();
  const run = () => audit(score(ds)).result;
  const a = run();
  const skew = a.indicators.find((i) => i.code === "B2.1")!.skew!;
  const alpha = a.cronbach.find((c) => c.parent === "SCI")!.alpha!;
  if (Math.abs(skew - B21_SKEW) > 1e-9 || Math.abs(alpha - SCI_ALPHA) > 1e-8 || a.removeOne.length !== 51)
    throw new Error(`the audit is wrong: skew(B2.1) ${skew}, alpha(SCI) ${alpha}, ${a.removeOne.length} remove-one rows`);
  return time(run, 21, 5);
}

export function sobol2020(): Timing {
  const ds = dataset2020();
  const run = () => sobol(ds, { samples: 1000, seed: 1 }).result!;
  const r = run();
  // N·(d + 2) runs over 4 choices; indices within [0, 1] up to sampling error, first ≤ total.
  const ok = r.runs === 6000 && r.factors.every((f) => f.first !== null && f.first > -0.1 && f.total! < 1.1 && f.first <= f.total! + 0.05);
  if (!ok) throw new Error(`the Sobol run is wrong: ${JSON.stringify(r.factors.map((f) => [f.key, f.first, f.total]))}`);
  return time(run, 7, 2);
}
