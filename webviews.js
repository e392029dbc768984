// The webviews the add-in runs in, declared once: the build compiles to them and checks every
// emitted script against them. The add-in uses the shared runtime, which Office runs only in
// Chromium webviews (WebView2 on Windows, Excel on the web in current browsers) and in
// WKWebView on the Mac; Internet Explorer 11 and EdgeHTML are out. The oldest of these is
// WKWebView on a Mac that can no longer update Safari past 14 (macOS 10.15/11 with Office
// 2019 or 2021): ES2021 syntax (Safari 14 has logical assignment), no regular-expression lookbehind (Safari 16.4), no ES2022 class
// fields, and none of the library methods Safari added in 15.4.
const acorn = require("acorn");

const WEBVIEWS = {
  /** Syntax level every webview parses; TypeScript compiles the add-in to it. */
  ecmaVersion: 2021,
  typescriptTarget: "ES2021",
  /** What the oldest webview is, for messages. */
  oldest: "Safari 14 (WKWebView)",
  /** Built-ins newer than the oldest webview: a call to one fails at run time, not at parse. */
  lateMethods: ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "hasOwn"],
  lateGlobals: ["structuredClone"],
};

/** Whether a regular expression's source uses lookbehind, (?<= or (?<!, outside a character class. */
function hasLookbehind(pattern) {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(" && pattern[i + 1] === "?" && pattern[i + 2] === "<" && (pattern[i + 3] === "=" || pattern[i + 3] === "!")) return true;
  }
  return false;
}

function walk(node, visit) {
  if (!node || typeof node.type !== "string") return;
  visit(node);
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) v.forEach((n) => walk(n, visit));
    else if (v && typeof v === "object" && typeof v.type === "string") walk(v, visit);
  }
}

/**
 * What in `code` the declared webviews cannot run: syntax beyond their ECMAScript level (acorn
 * checks regular-expression syntax and flags too), lookbehind in a regex literal or in a string
 * given to RegExp, and calls to built-ins newer than the oldest webview. [] when it runs everywhere.
 */
function unsupported(code, file = "script") {
  let ast;
  try {
    ast = acorn.parse(code, { ecmaVersion: WEBVIEWS.ecmaVersion, sourceType: "script", locations: true });
  } catch (e) {
    const at = e.pos !== undefined ? code.slice(Math.max(0, e.pos - 40), e.pos + 40).replace(/\s+/g, " ") : "";
    return [`${file}: not ES${WEBVIEWS.ecmaVersion} (${WEBVIEWS.oldest} cannot parse it): ${e.message} near «${at}»`];
  }
  const found = [];
  const where = (n) => `${file}:${n.loc.start.line}:${n.loc.start.column + 1}`;
  walk(ast, (n) => {
    if (n.type === "Literal" && n.regex && hasLookbehind(n.regex.pattern))
      found.push(`${where(n)}: regex lookbehind /${n.regex.pattern.slice(0, 60)}/ (${WEBVIEWS.oldest} cannot parse it)`);
    if ((n.type === "NewExpression" || n.type === "CallExpression") && n.callee.type === "Identifier" && n.callee.name === "RegExp") {
      const first = n.arguments[0];
      if (first && first.type === "Literal" && typeof first.value === "string" && hasLookbehind(first.value))
        found.push(`${where(n)}: RegExp("${first.value.slice(0, 60)}") uses lookbehind`);
    }
    if (n.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed && WEBVIEWS.lateMethods.includes(n.callee.property.name))
      found.push(`${where(n)}: .${n.callee.property.name}() is not in ${WEBVIEWS.oldest}`);
    if (n.type === "CallExpression" && n.callee.type === "Identifier" && WEBVIEWS.lateGlobals.includes(n.callee.name))
      found.push(`${where(n)}: ${n.callee.name}() is not in ${WEBVIEWS.oldest}`);
  });
  return found;
}

module.exports = { WEBVIEWS, unsupported, hasLookbehind };
