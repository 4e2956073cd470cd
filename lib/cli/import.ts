import { existsSync, statSync } from "node:fs";
import { openDb } from "@/db/client";
import { CliError, parseCommand, type Command } from "./args";
import { formatCounts, importFile } from "./load";
import { migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern import FILE

Loads a JSON Lines file (one record per line; the format is in docs/import-format.md) into
DATABASE_URL. All or nothing: on any invalid line nothing is changed, and every error found
(up to 100) is printed as "line N: field: message"; the exit code is then 1.

One write at a time: while another import (or any write) holds the database, this one waits its
turn, saying so, for up to LANTERN_WRITE_WAIT_S seconds (default 3600), then stops with exit code 1
having changed nothing.`;

export const importCommand: Command = {
  summary: "load a JSON Lines file (all or nothing)",
  async run(argv) {
    const parsed = parseCommand(argv, {}, HELP);
    if (!parsed) return 0;
    const [file] = parsed.positionals;
    if (!file) throw new CliError(`FILE is required\n\n${HELP}`);
    if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
    if (!statSync(file).isFile()) throw new CliError(`${file} is not a file`);
    const db = openDb();
    try {
      await migrateInTurn(db);
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
