// @vitest-environment jsdom
// Offline checks of manifest.xml: it parses, and what Excel needs is there and agrees with
// itself, with the build (webpack.config.js) and with assets/. Microsoft's online validator
// is `npm run validate`.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";

const root = path.resolve(__dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const xml = readFileSync(manifestPath, "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

const require_ = createRequire(__filename);
const makeConfig = require_(path.join(root, "webpack.config.js"));
const DEV_URL: string = makeConfig.DEV_URL;

/** Elements by local name, whatever their namespace. */
const all = (name: string, within: Document | Element = doc): Element[] => [...within.getElementsByTagNameNS("*", name)];
const one = (name: string, within: Document | Element = doc): Element => {
  const found = all(name, within);
  expect(found, `<${name}>`).toHaveLength(1);
  return found[0];
};
const xsiType = (e: Element) => e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
const resources = one("Resources");
const resource = (kind: string, id: string): Element | undefined => all(kind, resources).find((e) => e.getAttribute("id") === id);
const urlOf = (resid: string) => resource("Url", resid)?.getAttribute("DefaultValue") ?? resource("Image", resid)?.getAttribute("DefaultValue");

/** Every file the production build writes at the top of dist/, from the build's own config. */
async function emittedFiles(): Promise<Set<string>> {
  const config = await makeConfig({}, { mode: "production" });
  const files = new Set<string>(Object.keys(config.entry).map((name) => config.output.filename.replace("[name]", name)));
  for (const plugin of config.plugins) {
    const name = plugin.constructor.name;
    if (name === "HtmlWebpackPlugin") files.add(plugin.userOptions.filename);
    if (name === "CustomFunctionsMetadataPlugin") files.add(plugin.options.output);
    if (name === "AddinPagesPlugin") files.add("help.html");
  }
  return files;
}

describe("manifest.xml", () => {
  it("is well-formed XML that office-addin-manifest reads as an Excel task-pane add-in", async () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });

  it("asks for ReadWriteDocument and nothing more, and trusts no other domain", () => {
    expect(one("Permissions").textContent?.trim()).toBe("ReadWriteDocument");
    const origin = new URL(DEV_URL).origin;
    for (const d of all("AppDomain")) expect(new URL(d.textContent!.trim()).origin).toBe(origin);
    // Every URL Office fetches is the add-in's own.
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(DEV_URL), u).toBe(true);
  });

  it("runs the task pane, the functions and the ribbon in one shared runtime", () => {
    const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toContain("SharedRuntime 1.1");
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const resid = runtime.getAttribute("resid")!;
    const functions = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(one("SourceLocation", one("Page", functions)).getAttribute("resid")).toBe(resid);
    expect(one("FunctionFile").getAttribute("resid")).toBe(resid);
    const showTaskpane = all("Action").find((a) => xsiType(a) === "ShowTaskpane")!;
    expect(one("SourceLocation", showTaskpane).getAttribute("resid")).toBe(resid);
    expect(urlOf(resid)).toBe(one("SourceLocation", one("DefaultSettings")).getAttribute("DefaultValue"));
    // One task pane, and no TaskpaneId: the shared-runtime guidance for the add-in only manifest.
    expect(all("Action").filter((a) => xsiType(a) === "ShowTaskpane")).toHaveLength(1);
    expect(all("TaskpaneId")).toEqual([]);
  });

  it("speaks English to every English Office, not only en-US", () => {
    // An Override applies to its exact locale; any other gets the zh-CN DefaultValue.
    const english = ["en-US", "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-SG", "en-ZA"];
    const localised = [...new Set(all("Override").map((o) => o.parentElement!))];
    expect(localised.length).toBe(9); // DisplayName, Description and seven ribbon strings
    for (const e of localised) {
      const overrides = all("Override", e).filter((o) => o.parentElement === e);
      expect(
        overrides.map((o) => o.getAttribute("Locale")),
        e.getAttribute("id") ?? e.localName,
      ).toEqual(english);
      expect(new Set(overrides.map((o) => o.getAttribute("Value"))).size, e.getAttribute("id") ?? e.localName).toBe(1);
    }
  });

  it("declares the functions in the SCI namespace, with metadata and script the build emits", async () => {
    const functions = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    const ns = one("Namespace", functions).getAttribute("resid")!;
    expect(resource("String", ns)?.getAttribute("DefaultValue")).toBe("SCI");
    const emitted = await emittedFiles();
    const fileOf = (el: Element) => {
      const url = urlOf(one("SourceLocation", el).getAttribute("resid")!)!;
      expect(url.startsWith(DEV_URL)).toBe(true);
      return url.slice(DEV_URL.length);
    };
    expect(fileOf(one("Metadata", functions))).toBe("functions.json");
    expect(fileOf(one("Script", functions))).toBe("functions.js");
    expect(fileOf(one("Page", functions))).toBe("taskpane.html");
    for (const resid of ["Taskpane.Url", "Functions.Script.Url", "Functions.Metadata.Url", "Help.Url"]) {
      const file = urlOf(resid)!.slice(DEV_URL.length);
      expect(emitted.has(file), `${resid} → ${file} is built`).toBe(true);
    }
    expect(emitted.has(new URL(one("SupportUrl").getAttribute("DefaultValue")!).pathname.slice(1))).toBe(true);
  });

  it("refers only to icons present in assets/, each of the size it claims", () => {
    const icons = [one("IconUrl"), one("HighResolutionIconUrl"), ...all("Image", resources)].map((e) => e.getAttribute("DefaultValue")!);
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const url of icons) {
      const m = /assets\/icon-(\d+)\.png$/.exec(url);
      expect(m, url).not.toBeNull();
      const file = path.join(root, "assets", `icon-${m![1]}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m![1]), Number(m![1])]);
    }
    // The ribbon's images are the sizes Office asks for.
    for (const img of all("Image").filter((e) => e.getAttribute("size"))) {
      const url = urlOf(img.getAttribute("resid")!)!;
      expect(url.endsWith(`icon-${img.getAttribute("size")}.png`), url).toBe(true);
    }
  });

  it("resolves every resid and keeps strings within Office's limits", () => {
    const ids = new Set(
      all("*", resources)
        .map((e) => e.getAttribute("id"))
        .filter(Boolean),
    );
    const used = all("*").filter((e) => e.hasAttribute("resid"));
    expect(used.length).toBeGreaterThan(10);
    for (const e of used) {
      const resid = e.getAttribute("resid")!;
      expect(ids.has(resid), `${e.localName} resid=${resid}`).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    const texts = (kind: string) =>
      all("String", one(kind)).flatMap((s) => [s.getAttribute("DefaultValue")!, ...all("Override", s).map((o) => o.getAttribute("Value")!)]);
    expect(texts("ShortStrings").length).toBeGreaterThan(4);
    for (const t of texts("ShortStrings")) expect(t.length, t).toBeLessThanOrEqual(125);
    for (const t of texts("LongStrings")) expect(t.length, t).toBeLessThanOrEqual(250);
  });

  it("wires the ribbon's refresh button to a command the commands bundle registers", () => {
    const execute = all("Action").filter((a) => xsiType(a) === "ExecuteFunction");
    expect(execute).toHaveLength(1);
    const name = one("FunctionName", execute[0]).textContent!.trim();
    const commands = readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${name}"`);
  });

  it("is rewritten for a deployment: SCI_URL replaces the dev server everywhere", async () => {
    const saved = process.env.SCI_URL;
    process.env.SCI_URL = "https://sci.example.org/addin";
    try {
      const url = makeConfig.deployUrl();
      expect(url).toBe("https://sci.example.org/addin/");
      const pattern = makeConfig.copyPatterns(url).find((p: { from: string }) => p.from === "manifest.xml");
      const out: string = pattern.transform(Buffer.from(xml));
      expect(out).not.toContain("https://localhost:3000");
      expect(out).toContain('DefaultValue="https://sci.example.org/addin/taskpane.html"');
      expect(out.match(/https:\/\/sci\.example\.org\/addin\//g)!.length).toBe(xml.match(/https:\/\/localhost:3000\//g)!.length);
      process.env.SCI_URL = "http://insecure.example.org/";
      await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/https/);
    } finally {
      if (saved === undefined) delete process.env.SCI_URL;
      else process.env.SCI_URL = saved;
    }
  });
});
