import { openDb } from "@/db/client";
import { createApiKey } from "@/db/queries/api-keys";
import { userIdByUsername } from "@/db/queries/users";
import { CliError, createSubcommand, parseCommand, type Command } from "./args";
import { awaitWriteTurn, migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern key create --username U [--name N]

Creates an API key acting with U's rights and prints it once (it is stored hashed). Send it as
"Authorization: Bearer <key>", or as HTTP Basic with the key id (the part before the dot) as
user name and the rest as password — what an xAPI sender such as Open edX expects.`;

export const keyCommand: Command = {
  summary: "create an API key (key create …)",
  async run(argv) {
    const rest = createSubcommand(argv, HELP);
    if (!rest) return 0;
    const parsed = parseCommand(rest, { username: { type: "string" }, name: { type: "string" } }, HELP);
    if (!parsed) return 0;
    const username = parsed.values.username;
    if (typeof username !== "string" || !username) throw new CliError(`--username is required\n\n${HELP}`);
    const db = openDb();
    try {
      await migrateInTurn(db);
      const userId = await userIdByUsername(db, username);
      if (userId === null) throw new CliError(`no user "${username}"`);
      await awaitWriteTurn(db);
      const name =
        typeof parsed.values.name === "string" && parsed.values.name ? parsed.values.name : `CLI key for ${username}`;
      const k = await createApiKey(db, userId, name);
      const [id, secret] = [k.key.slice(0, k.key.indexOf(".")), k.key.slice(k.key.indexOf(".") + 1)];
      console.log(`API key "${name}" for ${username} (shown once; store it now):\n\n  ${k.key}\n`);
      console.log(`  Bearer:      Authorization: Bearer ${k.key}`);
      console.log(`  HTTP Basic:  user ${id}\n               password ${secret}`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
