import type { ParseArgsConfig } from "node:util";
import { printable } from "../core";

/** Where a command writes. Injected so tests can run the CLI in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Relative paths resolve against this. */
  cwd: string;
}

export type Options = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A `sci` subcommand. main.ts parses its options (strictly) and maps errors to exit codes. */
export interface Command {
  name: string;
  /** One line, Chinese then English, for `sci --help`. */
  summary: string;
  /** The full help text of `sci NAME --help`. */
  help: string;
  options: Options;
  run(args: { values: Values; positionals: string[] }, io: Io): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** An expected failure with a message for the user; never shown with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (zh: string, en: string) => new CliError(`用法错误：${zh} / usage error: ${en}`, EXIT_USAGE);
export const inputError = (zh: string, en: string) => new CliError(`${zh} / ${en}`, EXIT_INPUT);

/** Text for the terminal: no control characters or escape sequences, at most `max` characters. */
export function terminal(text: string, max = 280): string {
  const line = printable(text);
  return line.length > max ? line.slice(0, max - 1) + "…" : line;
}
