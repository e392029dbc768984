/* global Excel, Office */
// The one model the task pane and the SCI functions share in the add-in's single runtime:
// the workbook's SCI tables (SCI_Input, SCI_Framework, SCI_Raw + SCI_Settings, SCI_Previous),
// read in one round trip, validated and scored once per burst of changes, with the rounding
// the workbook's settings name.
import { issue, type Issue } from "../core";
import { asRounding, buildModel, modelFromSources, type Model, type Rounding } from "./build";
import type { Profile } from "../core";
import { defaultProfile } from "../data";
import { storeRounding, storedRounding } from "./rounding-setting";
import { SOURCE_KINDS, SOURCE_TABLES, readSources, type SourceKind, type WorkbookSources } from "./sources";
import { adoptSources, locateModel } from "./linked";
import { storedLink } from "./link";

export { buildModel, modelFromSources, type Model, type Rounding };

/** How computed indices are rounded on the way up; read from the workbook when watching starts. */
let rounding: Rounding = "exact";
/** The assessment this workbook is scored as (the built-in profile unless an edge says otherwise). */
let profile: Profile = defaultProfile;
let current: Model = buildModel(undefined, 0, rounding, profile);
/** What the current model was built from, so an unchanged table does not notify anyone. */
let currentKey = keyOf({});
/** The tables of the last successful read: a new rounding rebuilds from them, with no read. */
let lastSources: WorkbookSources | undefined;
const listeners = new Set<(m: Model) => void>();

export const getModel = (): Model => current;

/** Scores the workbook as another assessment from now on: the next read rebuilds with it. */
export function useProfile(next: Profile): void {
  profile = next;
  currentKey = `profile:${next.id}`;
  current = buildModel(undefined, current.version + 1, rounding, profile);
}

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

/** What a model is built from: the tables found (their cells, where they sit) and the rounding. */
function keyOf(sources: WorkbookSources): string {
  const found = SOURCE_KINDS.filter((k) => sources[k]);
  const tables = found.length ? JSON.stringify(found.map((k) => [k, sources[k]!.sheet, sources[k]!.origin, sources[k]!.title, sources[k]!.rows])) : "builtin";
  return `${rounding}:${tables}`;
}

/** The SCI tables the last read found, and their ids: edits to other tables are not ours. */
let known: SourceKind[] | undefined;
let sourceIds = new Set<string>();
/** The sheets holding them: a recalculation there may have changed an input (a formula). */
let sourceSheetIds = new Set<string>();

/**
 * Forgets what the last read found, after a read failed for good or before the ribbon's
 * re-read: the next read lists the workbook's tables first and then reads the ones present
 * (two syncs), rather than repeating a batch built on tables that may be gone, renamed or
 * broken; and every table event is ours until a read succeeds.
 */
function forget(): void {
  known = [];
  sourceIds = new Set();
  sourceSheetIds = new Set();
}

async function readAndBuild(): Promise<Model> {
  if (typeof Excel === "undefined") return current; // outside Excel the built-in data stands
  let sources: WorkbookSources = {};
  try {
    // The tables the last read found are read with the list of tables: one sync while the
    // workbook keeps the same SCI tables.
    // A linked table or range (使用所选数据) is read in the same batch as the SCI tables.
    // While the user types in a cell Excel refuses a batch; this one waits for the edit to end.
    const link = storedLink();
    sources = await Excel.run({ delayForCellEdit: true }, (context) => readSources(context, known ?? SOURCE_KINDS, SOURCE_KINDS, link));
  } catch (e) {
    if (isTransient(e)) {
      retryLater(); // the figures stand until a read succeeds: no cell flickers to #N/A
      return current;
    }
    lastSources = undefined;
    forget();
    return publishFailure(e);
  }
  retries = 0;
  const found = SOURCE_KINDS.filter((k) => sources[k]);
  known = found;
  sourceIds = new Set([...found.map((k) => sources[k]!.id), sources.adopted?.id].filter((id): id is string => id !== undefined));
  sourceSheetIds = new Set([...found.map((k) => sources[k]!.sheetId), sources.adopted?.sheetId].filter((id): id is string => id !== undefined));
  lastSources = sources;
  return build(sources);
}

/**
 * The model of `sources` with the current rounding; published only if something changed. A
 * linked table or range is read with its stored choices first, and its issues point at its cells.
 */
function build(read: WorkbookSources): Model {
  const adoption = adoptSources(read, storedLink(), profile);
  const sources = adoption.sources;
  const key = keyOf(sources);
  if (key === currentKey) return current;
  return publish(withNotices(locateModel(modelFromSources(sources, current.version + 1, rounding, profile), adoption)), key);
}

