import { cellAddress, issue, parseCell, printable, type InputTable, type Issue } from "../core";

/** At most this many rows are named one by one; one more issue counts the rest. */
const NAMED = 5;

/**
 * Rows of a CSV table with more fields than its header: each one an error at its first extra
 * field. A decimal comma without quotes (`120,75`) or a value past the last column shifts or
 * adds a field; read on, every later value of the row would sit under the wrong header, and an
 * extra field would be dropped. Empty extra fields (a trailing comma) hold nothing and pass.
 */
export function longRows(table: InputTable): Issue[] {
  const [header, ...body] = table.rows;
  if (!header) return [];
  const width = header.length;
  const sheet = table.sheet;
  const origin = table.origin ?? { row: 0, col: 0 };
  const found: Issue[] = [];
  let more = 0;
  body.forEach((row, i) => {
    const extra = row.slice(width);
    const first = extra.findIndex((v) => parseCell(v).kind !== "empty");
    if (first < 0) return;
    if (found.length >= NAMED) return void more++;
    const r = origin.row + 1 + i;
    const c = origin.col + width + first;
    const address = cellAddress(r, c);
    const values = extra.filter((v) => parseCell(v).kind !== "empty").map((v) => printable(String(v)).slice(0, 20));
    const shown = values.slice(0, 3).join(", ") + (values.length > 3 ? " …" : "");
    let fields = row.length;
    while (parseCell(row[fields - 1]).kind === "empty") fields--;
    found.push(
      issue(
        "error",
        "row-too-long",
        `${sheet}!${address}：第 ${r + 1} 行有 ${fields} 个字段，表头只有 ${width} 列（多出：${shown}）；可能是未加引号的小数逗号（120,75 应写作 120.75 或 "120,75"），或最后一列之后多了一个值`,
        `${sheet}!${address}: row ${r + 1} has ${fields} fields; the header has ${width} columns (extra: ${shown}); perhaps a decimal comma without quotes (write 120,75 as 120.75 or "120,75"), or a value past the last column`,
        { cell: { sheet, address, row: r, col: c } },
      ),
    );
  });
  if (more > 0)
    found.push(
      issue(
        "error",
        "row-too-long",
        `${sheet}：另有 ${more} 行的字段多于表头`,
        `${sheet}: ${more} more row${more === 1 ? "" : "s"} with more fields than the header`,
      ),
    );
  return found;
}
