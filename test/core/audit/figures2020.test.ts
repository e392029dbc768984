// The audit of the 2020 data against figures computed outside SCI: test/core/audit/independent.py
// (plain Python 3 from the spec CSVs: its own tree walk, Excel's SKEW/KURT formulas, CORREL,
// Spearman on average ranks, Cronbach's alpha). LibreOffice Calc's SKEW, KURT and CORREL on
// A2.1, A3.1, B2.1, B2.5, B4.3, B4.4, C2.1 and C3.2 agree with it to 12 digits.
import { audit, coherence, importance, score } from "../../../src/core";
import { dataset2020, framework2020 } from "../../../src/data";

// code: [mean, sd, skew, kurtosis, r_parent, r_composite, rho_composite]
const INDICATORS: Record<string, (number | null)[]> = {
  A: [119.156296875, 12.257981767, 0.196279215, -0.95736369, 0.683482391, 0.683482391, 0.776470588],
  A1: [121.06, 49.149983655, 0.217770807, -0.950261781, 0.992212697, 0.687249871, 0.779411765],
  "A1.1": [121.06, 49.149983655, 0.217770807, -0.950261781, 1.0, 0.687249871, 0.779411765],
  A2: [123.375267857, 2.353851365, 0.410039294, -0.396155045, 0.583955778, 0.323338709, 0.382352941],
  "A2.1": [139.35, 2.70692938, -1.970939453, 4.70533951, 0.536393845, 0.51248178, 0.435294118],
  "A2.2": [114.9225, 0.996189406, -0.32196965, 0.023893003, 0.51795534, 0.362916234, 0.394117647],
  "A2.3": [100.809375, 12.423363725, -0.091268362, -0.574478006, 0.851063701, 0.00654275, 0.056006032],
  A3: [108.583125, 4.637959636, -2.350782245, 7.613322827, 0.486176778, 0.326367476, 0.532352941],
  "A3.1": [107.47125, 9.54092789, -2.251918763, 6.931978493, 0.997185506, 0.320331579, 0.501839724],
  "A3.2": [109.695, 0.753923073, -0.132169615, -1.342230387, -0.315888636, -0.038335651, -0.108312897],
  B: [113.124538043, 14.987523688, 0.053585995, -0.496058107, 0.967603098, 0.967603098, 0.914705882],
  B1: [106.1875, 7.419488358, 0.672674666, -0.994893685, 0.272731533, 0.299706789, 0.314705882],
  "B1.1": [119.125625, 2.056080312, -0.923034107, -0.572937718, 0.507117398, -0.064371791, 0.052980147],
  "B1.2": [110.473125, 27.197480697, 0.828096933, -0.969715837, 0.942038617, 0.258704588, 0.172822967],
  "B1.3": [96.866875, 8.20953163, -1.755461428, 3.350304368, 0.476714443, 0.416030377, 0.154982605],
  "B1.4": [98.284375, 4.909729074, -1.337319086, 0.725853199, -0.183187311, -0.290136148, -0.259221487],
  B2: [120.709642857, 32.973282611, 0.594615014, -0.952356185, 0.680187393, 0.659603159, 0.8],
  "B2.1": [92.7375, 22.750711491, -2.535655974, 6.394341719, 0.343318603, 0.301137318, 0.298749161],
  "B2.2": [120.0725, 44.840984452, 0.016948852, -1.914153097, -0.047572565, -0.06163945, -0.182352941],
  "B2.3": [126.590625, 87.4061314, 0.2352786, -1.83780089, 0.963444538, 0.692131409, 0.782352941],
  "B2.4": [96.934375, 7.175200781, -1.49828184, 1.484443201, -0.178563344, 0.147775416, 0.250553302],
  "B2.5": [111.9475, 8.15505937, -2.249259891, 7.591394759, -0.013783224, 0.13728167, -0.123529412],
  "B2.6": [164.28625, 82.586804747, 0.534383144, -1.478370317, 0.968439836, 0.556690369, 0.582352941],
  "B2.7": [132.39875, 68.354031325, 0.809931329, -0.143639946, 0.911983603, 0.577964284, 0.702941176],
  B3: [126.421125, 46.733525508, 0.76566671, 0.723313004, 0.399221344, 0.354997303, 0.094117647],
  "B3.1": [211.16875, 150.113553058, 0.475092967, -1.167925009, 0.84393268, 0.074600536, -0.108823529],
  "B3.2": [97.733125, 6.284737829, 0.062368133, -0.615600763, 0.473459331, 0.454798995, 0.420680877],
  "B3.3": [118.098125, 86.536081432, 0.646762274, 0.115268616, 0.825248397, 0.585438042, 0.405007803],
  "B3.4": [102.49375, 39.454582814, 0.182823733, 0.166505642, 0.263704536, -0.286530441, -0.291176471],
  "B3.5": [102.611875, 52.958475962, -0.181987466, -0.496304983, 0.418973758, 0.557756961, 0.473529412],
  B4: [100.005892857, 15.65524281, -0.269757592, -1.577455085, 0.787848789, 0.816288648, 0.832352941],
  "B4.1": [100.355, 74.244940209, -0.209674006, -2.108273733, 0.898111475, 0.71919481, 0.766553085],
  "B4.2": [124.38, 9.683254274, -0.79333406, -0.51837914, 0.500277101, 0.533276804, 0.364705882],
  "B4.3": [95.54125, 8.484725786, -2.476898847, 5.851945401, -0.06471328, 0.014761326, 0.140426359],
  "B4.4": [94.395, 14.79991036, -2.111808922, 3.803014224, 0.397304434, 0.245973922, 0.392603364],
  "B4.5": [102.50625, 5.887517728, 1.597138336, 1.471197434, 0.52137971, 0.35927887, 0.289584496],
  "B4.6": [100.0, 0.0, null, null, null, null, null],
  "B4.7": [82.86375, 38.802545084, -0.924109973, -0.239364109, 0.764422246, 0.644623948, 0.485108221],
  C: [102.230694444, 14.308561642, 0.348516277, 1.160440308, 0.894077307, 0.894077307, 0.876470588],
  C1: [97.4684375, 3.51138943, -0.419177776, -1.393411863, 0.590818809, 0.496683132, 0.435036389],
  "C1.1": [98.16875, 2.324354749, -0.931446479, 0.14346518, 0.590804926, 0.410869143, 0.522180303],
  "C1.2": [96.768125, 5.952656795, -0.688610751, -0.370955316, 0.949078507, 0.425539426, 0.348069293],
  C2: [100.14109375, 9.480112296, -0.545131994, -0.99292194, 0.780800495, 0.69578069, 0.65380417],
  "C2.1": [100.400625, 9.67650658, -2.340062299, 5.309220045, 0.516167329, 0.204752176, 0.177966023],
  "C2.2": [101.293125, 17.225775152, -0.662821379, -0.81190524, 0.834027888, 0.671543793, 0.633098463],
  "C2.3": [101.756875, 8.492826556, -0.763303815, -0.682609151, 0.804983369, 0.656638755, 0.542048854],
  "C2.4": [97.11375, 15.78425286, -1.240111759, 0.481744814, 0.7426637, 0.459853827, 0.397178043],
  C3: [108.191666667, 32.781961481, 0.96109835, 2.617230962, 0.966177283, 0.866983206, 0.814705882],
  "C3.1": [92.4425, 15.702633113, -0.59397752, -1.673167458, 0.671952964, 0.744372405, 0.728433232],
  "C3.2": [120.900625, 76.665538322, 1.44991311, 3.06657228, 0.935386568, 0.729246858, 0.687776887],
  "C3.3": [111.231875, 26.68515298, 0.09632833, -1.353248245, 0.602677407, 0.662073047, 0.597857648],
};
const CRONBACH: Record<string, number> = {
  SCI: 0.830117725,
  A: 0.168522832,
  A2: 0.115179591,
  A3: -0.129122588,
  B: -0.140336483,
  B1: 0.068649153,
  B2: 0.68972646,
  B3: 0.461928085,
  B4: 0.444142269,
  C: 0.460009653,
  C1: 0.343989224,
  C2: 0.673479448,
  C3: 0.43977414,
};

