import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import * as path from "node:path";
import { printable } from "../core";
import { inputError } from "./command";

/**
 * What a file's bytes are, whatever its name says: a zip (an .xlsx workbook), an OLE compound
 * file (an Excel 97–2003 .xls, or a password-protected workbook: Excel encrypts an .xlsx into a
 * compound file), or anything else (text, for a CSV).
 */
export type FileKind = "zip" | "xls" | "encrypted" | "compound" | "other";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The kind of `bytes`, a whole file (a compound file's directory is read to tell its kind). */
export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return "zip";
  if (!startsWith(bytes, OLE)) return "other";
  const names = new Set(compoundNames(bytes).map((n) => n.toLowerCase()));
  // An encrypted OOXML package: [MS-OFFCRYPTO] names these two streams.
  if (names.has("encryptioninfo") || names.has("encryptedpackage")) return "encrypted";
  // BIFF8 (Excel 97–2003) keeps its sheets in "Workbook", BIFF5 (Excel 5/95) in "Book".
  if (names.has("workbook") || names.has("book")) return "xls";
  return "compound";
}

/**
 * The names in a compound file's directory ([MS-CFB]): the header gives the sector size, the
 * first sectors of the allocation table (FAT) and the directory's first sector; the directory is
 * followed along the FAT. A damaged file gives what could be read, never an exception.
 */
export function compoundNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const at = (n: number) => (n + 1) * size; // sector 0 follows the header, which fills one sector
  // The FAT's sectors: the first 109 are listed in the header, the rest in a chain of DIFAT
  // sectors (each: size/4 - 1 of them, then the next DIFAT sector).
  const fatSectors: number[] = [];
  const list = (offset: number, count: number) => {
    for (let i = 0; i < count && offset + 4 * i + 4 <= bytes.length; i++) {
      const s = view.getUint32(offset + 4 * i, true);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
  };
  list(76, 109);
  const difatSeen = new Set<number>();
  for (let d = view.getUint32(68, true); d < 0xfffffffa && !difatSeen.has(d) && at(d) + size <= bytes.length; d = view.getUint32(at(d) + size - 4, true)) {
    difatSeen.add(d);
    list(at(d), size / 4 - 1);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(n / perSector)];
    if (fs === undefined) return 0xfffffffe;
    const offset = at(fs) + 4 * (n % perSector);
    return offset + 4 <= bytes.length ? view.getUint32(offset, true) : 0xfffffffe;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = view.getUint32(48, true); s < 0xfffffffa && !seen.has(s) && seen.size < 10_000; s = next(s)) {
    seen.add(s);
    for (let e = at(s); e + 128 <= Math.min(at(s) + size, bytes.length); e += 128) {
      const length = view.getUint16(e + 64, true); // in bytes, with the terminating zero
      const type = bytes[e + 66];
      if (type === 0 || length < 2 || length > 64) continue;
      let name = "";
      for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(e + i, true));
      names.push(name);
    }
  }
  return names;
}

/** The first bytes of a file, enough to tell a zip from a compound file from text. */
function head(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const buf = new Uint8Array(8);
    const n = readSync(fd, buf, 0, 8, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reading `file` as the extension `ext` says: the extension to read it by, or one input error
 * when its bytes are a workbook that cannot be read (protected, or an old .xls). A zip named
 * .csv is a workbook saved under the wrong name: it is read as the .xlsx it is, with a warning
 * returned for the caller to show.
 */
export function checkFileKind(file: string, ext: ".csv" | ".xlsx"): { ext: ".csv" | ".xlsx"; warning?: { zh: string; en: string } } {
  const name = printable(path.basename(file));
  const first = head(file);
  if (startsWith(first, OLE)) {
    const kind = fileKind(readFileSync(file));
    if (kind === "encrypted")
      throw inputError(
        `${name} 是设有密码保护（加密）的 Excel 工作簿，无法读取；请在 Excel 中打开它，在「文件 › 信息 › 保护工作簿 › 用密码进行加密」中删除密码并保存，再试一次`,
        `${name} is a password-protected (encrypted) Excel workbook and cannot be read; open it in Excel, remove the password under File › Info › Protect Workbook › Encrypt with Password, save it, and try again`,
      );
    if (kind === "xls")
      throw inputError(
        `${name} 是旧版 Excel 97–2003 工作簿 (.xls)${ext === ".xlsx" ? "，只是名为 .xlsx" : ""}，无法读取；请在 Excel 中打开它，另存为「Excel 工作簿 (*.xlsx)」，再试一次`,
        `${name} is an old Excel 97–2003 workbook (.xls)${ext === ".xlsx" ? " named .xlsx" : ""} and cannot be read; open it in Excel, save it as "Excel Workbook (*.xlsx)", and try again`,
      );
    throw inputError(
      `${name} 不是 ${ext === ".csv" ? "CSV 文本" : ".xlsx 工作簿"}，而是 Office 复合文档（旧版 Office 格式）；请在 Excel 中打开它，另存为「Excel 工作簿 (*.xlsx)」或「CSV UTF-8」，再试一次`,
      `${name} is not ${ext === ".csv" ? "CSV text" : "an .xlsx workbook"} but an Office compound file (an old Office format); open it in Excel, save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8", and try again`,
    );
  }
  if (ext === ".csv" && (startsWith(first, ZIP) || startsWith(first, EMPTY_ZIP)))
    return {
      ext: ".xlsx",
      warning: {
        zh: `${name} 名为 .csv，实为 Excel 工作簿 (.xlsx)，已按 .xlsx 读取；建议将其改名为 .xlsx`,
        en: `${name} is named .csv but is an Excel workbook (.xlsx); it was read as one. Rename it to .xlsx to be sure`,
      },
    };
  return { ext };
}
