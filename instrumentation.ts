// Next.js calls register() once when a server starts: check the configuration, so that a
// nonsensical value stops the server here with one line naming it rather than making every request
// that reads it a 500 (`lantern start`/`serve` have checked it already), then apply migrations
// before the first request.
export async function register() {
  // NEXT_RUNTIME is Next.js's own (the edge runtime has no SQLite), not Lantern's configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env, EnvError } = await import("./lib/env");
    try {
      env();
    } catch (err) {
      if (!(err instanceof EnvError)) throw err;
      console.error(`lantern: ${err.message}`);
      process.exit(2);
    }
    const { getDb } = await import("./db/client");
    getDb();
  }
}
