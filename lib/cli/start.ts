import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { databasePath, openDb } from "@/db/client";
import { courseCount } from "@/db/queries/catalog";
import { userIdByUsername } from "@/db/queries/users";
import { demoAccounts } from "@/lib/demo/accounts";
import { intOption, parseCommand, type Command } from "./args";
import { loadDemo, printDemoAccounts } from "./demo";
import { portOf, root, serveBuild } from "./serve";
import { migrateInTurn } from "./write-turn";

const HELP = `Usage: npx lantern start [--port P] [--hostname H] [--demo-learners N]   (npm start)

Migrates DATABASE_URL, loads the demo when the database is empty, builds the app when there is
no build, and serves it (default http://localhost:3000; PORT also sets the port).`;

function nextBin(): string {
  return createRequire(path.join(root(), "package.json")).resolve("next/dist/bin/next");
}

export const startCommand: Command = {
  summary: "migrate, load the demo if empty, build if needed, serve",
  async run(argv) {
    const parsed = parseCommand(
      argv,
      { port: { type: "string" }, hostname: { type: "string" }, "demo-learners": { type: "string" } },
      HELP,
    );
    if (!parsed) return 0;
    const port = portOf(parsed.values.port);
    const hostname = typeof parsed.values.hostname === "string" ? parsed.values.hostname : undefined;
    const file = databasePath();
    const db = openDb(file);
    await migrateInTurn(db);
    if ((await courseCount(db)) === 0) {
      console.log(`The database ${file} is empty: loading the demo.`);
      const ok = await loadDemo(db, { learners: intOption(parsed.values["demo-learners"], "demo-learners", 3000, 1) });
      if (!ok) return 1;
    }
    const admin = demoAccounts[0]!;
    const isDemo = (await userIdByUsername(db, admin.username)) !== null;
    db.$client.close();

    if (!existsSync(path.join(root(), ".next", "BUILD_ID"))) {
      console.log("No build yet: building the app (next build)…");
      const build = spawnSync(process.execPath, [nextBin(), "build"], {
        cwd: root(),
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (build.status !== 0) return build.status ?? 1;
    }

    await serveBuild(file, port, hostname);
    console.log(`\nLantern is running at http://${hostname ?? "localhost"}:${port}  (database ${file})`);
    if (isDemo) printDemoAccounts();
    // Serving goes on until a signal ends the process.
    return new Promise<number>(() => undefined);
  },
};
