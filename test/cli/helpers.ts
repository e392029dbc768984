// Runs the CLI in-process and reads the spec fixtures with plain Node (not the core's reader).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { ScoresJson } from "../../src/cli/json";

export const ROOT = join(__dirname, "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures", "shanghai-2020");
export const INPUTS_CSV = join(FIXTURES, "inputs.csv");

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function sci(argv: string[], cwd = ROOT): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}

export async function sciJson(argv: string[], cwd = ROOT): Promise<ScoresJson & { ran: Ran }> {
  const ran = await sci([...argv, "--json"], cwd);
  return { ...(JSON.parse(ran.stdout) as ScoresJson), ran };
}

/** A fresh temporary directory, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sci-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fixture as rows of strings; the spec CSVs hold no quotes, so a plain split is exact. */
export function fixtureRows(name: string): string[][] {
  return readFileSync(join(FIXTURES, name), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
}

/** Rounds half away from zero at 2 decimals, as the report prints, worked out in decimal text. */
export const cents = (x: number): number => Number((Math.round(Number((x * 100).toPrecision(12))) / 100).toFixed(2));

/** Zero-based column → letters (0 → A, 26 → AA), for columns up to ZZ. */
export const columnName = (c: number): string => (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : "") + String.fromCharCode(65 + (c % 26));

/** A stack trace looks like "    at fn (file:line)". None may reach the user. */
export const STACK = /^\s+at\s/m;
