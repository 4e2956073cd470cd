import { existsSync } from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/client";
import { sessionSecret } from "@/lib/auth/secret";
import { env, packageRoot } from "@/lib/env";
import { serve } from "@/lib/server/serve";
import { CliError, intOption, parseCommand, type Command } from "./args";

const HELP = `Usage: npx lantern serve [--port P] [--hostname H]

Serves the built app on DATABASE_URL as it is (no migration, demo or build: \`start\` does those,
then this). PORT also sets the port.`;

export const root = () => packageRoot();

/** The port: `--port` when given, else PORT (lib/env.ts), else 3000. */
export const portOf = (option: string | boolean | undefined) =>
  option === undefined ? env().PORT : intOption(option, "port", 3000, 1);

/** Serves the build at `root()` on the database `file`; resolves once listening. */
export async function serveBuild(file: string, port: number, hostname: string | undefined): Promise<void> {
  if (!existsSync(path.join(root(), ".next", "BUILD_ID")))
    throw new CliError("there is no build: run `npx next build` (or `npx lantern start`, which builds)");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.DATABASE_URL = file;
  process.env.NEXTAUTH_SECRET = sessionSecret(file);
  await serve({ dir: root(), port, hostname });
}

export const serveCommand: Command = {
  summary: "serve the built app (what start runs after its checks)",
  async run(argv) {
    const parsed = parseCommand(argv, { port: { type: "string" }, hostname: { type: "string" } }, HELP);
    if (!parsed) return 0;
    const port = portOf(parsed.values.port);
    const hostname = typeof parsed.values.hostname === "string" ? parsed.values.hostname : undefined;
    await serveBuild(databasePath(), port, hostname);
    // Serving goes on until a signal ends the process.
    return new Promise<number>(() => undefined);
  },
};
