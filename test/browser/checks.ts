// What every state of the pane must satisfy at a task pane's width, measured in the page: no
// sideways scrolling, no word broken across lines (宝/山, one-character columns), no text under
// 11 px, exactly one primary button on screen, and no axe violation or needs-review ARIA error.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";

const AXE = path.join(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");

export interface Layout {
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching past the right edge, for the failure message. */
  wide: string[];
  /** Words split over two lines, with their text node. */
  broken: string[];
  /** Text nodes narrower than their shortest word. */
  narrow: string[];
  /** What must stay on one line split over two: a number and its unit (16 个), a quoted name (「SCI 输入」), a formula (r < 0). */
  split: string[];
  /** Chinese spelled two ways or spaced wrongly: a year with a space before 年 (one spelling: 2020年), a space after 。. */
  spacing: string[];
  /** Elements with text under 11 px. */
  small: string[];
  /** Visible buttons drawn as primary (brand-coloured fill), by their text. */
  primary: string[];
}

/** Measures the page as laid out now. */
export function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const hidden = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.display === "none" || st.visibility === "hidden") return true;
        const r = e.getBoundingClientRect();
        if (st.position === "absolute" && st.overflow === "hidden" && r.width <= 1 && r.height <= 1) return true; // visually hidden
      }
      return false;
    };
    const lang = document.querySelector("main")?.getAttribute("lang") ?? "zh-CN";
    const segmenter = new Intl.Segmenter(lang, { granularity: "word" });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const broken: string[] = [];
    const split: string[] = [];
    const spacing: string[] = [];
    // A number and its measure word or unit (not a code's digits: B2.6 环境…), a quoted name, a
    // comparison's sign and its value.
    const together = [
      /(?<![A-Za-z.\d])\d[\d,.]*[ \u00a0]?[个格年月日天次项位名处张行列页种类倍元人户期级秒分%]/g,
      /「[^」]{1,40}」/g,
      /[<>≤≥=][ \u00a0]?[-−\d]/g,
    ];
    const narrow: string[] = [];
    const small = new Set<string>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      const el = n.parentElement;
      if (!el || !text.trim() || ["SCRIPT", "STYLE", "OPTION", "TITLE", "NOSCRIPT"].includes(el.tagName) || hidden(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 11) small.add(`${size}px <${el.tagName.toLowerCase()}> ${text.trim().slice(0, 30)}`);
      if (lang.startsWith("zh")) {
        for (const m of text.matchAll(/\d{4}[ \u00a0]+年|[。，；：！？][ \u00a0]+\S/g)) spacing.push(`"${m[0]}" in "${text.trim().slice(0, 40)}"`);
      }
      for (const re of together)
        for (const m of text.matchAll(re)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) split.push(`"${m[0]}" in "${text.trim().slice(0, 40)}"`);
        }
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      if (lines.length === 0) continue;
      const widest = Math.max(...lines.map((r) => r.width));
      let shortest = Infinity;
      let shortestWord = "";
      for (const seg of segmenter.segment(text)) {
        if (!seg.isWordLike) continue;
        const r = document.createRange();
        r.setStart(n, seg.index);
        r.setEnd(n, seg.index + seg.segment.length);
        const rects = [...r.getClientRects()].filter((x) => x.width > 0);
        const tops = new Set(rects.map((x) => Math.round(x.top)));
        if (tops.size > 1) broken.push(`"${seg.segment}" in "${text.trim().slice(0, 40)}"`);
        const w = rects.reduce((sum, x) => sum + x.width, 0);
        if (w < shortest) [shortest, shortestWord] = [w, seg.segment];
      }
      if (Number.isFinite(shortest) && widest + 0.5 < shortest)
        narrow.push(`"${text.trim().slice(0, 40)}" ${widest.toFixed(1)} px < "${shortestWord}" ${shortest.toFixed(1)} px`);
    }
    for (const t of document.querySelectorAll("svg text")) {
      // As drawn: a picture scaled down to the pane's width scales its text down too.
      const size = Math.round(parseFloat(getComputedStyle(t).fontSize) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 1) * 10) / 10;
      if (size < 11 && !hidden(t)) small.add(`${size}px <svg text> ${t.textContent?.slice(0, 30)}`);
    }
    // Primary: white text on a filled (brand) ground; every other button has dark text.
    const filled = (b: Element) => {
      const st = getComputedStyle(b);
      return st.color === "rgb(255, 255, 255)" && !/rgba\(.*, 0\)|transparent/.test(st.backgroundColor);
    };
    const primary = [...document.querySelectorAll("button")]
      .filter((b) => !hidden(b) && b.getClientRects().length > 0 && filled(b))
      .map((b) => b.textContent ?? "");
    const edge = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => !hidden(e) && e.getBoundingClientRect().right > edge + 0.5)
      .slice(-5)
      .map(
        (e) =>
          `<${e.tagName.toLowerCase()} class="${e.getAttribute("class")?.slice(0, 40)}"> right ${e.getBoundingClientRect().right.toFixed(1)}: ${(e.textContent ?? "").slice(0, 40)}`,
      );
    return {
      wide,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      broken,
      narrow,
      split,
      spacing,
      small: [...small],
      primary,
    };
  });
}

export interface AxeFinding {
  id: string;
  impact?: string;
  nodes: string[];
}

/** axe's violations, and its needs-review findings about ARIA attributes. */
export async function axe(page: Page): Promise<{ violations: AxeFinding[]; ariaReview: AxeFinding[] }> {
  // Evaluated, not added as a script tag: that would be an inline script, which the pages' CSP refuses.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Finding[]; incomplete: Finding[] }> } }).axe.run;
    type Finding = { id: string; impact?: string; nodes: { target: string[] }[] };
    const r = await run(document, { resultTypes: ["violations", "incomplete"] });
    const brief = (f: Finding) => ({ id: f.id, impact: f.impact, nodes: f.nodes.map((n) => n.target.join(" ")).slice(0, 5) });
    return { violations: r.violations.map(brief), ariaReview: r.incomplete.filter((f) => f.id.startsWith("aria-")).map(brief) };
  });
}
