// POST /api/v0/import — a JSON Lines import (docs/import-format.md), all or nothing: 200 {"counts"} or
// 400 {"error_code": "invalid_import", "errors": [...]} with nothing changed.
import { databasePath, openDb } from "@/db/client";
import { bodyChunks, positiveBytes } from "@/lib/api/body";
import { requireWriter } from "@/lib/api/guards";
import { apiRoute } from "@/lib/api/handler";
import { withWriteTurn } from "@/lib/api/write-turn";
import { importJsonLines } from "@/lib/ingest/jsonl";

/** Media types taken as JSON Lines. Not text/plain: a cross-site form may send that, JSON Lines types need CORS. */
const JSON_LINES_TYPES = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];
/** The body limit of imports: `LANTERN_MAX_IMPORT_BYTES`, else 1 GiB (the body streams; bigger files: the CLI). */
const DEFAULT_MAX_IMPORT_BYTES = 1024 ** 3;

export const POST = apiRoute({ family: "lantern", authorize: requireWriter, contentTypes: JSON_LINES_TYPES }, async ({ req }) => {
  const max = positiveBytes(process.env.LANTERN_MAX_IMPORT_BYTES) ?? DEFAULT_MAX_IMPORT_BYTES;
  // The body streams straight into the import, whose transaction stays open across the reads:
  // it gets a connection of its own, and this process's other writes wait their turn.
  const result = await withWriteTurn(async () => {
    const db = openDb(databasePath());
    try {
      return await importJsonLines(db, bodyChunks(req, { max }));
    } finally {
      db.$client.close();
    }
  });
  if (!result.ok) return Response.json({ error_code: "invalid_import", errors: result.errors }, { status: 400 });
  return Response.json({ counts: result.counts });
});
