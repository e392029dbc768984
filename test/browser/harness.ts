// Runs the built task pane in Debian's Chromium: a static server for dist/, the browser with
// the flags this closed network needs, and a page whose office.js is replaced by a stand-in.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ensureBuilt } from "./build";
import { officeStubScript } from "./stub-bundle";

export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this)`;
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// network refuses. Playwright gives every launch a fresh temporary profile (user data dir).
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface Served {
  url: string;
  /** Paths requested so far, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** Serves a directory on 127.0.0.1 on a free port. */
export async function serve(dir: string): Promise<Served> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    requested.push(urlPath);
    if (!file.startsWith(dir) || !existsSync(file) || !/\.[a-z0-9]+$/i.test(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** console.error messages, uncaught page errors and Content-Security-Policy violations. */
  errors: string[];
  /** Requests to anywhere but the local server, all refused. */
  blocked: string[];
}

/**
 * A fresh context whose requests stay on the local server: office.js (from Microsoft's CDN
 * in taskpane.html) is answered with `officeScript`; anything else off-host is refused.
 */
export async function openPane(browser: Browser, base: string, officeScript: string, view: { width?: number; locale?: string } = {}): Promise<PaneSession> {
  const context = await browser.newContext({ viewport: { width: view.width ?? 420, height: 900 }, locale: view.locale ?? "zh-CN" });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base + "/")) return route.continue();
    if (/\/office(\.debug)?\.js(\?|$)/i.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeScript });
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  // A missing control should fail in seconds, well inside the test's own timeout.
  context.setDefaultTimeout(10_000);
  // The pages' Content-Security-Policy: anything it refuses is an error of the test.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, errors, blocked };
}

const ROOT = path.join(__dirname, "..", "..");
/** Where the browser tests' screenshots go. */
export const SHOTS = path.join(ROOT, "test-results", "browser");

/** What a describe block of browser tests runs against, set in its beforeAll. */
export interface PaneServer {
  browser: Browser;
  server: Served;
  /** The office.js stand-in, bundled. */
  stub: string;
}

/**
 * For a describe block: builds dist/ if stale, serves it, bundles the office.js stand-in and
 * launches Chromium before its tests; closes the browser and the server after them.
 */
export function usePaneServer(): PaneServer {
  const env = {} as PaneServer;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dist = ensureBuilt(ROOT);
    [env.stub, env.server, env.browser] = await Promise.all([officeStubScript(ROOT), serve(dist), launchChromium()]);
  }, 300_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
