// Rows that publishers put among the entities but that are none: the world, regions, income and
// development groups, organisations' totals, and SCI's own output labels.
import { fold } from "./text";

/** Names that are aggregates wherever they stand (folded: lower case, no spaces). */
const NAMES = [
  "world",
  "世界",
  "全球",
  "regions",
  "arabstates",
  "eastasiaandthepacific",
  "europeandcentralasia",
  "latinamericaandthecaribbean",
  "southasia",
  "sub-saharanafrica",
  "developingcountries",
  "leastdevelopedcountries",
  "smallislanddevelopingstates",
  "organisationforeconomicco-operationanddevelopment",
  "organisationforeconomiccooperationanddevelopment",
  "oecd",
  "oecd-total",
  "oecdtotal",
  "euroarea",
  "europeanunion",
  "eu27",
  "eu28",
  "highincome",
  "lowincome",
  "middleincome",
  "lowermiddleincome",
  "uppermiddleincome",
  "lowandmiddleincome",
  "全市",
  "全市平均",
  "全市平均citymean",
  "citymean",
  "平均值",
  "平均",
  "合计",
  "总计",
  "全国",
  "全省",
  "average",
  "mean",
  "total",
];
const SET = new Set(NAMES);
/** `Very high human development`, `OECD - Total`, `Average (36)`, `中心城区平均`. */
const PATTERNS = [/humandevelopment$/, /^(oecd|eu|euro)[-–—]?total$/, /^(average|mean|total)\b/, /平均$/, /^(合计|总计)/];

/** Whether an entity cell names an aggregate rather than an entity. */
export function isPublisherAggregate(name: string): boolean {
  const f = fold(name);
  return SET.has(f) || PATTERNS.some((p) => p.test(f));
}
