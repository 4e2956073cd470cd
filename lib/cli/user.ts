import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { openDb } from "@/db/client";
import { importJsonLines } from "@/lib/ingest/jsonl";
import { CliError, createSubcommand, parseCommand, type Command } from "./args";
import { awaitWriteTurn, migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern user create --username U --email E --role R [--password P] [--name N]
                                [--department D] [--manages D1,D2]

Creates a user, or updates the one with that username. R is admin, department_admin or user
(course staff are users made instructor or staff of a course, e.g. by a "staff" import record).
Without --password a strong one is generated and printed once. --manages sets the departments
a department_admin manages (each with its whole subtree).`;

export const userCommand: Command = {
  summary: "create or update a user (user create …)",
  async run(argv) {
    const rest = createSubcommand(argv, HELP);
    if (!rest) return 0;
    const parsed = parseCommand(
      rest,
      {
        username: { type: "string" },
        email: { type: "string" },
        role: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        department: { type: "string" },
        manages: { type: "string" },
      },
      HELP,
    );
    if (!parsed) return 0;
    const v = parsed.values;
    for (const required of ["username", "email", "role"] as const) {
      if (typeof v[required] !== "string" || v[required] === "")
        throw new CliError(`--${required} is required\n\n${HELP}`);
    }
    const generated = typeof v.password === "string" ? null : randomBytes(12).toString("base64url");
    const record = {
      type: "user",
      username: v.username,
      email: v.email,
      role: v.role,
      name: typeof v.name === "string" ? v.name : v.username,
      password: generated ?? v.password,
      ...(typeof v.department === "string" ? { department_id: v.department } : {}),
      ...(typeof v.manages === "string"
        ? {
            managed_department_ids: v.manages
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
    };
    const db = openDb();
    try {
      await migrateInTurn(db);
      await awaitWriteTurn(db);
      // Through the import, so a user made here is validated and stored exactly as an imported one.
      const result = await importJsonLines(db, Readable.from([`${JSON.stringify(record)}\n`]));
      if (!result.ok) {
        console.error(result.errors.map((e) => e.replace(/^line 1: /, "")).join("\n"));
        return 1;
      }
      console.log(`User ${String(v.username)} (${String(v.role)}) saved.`);
      if (generated) console.log(`Password (shown once): ${generated}`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
