// `--sheet` / `--range`: the evaluator's own layout, read with the same rules as the add-in's
// 使用所选数据 (header below titles, transposed tables, headers by code, number or name), then
// validated as any input table (see loadDataset).
import type { Options, Values } from "./command";
import type { Selection } from "./read";

export const SELECT_OPTIONS: Options = { sheet: { type: "string" }, range: { type: "string" } };
export const SELECT_HELP = `  --sheet NAME      读取该工作表上的自有表格（表头可在标题行之下，可转置）
                    read your own table on this sheet (header below titles, transposed tables too)
  --range A3:AP19   只读取该区域 / read only this range`;

/** The selection the options name, if any. */
export function selectionOf(values: Values): Selection | undefined {
  const sheet = typeof values.sheet === "string" ? values.sheet : undefined;
  const range = typeof values.range === "string" ? values.range : undefined;
  return sheet === undefined && range === undefined ? undefined : { sheet, range };
}
