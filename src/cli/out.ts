import { randomBytes } from "node:crypto";
import { accessSync, constants, statSync } from "node:fs";
import { copyFile, link, rename, rm } from "node:fs/promises";
import * as path from "node:path";
import { inputError, usageError, type Io, type Options } from "./command";

/** `--force`: let --out replace a file that exists. */
export const FORCE_OPTION: Options = { force: { type: "boolean" } };
export const FORCE_HELP = `  --force           --out 的文件已存在时覆盖它 / overwrite the --out file if it exists`;

/**
 * Checks --out before anything is read or scored: an .xlsx file, none of the files read, in a
 * folder that exists and can be written, not a folder itself, and not an existing file unless
 * `force`. Each problem is a usage error (exit 2). Returns the absolute path.
 */
export function checkOut(out: string | undefined, io: Io, inputs: (string | undefined)[], force = false): string | undefined {
  if (out === undefined) return undefined;
  return checkPath(out, io, inputs, force, ".xlsx", "--out");
}

/** The same checks for a CSV that `sci template` writes. */
export const checkCsvOut = (out: string, io: Io, force: boolean): string => checkPath(out, io, [], force, ".csv", out);

/** The same checks for other kinds of output (`sci map`: .svg or .png). */
export function checkOutOf(exts: readonly string[], out: string | undefined, io: Io, inputs: (string | undefined)[], force = false): string | undefined {
  return out === undefined ? undefined : checkPath(out, io, inputs, force, exts, "--out");
}

function checkPath(out: string, io: Io, inputs: (string | undefined)[], force: boolean, ext: string | readonly string[], what: string): string {
  const file = path.resolve(io.cwd, out);
  const info = statSync(file, { throwIfNoEntry: false });
  const exts = typeof ext === "string" ? [ext] : ext;
  if (info?.isDirectory()) throw usageError(`${what} 是一个文件夹，不是文件：${out}`, `${what} is a folder, not a file: ${out}`);
  if (!exts.includes(path.extname(file).toLowerCase()))
    throw usageError(`${what} 须是 ${exts.join(" 或 ")} 文件：${out}`, `${what} must be an ${exts.join(" or an ")} file: ${out}`);
  for (const input of inputs)
    if (input !== undefined && path.relative(path.resolve(io.cwd, input), file) === "")
      throw usageError("--out 不能覆盖输入文件", "--out would overwrite the input file");
  const folder = path.dirname(file);
  const dir = statSync(folder, { throwIfNoEntry: false });
  if (!dir) throw usageError(`${what} 的文件夹不存在：${path.dirname(out) || "."}`, `the folder of ${what} does not exist: ${path.dirname(out) || "."}`);
  if (!dir.isDirectory()) throw usageError(`${what} 的上级不是文件夹：${path.dirname(out)}`, `the folder of ${what} is not a folder: ${path.dirname(out)}`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw usageError(`无法写入 ${what} 的文件夹：${path.dirname(out) || "."}`, `the folder of ${what} cannot be written: ${path.dirname(out) || "."}`);
  }
  if (info && !force) throw usageError(`${what} 的文件已存在：${out}；加 --force 覆盖`, `${what} already exists: ${out}; add --force to overwrite it`);
  return file;
}

/** Runs a write of `out`; a failure is an input error naming the file and why, in both languages. */
export async function writeOut(out: string, write: () => Promise<unknown>): Promise<void> {
  await write().catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException)?.code === "EEXIST")
      throw inputError(
        `${path.basename(out)} 已存在：另一个命令在本命令运行期间写出了它，已保留它，未覆盖；加 --force 覆盖`,
        `${path.basename(out)} already exists: another command wrote it while this one ran; it was kept, not overwritten. Add --force to overwrite it`,
      );
    const why = String((e as Error)?.message ?? e).split("\n")[0];
    throw inputError(`无法写出 ${out}（${why}）`, `cannot write ${out} (${why})`);
  });
}

/** Filesystems without hard links (FAT, exFAT, some network shares) refuse link() with these. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/**
 * Writes `file` whole or not at all, and never over a file that appeared since checkOut: the
 * content goes to a temporary file beside it, which is then linked to `file` (link() fails with
 * EEXIST if `file` exists, so of two commands writing the same new file one is refused), or
 * renamed over it with `force`. A failure leaves neither a half-written file nor the temporary one.
 */
export async function writeExclusive(file: string, force: boolean, write: (tmp: string) => Promise<unknown>): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await write(tmp);
    if (force) await rename(tmp, file);
    else
      await link(tmp, file).catch((e: NodeJS.ErrnoException) => {
        if (!NO_LINKS.has(e.code ?? "")) throw e;
        return copyFile(tmp, file, constants.COPYFILE_EXCL); // exclusive too, if not in one step
      });
  } catch (e) {
    // The temporary file is ours, not the user's: a message names the file they asked for.
    if (e instanceof Error && e.message.includes(tmp)) e.message = e.message.split(tmp).join(file);
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}
