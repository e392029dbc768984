import { Roster } from "../core";
import { buildFramework, type Framework } from "../core";
import type { Dataset } from "../core";
import { validate } from "../core";
import { DISTRICTS_SHANGHAI, FRAMEWORK_2020, INPUTS_2020 } from "./shanghai2020";

export { DISTRICTS_SHANGHAI, FRAMEWORK_2020, INPUTS_2020 };

/** The built-in 2020 framework, checked once. */
export const framework2020: Framework = (() => {
  const { framework, issues } = buildFramework(FRAMEWORK_2020);
  if (!framework) throw new Error(`built-in 2020 framework is invalid: ${issues.map((i) => i.en).join("; ")}`);
  return framework;
})();

export const shanghaiRoster = new Roster(DISTRICTS_SHANGHAI);

/** The published 2020 inputs as a validated dataset. */
export function dataset2020(rounding: "exact" | "report" = "exact"): Dataset {
  const { dataset, issues } = validate({ rows: INPUTS_2020 }, { framework: framework2020, roster: shanghaiRoster, label: "2020", rounding });
  if (!dataset) throw new Error(`built-in 2020 inputs are invalid: ${issues.map((i) => i.en).join("; ")}`);
  return dataset;
}
