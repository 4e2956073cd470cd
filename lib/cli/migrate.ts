import { databasePath, openDb } from "@/db/client";
import { parseCommand, type Command } from "./args";
import { migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern migrate

Applies the committed database migrations to DATABASE_URL (default ./data/lantern.db).
Safe to run any number of times; \`npm start\` and the server also run it at start-up.`;

export const migrateCommand: Command = {
  summary: "apply the database migrations",
  async run(argv) {
    if (!parseCommand(argv, {}, HELP)) return 0;
    const db = openDb();
    try {
      await migrateInTurn(db);
    } finally {
      db.$client.close();
    }
    console.log(`Migrated ${databasePath()}`);
    return 0;
  },
};