/** Set when Excel refused the event handlers: every model then says edits need a re-read. */
let unfollowed: Issue | undefined;

function withNotices(m: Model): Model {
  if (!unfollowed) return m;
  return { ...m, issues: [...m.issues, unfollowed], issuesOf: { ...m.issuesOf, workbook: [...(m.issuesOf?.workbook ?? []), unfollowed] } };
}

export const getRounding = (): Rounding => rounding;

/**
 * Rounds computed indices as `next` says, from now on and in the workbook's settings. The
 * model is rebuilt once, from the tables last read (no Excel read; one if there are none yet,
 * or the last read failed), and every subscriber — each streaming SCI cell, the pane — hears
 * of it. Resolves with the new model; rejects if the setting could not be saved in the
 * workbook (the model has the new rounding all the same).
 */
export async function setRounding(next: Rounding): Promise<Model> {
  rounding = asRounding(next);
  const saved = storeRounding(rounding);
  const model = await rebuild();
  await saved;
  return model;
}

async function rebuild(): Promise<Model> {
  await settled(); // a read under way builds with the new rounding already
  if (current.rounding === rounding) return current;
  if (lastSources) return build(lastSources);
  if (typeof Excel === "undefined") return build({}); // outside Excel: the built-in data
  return refresh();
}

/** Office's error codes for a batch refused for now (cell editing, throttling, a busy host), not for good. */
const TRANSIENT = new Set(["InvalidOperationInCellEditMode", "ActivityLimitReached", "Conflict", "ServiceNotAvailable", "Timeout", "RequestAborted"]);

export const isTransient = (e: unknown): boolean => TRANSIENT.has(String((e as { code?: unknown })?.code));

/** Transient failures in a row, and the retry waiting for its turn. */
let retries = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** Reads again after 0.5 s, 1 s, 2 s … (at most 30 s apart) until a read succeeds. */
function retryLater(): void {
  if (retryTimer !== undefined) return;
  const delay = Math.min(500 * 2 ** retries, 30_000);
  retries++;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void refresh();
  }, delay);
}

