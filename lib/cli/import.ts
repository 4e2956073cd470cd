import { existsSync } from "node:fs";
import { migrateDb, openDb } from "@/db/client";
import { CliError, parseCommand, type Command } from "./args";
import { formatCounts, importFile } from "./load";

const HELP = `Usage: npx lantern import FILE

Loads a JSON Lines file (one record per line; the format is in docs/import-format.md) into
DATABASE_URL. All or nothing: on any invalid line nothing is changed, and every error found
(up to 100) is printed as "line N: field: message"; the exit code is then 1.`;

export const importCommand: Command = {
  summary: "load a JSON Lines file (all or nothing)",
  async run(argv) {
    const parsed = parseCommand(argv, {}, HELP);
    if (!parsed) return 0;
    const [file] = parsed.positionals;
    if (!file) throw new CliError(`FILE is required\n\n${HELP}`);
    if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
    const db = openDb();
    try {
      migrateDb(db);
      const result = await importFile(db, file);
      if (!result.ok) {
        console.error(`Import failed; nothing was changed. ${result.errors.length} error(s):`);
        for (const e of result.errors) console.error(`  ${e}`);
        return 1;
      }
      console.log(`Imported ${formatCounts(result.counts)}.`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
