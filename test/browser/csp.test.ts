// The pages' Content-Security-Policy as built: one meta tag before any script in taskpane.html
// and help.html, scripts only from the add-in's origin and office.js's host, no inline script
// and no eval, and no build mode whose source maps would need eval. The browser tests check
// that the pane runs under it (harness.ts fails a test on any securitypolicyviolation event).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { ensureBuilt } from "./build";

const ROOT = path.join(__dirname, "..", "..");
const webpackConfig = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as {
  (env: object, argv: { mode: string }): Promise<{ devtool: string | false }>;
  CSP: string;
};

/** The policy's directives by name. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("the pages' Content-Security-Policy", () => {
  it("allows scripts from the add-in's origin and office.js's host only: no inline script, no eval", () => {
    const d = directives(webpackConfig.CSP);
    expect(d["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(webpackConfig.CSP).not.toMatch(/unsafe-eval|\*\s|script-src[^;]*unsafe-inline/);
  });

  it("no build mode uses an eval source map (webpack's development default)", async () => {
    for (const mode of ["development", "production"]) expect(String((await webpackConfig({}, { mode })).devtool)).not.toMatch(/eval/);
  });

  it("is the first thing after the charset in each built page, and the pages hold no inline script", () => {
    const dist = ensureBuilt(ROOT);
    for (const page of ["taskpane.html", "help.html"]) {
      const html = readFileSync(path.join(dist, page), "utf8");
      const metas = [...html.matchAll(/<meta http-equiv="?Content-Security-Policy"? content="([^"]*)">/g)];
      expect(
        metas.map((m) => m[1]),
        page,
      ).toEqual([webpackConfig.CSP]);
      expect(html.indexOf(metas[0][0]), page).toBeLessThan(html.search(/<script/) < 0 ? Infinity : html.search(/<script/));
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]) || m[2].trim() !== "");
      expect(inline, page).toEqual([]);
    }
  }, 300_000);
});
