// The docs are executable: every `sci` command shown in docs/*.md, examples/README.md and
// README.md runs, and where a fenced block shows its output (`$ npx sci …` then what it
// prints) the program prints that. A line `…` in the shown output stands for lines left out,
// and `…` inside a line for any text. Commands are written as they run after `npm install`:
// `npx sci …` or `node bin/sci.js …` (a bare `sci` is "command not found").
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, sci } from "./helpers";

const FILES = [
  "README.md",
  "examples/README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

interface Shown {
  file: string;
  line: number;
  argv: string[];
  /** The output shown under the command, or undefined when the block shows none. */
  output?: string[];
}

/** A command line as argv: words, 'single' and "double" quotes; a trailing `# comment` dropped. */
function words(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

const PREFIXES = [
  ["npx", "sci"],
  ["node", "bin/sci.js"],
];

/** Every fenced block's commands, with the output shown under each (until the next `$`). */
function shownCommands(file: string): { commands: Shown[]; bare: string[] } {
  const lines = readFileSync(join(ROOT, file), "utf8").split(/\r?\n/);
  const commands: Shown[] = [];
  const bare: string[] = [];
  let fenced = false;
  let current: Shown | undefined;
  lines.forEach((raw, i) => {
    if (/^\s*```/.test(raw)) {
      fenced = !fenced;
      current = undefined;
      return;
    }
    if (!fenced) return;
    const prompt = /^\s*\$ /.test(raw);
    const text = raw.replace(/^\s*\$ /, "");
    const w = words(text);
    if (w[0] === "sci") bare.push(`${file}:${i + 1}: ${raw.trim()}`);
    const prefix = PREFIXES.find((p) => w[0] === p[0] && w[1] === p[1]);
    // A usage synopsis (`[--json]`, `A|B`, `FILE…`) is not a command to run.
    const synopsis = w.some((x) => /^[[<]|\||…$/.test(x));
    if (prefix && synopsis) current = undefined;
    else if (prefix) {
      current = { file, line: i + 1, argv: w.slice(2), output: prompt ? [] : undefined };
      commands.push(current);
    } else if (prompt) current = undefined;
    else if (current?.output) current.output.push(raw);
  });
  return { commands, bare };
}

const all = FILES.map(shownCommands);
const commands = all.flatMap((a) => a.commands);

/** Whether `shown` appears in `actual` line by line, in order, with `…` as a wildcard. */
function missingLines(shown: readonly string[], actual: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const line of shown.map((l) => l.trimEnd()).filter((l) => l.trim() !== "")) {
    if (/^\s*(…|\.\.\.)\s*$/.test(line)) continue;
    const pattern = new RegExp(
      `^${line
        .split("…")
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    );
    const found = actual.findIndex((a, k) => k >= at && pattern.test(a.trimEnd()));
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

const OUTPUT_OPTIONS = new Set(["--out"]);
const FILE = /\.(csv|xlsx|geojson|json|svg|png|docx)$/i;

/** The argv with every input file made absolute; or why the command cannot run here. */
function prepared(argv: string[]): { argv: string[] } | { skip: string } {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const isOutput = OUTPUT_OPTIONS.has(argv[k - 1]) || (argv[0] === "template" && k > 1);
    if (!isOutput && FILE.test(a)) {
      if (!existsSync(join(ROOT, a))) return { skip: `${a} is the reader's own file` };
      out.push(join(ROOT, a));
    } else out.push(a);
  }
  return { argv: out };
}

describe("the docs' commands", () => {
  it("are written npx sci or node bin/sci.js, never a bare sci", () => {
    expect(all.flatMap((a) => a.bare)).toEqual([]);
  });

  it("include the examples' commands and some with their output", () => {
    expect(commands.filter((c) => c.file === "examples/README.md").length).toBeGreaterThanOrEqual(4);
    expect(commands.filter((c) => c.output?.length).length).toBeGreaterThanOrEqual(2);
  });

  for (const c of commands) {
    const p = prepared(c.argv);
    const name = `${c.file}:${c.line}: sci ${c.argv.join(" ")}`;
    if ("skip" in p) {
      it.skip(`${name} (skipped: ${p.skip})`, () => {});
      continue;
    }
    it(name, async () => {
      const cwd = mkdtempSync(join(tmpdir(), "sci-docs-"));
      try {
        const ran = await sci(p.argv, cwd);
        const printed = `${ran.stderr}${ran.stdout}`.split("\n");
        // A shown error is an exit code 1; otherwise the command succeeds.
        const shownError = c.output?.some((l) => /^错误 error /.test(l)) ?? false;
        expect(ran.code, printed.join("\n")).toBe(shownError ? 1 : 0);
        if (c.output) expect(missingLines(c.output, printed), printed.join("\n")).toEqual([]);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
