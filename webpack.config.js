/* eslint-disable no-undef */
// Builds the add-in into dist/: taskpane.html hosting the shared runtime (task pane, SCI
// functions, ribbon commands), functions.json from the functions' JSDoc, help.html from
// functions.json, the manifest and the icons. `npm run build` needs no network.
const path = require("path");
const { Compilation, sources } = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { WEBVIEWS, unsupported } = require("./webviews");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** Where the add-in is served: SCI_URL (https, e.g. https://sci.example.org/addin/) or the dev server. */
function deployUrl() {
  const raw = process.env.SCI_URL;
  if (!raw) return DEV_URL;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`SCI_URL must be an https URL (Office loads add-ins over https only): ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

const rewrite = (text, url) => (url === DEV_URL ? text : text.split(DEV_URL).join(url));

/**
 * The pages' Content-Security-Policy, written into taskpane.html and help.html as a meta tag.
 * Scripts come from the add-in's own origin and Microsoft's office.js host only: no inline
 * script, no eval. What office.js itself needs (read from its sources): its host scripts,
 * locale strings and telemetry agent from beside office.js; a hidden frame from its own host
 * when Excel on the web cannot vouch for the add-in's domain; its telemetry's requests to
 * *.pipe.aria.microsoft.com. Fluent UI and office.js set inline styles. The pane's analyses run
 * in a worker from the add-in's origin. A meta tag cannot carry frame-ancestors (Excel frames the
 * pane from its own hosts) or report-uri: a server may add those as headers.
 */
const OFFICE_HOST = "https://appsforoffice.microsoft.com";
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_HOST}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_HOST} https://*.pipe.aria.microsoft.com`,
  `frame-src 'self' ${OFFICE_HOST}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** The policy as a meta tag, early in <head> (after the charset) so it covers every script after it. */
function withCsp(html) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
  if (/http-equiv="?Content-Security-Policy/i.test(html)) return html;
  const at = /<meta charset[^>]*>/i.exec(html) ?? /<head>/i.exec(html);
  if (!at) throw new Error("a page has no <head> to put its Content-Security-Policy in");
  const end = at.index + at[0].length;
  return html.slice(0, end) + tag + html.slice(end);
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** help.html: one section per function, anchored #sci-<name>, where each @helpurl points. */
function helpPage(metadata) {
  const sections = metadata.functions.map((f) => {
    const signature = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    const params = f.parameters
      .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? "（可选 optional）" : ""}</td><td>${escapeHtml(p.description ?? "")}</td></tr>`)
      .join("");
    return `<section id="sci-${f.id.toLowerCase()}"><h2><code>SCI.${escapeHtml(f.name)}(${escapeHtml(signature)})</code></h2><p>${escapeHtml(f.description ?? "")}</p>${params ? `<table>${params}</table>` : ""}</section>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SCI 函数帮助 / SCI function help</title>
<style>body{font-family:system-ui,"Microsoft YaHei",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}td{vertical-align:top;padding:.2rem .6rem;border-top:1px solid #ddd}code{font-size:.95em}</style></head>
<body><h1>SCI 函数帮助 / SCI function help</h1>
<p>数值不四舍五入，显示位数由单元格格式决定（如 0.00）。参数错误返回 #VALUE!，找不到或输入表有错误返回 #N/A，悬停错误标记可见说明。<br>Values are unrounded; the cell format decides what shows (e.g. 0.00). A malformed argument gives #VALUE!; something not found, or errors in the SCI_Input table, give #N/A; hover the error flag for the message.</p>
${sections.join("\n")}
</body></html>
`;
}

/** Emits help.html from functions.json and points every dev URL at the deployment. */
class AddinPagesPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, (assets) => {
        const json = assets["functions.json"];
        if (!json) return; // the metadata plugin reports its own errors
        const metadata = JSON.parse(json.source().toString());
        compilation.emitAsset("help.html", new sources.RawSource(withCsp(rewrite(helpPage(metadata), this.url))));
        compilation.updateAsset("functions.json", new sources.RawSource(rewrite(JSON.stringify(metadata, null, 2), this.url)));
      });
    });
  }
}

/** Where the task pane loads office.js from: Microsoft's CDN (the default, required for AppSource). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** SCI_OFFICE_JS=local: office.js and the files it loads, from the @microsoft/office-js package, under dist/office/. */
const OFFICE_JS_LOCAL = "office/office.js";

