// The fake is no kinder than Excel: every member of every object the fake workbook hands out,
// and every Excel member src/excel, src/functions and src/commands use, exists in the released
// Office.js: the release typings (@types/office-js) and the release build (@microsoft/office-js,
// the Excel scripts for the web, Windows and Mac). A preview API (such as ShapeCollection.addSvg)
// fails here, in the fake and in the code alike.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import * as fake from "./excel";
import { errors } from "./excel-state";
import { installEvents } from "../browser/fake-events";

const root = path.resolve(__dirname, "../..");
const TYPINGS = path.join(root, "node_modules/@types/office-js/index.d.ts");
const BUILDS = ["excel-web-16.00", "excel-win32-16.01", "excel-mac-16.00"].map((b) => path.join(root, `node_modules/@microsoft/office-js/dist/${b}.debug.js`));

// ---- the release typings ----

interface ApiClass {
  /** Each member's type: a property's, or a method's return types (overloads). */
  members: Map<string, string[]>;
  /** Parameter type texts of each method (the first overload with most parameters). */
  params: Map<string, string[]>;
  base?: string;
}

/** Classes and interfaces declared directly in `namespace Excel`, `OfficeCore` and `OfficeExtension`. */
function readTypings(): Map<string, ApiClass> {
  const source = ts.createSourceFile(TYPINGS, readFileSync(TYPINGS, "utf8"), ts.ScriptTarget.Latest, false);
  const out = new Map<string, ApiClass>();
  for (const stmt of source.statements) {
    if (!ts.isModuleDeclaration(stmt) || !["Excel", "OfficeCore", "OfficeExtension"].includes(stmt.name.text) || !stmt.body || !ts.isModuleBlock(stmt.body))
      continue;
    const ns = stmt.name.text;
    for (const d of stmt.body.statements) {
      if (!(ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d)) || !d.name) continue;
      const name = ns === "Excel" ? d.name.text : `${ns}.${d.name.text}`;
      const cls: ApiClass = out.get(name) ?? { members: new Map(), params: new Map() };
      const base = d.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(source)))[0];
      if (base) cls.base = base.includes(".") ? base.replace(/^Excel\./, "") : ns === "Excel" ? base : `${ns}.${base}`;
      for (const m of d.members) {
        if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
        const key = m.name.text;
        const types = cls.members.get(key) ?? [];
        const t = (m as { type?: ts.TypeNode }).type;
        if (t) types.push(t.getText(source));
        cls.members.set(key, types);
        if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) {
          const ps = m.parameters.map((p) => p.type?.getText(source) ?? "");
          if ((cls.params.get(key)?.length ?? -1) < ps.length) cls.params.set(key, ps);
        }
      }
      out.set(name, cls);
    }
  }
  return out;
}

const typings = readTypings();

/** A member of an API class, its bases included. */
function apiMember(type: string, member: string): string[] | undefined {
  for (let t: string | undefined = type; t; t = typings.get(t)?.base) {
    const found = typings.get(t)?.members.get(member);
    if (found) return found;
  }
  return undefined;
}

/** `Excel.WorksheetCollection` → `WorksheetCollection`; `Excel.Worksheet[]` → `Worksheet`; events → EventHandlers. */
function apiClassOf(typeText: string): string | undefined {
  const t = typeText.replace(/\s/g, "");
  if (/^OfficeExtension\.EventHandlers</.test(t)) return "OfficeExtension.EventHandlers";
  if (/^OfficeExtension\.EventHandlerResult$/.test(t)) return "OfficeExtension.EventHandlerResult";
  const m = /^(?:Excel\.)?([A-Z]\w*)(\[\])?$/.exec(t);
  return m && typings.has(m[1]) ? m[1] : undefined;
}

// ---- the release build ----

