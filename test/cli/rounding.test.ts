import { sci, sciJson } from "./helpers";

const at = (j: Awaited<ReturnType<typeof sciJson>>, id: string) => j.districts.find((d) => d.district === id)!;

describe("sci score --rounding", () => {
  it("report rounding rounds every computed index below the composite to the cent", async () => {
    const j = await sciJson(["score", "--rounding", "report"]);
    // 杨浦 from the published, rounded A, B, C: (0.2·122.82 + 0.5·113.27 + 0.3·95.65) × 0.98 = 107.69612
    expect(at(j, "杨浦").values.A).toBe(122.82);
    expect(at(j, "杨浦").values.SCI).toBeCloseTo(107.69612, 9);
    expect(at(j, "黄浦").values.A).toBe(135.76);
  });

  it("the default keeps full precision", async () => {
    const j = await sciJson(["score"]);
    expect(at(j, "杨浦").values.A).toBeCloseTo(122.8135, 4);
  });

  it("anything but exact or report is a usage error", async () => {
    const r = await sci(["score", "--rounding", "banker"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rounding.*exact.*report/);
  });
});
