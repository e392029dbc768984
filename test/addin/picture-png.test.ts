// The pane draws the map's SVG as PNG for Excel's addImage: the SVG loaded as an image from a
// data URL, painted at twice its size on a white canvas, handed over as base64 without the
// data-URL prefix. The browser's image and canvas are stood in for here (the drawing itself is
// the webview's; test/excel/generate-map.test.ts checks the PNG Excel gets).
import { drawPicturePng } from "../../src/taskpane/picture-png";

const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const picture = {
  key: "map",
  title: "地图",
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="306" height="400"><text>浦东</text></svg>',
  width: 306,
  height: 400,
  row: 2,
  col: 9,
  rows: 27,
  cols: 6,
};

/** A stand-in image that loads (or fails) on src, and a canvas recording what is painted. */
function stubBrowser(loads: boolean) {
  const painted: unknown[][] = [];
  const sources: string[] = [];
  class FakeImage {
    onload?: () => void;
    onerror?: () => void;
    set src(v: string) {
      sources.push(v);
      queueMicrotask(() => (loads ? this.onload?.() : this.onerror?.()));
    }
  }
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({
      set fillStyle(v: string) {
        painted.push(["fillStyle", v]);
      },
      fillRect: (...a: unknown[]) => painted.push(["fillRect", ...a]),
      drawImage: (_img: unknown, ...a: unknown[]) => painted.push(["drawImage", ...a]),
    }),
    toDataURL: (type: string) => (type === "image/png" ? `data:image/png;base64,${PIXEL}` : ""),
  };
  vi.stubGlobal("Image", FakeImage);
  vi.stubGlobal("document", { createElement: (tag: string) => (tag === "canvas" ? canvas : undefined) });
  return { painted, sources, canvas };
}

afterEach(() => vi.unstubAllGlobals());

describe("drawing the map as PNG in the pane", () => {
  it("paints the SVG at twice its size on white and returns base64 PNG without the prefix", async () => {
    const b = stubBrowser(true);
    const png = await drawPicturePng(picture);
    expect(png).toBe(PIXEL);
    expect(b.sources).toEqual([`data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`]);
    expect([b.canvas.width, b.canvas.height]).toEqual([612, 800]);
    expect(b.painted).toEqual([
      ["fillStyle", "#ffffff"],
      ["fillRect", 0, 0, 612, 800],
      ["drawImage", 0, 0, 612, 800],
    ]);
  });

  it("rejects when the webview cannot load the SVG (the write then notes the missing map)", async () => {
    stubBrowser(false);
    await expect(drawPicturePng(picture)).rejects.toThrow(/could not be loaded/);
  });
});
