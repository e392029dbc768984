// Stands in for office.js in the browser tests: the page gets `Office`, `Excel` (backed by the
// in-memory fake workbook) and `CustomFunctions`, before the add-in's own scripts run. The
// tests reach the workbook through `window.sciFake`. Bundled for the browser by stub-bundle.ts.
import { FakeExcel } from "../fakes/excel";
import { installEvents } from "./fake-events";

interface Registered {
  [id: string]: (...args: unknown[]) => unknown;
}

const excel = new FakeExcel({ sheets: ["Sheet1"] });
installEvents(excel);
const functions: Registered = {};
const commands: Registered = {};

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const w = window as unknown as Record<string, unknown>;
w.sciFake = { excel, functions, commands };
w.Excel = excel.namespace;
w.CustomFunctions = {
  associate: (id: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) => {
    if (typeof id === "string") functions[id.toUpperCase()] = fn!;
    else for (const [k, f] of Object.entries(id)) functions[k.toUpperCase()] = f;
  },
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
const info = { host: "Excel", platform: "OfficeOnline" };
// Document settings as the add-in sees them; `saved` is what the file would keep.
const memory: Record<string, unknown> = {};
const saved: Record<string, unknown> = {};
const settings = {
  get: (name: string) => (name in memory ? memory[name] : null),
  set: (name: string, value: unknown) => void (memory[name] = value),
  remove: (name: string) => void delete memory[name],
  saveAsync: (callback?: (r: { status: string }) => void) => {
    for (const k of Object.keys(saved)) delete saved[k];
    Object.assign(saved, structuredClone(memory));
    queueMicrotask(() => callback?.({ status: "succeeded" }));
  },
};
(w.sciFake as Record<string, unknown>).settings = saved;
w.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: navigator.language,
    requirements: { isSetSupported: () => true },
    host: "Excel",
    platform: "OfficeOnline",
    document: { settings },
  },
  actions: { associate: (id: string, fn: (...a: unknown[]) => unknown) => void (commands[id] = fn) },
  addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve(), onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()) },
};
