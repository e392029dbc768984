// The built dist/ served with the headers of the shipped static-host configuration: Excel on the
// web reads functions.json from another origin, so it must answer a cross-origin request. A small
// Node server applies deploy/staticwebapp.config.json (Azure Static Web Apps) as that host does;
// deploy/nginx.conf is checked to declare the same headers.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { ensureBuilt } from "./build";
import { chromiumMissing, launchChromium } from "./harness";

const ROOT = path.join(__dirname, "..", "..");
const CONFIG = path.join(ROOT, "deploy", "staticwebapp.config.json");
const NGINX = path.join(ROOT, "deploy", "nginx.conf");
/** Where Excel on the web runs: the origin its request for functions.json comes from. */
const EXCEL = "https://excel.officeapps.live.com";

interface SwaConfig {
  routes: { route: string; headers?: Record<string, string> }[];
  globalHeaders?: Record<string, string>;
  mimeTypes?: Record<string, string>;
}

/**
 * Whether a Static Web Apps route matches a path: the route exactly, or a wildcard at its end
 * (`/admin*`), optionally restricted to extensions (`/*.{js,json}`, `/*.html`).
 */
function routeMatches(route: string, urlPath: string): boolean {
  const star = route.indexOf("*");
  if (star < 0) return route === urlPath;
  if (!urlPath.startsWith(route.slice(0, star))) return false;
  const rest = route.slice(star + 1);
  if (rest === "") return true;
  const exts = /^\.\{(.+)\}$/.exec(rest)?.[1].split(",") ?? [rest.replace(/^\./, "")];
  return exts.some((e) => urlPath.toLowerCase().endsWith(`.${e.trim().toLowerCase()}`));
}

/** The headers Static Web Apps sends for a path: the global ones, then the first matching route's. */
export function swaHeaders(config: SwaConfig, urlPath: string): Record<string, string> {
  const route = config.routes.find((r) => routeMatches(r.route, urlPath));
  return { ...config.globalHeaders, ...route?.headers };
}

/** Serves `dir` on 127.0.0.1 with the headers `config` gives each path. */
async function serveWith(dir: string, config: SwaConfig): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || !/\.[a-z0-9]+$/i.test(file)) return void res.writeHead(404).end();
    const type = config.mimeTypes?.[path.extname(file)] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, ...swaHeaders(config, urlPath) } as OutgoingHttpHeaders).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

describe("deploy/staticwebapp.config.json", () => {
  const config = JSON.parse(readFileSync(CONFIG, "utf8")) as SwaConfig;
  let dist = "";
  let host: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    dist = ensureBuilt(ROOT); // about 15 s when a source is newer than the last build
    host = await serveWith(dist, config);
  }, 300_000);
  afterAll(() => host?.close());

  it("is what the build puts at dist/'s root, where Static Web Apps reads it", () => {
    expect(readFileSync(path.join(dist, "staticwebapp.config.json"), "utf8")).toBe(readFileSync(CONFIG, "utf8"));
  });

  it("answers Excel on the web's cross-origin request for functions.json with Access-Control-Allow-Origin", async () => {
    const res = await get(`${host.url}/functions.json`, { origin: EXCEL });
    expect(res.status).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-type"]).toBe("application/json");
    const metadata = JSON.parse(res.body) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toContain("DISTRICT");
  });

  it("the functions script too; the pages are revalidated and carry no CORS header", async () => {
    const script = await get(`${host.url}/functions.js`, { origin: EXCEL });
    expect([script.status, script.headers["access-control-allow-origin"]]).toEqual([200, "*"]);
    const page = await get(`${host.url}/taskpane.html`);
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
  });

  const SKIP = chromiumMissing();
  it.skipIf(!!SKIP)(
    `a browser on another origin reads functions.json${SKIP ? ` (skipped: ${SKIP})` : ""}`,
    async () => {
      // A page on http://localhost:<another port> is another origin than http://127.0.0.1:<port>:
      // Chromium itself enforces CORS on its fetch.
      const other = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>other</title>"));
      await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(`http://localhost:${(other.address() as AddressInfo).port}/`);
        const got = await page.evaluate(async (url) => {
          try {
            const r = await fetch(url);
            return { ok: r.ok, functions: ((await r.json()) as { functions: unknown[] }).functions.length };
          } catch (e) {
            return { error: String(e) };
          }
        }, `${host.url}/functions.json`);
        expect(got).toMatchObject({ ok: true });
        expect((got as { functions: number }).functions).toBeGreaterThan(0);
      } finally {
        await browser.close();
        await new Promise<void>((resolve) => other.close(() => resolve()));
      }
    },
    60_000,
  );
});

/** The add_header lines of each location block of an nginx snippet, by the location's match. */
function nginxLocations(conf: string): { match: string; headers: Record<string, string> }[] {
  const out: { match: string; headers: Record<string, string> }[] = [];
  const stack: { match: string; headers: Record<string, string> }[] = [];
  for (const raw of conf.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    const open = /^location\s+(.+?)\s*\{$/.exec(line);
    if (open) stack.push({ match: open[1], headers: {} });
    else if (line === "}") out.push(stack.pop()!);
    else {
      const h = /^add_header\s+(\S+)\s+"([^"]*)"(?:\s+always)?;$/.exec(line);
      if (h && stack.length) stack[stack.length - 1].headers[h[1].toLowerCase()] = h[2];
    }
  }
  return out;
}

/** The location nginx picks for a URI: an exact (=) match, else the first regex (~*), else the longest prefix. */
function nginxHeaders(conf: string, uri: string): Record<string, string> {
  const locations = nginxLocations(conf);
  const exact = locations.find((l) => l.match === `= ${uri}`);
  if (exact) return exact.headers;
  const regex = locations.find((l) => l.match.startsWith("~*") && new RegExp(l.match.slice(2).trim(), "i").test(uri));
  if (regex) return regex.headers;
  const prefix = locations.filter((l) => !/^[=~]/.test(l.match) && uri.startsWith(l.match)).sort((a, b) => b.match.length - a.match.length)[0];
  return prefix?.headers ?? {};
}

describe("deploy/nginx.conf", () => {
  it("sends the same headers as the Static Web Apps configuration, under /addin/", () => {
    const conf = readFileSync(NGINX, "utf8");
    const config = JSON.parse(readFileSync(CONFIG, "utf8")) as SwaConfig;
    const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
    for (const file of ["/functions.json", "/functions.js", "/runtime.js", "/taskpane.html", "/help.html", "/assets/icon-32.png", "/manifest.xml"])
      expect(nginxHeaders(conf, `/addin${file}`), file).toEqual(lower(swaHeaders(config, file)));
    expect(nginxHeaders(conf, "/addin/functions.json")["access-control-allow-origin"]).toBe("*");
  });
});