const COLLINEAR = [
  ["B2.3", "B2.6", 0.938404],
  ["B2.6", "B2.7", 0.917887],
];

const s = score(dataset2020());
const { result, issues } = audit(s);
const byCode = new Map(result.indicators.map((i) => [i.code, i]));
const close = (got: number | null, want: number | null) => {
  if (want === null) expect(got).toBeNull();
  else expect(got).toBeCloseTo(want, 8);
};

describe("2020: every indicator's statistics match the independent computation", () => {
  it("covers every indicator except the composite", () => expect([...byCode.keys()]).toEqual(Object.keys(INDICATORS)));
  it.each(Object.entries(INDICATORS))("%s", (code, [mean, sd, skew, kurt, rParent, rComposite, rho]) => {
    const i = byCode.get(code)!;
    expect(i.n).toBe(16);
    close(i.mean, mean);
    close(i.sd, sd);
    close(i.skew, skew);
    close(i.kurtosis, kurt);
    close(i.rParent, rParent);
    close(i.rComposite, rComposite);
    close(i.rhoComposite, rho);
    expect(i.outlier).toBe(skew !== null && Math.abs(skew) >= 2 && kurt! >= 3.5);
  });
  it("Cronbach's alpha of every parent with two or more children", () => {
    expect(result.cronbach.map((c) => c.parent)).toEqual(Object.keys(CRONBACH));
    for (const c of result.cronbach) close(c.alpha, CRONBACH[c.parent]);
  });
});

