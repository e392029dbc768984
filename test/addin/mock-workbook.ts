// A workbook for the model's tests, built with office-addin-mock: an SCI_Input table (or
// none), the table and sheet events the model subscribes to, and counters of Excel.run calls
// and syncs, so a test can tell how many times the workbook was read.
import { OfficeMockObject } from "office-addin-mock";

type Handler = (args: Record<string, unknown>) => Promise<unknown>;
export type EventKind = "tableAdded" | "tableDeleted" | "tableChanged" | "sheetDeleted" | "sheetCalculated";

export const TABLE_ID = "{5C1D0A7E-SCI-INPUT}";

export interface MockWorkbook {
  /** Install as the global `Excel`. */
  excel: unknown;
  /** Excel.run calls and context.sync calls so far. */
  counts: { runs: number; syncs: number };
  handlers: Record<EventKind, Handler[]>;
  /** Replaces the table's cells (header + rows), or removes the table. */
  setTable(rows: unknown[][] | undefined): void;
  /** Excel raising an event, as after a user's edit. */
  fire(kind: EventKind, args?: Record<string, unknown>): Promise<void>;
  /** The next Excel.run rejects with this error. */
  failNextRun(error: Error): void;
}

export function mockWorkbook(rows: unknown[][] | undefined): MockWorkbook {
  const handlers: Record<EventKind, Handler[]> = { tableAdded: [], tableDeleted: [], tableChanged: [], sheetDeleted: [], sheetCalculated: [] };
  const counts = { runs: 0, syncs: 0 };
  let failure: Error | undefined;
  let present = rows !== undefined;
  const on = (kind: EventKind) => ({ add: (h: Handler) => void handlers[kind].push(h) });
  const data = {
    context: {
      workbook: {
        tables: {
          input: {
            id: TABLE_ID,
            name: "SCI_Input",
            worksheet: {
              name: "SCI 输入",
              id: "{SCI-INPUT-SHEET}",
              corner: { values: [[""]] },
              getRange(this: { corner: unknown }) {
                return this.corner;
              },
            },
            range: { values: rows ?? [], rowIndex: 2, columnIndex: 1 },
            getRange(this: { range: unknown }) {
              return this.range;
            },
          },
          // Any other SCI table (SCI_Framework, SCI_Previous…) is absent: a null object.
          missing: {
            worksheet: { name: "", id: "", corner: { values: [[""]] }, getRange: () => undefined },
            range: { values: [], rowIndex: 0, columnIndex: 0 },
            getRange(this: { range: unknown }) {
              return this.range;
            },
          },
          getItemOrNullObject(this: { input: unknown; missing: unknown }, name: string) {
            return name.toLowerCase() === "sci_input" ? this.input : this.missing;
          },
          // The workbook's table list: office-addin-mock cannot load `items/name`, so it is set here.
          load(this: { items: unknown }) {
            this.items = present ? [{ name: "SCI_Input", id: TABLE_ID }] : [];
            return this;
          },
          onAdded: on("tableAdded"),
          onDeleted: on("tableDeleted"),
          onChanged: on("tableChanged"),
        },
        worksheets: { onDeleted: on("sheetDeleted"), onCalculated: on("sheetCalculated") },
      },
    },
    // Excel.run(batch) or Excel.run(options, batch), as Office takes it.
    run: async function (this: { context: unknown }, ...args: [(context: unknown) => Promise<unknown>] | [object, (context: unknown) => Promise<unknown>]) {
      const batch = args.length === 1 ? args[0] : args[1];
      counts.runs++;
      if (failure) {
        const e = failure;
        failure = undefined;
        throw e;
      }
      return batch(this.context);
    },
  };
  // office-addin-mock turns nested objects into mocks that must be loaded before they are read.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mock = new OfficeMockObject(data) as any;
  const context = mock.context;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    counts.syncs++;
    return sync();
  };
  const table = context.workbook.tables.input;
  // Office sets isNullObject at every sync without a load; the mock keeps it as a plain field.
  table.isNullObject = rows === undefined;
  const missing = context.workbook.tables.missing;
  missing.isNullObject = true;
  missing.worksheet.getRange = () => missing.worksheet.corner;
  return {
    excel: mock,
    counts,
    handlers,
    setTable(next) {
      table.isNullObject = next === undefined;
      present = next !== undefined;
      if (next) table.range.setValue("values", next);
    },
    async fire(kind, args = {}) {
      for (const h of handlers[kind]) await h(args);
    },
    failNextRun(error) {
      failure = error;
    },
  };
}
