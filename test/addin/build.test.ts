// A small real build (the functions and commands entries, webpack's development mode, a temp
// folder) for what only the build can show: the plugin emits functions.json and appends the
// associations, help.html follows it, SCI_URL reaches every emitted URL, and the model is one
// module shared by the page's bundles.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import webpack from "webpack";

const root = path.resolve(__dirname, "../..");
const makeConfig = createRequire(__filename)(path.join(root, "webpack.config.js"));
const DEPLOY = "https://sci.example.org/addin/";
const { WEBVIEWS, unsupported } = createRequire(__filename)(path.join(root, "webviews.js")) as {
  WEBVIEWS: { ecmaVersion: number };
  unsupported: (code: string, file?: string) => string[];
};

describe("the add-in build", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "sci-build-"));
  const saved = process.env.SCI_URL;
  process.env.SCI_URL = DEPLOY;
  const config = await makeConfig({}, { mode: "development" });
  if (saved === undefined) delete process.env.SCI_URL;
  else process.env.SCI_URL = saved;
  // The pane's own bundle (React, Fluent UI) is the slow part and plays no role here.
  config.entry = { functions: config.entry.functions, commands: config.entry.commands };
  config.plugins = config.plugins.filter((p: object) => p.constructor.name !== "HtmlWebpackPlugin");
  config.output.path = out;
  config.devtool = false;
  config.context = root;

  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
  );
  const file = (name: string) => readFileSync(path.join(out, name), "utf8");
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("compiles without errors", () => {
    expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  });

  it("emits functions.json as the generator makes it, with the deployment's help URLs", async () => {
    const expected = JSON.parse((await generateCustomFunctionsMetadata([path.join(root, "src/functions/functions.ts")])).metadataJson);
    const emitted = JSON.parse(file("functions.json"));
    expect(emitted.functions).toHaveLength(11);
    for (const f of expected.functions) f.helpUrl = f.helpUrl.replace(makeConfig.DEV_URL, DEPLOY);
    expect(emitted).toEqual(expected);
  });

  it("appends each association to the functions bundle", () => {
    const js = file("functions.js");
    for (const [id, fn] of [
      ["DISTRICT", "district"],
      ["RANK", "rank"],
      ["CITY", "city"],
      ["RANKING", "ranking"],
      ["CONTRIB", "contrib"],
      ["SCORE", "score"],
      ["INDICATORS", "indicators"],
      ["CHANGE", "change"],
    ])
      expect(js).toContain(`CustomFunctions.associate("${id}", ${fn})`);
  });

  it("emits help.html, the manifest pointed at the deployment, and the icons", () => {
    expect(file("help.html")).toContain('<section id="sci-contrib">');
    const manifest = file("manifest.xml");
    expect(manifest).not.toContain("https://localhost:3000/");
    expect(manifest).toContain(`${DEPLOY}functions.json`);
    expect(readdirSync(path.join(out, "assets")).sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
  });

  it("puts the shared model in one module of one chunk under one webpack runtime", () => {
    const scripts = readdirSync(out).filter((f) => f.endsWith(".js"));
    expect(scripts).toContain("runtime.js");
    const withModel = scripts.filter((f) => file(f).includes("workbook-unreadable")); // a string only model.ts holds
    expect(withModel).toHaveLength(1);
    expect(withModel[0]).not.toMatch(/^(functions|commands)\.js$/);
  });

  it("emits only scripts the oldest webview parses and runs (the build fails otherwise)", () => {
    const scripts = readdirSync(out).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(2);
    for (const f of scripts) expect(unsupported(file(f), f)).toEqual([]);
  });
});

describe("the webviews' syntax check", () => {
  it("accepts ES2021 (Safari 14 parses logical assignment)", () => {
    expect(WEBVIEWS.ecmaVersion).toBe(2021);
    expect(unsupported("const a = b?.c ?? 1n; const r = /(?<year>\\d{4})/su; new RegExp('(?!x)'); async () => { for await (const x of y); };")).toEqual([]);
    expect(unsupported("a.b ??= 1; c ||= 2; const n = 1_000;")).toEqual([]);
  });

  it("refuses lookbehind, in a literal or given to RegExp, but not an escaped paren or one in a class", () => {
    expect(unsupported("/(?<!\\d)(20\\d\\d)/.exec(t)", "a.js")).toEqual([expect.stringContaining("a.js:1:1: regex lookbehind")]);
    expect(unsupported("x = new RegExp('(?<=a)b')", "b.js")).toEqual([expect.stringContaining("b.js:1:5: RegExp(")]);
    expect(unsupported("/\\(?<=a/; /[(?<=]/")).toEqual([]);
  });

  it("refuses ES2022 syntax and flags, and built-ins newer than the oldest webview", () => {
    expect(unsupported("class A { count = 0 }", "c.js")[0]).toMatch(/^c\.js: not ES2021/);
    expect(unsupported("/a/d")[0]).toMatch(/not ES2021/);
    expect(unsupported("a.at(-1); structuredClone(b); Object.hasOwn(c, 'd')")).toEqual([
      expect.stringContaining(".at()"),
      expect.stringContaining("structuredClone()"),
      expect.stringContaining(".hasOwn()"),
    ]);
  });
});
