// Excel's workbook events for the fake workbook: tables.onAdded/onChanged/onDeleted and
// worksheets.onDeleted/onChanged/onCalculated, which the shared model listens to. Events fire after the batch or edit
// that caused them, as Excel raises them after a change lands. Browser-side, bundled with the
// office stub.
import { type FakeExcel, TableCollection, WorksheetCollection } from "../fakes/excel";
import type { Change } from "../fakes/excel-state";

type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;
const handlers = {
  tableAdded: [] as Handler[],
  tableChanged: [] as Handler[],
  tableDeleted: [] as Handler[],
  sheetDeleted: [] as Handler[],
  sheetChanged: [] as Handler[],
  sheetCalculated: [] as Handler[],
};

function source(list: Handler[]) {
  return {
    add(h: Handler) {
      list.push(h);
      return { remove: () => void list.splice(list.indexOf(h), 1), context: undefined };
    },
  };
}

function define(proto: object, name: string, list: Handler[]) {
  Object.defineProperty(proto, name, { configurable: true, get: () => source(list) });
}

const overlaps = (a: { row: number; col: number; rows: number; cols: number }, r: number, c: number, rows: number, cols: number) =>
  r < a.row + a.rows && a.row < r + rows && c < a.col + a.cols && a.col < c + cols;

/** Installs the events; returns `fire`, which raises the events for changes recorded so far. */
export function installEvents(excel: FakeExcel): () => void {
  define(TableCollection.prototype, "onAdded", handlers.tableAdded);
  define(TableCollection.prototype, "onChanged", handlers.tableChanged);
  define(TableCollection.prototype, "onDeleted", handlers.tableDeleted);
  define(WorksheetCollection.prototype, "onDeleted", handlers.sheetDeleted);
  define(WorksheetCollection.prototype, "onChanged", handlers.sheetChanged);
  define(WorksheetCollection.prototype, "onCalculated", handlers.sheetCalculated);
  excel.calculated.push((sheet) =>
    setTimeout(
      () =>
        handlers.sheetCalculated.forEach(
          (h) => void Promise.resolve(h({ source: "Local", type: "WorksheetCalculated", worksheetId: `{${sheet.id}}`, address: "" })).catch(() => undefined),
        ),
      0,
    ),
  );

  const state = excel.state;
  let seen = state.changes.length;
  let scheduled = false;
  const fire = () => {
    scheduled = false;
    if (state.changes.length < seen) seen = 0; // the log was cleared
    const fresh: Change[] = state.changes.slice(seen);
    seen = state.changes.length;
    for (const ch of fresh) {
      const raise = (list: Handler[], args: Record<string, unknown>) =>
        list.forEach((h) => void Promise.resolve(h({ source: "Local", ...args })).catch(() => undefined));
      if (ch.op === "tables.add") {
        const t = state.tables.find((x) => x.sheet.name === ch.sheet) ?? state.tables[state.tables.length - 1];
        raise(handlers.tableAdded, { type: "TableAdded", tableId: t && String(t.id) });
      } else if (ch.op === "table.delete") raise(handlers.tableDeleted, { type: "TableDeleted", tableId: undefined, tableName: undefined });
      else if (ch.op === "worksheet.delete") raise(handlers.sheetDeleted, { type: "WorksheetDeleted" });
      else if ((ch.op === "range.values" || ch.op === "range.formulas") && ch.sheet && ch.address) {
        const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ch.address);
        if (!m) continue;
        const col = (s: string) => [...s].reduce((n, x) => n * 26 + x.charCodeAt(0) - 64, 0) - 1;
        const r0 = Number(m[2]) - 1;
        const c0 = col(m[1]);
        const r1 = m[4] ? Number(m[4]) - 1 : r0;
        const c1 = m[3] ? col(m[3]) : c0;
        const sheet = state.sheets.find((x) => x.name === ch.sheet);
        raise(handlers.sheetChanged, { type: "WorksheetChanged", changeType: "RangeEdited", worksheetId: sheet && `{${sheet.id}}`, address: ch.address });
        for (const t of state.tables)
          if (t.sheet.name === ch.sheet && overlaps(t.area, r0, c0, r1 - r0 + 1, c1 - c0 + 1))
            raise(handlers.tableChanged, { type: "TableChanged", changeType: "RangeEdited", tableId: String(t.id), address: ch.address });
      }
    }
  };
  const record = state.record.bind(state);
  state.record = (...args: Parameters<typeof record>) => {
    record(...args);
    if (!scheduled) {
      scheduled = true;
      setTimeout(fire, 0);
    }
  };
  return fire;
}
