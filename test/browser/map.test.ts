// The results map in the built pane, in Chromium, at the narrowest and a wide pane: drawn at the
// pane's width, no sideways scroll, values on hover. Screenshots under test-results/browser/.
import * as path from "node:path";
import { chromiumMissing, openPane, SHOTS, usePaneServer } from "./harness";

const SKIP = chromiumMissing();

describe.skipIf(!!SKIP)(SKIP ? `the results map in Chromium (skipped: ${SKIP})` : "the results map in Chromium", () => {
  const env = usePaneServer();

  it.each([320, 450])("at %i px: the map fills the pane's width, 16 districts, every value on hover", async (width) => {
    const session = await openPane(env.browser, env.server.url, env.stub);
    const { page } = session;
    try {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${env.server.url}/taskpane.html`);
      const map = page.getByTestId("results-map");
      await map.locator(":scope > svg").waitFor();
      const box = await map.evaluate((el) => {
        const svg = el.querySelector("svg")!;
        return {
          container: el.clientWidth,
          svg: Number(svg.getAttribute("width")),
          drawn: svg.getBoundingClientRect().width,
          paths: svg.querySelectorAll("path[data-district]").length,
        };
      });
      expect(box.paths).toBe(16);
      // Drawn for the width it has, not scaled from another.
      expect(box.svg).toBe(box.container);
      expect(Math.abs(box.drawn - box.container)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const tips = await map.locator("path > title").allTextContents();
      expect(tips).toContain("浦东 133.41");
      expect(tips).toContain("崇明 87.31");
      await map.scrollIntoViewIfNeeded();
      await page.getByRole("region", { name: "地图" }).screenshot({ path: path.join(SHOTS, `results-map-${width}.png`) });
      expect(session.errors).toEqual([]);
      expect(session.blocked).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
