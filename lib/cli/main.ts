import { backupCommand } from "./backup";
import { copyCommand } from "./copy";
import { demoCommand } from "./demo";
import { importCommand } from "./import";
import { keyCommand } from "./key";
import { migrateCommand } from "./migrate";
import { refitCommand } from "./refit";
import { serveCommand } from "./serve";
import { startCommand } from "./start";
import { userCommand } from "./user";
import { databasePath } from "@/db/client";
import { env, EnvError } from "@/lib/env";
import { CliError, type Command } from "./args";
import { isBusy } from "./write-turn";

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  demo: demoCommand,
  user: userCommand,
  key: keyCommand,
  backup: backupCommand,
  copy: copyCommand,
  refit: refitCommand,
};

const USAGE = `Usage: npx lantern <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join("\n")}

Run \`npx lantern <command> --help\` for a command's options.
The database is DATABASE_URL (default ./data/lantern.db).`;

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`lantern: unknown command "${name}"\n\n${USAGE}`);
    return 1;
  }
  try {
    // Every command refuses a nonsensical configuration before it starts: not an hour into an import.
    if (!rest.includes("--help") && !rest.includes("-h")) env();
    return await command.run(rest);
  } catch (err) {
    const expected = expectedFailure(err);
    if (!expected) throw err;
    console.error(`lantern ${name}: ${expected.message}`);
    return expected.exitCode;
  }
}

/**
 * The failures a command may meet in normal use, as one line and an exit code: its own CliErrors,
 * a configuration that makes no sense (lib/env.ts),
 * the database (busy past the wait, not a SQLite file, unreadable, full, read-only) and the file
 * system (no such file, a directory, no permission). Anything else is a bug and keeps its stack.
 */
function expectedFailure(err: unknown): { message: string; exitCode: number } | null {
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof EnvError) return { message: err.message, exitCode: 2 };
  if (!(err instanceof Error)) return null;
  const { code, syscall } = err as Error & { code?: unknown; syscall?: unknown };
  if (isBusy(err))
    return {
      message: `the database ${databasePath()} stayed busy with another write; try again once it has finished.`,
      exitCode: 1,
    };
  if (typeof code === "string" && code.startsWith("SQLITE_"))
    return { message: `the database ${databasePath()}: ${err.message} (${code}).`, exitCode: 1 };
  if (typeof code === "string" && typeof syscall === "string") return { message: err.message, exitCode: 1 };
  return null;
}