/** Per class name, the members its prototypes define in one build script (every namespace). */
function readBuild(file: string): Map<string, Set<string>> {
  const text = readFileSync(file, "utf8");
  const out = new Map<string, Set<string>>();
  const add = (c: string, m: string) => (out.get(c) ?? (out.set(c, new Set()), out.get(c)!)).add(m);
  for (const m of text.matchAll(/\b(\w+)\.prototype\.(\w+) = function/g)) add(m[1], m[2]);
  for (const m of text.matchAll(/Object\.defineProperty\((\w+)\.prototype, "(\w+)"/g)) add(m[1], m[2]);
  return out;
}

const builds = BUILDS.map(readBuild);

/** Whether every build defines the member on the class or one of its bases (as the typings chain them). */
function inBuilds(type: string, member: string): boolean {
  const chain: string[] = [];
  for (let t: string | undefined = type; t; t = typings.get(t)?.base) chain.push(t.replace(/^\w+\./, ""));
  if (!typings.has(type)) chain.push(type.replace(/^\w+\./, ""));
  return builds.every((b) => chain.some((c) => b.get(c)?.has(member)));
}

/** Where a member is missing from the release, or undefined when it is in both. */
function missing(type: string, member: string): string | undefined {
  if (!apiMember(type, member)) return `${type}.${member}: not in the release typings`;
  // Events, their results and interfaces are typings-only shapes; classes are in the build too.
  const inBuild = type.startsWith("OfficeExtension.") && !["OfficeExtension.ClientObject", "OfficeExtension.ClientRequestContext"].includes(type);
  if (!inBuild && !inBuilds(type, member)) return `${type}.${member}: not in the release build`;
  return undefined;
}

// ---- the fake's own declarations: what is fake-internal ----

/** Per class of the fake's files, its members that are not API: private, protected or tagged @fake. */
function fakeInternals(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of ["test/fakes/excel.ts", "test/fakes/excel-state.ts"]) {
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        const set = out.get(node.name.text) ?? new Set<string>();
        const internal = (n: ts.Node) =>
          (ts.getCombinedModifierFlags(n as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 ||
          ts.getJSDocTags(n).some((t) => t.tagName.text === "fake");
        for (const m of node.members) {
          if (m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && internal(m)) set.add(m.name.text);
          if (ts.isConstructorDeclaration(m))
            for (const p of m.parameters) if (ts.isIdentifier(p.name) && (internal(p) || !ts.getModifiers(p)?.length)) set.add(p.name.text);
        }
        out.set(node.name.text, set);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const internals = fakeInternals();

/** The fake's internal members of an object's class and its bases. */
function internalOf(o: object): Set<string> {
  const set = new Set<string>();
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    for (const m of internals.get(p.constructor.name) ?? []) set.add(m);
  return set;
}

/** Every member name an object answers to: its own and its prototypes' (not Object's or Error's). */
function membersOf(o: object): string[] {
  const names = new Set<string>(Object.keys(o));
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype && p !== Error.prototype; p = Object.getPrototypeOf(p))
    for (const n of Object.getOwnPropertyNames(p)) if (n !== "constructor") names.add(n);
  return [...names];
}

// ---- the walk ----

/** A stand-in argument of an API parameter's type: the fake's proxies accept any and resolve nothing before a sync. */
function argument(typeText: string, range: unknown): unknown {
  if (/\bRange\b/.test(typeText) && !/RangeAreas/.test(typeText)) return range;
  if (/\bstring\b/.test(typeText)) return "A1";
  if (/\bnumber\b/.test(typeText)) return 0;
  if (/\bboolean\b/.test(typeText)) return false;
  if (/=>/.test(typeText)) return () => undefined;
  return undefined;
}

interface Walk {
  problems: string[];
  visitedClasses: Set<string>;
  checked: number;
}

/** Checks every member of the object against `type` and walks into what they give. */
function walk(o: object, type: string, where: string, w: Walk, seen: Set<string>, range: unknown): void {
  const ctor = Object.getPrototypeOf(o)?.constructor?.name ?? "Object";
  const key = ctor === "Object" ? `${type}|${membersOf(o).sort().join(",")}` : `${ctor}|${type}`;
  if (seen.has(key)) return;
  seen.add(key);
  if (ctor !== "Object") w.visitedClasses.add(ctor);
  const internal = internalOf(o);
  for (const m of membersOf(o)) {
    if (internal.has(m)) continue;
    w.checked++;
    const why = missing(type, m);
    if (why) {
      w.problems.push(`${where}.${m} (fake ${ctor}): ${why}`);
      continue;
    }
    // Walk into objects the API types as API classes.
    const types = apiMember(type, m) ?? [];
    let value: unknown;
    try {
      value = (o as Record<string, unknown>)[m];
    } catch {
      continue; // a property not loaded: a value, not an object to walk
    }
    if (typeof value === "function") {
      const back = types.map(apiClassOf).find(Boolean);
      if (!back) continue;
      let cls: string | undefined = type;
      while (cls && !typings.get(cls)?.params.has(m)) cls = typings.get(cls)?.base;
      const params = (cls && typings.get(cls)?.params.get(m)) || [];
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown).apply(
          o,
          params.map((p) => argument(p, range)),
        );
      } catch {
        continue;
      }
      if (result && typeof result === "object" && !(result instanceof Promise)) walk(result, back, `${where}.${m}()`, w, seen, range);
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      const cls = types.map(apiClassOf).find(Boolean);
      if (cls) walk(value, cls, `${where}.${m}`, w, seen, range);
    }
  }
}

describe("the fake workbook offers nothing released Excel lacks", () => {
  it("reads the release typings and builds", () => {
    expect(typings.get("ShapeCollection")?.members.has("addImage")).toBe(true);
    expect(typings.get("ShapeCollection")?.members.has("addSvg")).toBe(false);
    expect(inBuilds("ShapeCollection", "addImage")).toBe(true);
    expect(inBuilds("Range", "getUsedRangeOrNullObject")).toBe(true);
    expect(inBuilds("ShapeCollection", "addSvg")).toBe(false);
  });

  it("every member of every object it hands out, from the request context down, is in the release", () => {
    const xl = new fake.FakeExcel();
    installEvents(xl); // the table and sheet events the model listens to
    const w: Walk = { problems: [], visitedClasses: new Set(), checked: 0 };
    const seen = new Set<string>();
    // A context of its own: what the walk queues is never synced.
    const context = new fake.FakeContext(xl);
    const range = context.workbook.getSelectedRange();
    walk(context, "RequestContext", "context", w, seen, range);
    // The errors it throws are Office's errors.
    walk(errors.itemNotFound("x"), "OfficeExtension.Error", "error", w, seen, range);
    expect(w.problems).toEqual([]);
    // The walk reached every class the fake exports but the host itself (FakeExcel: Excel.run,
    // the workbook's state, faults) and its error (checked above).
    const classes = Object.entries(fake)
      .filter(([, v]) => typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v)))
      .map(([k]) => k)
      .filter((k) => !["FakeExcel", "FakeOfficeError"].includes(k));
    expect(classes.filter((c) => !w.visitedClasses.has(c))).toEqual([]);
    expect(w.checked).toBeGreaterThan(150);
  });

  it("the Excel namespace it stands in for names only released members", () => {
    const xl = new fake.FakeExcel();
    const source = ts.createSourceFile(TYPINGS, readFileSync(TYPINGS, "utf8"), ts.ScriptTarget.Latest, false);
    const names = new Set<string>();
    for (const s of source.statements)
      if (ts.isModuleDeclaration(s) && s.name.text === "Excel" && s.body && ts.isModuleBlock(s.body))
        for (const d of s.body.statements) {
          if (ts.isFunctionDeclaration(d) && d.name) names.add(d.name.text);
          if ((ts.isEnumDeclaration(d) || ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d)) && d.name) names.add(d.name.text);
        }
    expect(Object.keys(xl.namespace).filter((k) => !names.has(k))).toEqual([]);
  });
});