/** A failed read is an honest error in every SCI cell, never the previous figures. */
function publishFailure(e: unknown): Model {
  const text = (e instanceof Error ? e.message : String(e)).slice(0, 200);
  const names = (known?.length ? known : (["input"] as SourceKind[])).map((k) => SOURCE_TABLES[k]).join("、");
  const namesEn = names.replace(/、/g, ", ");
  const failure = issue(
    "error",
    "workbook-unreadable",
    `无法读取 ${names} 表：${text}`,
    `could not read the ${namesEn} table${known && known.length > 1 ? "s" : ""}: ${text}`,
  );
  const key = `failure:${rounding}:${text}`;
  return key === currentKey ? current : publish({ source: "workbook", issues: [failure], errorTables: [], rounding, version: current.version + 1 }, key);
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
 * Reads the SCI tables and rebuilds the model (one Excel round trip). Calls made while a read is
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

/**
 * 重新读取 / Re-read (the ribbon's button): reads every SCI table afresh, as on opening, for what
 * Excel does not report (a table renamed to SCI_Input, a fill-down in a filtered table, a table
 * deleted with its columns on a Mac) and after a failed read. A retry waiting for its turn is
 * replaced by this read; event handlers Excel refused are asked for again.
 */
export function reread(): Promise<Model> {
  forget();
  if (retryTimer !== undefined) {
    clearTimeout(retryTimer);
    retryTimer = undefined;
  }
  retries = 0;
  if (watchOptions && unfollowed) void follow(watchOptions.debounceMs ?? 300, 0);
  return refresh();
}

let starting: Promise<unknown> | undefined;

/** The model once no read is pending: what a formula should be computed from. */
export async function settled(): Promise<Model> {
  for (let pending = starting ?? queued ?? running; pending; pending = starting ?? queued ?? running) await pending.catch(() => undefined);
  return current;
}

export interface WatchOptions {
  /** Quiet time after the last change before the one rebuild of a burst. */
  debounceMs?: number;
}

let watching: Promise<void> | undefined;
let watchOptions: WatchOptions | undefined;

/**
 * Follows the workbook: reads the SCI tables now, then again once after each burst of changes
 * (a table added, deleted or edited, a sheet deleted) to any of them. Idempotent: the first
 * call starts it.
 */
export function watch(options: WatchOptions = {}): Promise<void> {
  if (!watching) {
    const startup = (async () => {
      if (typeof Office !== "undefined" && typeof Office.onReady === "function") await Office.onReady();
      rounding = storedRounding() ?? rounding; // the document settings are loaded once Office is ready
      if (typeof Excel === "undefined") {
        build({});
        return;
      }
      watchOptions = options;
      await follow(options.debounceMs ?? 300, 0);
      await refresh();
    })();
    starting = startup.finally(() => (starting = undefined));
    watching = startup.catch((e) => {
      console.error("SCI: cannot follow workbook changes", e);
    });
  }
  return watching;
}

/** How often event registration is tried when Excel refuses it for now (0.5 s … 16 s apart). */
const LISTEN_TRIES = 6;
let following = false;
let listenTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Registers the event handlers. A refusal for now (a busy host, throttling, cell editing) is
 * retried as reads are, and once the handlers are in, the workbook is read again for the edits
 * made meanwhile. A refusal for good, or too many in a row, turns following off, which every
 * model then says; the ribbon's re-read asks again.
 */
async function follow(debounceMs: number, attempt: number): Promise<void> {
  if (following) return;
  if (listenTimer !== undefined) {
    clearTimeout(listenTimer);
    listenTimer = undefined;
  }
  try {
    await listen(debounceMs);
    following = true;
    // Edits made while no handler listened are read now; a notice shown meanwhile goes.
    const said = unfollowed !== undefined;
    unfollowed = undefined;
    if (said) currentKey = "";
    if (said || attempt > 0) void refresh();
  } catch (e) {
    if (isTransient(e) && attempt + 1 < LISTEN_TRIES) {
      listenTimer = setTimeout(
        () => {
          listenTimer = undefined;
          void follow(debounceMs, attempt + 1);
        },
        500 * 2 ** attempt,
      );
      return;
    }
    // Without events the cells still get this workbook's figures; edits then need the
    // ribbon's re-read button or the pane. Said once, here.
    if (!unfollowed) console.error("SCI: cannot follow workbook changes; use the ribbon's re-read button after edits", e);
    unfollowed = issue(
      "warning",
      "workbook-unfollowed",
      "Excel 未允许 SCI 跟随工作簿的更改：编辑 SCI 表后，请点击功能区的「重新读取」",
      "Excel did not let SCI follow the workbook's changes: after editing an SCI table, press Re-read input on the ribbon",
    );
    if (attempt > 0) {
      // Gave up after retries: the model now says edits need the re-read button.
      currentKey = "";
      if (lastSources) build(lastSources);
      else void refresh();
    }
  }
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
  // Once the SCI tables are known, edits to other tables (e.g. the ranking sheets) are not ours.
  const ours = (name?: string) => name !== undefined && SOURCE_KINDS.some((k) => SOURCE_TABLES[k].toLowerCase() === name.toLowerCase());
  // An event that names no table (some hosts leave both out) might be about ours.
  const concerns = (tableId?: string, tableName?: string) =>
    sourceIds.size === 0 || (tableId === undefined && tableName === undefined) || (tableId !== undefined && sourceIds.has(tableId)) || ours(tableName);
  const eventsSupported = typeof Office === "undefined" || !Office.context?.requirements || Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  if (!eventsSupported) return; // older Excel: the ribbon's refresh button and the pane still rebuild
  await Excel.run({ delayForCellEdit: true }, async (context) => {
    const { tables, worksheets } = context.workbook;
    tables.onAdded.add(async () => schedule());
    tables.onDeleted.add(async (e) => {
      if (concerns(e.tableId, e.tableName)) schedule();
    });
    tables.onChanged.add(async (e) => {
      if (concerns(e.tableId)) schedule();
    });
    worksheets.onDeleted.add(async () => {
      if (sourceIds.size > 0) schedule();
    });
    // A linked plain range raises no table events: any edit may be in it. The read that follows
    // is one sync, and an edit elsewhere leaves the model's key, so nobody is notified.
    worksheets.onChanged?.add(async () => {
      if (storedLink()?.kind === "range") schedule();
    });
    // Edits that raise no table event: a formula in SCI_Input recalculated from another sheet,
    // a data-validation pick on the web. Only the sheets holding SCI tables count; a burst of
    // recalculations is one read, and an unchanged read notifies no one.
    worksheets.onCalculated?.add(async (e) => {
      if (e.worksheetId !== undefined && sourceSheetIds.has(e.worksheetId)) schedule();
    });
    await context.sync();
  });
}
