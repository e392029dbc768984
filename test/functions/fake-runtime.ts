// A stand-in for Excel's custom-functions runtime: the CustomFunctions global (Error,
// ErrorCode, associate) and streaming invocations that record what a cell would show.
export class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctions(): { associated: Map<string, unknown> } {
  const associated = new Map<string, unknown>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeError,
    ErrorCode,
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
  return { associated };
}

/** One cell's streaming invocation: every result Excel would show, in order. */
export interface Cell<T = unknown> {
  invocation: { setResult: (v: T | FakeError) => void; onCanceled: () => void };
  results: (T | FakeError)[];
  last: () => T | FakeError | undefined;
  cancel: () => void;
}

export function cell<T = unknown>(): Cell<T> {
  const results: (T | FakeError)[] = [];
  const invocation = { setResult: (v: T | FakeError) => void results.push(v), onCanceled: () => {} };
  return { invocation, results, last: () => results[results.length - 1], cancel: () => invocation.onCanceled() };
}

/**
 * Per test file: the CustomFunctions global, fake timers in each test, and no `Excel` global
 * left behind for the next test.
 */
export function useFunctionsRuntime(): void {
  beforeAll(() => {
    installCustomFunctions();
  });
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<string, unknown>).Excel;
  });
}

/** Under fake timers: lets timers (the model's debounce) and pending promise callbacks run. */
export const wait = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

/** Lets pending promise callbacks (the first push of each streaming cell) run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
