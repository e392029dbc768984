import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** The repository root, from bench/ (under vitest) or dist/bench/bench/ (compiled). */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "sci") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no SCI package.json above ${from}`);
  }
}
