// Bundles office-stub.ts (and the fake workbook it imports) into one classic script, which the
// browser tests serve in place of office.js.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import webpack from "webpack";

export async function officeStubScript(root: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "sci-stub-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      target: "web",
      context: root,
      entry: path.join(root, "test", "browser", "office-stub.ts"),
      output: { path: out, filename: "office-stub.js", iife: true },
      resolve: { extensions: [".ts", ".js"] },
      resolveLoader: { modules: [path.join(root, "node_modules")] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json"), compilerOptions: { noEmit: false } } },
          },
        ],
      },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((e, s) => (e || !s ? reject(e ?? new Error("no stats")) : resolve(s))));
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    if (stats.hasErrors()) throw new Error(`office stub does not build: ${stats.toString("errors-only")}`);
    return readFileSync(path.join(out, "office-stub.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
