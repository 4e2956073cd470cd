import { backupCommand } from "./backup";
import { demoCommand } from "./demo";
import { importCommand } from "./import";
import { keyCommand } from "./key";
import { migrateCommand } from "./migrate";
import { refitCommand } from "./refit";
import { serveCommand } from "./serve";
import { startCommand } from "./start";
import { userCommand } from "./user";
import { CliError, type Command } from "./args";

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  demo: demoCommand,
  user: userCommand,
  key: keyCommand,
  backup: backupCommand,
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
    return await command.run(rest);
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`lantern ${name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