/** The folder of @microsoft/office-js's files, or an error saying how to get it. */
function officeJsFolder() {
  let pkg;
  try {
    pkg = require.resolve("@microsoft/office-js/package.json", { paths: [__dirname] });
  } catch {
    throw new Error(
      "SCI_OFFICE_JS=local serves office.js from dist/office/, which needs the @microsoft/office-js package: npm install --save-dev @microsoft/office-js",
    );
  }
  return path.join(path.dirname(pkg), "dist");
}

/** `cdn` (default) or `local`, from SCI_OFFICE_JS. */
function officeJsMode() {
  const mode = (process.env.SCI_OFFICE_JS || "cdn").toLowerCase();
  if (mode !== "cdn" && mode !== "local") throw new Error(`SCI_OFFICE_JS must be cdn or local, not ${process.env.SCI_OFFICE_JS}`);
  return mode;
}

/** The task pane's page with office.js from where this build serves it. */
function withOfficeJs(html, mode) {
  if (mode === "cdn") return html;
  if (!html.includes(OFFICE_JS_CDN)) throw new Error("taskpane.html no longer names office.js's CDN address");
  return html.split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL);
}

/** Points taskpane.html's office.js at dist/office/ for SCI_OFFICE_JS=local, and gives it the CSP. */
class OfficeJsPlugin {
  constructor(mode) {
    this.mode = mode;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsPlugin", (data) => {
        data.html = withCsp(withOfficeJs(data.html, this.mode));
        return data;
      });
    });
  }
}

/** Fails the build when an emitted script uses what one of the add-in's webviews (./webviews.js) lacks. */
class WebviewSyntaxPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WebviewSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "WebviewSyntaxPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        for (const [name, asset] of Object.entries(assets)) {
          if (!name.endsWith(".js") || name.startsWith("office/")) continue; // office.js is Microsoft's own
          // Syntax a webview cannot parse stops every bundle on the page: an error. A late
          // built-in fails only where it is called (and a dependency may test for it): a warning.
          for (const problem of unsupported(asset.source().toString(), name))
            (/ is not in /.test(problem) ? compilation.warnings : compilation.errors).push(new Error(problem));
        }
      });
    });
  }
}

/** The icons as they are; the manifest with its URLs pointed at the deployment; the static host's headers. */
function copyPatterns(url, officeJs = "cdn") {
  return [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewrite(content.toString(), url) },
    // Azure Static Web Apps reads its headers (CORS for functions.json) from the site's root.
    { from: "deploy/staticwebapp.config.json", to: "staticwebapp.config.json" },
    // office.js loads its locale strings and host scripts from beside itself: the whole folder.
    ...(officeJs === "local" ? [{ from: "**/*", context: officeJsFolder(), to: "office/", info: { minimized: true } }] : []),
  ];
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const url = deployUrl();
  const officeJs = officeJsMode();
  const server = env.WEBPACK_SERVE ? await httpsOptions() : undefined;
  // Never an eval-based devtool (webpack's development default): the pages' CSP refuses eval.
  const devtool = dev ? "source-map" : false;
  return {
    mode: dev ? "development" : "production",
    devtool,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/index.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entry names stay fixed (the manifest names functions.js); shared chunks are hashed.
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Top-level files are ours and are cleaned; other tools' folders (dist/cli, dist/bench) stay.
      clean: { keep: (file) => /^[^/\\]+[/\\]/.test(file) && !/^assets[/\\]/.test(file) },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // Dependencies beyond the webviews' syntax (e.g. a class static block) are compiled down.
        { test: /\.m?js$/, include: /node_modules/, use: { loader: path.resolve(__dirname, "downlevel-loader.js") } },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev, target: WEBVIEWS.typescriptTarget } } },
        },
      ],
    },
    optimization: {
      // The three entries share one page: one webpack runtime, so src/excel/model.ts is one
      // module instance and the pane and the functions see the same model.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new AddinPagesPlugin(url),
      new WebviewSyntaxPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
      }),
      new OfficeJsPlugin(officeJs),
      new CopyWebpackPlugin({ patterns: copyPatterns(url, officeJs) }),
    ],
    performance: { hints: false }, // sizes are measured by `npm run bench`
    devServer: {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server,
    },
  };
};

/** The dev server's https certificate, trusted for localhost by office-addin-dev-certs. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { type: "https", options: { ca, key, cert } };
}

module.exports.DEV_URL = DEV_URL;
module.exports.helpPage = helpPage;
module.exports.copyPatterns = copyPatterns;
module.exports.deployUrl = deployUrl;
module.exports.withOfficeJs = withOfficeJs;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.CSP = CSP;
module.exports.withCsp = withCsp;
