// What the task pane makes the browser download before it is usable, gzipped.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { Unavailable } from "./figure";
import { repoRoot } from "./root";

export const DIST = path.join(repoRoot(), "dist");

/** Scripts that taskpane.html loads itself (the entry chunks); the office.js CDN is not ours. */
export function entryScripts(dist = DIST): string[] {
  const html = path.join(dist, "taskpane.html");
  if (!existsSync(html)) throw new Unavailable("dist/taskpane.html is not built (npm run build)");
  const text = readFileSync(html, "utf8");
  // Minified HTML leaves attribute values unquoted: src=runtime.js.
  const srcs = [...text.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
  const local = srcs.filter((s) => !/^(https?:)?\/\//i.test(s)).map((s) => path.join(dist, decodeURI(s.split(/[?#]/)[0]).replace(/^\//, "")));
  if (local.length === 0) throw new Error("dist/taskpane.html loads no script of its own");
  return local;
}

/** Gzipped size (level 9, as a static server would precompress) in KB. */
export function gzipKb(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    if (!existsSync(f)) throw new Error(`taskpane.html refers to ${path.basename(f)}, which is not in dist`);
    bytes += gzipSync(readFileSync(f), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}