describe("2020: flags", () => {
  it("outliers by the JRC rule: A3 and six input indicators", () =>
    expect(result.indicators.filter((i) => i.outlier).map((i) => i.code)).toEqual(["A3", "A3.1", "B2.1", "B2.5", "B4.3", "B4.4", "C2.1"]));
  // 16 districts (15 for A1.1): |r| must pass 0.497 (0.514) to differ from 0 at 5%, two-sided
  // (the printed table of critical r); no negative r with the parent does.
  it("negative correlation with the parent: flagged only beyond the critical r, else weakly related", () => {
    const below = Object.entries(INDICATORS).filter(([, v]) => v[4] !== null && v[4] < 0);
    expect(result.negative.map(([c]) => c)).toEqual(below.filter(([, v]) => v[4]! < -0.497).map(([c]) => c));
    expect(result.weak.map(([c]) => c)).toEqual(below.filter(([, v]) => v[4]! >= -0.497).map(([c]) => c));
  });
  it("collinear siblings (|r| > 0.9) are the pairs the independent matrix finds", () => {
    expect(result.collinear.map(([a, b, r]) => [a, b, +r.toFixed(6)])).toEqual(COLLINEAR);
  });
  it("B4.6 (all 100) has no skewness or correlation, with a note", () => {
    expect(byCode.get("B4.6")).toMatchObject({ sd: 0, skew: null, kurtosis: null, rParent: null, rComposite: null, rhoComposite: null, outlier: false });
    expect(issues.filter((i) => i.indicator === "B4.6").map((i) => [i.severity, i.code])).toEqual([["warning", "audit-constant"]]);
  });
});

describe("2020: importance", () => {
  const imp = importance(framework2020, s.values, 16);
  it("weights are the nominal weights in the composite and sum to 1", () => {
    expect(imp.find((x) => x.indicator === "A1.1")!.weight).toBeCloseTo((1 / 5) * (9 / 40), 15);
    expect(imp.reduce((t, x) => t + x.weight, 0)).toBeCloseTo(1, 12);
  });
  it("r² is the independent r_composite squared; shares sum to 1", () => {
    for (const x of imp) {
      const r = INDICATORS[x.indicator][5];
      if (r === null) expect(x.r2).toBeNull();
      else expect(x.r2).toBeCloseTo(r * r, 8);
    }
    expect(imp.reduce((t, x) => t + (x.share ?? 0), 0)).toBeCloseTo(1, 12);
  });
});

it("the correlation matrices are symmetric with 1 on the diagonal (null for a constant child)", () => {
  const c = coherence(framework2020, s.values, 16);
  for (const m of c.matrices)
    m.r.forEach((row, a) =>
      row.forEach((v, b) => {
        expect(v).toBe(m.r[b][a]);
        if (a === b) expect(v).toBe(m.codes[a] === "B4.6" ? null : 1);
      }),
    );
});
