// The CI script and the test scripts: what .ci/run installs, and what `npm run test:unit` leaves out.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const ci = readFileSync(join(root, ".ci", "run"), "utf8");
const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe(".ci/run", () => {
  it("installs only the packages the real-client checks need, without Debian's recommendations", () => {
    const install = ci.split("\n").filter((l) => /^\s*apt-get install/.test(l));
    expect(install).toHaveLength(1);
    expect(install[0]).toContain("--no-install-recommends");
    const wanted = [...ci.matchAll(/missing\+=\(([^)]+)\)/g)].map((m) => m[1]).sort();
    expect(wanted).toEqual(["chromium", "fonts-droid-fallback", "fonts-noto-cjk", "libreoffice-calc", "libreoffice-writer", "poppler-utils"]);
  });
});

describe("npm run test:unit", () => {
  it("is the whole suite but the browser and LibreOffice checks, after the typecheck and the lint", () => {
    // The "unit" project of vitest.config.mts is everything but test/browser and test/xlsx.
    expect(scripts["test:unit"]).toBe("npm run typecheck && npm run lint && vitest run --project unit");
    expect(scripts.test).toBe("npm run typecheck && npm run lint && vitest run");
  });
});
