// What a framework row may say of its node beyond its weight: how a parent combines its
// children, and the coverage rule that decides who is scored when values are missing.
import { parseWeight } from "./weight";

/** How a parent combines its children. */
export type NodeAggregation = "arithmetic" | "geometric" | "harmonic";
export const NODE_AGGREGATIONS: readonly NodeAggregation[] = ["arithmetic", "geometric", "harmonic"];

const AGGREGATION_NAMES: Record<NodeAggregation, string[]> = {
  arithmetic: ["arithmetic", "mean", "average", "linear", "算术平均", "算术", "加权平均", "线性"],
  geometric: ["geometric", "geomean", "几何平均", "几何"],
  harmonic: ["harmonic", "调和平均", "调和"],
};

/** A row's aggregation: undefined when blank, null when it names none. */
export function nodeAggregation(v: unknown): NodeAggregation | undefined | null {
  const t = String(v ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase();
  if (t === "") return undefined;
  return NODE_AGGREGATIONS.find((m) => AGGREGATION_NAMES[m].includes(t)) ?? null;
}

/** A coverage rule as the share of weight needed: `all` 1, `any` 0, `50%` or `0.5`; undefined when blank, null when unreadable. */
export function coverageShare(v: unknown): number | undefined | null {
  if (typeof v === "number") return v >= 0 && v <= 1 ? v : v > 1 && v <= 100 ? v / 100 : null;
  const t = String(v ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase();
  if (t === "") return undefined;
  if (["all", "全部", "全部下级"].includes(t)) return 1;
  if (["any", "available", "任一", "现有"].includes(t)) return 0;
  const w = parseWeight(t.replace(/,/g, "."));
  if (!Number.isFinite(w)) return null;
  if (w >= 0 && w <= 1) return w;
  return w > 1 && w <= 100 && !t.includes("%") ? w / 100 : null;
}
