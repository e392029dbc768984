// LibreOffice, found on the PATH, and a converter that gives each run its own profile.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run$ = promisify(execFile);
export const which = (cmd: string) => spawnSync("/bin/sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim() || undefined;
export const SOFFICE = which("soffice") ?? which("libreoffice");
export const SKIP = SOFFICE ? undefined : "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc (.ci/run does this)";
if (SKIP) console.warn(`test/xlsx: skipped — ${SKIP}`);

/**
 * Every sheet as CSV (LibreOffice ≥ 7.2: token 12 = -1 writes one file per sheet, named
 * `<file>-<sheet>.csv`), UTF-8 (76), cells as shown (token 9), formulas not exported.
 */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Each conversion gets its own profile, so parallel runs (and a desktop LibreOffice) do not clash. */
export async function soffice(dir: string, target: string, file: string, outdir: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), "sci-lo-profile-"));
  try {
    await run$(SOFFICE!, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", target, "--outdir", outdir, file], {
      cwd: dir,
      timeout: 120_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
