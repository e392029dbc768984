// The browser tests drive the built pane, so dist/ must be built from the current source:
// `npm test` builds first; run alone, the tests build it when any source is newer.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import * as path from "node:path";

const SOURCES = ["src", "webpack.config.js", "manifest.xml", "package.json", "assets", "deploy"];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** Builds dist/ with webpack unless taskpane.html is newer than every source file. */
export function ensureBuilt(root: string): string {
  const dist = path.join(root, "dist");
  const html = path.join(dist, "taskpane.html");
  const source = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
  if (existsSync(html) && statSync(html).mtimeMs >= source) return dist;
  execFileSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
    cwd: root,
    stdio: "pipe",
    timeout: 240_000,
  });
  if (!existsSync(html)) throw new Error("npm run build did not produce dist/taskpane.html");
  const now = new Date();
  utimesSync(html, now, now); // webpack skips rewriting an unchanged file; mark this build
  return dist;
}
