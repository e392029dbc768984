// The made-up second assessment of test/core/another-profile.test.ts (nine counties in three
// regions, a four-level framework, its own coefficient and words), for the report draft.
import { buildFramework, type FrameworkRow, type Profile } from "../../src/core";
import { DISTRICTS_SHANGHAI } from "../../src/data";

const FRAMEWORK: FrameworkRow[] = [
  { code: "X", nameZh: "数字化指数", nameEn: "Digital index", weight: 1 },
  { code: "X1", parent: "X", nameZh: "设施", nameEn: "Facilities", weight: "3/5" },
  { code: "X1.1", parent: "X1", nameZh: "网络", nameEn: "Networks", weight: "1/2" },
  { code: "X1.1.1", parent: "X1.1", no: 1, nameZh: "光纤入户", nameEn: "Fibre to the home", weight: "1/2" },
  { code: "X1.1.2", parent: "X1.1", no: 2, nameZh: "基站密度", nameEn: "Cell sites", weight: "1/2" },
  { code: "X1.2", parent: "X1", nameZh: "算力", nameEn: "Computing", weight: "1/2" },
  { code: "X1.2.1", parent: "X1.2", no: 3, nameZh: "数据中心", nameEn: "Data centres", weight: 1 },
  { code: "X2", parent: "X", nameZh: "应用", nameEn: "Uses", weight: "2/5" },
  { code: "X2.1", parent: "X2", nameZh: "服务", nameEn: "Services", weight: 1 },
  { code: "X2.1.1", parent: "X2.1", no: 4, nameZh: "网上办事", nameEn: "Online services", weight: "1/4" },
  { code: "X2.1.2", parent: "X2.1", no: 5, nameZh: "智慧农业", nameEn: "Smart farming", weight: "3/4" },
];
export const LEAVES = ["X1.1.1", "X1.1.2", "X1.2.1", "X2.1.1", "X2.1.2"];
export const VALLEY_FRAMEWORK = FRAMEWORK;

export const COUNTIES = [
  ["青石", "北部", "Qingshi"],
  ["白沙", "北部", "Baisha"],
  ["红岭", "北部", "Hongling"],
  ["金湾", "南部", "Jinwan"],
  ["云台", "南部", "Yuntai"],
  ["石门", "南部", "Shimen"],
  ["龙泉", "东部", "Longquan"],
  ["清河", "东部", "Qinghe"],
  ["柳溪", "东部", "Liuxi"],
] as const;

export const valley: Profile = {
  id: "valley-test",
  name: { zh: "河谷省数字化评估", en: "Valley province digital assessment" },
  label: "2024",
  framework: buildFramework(FRAMEWORK).framework!,
  districts: COUNTIES.map(([id, region, en]) => ({ id, region, en })),
  regions: [
    { id: "北部", zh: "北部", en: "North" },
    { id: "南部", zh: "南部", en: "South" },
    { id: "东部", zh: "东部", en: "East" },
  ],
  coefficient: { name: { zh: "数据质量系数", en: "Data quality factor" }, headers: ["数据质量系数", "quality"], min: 0, max: 1 },
  words: { entity: { zh: "县", en: "county" }, whole: { zh: "全省", en: "Province" }, rank: { zh: "位次", en: "Position" } },
};

/** Made-up inputs, as the other test writes them. */
export const valleyValue = (i: number, j: number) => Number((50 + ((i * 37 + j * 11) % 90) + (i % 3) * 0.25).toFixed(2));
export const valleyRows = (shift = 0): (string | number)[][] => [
  ["县", ...LEAVES, "数据质量系数"],
  ...COUNTIES.map(([id], i) => [id, ...LEAVES.map((_, j) => valleyValue(i, j) + (i === 8 ? shift : 0)), 1 - (i % 4) * 0.01]),
];

/** Every word of the built-in assessment and of no other. */
export const BUILTIN_WORDS = [
  "上海",
  "Shanghai",
  "中心城区",
  "郊区",
  "Central districts",
  "Suburban",
  "网络安全",
  "Cybersecurity",
  "行政区",
  "智慧城市",
  "Smart City",
  ...DISTRICTS_SHANGHAI.flatMap((d) => [d.id, d.en!]),
];
