// Office's document settings (Office.context.document.settings) as the add-in sees them: an
// in-memory copy that set/remove change, written into the workbook only by saveAsync. `saved`
// is what the file would keep; install() puts a minimal `Office` global in place.

export interface FakeSettings {
  /** What saveAsync last wrote into the workbook. */
  saved: Record<string, unknown>;
  saves: number;
  /** The next saveAsync fails with this message. */
  failNextSave(message: string): void;
  /** Installs `Office` (onReady, context.document.settings) as the global office.js provides. */
  install(): void;
  uninstall(): void;
}

export function fakeSettings(stored: Record<string, unknown> = {}): FakeSettings {
  const memory: Record<string, unknown> = { ...stored };
  let failure: string | undefined;
  const settings = {
    get: (name: string) => (name in memory ? memory[name] : null),
    set: (name: string, value: unknown) => void (memory[name] = value),
    remove: (name: string) => void delete memory[name],
    saveAsync(callback?: (r: { status: string; error?: { message: string } }) => void) {
      self.saves++;
      const error = failure;
      failure = undefined;
      if (!error) self.saved = { ...memory };
      queueMicrotask(() => callback?.(error ? { status: "failed", error: { message: error } } : { status: "succeeded" }));
    },
  };
  const self: FakeSettings = {
    saved: { ...stored },
    saves: 0,
    failNextSave: (message) => void (failure = message),
    install() {
      (globalThis as Record<string, unknown>).Office = {
        onReady: () => Promise.resolve({ host: "Excel" }),
        context: { document: { settings } },
      };
    },
    uninstall() {
      delete (globalThis as Record<string, unknown>).Office;
    },
  };
  return self;
}
