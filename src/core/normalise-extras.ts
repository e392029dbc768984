// The parameters a normalisation method needs beyond its name and direction: goalposts, a
// target, a reference entity, a transform and the output's scale, each checked in its cell.
import { parseCell, quote } from "./cell";
import type { IssueCode } from "./issue";
import type { Column, NormaliseMethod, NormaliseSetting, Transform } from "./normalise-settings";
import { lookupName, settingNumber } from "./settings-cells";

const TRANSFORM_NAMES: Record<Transform, string[]> = {
  log: ["log", "ln", "natural log", "自然对数", "对数"],
  log10: ["log10", "常用对数"],
  logct: ["logct", "log_ct", "log(x-min+1)"],
};

type Report = (sev: "error" | "warning", code: IssueCode, row: number, col: number, zh: string, en: string, indicator?: string) => void;

/**
 * The goalposts, target, reference, transform and scale a method needs, each checked in its
 * cell; undefined when one is wrong (its issue is reported).
 */
export function methodExtras(
  method: NormaliseMethod,
  row: readonly unknown[],
  r: number,
  code: string,
  t: { cellOf: (r: readonly unknown[], c: Column) => unknown; col: Partial<Record<Column, number>>; report: Report; headerLength: number },
): Partial<NormaliseSetting> | undefined {
  const out: Partial<NormaliseSetting> = {};
  const at = (c: Column) => t.col[c] ?? t.headerLength;
  const num = (c: Column, codeOf: IssueCode, what: { zh: string; en: string }): number | undefined | null => {
    const v = settingNumber(t.cellOf(row, c));
    if (!v) return undefined;
    if (v.ok && v.comma)
      t.report(
        "warning",
        "settings-decimal-comma",
        r,
        at(c),
        `「${v.comma}」按小数逗号读作 ${v.value}`,
        `"${v.comma}" is read with a decimal comma as ${v.value}`,
        code,
      );
    if (!v.ok) {
      t.report("error", codeOf, r, at(c), `${what.zh}「${quote(v.text)}」不是数字`, `${what.en} "${quote(v.text)}" is not a number`, code);
      return null;
    }
    return v.value;
  };
  const tc = t.cellOf(row, "transform");
  if (parseCell(tc).kind !== "empty") {
    const tr = lookupName(TRANSFORM_NAMES, tc);
    if (!tr) {
      t.report(
        "error",
        "settings-bad-transform",
        r,
        at("transform"),
        `未知变换「${quote(tc)}」，可选：log（自然对数）、log10、logct（ln(值 − 最小值 + 1)）`,
        `unknown transform "${quote(tc)}"; use log (natural log), log10 or logct (ln(value − min + 1))`,
        code,
      );
      return undefined;
    }
    out.transform = tr;
  }
  const scale = num("scale", "settings-bad-scale", { zh: "输出范围", en: "scale" });
  if (scale === null) return undefined;
  if (scale !== undefined) {
    if (!(scale > 0)) {
      t.report(
        "error",
        "settings-bad-scale",
        r,
        at("scale"),
        `输出范围 ${scale} 须为正数（如 1 或 100）`,
        `scale ${scale} must be above 0 (e.g. 1 or 100)`,
        code,
      );
      return undefined;
    }
    out.scale = scale;
  }
  if (method === "goalpost") {
    const lower = num("lower", "settings-bad-goalpost", { zh: "下界", en: "lower goalpost" });
    const upper = num("upper", "settings-bad-goalpost", { zh: "上界", en: "upper goalpost" });
    if (lower === null || upper === null) return undefined;
    if (lower === undefined || upper === undefined || !(upper > lower)) {
      const c = lower === undefined ? at("lower") : at("upper");
      t.report(
        "error",
        "settings-bad-goalpost",
        r,
        c,
        lower === undefined || upper === undefined ? "goalpost 方法须有下界（lower）与上界（upper）" : `上界 ${upper} 须大于下界 ${lower}`,
        lower === undefined || upper === undefined
          ? "the goalpost method needs a lower and an upper goalpost"
          : `the upper goalpost ${upper} must be above the lower ${lower}`,
        code,
      );
      return undefined;
    }
    if ((out.transform === "log" || out.transform === "log10") && !(lower > 0)) {
      t.report(
        "error",
        "settings-bad-goalpost",
        r,
        at("lower"),
        `取对数时下界 ${lower} 须大于 0`,
        `with a log transform the lower goalpost ${lower} must be above 0`,
        code,
      );
      return undefined;
    }
    out.lower = lower;
    out.upper = upper;
  }
  if (method === "target") {
    const target = num("target", "settings-bad-target", { zh: "目标值", en: "target" });
    if (target === null) return undefined;
    if (target === undefined) {
      t.report("error", "settings-bad-target", r, at("target"), "target 方法须有目标值", "the target method needs a target", code);
      return undefined;
    }
    out.target = target;
  }
  if (method === "reference") {
    const ref = t.cellOf(row, "reference");
    if (parseCell(ref).kind === "empty") {
      t.report(
        "error",
        "settings-bad-reference",
        r,
        at("reference"),
        "reference 方法须给出参照对象（名称）",
        "the reference method needs a reference entity (its name)",
        code,
      );
      return undefined;
    }
    out.reference = quote(ref);
  }
  return out;
}
