/* global Excel, Office */
// The one model the task pane and the SCI functions share in the add-in's single runtime:
// the workbook's SCI_Input table, validated and scored once per change.
import { hasErrors, issue, type Dataset, type InputTable, type Issue, type Scores, score, validate } from "../core";
import { dataset2020, framework2020, shanghaiRoster } from "../data";
import { INPUT_TABLE, readInput } from "./input";

export interface Model {
  /** `builtin`: the workbook has no SCI_Input table, so the published 2020 data is used. */
  source: "workbook" | "builtin";
  dataset?: Dataset;
  /** Undefined when the input has errors: no figure is shown from a broken table. */
  scores?: Scores;
  issues: Issue[];
  /** Grows by one with every rebuild that changed something. */
  version: number;
}

let builtin: { dataset: Dataset; scores: Scores } | undefined;
function builtinData() {
  if (!builtin) {
    const dataset = dataset2020();
    builtin = { dataset, scores: score(dataset) };
  }
  return builtin;
}

/** The pure part: an input table (or none) → validated, scored model. */
export function buildModel(table: InputTable | undefined, version: number): Model {
  if (!table) return { source: "builtin", ...builtinData(), issues: [], version };
  const { dataset, issues } = validate(table, { framework: framework2020, roster: shanghaiRoster });
  const ok = dataset && !hasErrors(issues);
  return { source: "workbook", dataset, scores: ok ? score(dataset) : undefined, issues, version };
}

let current: Model = buildModel(undefined, 0);
/** What the current model was built from, so an unchanged table does not notify anyone. */
let currentKey = "builtin";
const listeners = new Set<(m: Model) => void>();

export const getModel = (): Model => current;

/** Called after every rebuild that changed the model. Returns the unsubscribe function. */
export function subscribe(listener: (m: Model) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function publish(next: Model, key: string): Model {
  current = next;
  currentKey = key;
  for (const listener of [...listeners]) {
    try {
      listener(next);
    } catch (e) {
      console.error("SCI: a model listener failed", e); // one broken cell must not stop the others
    }
  }
  return next;
}

/** The SCI_Input table's id once seen, so edits to other tables can be ignored. */
let inputTableId: string | undefined;

async function readAndBuild(): Promise<Model> {
  if (typeof Excel === "undefined") return current; // outside Excel the built-in data stands
  let table: InputTable | undefined;
  try {
    await Excel.run(async (context) => {
      // Queued before readInput's sync, so the id comes back in the same round trip.
      const named = context.workbook.tables.getItemOrNullObject(INPUT_TABLE);
      named.load("id");
      table = await readInput(context);
      inputTableId = table && !named.isNullObject ? named.id : undefined;
    });
  } catch (e) {
    return publishFailure(e);
  }
  const key = table ? JSON.stringify(table) : "builtin";
  if (key === currentKey) return current;
  return publish(buildModel(table, current.version + 1), key);
}

/** A failed read is an honest error in every SCI cell, never the previous figures. */
function publishFailure(e: unknown): Model {
  const text = (e instanceof Error ? e.message : String(e)).slice(0, 200);
  const failure = issue("error", "workbook-unreadable", `无法读取 ${INPUT_TABLE} 表：${text}`, `could not read the ${INPUT_TABLE} table: ${text}`);
  const key = `failure:${text}`;
  return key === currentKey ? current : publish({ source: "workbook", issues: [failure], version: current.version + 1 }, key);
}

let running: Promise<Model> | undefined;
let queued: Promise<Model> | undefined;

function run(): Promise<Model> {
  const p: Promise<Model> = readAndBuild().finally(() => {
    if (running === p) running = undefined;
  });
  running = p;
  return p;
}

/**
 * Reads SCI_Input and rebuilds the model (one Excel round trip). Calls made while a read is
 * running share one follow-up read, which sees every change made before it started.
 */
export function refresh(): Promise<Model> {
  if (queued) return queued;
  if (running) {
    queued = running.then(() => {
      queued = undefined;
      return run();
    });
    return queued;
  }
  return run();
}

let starting: Promise<unknown> | undefined;

/** The model once no read is pending: what a formula should be computed from. */
export async function settled(): Promise<Model> {
  for (let pending = starting ?? queued ?? running; pending; pending = starting ?? queued ?? running)
    await pending.catch(() => undefined);
  return current;
}

export interface WatchOptions {
  /** Quiet time after the last change before the one rebuild of a burst. */
  debounceMs?: number;
}

let watching: Promise<void> | undefined;

/**
 * Follows the workbook: reads SCI_Input now, then again once after each burst of changes
 * (table added, deleted or edited, a sheet deleted). Idempotent: the first call starts it.
 */
export function watch(options: WatchOptions = {}): Promise<void> {
  if (!watching) {
    const startup = (async () => {
      if (typeof Office !== "undefined" && typeof Office.onReady === "function") await Office.onReady();
      if (typeof Excel === "undefined") return;
      await listen(options.debounceMs ?? 300);
      await refresh();
    })();
    starting = startup.finally(() => (starting = undefined));
    watching = startup.catch((e) => {
      console.error("SCI: cannot follow workbook changes", e);
    });
  }
  return watching;
}

async function listen(debounceMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void refresh();
    }, debounceMs);
  };
  // Once the table is known, edits to other tables (e.g. the ranking sheets) are not ours.
  const concerns = (tableId?: string, tableName?: string) =>
    inputTableId === undefined || tableId === inputTableId || tableName === INPUT_TABLE;
  const eventsSupported =
    typeof Office === "undefined" || !Office.context?.requirements || Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  if (!eventsSupported) return; // older Excel: the ribbon's refresh button and the pane still rebuild
  await Excel.run(async (context) => {
    const { tables, worksheets } = context.workbook;
    tables.onAdded.add(async () => schedule());
    tables.onDeleted.add(async (e) => {
      if (concerns(e.tableId, e.tableName)) schedule();
    });
    tables.onChanged.add(async (e) => {
      if (concerns(e.tableId)) schedule();
    });
    worksheets.onDeleted.add(async () => {
      if (inputTableId !== undefined) schedule();
    });
    await context.sync();
  });
}
