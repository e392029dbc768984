import { defineConfig } from "vitest/config";

// Two groups. The unit tests run first, in parallel. Then the checks in real programs (Chromium,
// LibreOffice) run one file at a time with the machine to themselves: on a busy 2-core machine a
// browser test that takes 23 s alone ran past a 30 s limit while unit tests competed for the CPU.
const PROGRAMS = ["test/browser/**/*.test.ts", "test/xlsx/**/*.test.ts"];

export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: PROGRAMS,
          setupFiles: ["test/setup-dom.ts"],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "programs",
          include: PROGRAMS,
          // One file at a time, and a limit well above a loaded machine's time for the slowest step.
          maxWorkers: 1,
          testTimeout: 180_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
