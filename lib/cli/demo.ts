import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { demoAccounts } from "@/lib/demo/accounts";
import { writeDemo } from "@/lib/demo";
import { asOfDay } from "@/lib/env";
import { intOption, parseCommand, type Command } from "./args";
import { formatCounts, importFile } from "./load";
import { migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern demo [--learners N] [--seed S] [--out FILE]

Generates a realistic, deterministic demo (three courses of about 40, 500 and N learners, ten
weeks of activity ending the day before the as-of day, and two small runs of the seminar that
ended a week before it or open three weeks after it) in the JSON Lines import format and loads
it through the import, into DATABASE_URL.

  --learners N   learners in the largest course (default 3000)
  --seed S       random seed (default 1); the same seed and as-of day give the same data
  --out FILE     also keep the generated file at FILE (otherwise a temporary file is used)`;

export interface DemoOptions {
  learners?: number;
  seed?: number;
  out?: string;
}

/** Generates and imports the demo; returns false when the import failed. */
export async function loadDemo(db: Db, opts: DemoOptions): Promise<boolean> {
  const tmp = opts.out ? null : mkdtempSync(path.join(tmpdir(), "lantern-demo-"));
  const file = opts.out ?? path.join(tmp!, "demo.jsonl");
  try {
    console.log(`Generating the demo (as of ${asOfDay()})…`);
    await writeDemo(file, { learners: opts.learners, seed: opts.seed, asOf: asOfDay() });
    const result = await importFile(db, file);
    if (!result.ok) {
      console.error(`The demo failed to import:\n  ${result.errors.join("\n  ")}`);
      return false;
    }
    console.log(`Loaded the demo: ${formatCounts(result.counts)}.`);
    return true;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The demo's sign-ins, for people reading a terminal. */
export function printDemoAccounts(): void {
  console.log("\nDemo sign-in (username / password):");
  for (const a of demoAccounts) console.log(`  ${a.username.padEnd(16)} ${a.password.padEnd(20)} ${a.sees}`);
}

export const demoCommand: Command = {
  summary: "generate and load the demo data",
  async run(argv) {
    const parsed = parseCommand(
      argv,
      { learners: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
      HELP,
    );
    if (!parsed) return 0;
    const opts: DemoOptions = {
      learners: intOption(parsed.values.learners, "learners", 3000, 1),
      seed: intOption(parsed.values.seed, "seed", 1),
      out: typeof parsed.values.out === "string" ? path.resolve(parsed.values.out) : undefined,
    };
    const db = openDb();
    try {
      await migrateInTurn(db);
      if (!(await loadDemo(db, opts))) return 1;
      printDemoAccounts();
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
