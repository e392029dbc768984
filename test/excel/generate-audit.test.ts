// The audit sheet through the add-in's writer and the fake workbook: every cell as the layout
// says, text as text, fresh names on a second write, and the correlation matrices shaded by
// native colour-scale conditional formats.
import { audit, score, sobol } from "../../src/core";
import { auditLayout, CORRELATION_COLORS, type ReportLayout, type SheetLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { writeLayout } from "../../src/excel/generate";
import { FakeExcel } from "../fakes/excel";
import { a1 } from "./fixtures";

const s = score(dataset2020());
const sheet: SheetLayout = auditLayout(audit(s).result, s.dataset, { sobol: sobol(s.dataset, { samples: 100, bootstrap: 20 }).result });
const layout: ReportLayout = { title: "2020", sheets: [sheet] };

describe("writeLayout: the audit sheet", () => {
  it("writes every cell in 2 syncs; strings are text, never formulas", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(result).toMatchObject({ ok: true, sheets: ["统计审计 2020"], syncs: 2, mismatches: [] });
    sheet.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = xl.cell("统计审计 2020", a1(r, c));
        expect(cell.value).toBe(v === null ? "" : v);
        expect(cell.formula).toBeUndefined();
        if (typeof v === "string") expect(cell.numberFormat).toBe("@");
      }),
    );
  });

  it("shades each parent's correlation matrix with a colour scale from −1 (red) through 0 (white) to 1 (blue)", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => writeLayout(ctx, layout));
    const cfs = xl.sheet("统计审计 2020").conditionalFormats;
    expect(cfs).toHaveLength(13);
    expect(cfs.map((c) => c.area)).toEqual(sheet.colorScales!.map(({ row, col, rows, cols }) => ({ row, col, rows, cols })));
    for (const cf of cfs)
      expect(cf).toMatchObject({
        type: "ColorScale",
        colorScale: {
          minimum: { type: "Number", formula: "-1", color: `#${CORRELATION_COLORS.low}` },
          midpoint: { type: "Number", formula: "0", color: `#${CORRELATION_COLORS.mid}` },
          maximum: { type: "Number", formula: "1", color: `#${CORRELATION_COLORS.high}` },
        },
      });
    // The B2 matrix: B2.3 · B2.6 is collinear (r 0.938), inside the shaded block.
    const b2 = sheet.colorScales![6];
    const head = xl.values("统计审计 2020")[b2.row - 1].slice(b2.col, b2.col + b2.cols);
    expect(head).toEqual(["B2.1", "B2.2", "B2.3", "B2.4", "B2.5", "B2.6", "B2.7"]);
    expect(xl.cell("统计审计 2020", a1(b2.row + 2, b2.col + 5)).value as number).toBeCloseTo(0.938404, 6);
  });

  it("a second write gets a fresh name and leaves the first sheet as it was", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => writeLayout(ctx, layout));
    const first = xl.snapshot();
    const again = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(again).toMatchObject({ ok: true, sheets: ["统计审计 2020 (2)"], mismatches: [] });
    expect(xl.snapshot().sheets[0]).toEqual(first.sheets[0]);
    expect(xl.sheet("统计审计 2020 (2)").conditionalFormats).toHaveLength(13);
  });
});

describe("the fake workbook's conditional formats", () => {
  it("reject an unknown type and criteria without colours, as Excel does", async () => {
    const xl = new FakeExcel();
    xl.addSheet("S", [[1]]);
    await expect(
      xl.runExcel(async (ctx) => {
        ctx.workbook.worksheets
          .getItem("S")
          .getRange("A1")
          .conditionalFormats.add("Rainbow" as Excel.ConditionalFormatType);
        await ctx.sync();
      }),
    ).rejects.toThrow(/conditional format type/);
    await expect(
      xl.runExcel(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.add("ColorScale");
        cf.colorScale.criteria = {
          minimum: { type: "Number", formula: "0" } as Excel.ConditionalColorScaleCriterion,
          maximum: { type: "Number", formula: "1", color: "#FFFFFF" },
        };
        await ctx.sync();
      }),
    ).rejects.toThrow(/colour-scale criteria/);
  });
});
