import { databasePath, openDb, type Db } from "@/db/client";
import { refitMastery } from "@/db/queries/mastery";
import { parseCommand, type Command } from "./args";
import { awaitWriteTurn, migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern refit [--force]

Fits the mastery model (Bayesian Knowledge Tracing, docs/mastery.md) of every learning objective
that has never been fitted or whose graded attempts grew by a tenth since its last fit, from every
learner's attempts, and stores the parameters. Lantern runs this by itself in the background after
data arrives, and after \`import\` and \`demo\`; readers keep being served meanwhile.

  --force   refit every objective`;

/** Refits and says what it did, in one line. */
export function refitAndReport(db: Db, force = false): void {
  const r = refitMastery(db, { force });
  console.log(
    `Mastery model: ${r.refitted} of ${r.objectives} objectives refitted (${r.fitted} with enough data to fit) in ${(r.ms / 1000).toFixed(1)} s.`,
  );
}

export const refitCommand: Command = {
  summary: "fit the mastery model to the data",
  async run(argv) {
    const parsed = parseCommand(argv, { force: { type: "boolean" } }, HELP);
    if (!parsed) return 0;
    const db = openDb(databasePath());
    try {
      await migrateInTurn(db);
      await awaitWriteTurn(db);
      refitAndReport(db, parsed.values.force === true);
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
