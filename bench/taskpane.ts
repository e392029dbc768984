import { entryScripts, gzipKb } from "./bundle";
import { attempt, type Figure, Unavailable } from "./figure";

export async function taskpaneFigures(): Promise<Figure[]> {
  const size = await attempt({ key: "taskpane_js_gzip_kb", label: "task pane JavaScript before it is usable, gzipped", unit: "KB", target: 250 }, () => {
    const files = entryScripts();
    return { value: gzipKb(files), detail: `entry scripts of taskpane.html: ${files.length}` };
  });
  const ready = await attempt({ key: "taskpane_ready_ms", label: "task pane: navigation to interactive, headless Chromium", unit: "ms" }, () => {
    throw new Unavailable("the fake workbook for the browser does not exist yet");
  });
  return [size, ready];
}
