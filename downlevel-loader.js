// A webpack loader for dependencies: a module the add-in's webviews (./webviews.js) cannot
// parse — a class static block, a class field — is compiled down to their ECMAScript level by
// TypeScript; every other module passes untouched, so the build stays fast.
const acorn = require("acorn");
const ts = require("typescript");
const { WEBVIEWS } = require("./webviews");

module.exports = function downlevel(source) {
  try {
    acorn.parse(source, { ecmaVersion: WEBVIEWS.ecmaVersion, sourceType: "module" });
    return source;
  } catch {
    const target = ts.ScriptTarget[WEBVIEWS.typescriptTarget];
    return ts.transpileModule(source, {
      fileName: this.resourcePath,
      compilerOptions: { target, module: ts.ModuleKind.ESNext, allowJs: true, sourceMap: false },
    }).outputText;
  }
};
