import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { defaultProfile } from "../data";
import { auditCommand } from "./audit";
import { CliError, EXIT_INPUT, EXIT_OK, EXIT_USAGE, terminal, usageError, type Command, type Io } from "./command";
import { compareCommand } from "./compare";
import { mapCommand } from "./map";
import { inspectCommand } from "./inspect";
import { reportCommand } from "./report";
import { scoreCommand } from "./score";
import { sensitivityCommand } from "./sensitivity";
import { templateCommand } from "./template";

/** The command table. Another subcommand adds itself with `registerCommand`. */
const commands = new Map<string, Command>();

export function registerCommand(command: Command): void {
  commands.set(command.name, command);
}

registerCommand(scoreCommand);
registerCommand(compareCommand);
registerCommand(sensitivityCommand);
registerCommand(mapCommand);
registerCommand(auditCommand);
registerCommand(reportCommand);
registerCommand(inspectCommand);
registerCommand(templateCommand);

function mainHelp(): string {
  const width = Math.max(...[...commands.keys()].map((n) => n.length));
  const list = [...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `SCI — 综合指数评估 / composite-index assessment (built in: ${defaultProfile.name.zh} / ${defaultProfile.name.en})

用法 / Usage: sci <命令 command> [选项 options]

命令 / Commands:
${list}

  sci <命令> --help   该命令的帮助 / help on a command
  sci --version      版本 / version

示例 / Example: sci score --out sci-ranking-2020.xlsx
`;
}

/** The package version, found by walking up from this file (src/cli or dist/cli/cli). */
function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "sci") return pkg.version ?? "unknown";
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}

/**
 * Runs `sci` with the given arguments and returns the exit code: 0 success, 1 input errors,
 * 2 usage errors. Never throws: an unexpected failure becomes one line on stderr and 1.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(terminal(e.message, 800) + "\n");
      if (e.exitCode === EXIT_USAGE) io.stderr("运行 sci --help 查看用法 / run sci --help for usage\n");
      return e.exitCode;
    }
    const why = String((e as Error)?.message ?? e)
      .split("\n")[0]
      .slice(0, 300);
    io.stderr(`意外错误：${terminal(why)} / unexpected error: ${terminal(why)}\n`);
    return EXIT_INPUT;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(mainHelp());
    return EXIT_USAGE;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const command = first === "help" && rest[0] ? commands.get(rest[0]) : undefined;
    io.stdout(command ? command.help : mainHelp());
    return EXIT_OK;
  }
  if (first === "--version" || first === "-v" || first === "-V") {
    io.stdout(`sci ${version()}\n`);
    return EXIT_OK;
  }
  const command = commands.get(first);
  if (!command) {
    if (first.startsWith("-")) throw usageError(`未知选项 ${first}`, `unknown option ${first}`);
    throw usageError(
      `未知命令「${first}」；可用命令：${[...commands.keys()].join("、")}`,
      `unknown command "${first}"; commands: ${[...commands.keys()].join(", ")}`,
    );
  }
  const parsed = parseOptions(command, rest);
  if (parsed.values.help) {
    io.stdout(command.help);
    return EXIT_OK;
  }
  return command.run(parsed, io);
}

function parseOptions(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]*)/.exec(String((e as Error).message))?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw usageError(`未知选项 ${option}`, `unknown option ${option}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const takesValue = command.options[option.replace(/^-+/, "")]?.type === "string";
      if (takesValue) throw usageError(`选项 ${option} 需要一个值`, `option ${option} needs a value`);
      throw usageError(`选项 ${option} 不接受值`, `option ${option} takes no value`);
    }
    throw usageError(String((e as Error).message), String((e as Error).message));
  }
}

/** The process entry point used by bin/sci.js. */
export function main(): void {
  const fail = (e: unknown) => {
    process.stderr.write(`意外错误 / unexpected error: ${String((e as Error)?.message ?? e).split("\n")[0]}\n`);
    process.exit(EXIT_INPUT);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  // `sci score | head` closes the pipe early; that is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? process.exit(EXIT_OK) : fail(e)));
  const io: Io = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t), cwd: process.cwd() };
  run(process.argv.slice(2), io).then((code) => (process.exitCode = code), fail);
}
