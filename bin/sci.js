#!/usr/bin/env node
"use strict";
// The `sci` command: a shim over the compiled CLI (npm run build:cli → dist/cli).
const path = require("node:path");

const entry = path.join(__dirname, "..", "dist", "cli", "cli", "main.js");
let cli;
try {
  cli = require(entry);
} catch (e) {
  const notBuilt = e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(entry);
  process.stderr.write(
    notBuilt
      ? "sci 尚未构建：请先运行 npm run build:cli / sci is not built yet: run `npm run build:cli` first\n"
      : `无法加载 sci：${String((e && e.message) || e).split("\n")[0]} / cannot load sci\n`,
  );
  process.exit(1);
}
cli.main();
