// functions.json as the build generates it (custom-functions-metadata over the JSDoc tags of
// src/functions/functions.ts, the generator the webpack plugin runs): the contract Excel sees.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as sci from "../../src/functions/functions";
import { installCustomFunctions } from "./fake-runtime";

installCustomFunctions();

const root = path.resolve(__dirname, "../..");
const SOURCE = path.join(root, "src/functions/functions.ts");
const config = createRequire(__filename)(path.join(root, "webpack.config.js"));

/** Names, arguments and optionality are a contract: keep them stable. */
const CONTRACT: Record<string, [string, boolean][]> = {
  DISTRICT: [
    ["district", false],
    ["indicator", true],
  ],
  RANK: [
    ["district", false],
    ["indicator", true],
    ["scope", true],
  ],
  CITY: [
    ["indicator", true],
    ["scope", true],
  ],
  RANKING: [
    ["indicator", true],
    ["scope", true],
  ],
  CONTRIB: [
    ["district", false],
    ["indicator", false],
  ],
  SCORE: [
    ["values", false],
    ["coefficient", true],
  ],
  INDICATORS: [["level", true]],
  CHANGE: [
    ["district", false],
    ["indicator", true],
    ["scope", true],
  ],
  EVALUATE: [
    ["range", false],
    ["indicator", true],
    ["scope", true],
  ],
  VALUE: [
    ["range", false],
    ["district", false],
    ["indicator", true],
  ],
  RANKOF: [
    ["range", false],
    ["district", false],
    ["indicator", true],
    ["scope", true],
  ],
};
const SPILLED = ["RANKING", "INDICATORS", "CHANGE", "EVALUATE"];
/**
 * Plain functions: none. The range functions stream too: they score their range with the
 * workbook's framework, entity list, choices and rounding, which Excel does not see change.
 */
const PLAIN: string[] = [];

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  options?: { stream?: boolean; volatile?: boolean };
  parameters: Parameter[];
  result: { dimensionality?: string; type?: string };
}

const bilingual = (s: string | undefined) => !!s && /[\u3400-\u9fff]/.test(s) && /[A-Za-z]{4,}/.test(s);

describe("functions.json", async () => {
  const generated = await generateCustomFunctionsMetadata([SOURCE]);
  const metadata: { functions: FunctionMetadata[] } = JSON.parse(generated.metadataJson || "{}");
  const byId = new Map(metadata.functions?.map((f) => [f.id, f]));

  it("is generated without errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("has exactly the SCI functions, named without the namespace (the manifest adds SCI)", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
    const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
    expect(manifest).toMatch(/<Namespace resid="Functions\.Namespace"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="SCI"\/>/);
  });

  it("keeps every function's arguments, in order, with a Chinese and English description each", () => {
    for (const [id, params] of Object.entries(CONTRACT)) {
      const f = byId.get(id)!;
      expect(bilingual(f.description), `${id}: ${f.description}`).toBe(true);
      expect(
        f.parameters.map((p) => [p.name, !!p.optional]),
        id,
      ).toEqual(params);
      for (const p of f.parameters) expect(bilingual(p.description), `${id}.${p.name}`).toBe(true);
    }
  });

  it("keeps descriptions short enough for the Insert Function dialog (the help page has the rest)", () => {
    // The dialog shows about two lines under the function list; the argument boxes one line each.
    for (const f of metadata.functions) {
      expect(f.description!.length, `${f.id}: ${f.description}`).toBeLessThanOrEqual(130);
      for (const p of f.parameters) expect(p.description!.length, `${f.id}.${p.name}: ${p.description}`).toBeLessThanOrEqual(120);
    }
  });

  it("streams every function: each reads the model (SCORE and the range functions score with the workbook's framework); none is volatile", () => {
    for (const f of metadata.functions) {
      expect(!!f.options?.stream, f.id).toBe(!PLAIN.includes(f.id));
      expect(f.options?.volatile, f.id).toBeUndefined();
    }
  });

  it("spills RANKING, INDICATORS, CHANGE and EVALUATE; SCORE and the range functions take a range", () => {
    for (const f of metadata.functions) expect(f.result.dimensionality === "matrix", f.id).toBe(SPILLED.includes(f.id));
    for (const id of ["SCORE", "EVALUATE", "VALUE", "RANKOF"]) expect(byId.get(id)!.parameters[0].dimensionality, id).toBe("matrix");
    for (const id of ["DISTRICT", "RANK", "CITY", "CONTRIB", "SCORE", "VALUE", "RANKOF"]) expect(byId.get(id)!.result.type, id).toBe("number");
  });

  it("links each function to its section of help.html on the add-in's own server", () => {
    const page = config.helpPage(metadata) as string;
    for (const f of metadata.functions) {
      expect(f.helpUrl).toBe(`${config.DEV_URL}help.html#sci-${f.id.toLowerCase()}`);
      expect(page).toContain(`<section id="sci-${f.id.toLowerCase()}">`);
      expect(page).toContain(`SCI.${f.name}(`);
    }
  });

  it("associates each id with the exported function of that name", () => {
    expect(generated.associate.map((a) => a.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const a of generated.associate) expect(typeof (sci as Record<string, unknown>)[a.functionName], a.functionName).toBe("function");
  });
});