// ---- the code: src/excel, src/functions, src/commands ----

const OFFICE_DIRS = ["src/excel/", "src/functions/", "src/commands/"];

/** Whether a declaration is in the release typings (node_modules may be a link: compare the ends). */
const inTypings = (d: ts.Node) => d.getSourceFile().fileName.replace(/\\/g, "/").endsWith("/node_modules/@types/office-js/index.d.ts");

/** Whether a type is one of Office.js's (declared in the release typings), or a mix with one. */
function officeType(t: ts.Type): boolean {
  if (t.isUnionOrIntersection()) return t.types.some(officeType);
  const decls = (t.aliasSymbol ?? t.getSymbol())?.declarations ?? [];
  return decls.some(inTypings);
}

/** The Office.js members the code uses that the release lacks, or that it declares itself. */
export function scanSources(files?: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const roots = files ?? config.fileNames.filter((f) => OFFICE_DIRS.some((d) => path.relative(root, f).startsWith(d)));
  const program = ts.createProgram(roots, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const problems: string[] = [];
  for (const file of roots) {
    const source = program.getSourceFile(file)!;
    const report = (node: ts.Node, why: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      problems.push(`${path.relative(root, file)}:${line + 1} ${node.getText(source).slice(0, 80)}: ${why}`);
    };
    const visit = (node: ts.Node) => {
      const access = ts.isPropertyAccessExpression(node)
        ? { target: node.expression, name: node.name, text: node.name.text }
        : ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)
          ? { target: node.expression, name: node.argumentExpression, text: node.argumentExpression.text }
          : undefined;
      if (access) {
        let inner: ts.Expression = access.target;
        while (ts.isParenthesizedExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
        // A cast that hides an Office object's type (`as any`, `as Shapes & { more(): … }`).
        if (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) {
          const from = checker.getTypeAtLocation(inner.expression);
          const to = checker.getTypeAtLocation(inner);
          if (officeType(from) && !officeType(to)) report(node, "an Office object cast to a type that is not Office's");
        }
        const t = checker.getNonNullableType(checker.getTypeAtLocation(access.target));
        if (officeType(t)) {
          const symbol = checker.getSymbolAtLocation(access.name);
          const decls = symbol?.declarations ?? [];
          if (!symbol || !decls.length) report(node, "no such member in the release typings");
          else if (!decls.every(inTypings)) report(node, "a member the code declares itself, not the release typings");
          else
            for (const d of decls) {
              const owner = d.parent;
              const cls =
                (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name && ts.isModuleBlock(owner.parent) ? owner : undefined;
              const ns = cls && (owner.parent.parent as ts.ModuleDeclaration).name.text;
              if (cls && ns === "Excel" && ts.isClassDeclaration(cls) && !inBuilds(cls.name!.text, access.text))
                report(node, `Excel.${cls.name!.text}.${access.text} is not in the release build`);
            }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

describe("the code uses released Office.js only", () => {
  it("every Excel member used in src/excel, src/functions and src/commands is in the release typings and builds", () => {
    expect(scanSources()).toEqual([]);
  }, 120_000);
});
