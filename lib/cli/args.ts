import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * An expected condition a command stops on, printed as one line without a stack trace: a mistake
 * in how it was called (exit code 2, the default), or a state of the world such as a database
 * another write holds (exit code 1).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments; `--help` prints `help` and returns null. Unknown options and
 * missing values become CliErrors that name them.
 */
export function parseCommand(
  argv: string[],
  options: Options,
  help: string,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | null {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      console.log(help);
      return null;
    }
    return { values, positionals: parsed.positionals };
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${help}`);
  }
}

/** A whole number option ≥ `min`, or the default. */
export function intOption(value: string | boolean | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isInteger(n) || n < min)
    throw new CliError(`--${name} must be a whole number ≥ ${min}, got "${String(value)}"`);
  return n;
}

/**
 * For `<command> create …` commands: the arguments after `create`, or null when help was asked
 * for (and printed). Any other subcommand is a CliError.
 */
export function createSubcommand(argv: string[], help: string): string[] | null {
  const [sub, ...rest] = argv;
  if (sub === "--help" || sub === "-h") {
    console.log(help);
    return null;
  }
  if (sub !== "create") throw new CliError(`unknown subcommand "${sub ?? ""}"\n\n${help}`);
  return rest;
}
