// Where the task pane loads office.js from: Microsoft's CDN by default (what AppSource
// requires), or dist/office/ for networks that cannot reach the CDN (SCI_OFFICE_JS=local,
// from the @microsoft/office-js package).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const require_ = createRequire(__filename);
const makeConfig = require_(path.join(root, "webpack.config.js"));
const template = readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8");

/** Whether @microsoft/office-js is installed (SCI_OFFICE_JS=local needs it). */
function officeJsPackage(): string | undefined {
  try {
    return path.dirname(require_.resolve("@microsoft/office-js/package.json", { paths: [root] }));
  } catch {
    return undefined;
  }
}
const installed = officeJsPackage();

async function configWith(mode: string | undefined) {
  const saved = process.env.SCI_OFFICE_JS;
  if (mode === undefined) delete process.env.SCI_OFFICE_JS;
  else process.env.SCI_OFFICE_JS = mode;
  try {
    return await makeConfig({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.SCI_OFFICE_JS;
    else process.env.SCI_OFFICE_JS = saved;
  }
}

const copied = (config: { plugins: { constructor: { name: string }; patterns?: { to: string; context?: string }[] }[] }) =>
  config.plugins.find((p) => p.constructor.name === "CopyPlugin")!.patterns!.map((p) => p.to);

describe("office.js", () => {
  it("comes from Microsoft's CDN by default, and nothing is copied for it", async () => {
    expect(template).toContain(`src="${makeConfig.OFFICE_JS_CDN}"`);
    expect(makeConfig.withOfficeJs(template, "cdn")).toBe(template);
    expect(copied(await configWith(undefined))).toEqual(["assets/[name][ext]", "manifest.xml", "staticwebapp.config.json"]);
  });

  it("SCI_OFFICE_JS=local points the page at office/office.js beside it", () => {
    const html: string = makeConfig.withOfficeJs(template, "local");
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(html).toContain('src="office/office.js"');
  });

  it("refuses an unknown SCI_OFFICE_JS", async () => {
    await expect(configWith("intranet")).rejects.toThrow("SCI_OFFICE_JS must be cdn or local");
  });

  it.runIf(!installed)("without @microsoft/office-js installed, SCI_OFFICE_JS=local says how to get it", async () => {
    await expect(configWith("local")).rejects.toThrow("npm install --save-dev @microsoft/office-js");
  });

  // Skipped while @microsoft/office-js is not a dependency of the project.
  it.runIf(!!installed)("with @microsoft/office-js installed, SCI_OFFICE_JS=local copies its files to dist/office/", async () => {
    const config = await configWith("local");
    expect(copied(config)).toContain("office/");
    const pattern = config.plugins
      .find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin")
      .patterns.find((p: { to: string }) => p.to === "office/");
    expect(existsSync(path.join(pattern.context, "office.js"))).toBe(true);
  });
});
