// Handing a file made in the pane to the user. Office on the web runs the pane in an iframe of
// the user's browser, which saves a download link's file as any page's. Excel on Windows
// (WebView2) and on Mac (WKWebView) run it in a webview: Microsoft documents that downloading a
// blob is not supported there ("Browsers and webview controls used by Office Add-ins",
// troubleshooting), and Office.context.ui.openBrowserWindow only opens a URL a web server
// serves. So the pane offers the link everywhere and, on those hosts, says how else to get it.

/** Where the pane runs: `web` (Office on the web, or a plain browser), `desktop` (Windows, Mac), `other`. */
export function hostKind(): "web" | "desktop" | "other" {
  const office = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office;
  const platform = office?.context?.platform;
  if (platform === undefined || platform === null || platform === "OfficeOnline") return "web";
  return platform === "PC" || platform === "Mac" ? "desktop" : "other";
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Starts the browser's download of `bytes` as `name`; returns the link's URL (revoked a minute later). */
export function download(bytes: Uint8Array, name: string): string {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}
