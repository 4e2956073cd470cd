import { existsSync } from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/client";
import { sessionSecret } from "@/lib/auth/secret";
import { trustedHops } from "@/lib/server/front";
import { serve } from "@/lib/server/serve";
import { CliError, intOption, parseCommand, type Command } from "./args";

const HELP = `Usage: npx lantern serve [--port P] [--hostname H]

Serves the built app on DATABASE_URL as it is (no migration, demo or build: \`start\` does those,
then this). PORT also sets the port.`;

export const root = () => process.env.LANTERN_HOME ?? process.cwd();

/** The serving settings of docs/security.md, refused with a message naming the variable when they make no sense. */
export function checkServingSettings(env: Record<string, string | undefined> = process.env): void {
  try {
    trustedHops(env.LANTERN_TRUST_PROXY);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  for (const name of ["LANTERN_PUBLIC_URL", "NEXTAUTH_URL"] as const) {
    const value = env[name];
    if (!value) continue;
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new CliError(`${name} must be an http(s) URL such as https://lantern.example.edu; got "${value}".`);
  }
  const hours = env.LANTERN_SESSION_HOURS;
  if (hours !== undefined && !(Number(hours) > 0 && Number(hours) <= 24 * 366)) {
    throw new CliError(`LANTERN_SESSION_HOURS must be a number of hours above 0 (at most a year); got "${hours}".`);
  }
}

/** Serves the build at `root()` on the database `file`; resolves once listening. */
export async function serveBuild(file: string, port: number, hostname: string | undefined): Promise<void> {
  checkServingSettings();
  if (!existsSync(path.join(root(), ".next", "BUILD_ID"))) throw new CliError("there is no build: run `npx next build` (or `npx lantern start`, which builds)");
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
    const port = intOption(parsed.values.port ?? process.env.PORT, "port", 3000, 1);
    const hostname = typeof parsed.values.hostname === "string" ? parsed.values.hostname : undefined;
    await serveBuild(databasePath(), port, hostname);
    // Serving goes on until a signal ends the process.
    return new Promise<number>(() => undefined);
  },
};
