// POST /api/v0/import — a JSON Lines import (docs/import-format.md), all or nothing: 200 {"counts"} or
// 400 {"error_code": "invalid_import", "errors": [...]} with nothing changed.
import { z } from "zod";
import { databasePath, openDb } from "@/db/client";
import { bodyChunks, maxImportBytes } from "@/lib/api/body";
import { ERROR_BODY_SCHEMAS } from "@/lib/api/errors";
import { requireWriter } from "@/lib/api/guards";
import { apiRoute } from "@/lib/api/handler";
import { BUSY, named } from "@/lib/api/openapi";
import { withWriteTurn } from "@/lib/api/write-turn";
import { importJsonLines, MAX_ERRORS, RECORD_SCHEMAS, type RecordType } from "@/lib/ingest/jsonl";

/** Media types taken as JSON Lines. Not text/plain: a cross-site form may send that, JSON Lines types need CORS. */
const JSON_LINES_TYPES = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
const pascal = (type: string) => type.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
const importLine = z.union(RECORD_TYPES.map((type) => named(`Import${pascal(type)}`, RECORD_SCHEMAS[type])));
const imported = z.object({
  counts: z.record(z.enum(RECORD_TYPES), z.number().int()).describe("How many records of each type were loaded."),
});
const invalidImport = z.object({
  error_code: z.literal("invalid_import"),
  errors: z
    .array(z.string())
    .describe(`Every error found, \`line N: field: message\` (reading stops after ${MAX_ERRORS}).`),
});
const EXAMPLE = [
  { type: "course", id: "course-v1:Org+CS101+2026_T1", title: "Programming" },
  { type: "user", username: "ada", name: "Ada Lovelace", email: "ada@example.com" },
  { type: "enrollment", course_id: "course-v1:Org+CS101+2026_T1", user: "ada", mode: "verified" },
]
  .map((r) => JSON.stringify(r))
  .join("\n");

export const POST = apiRoute(
  {
    family: "lantern",
    authorize: requireWriter,
    contentTypes: JSON_LINES_TYPES,
    doc: {
      summary: "Import a JSON Lines file",
      description:
        "Departments, users, courses, staff, enrollments, objectives, items, goals, xAPI statements and graded events, one JSON record per line (docs/import-format.md). One transaction: any invalid line changes nothing, and every error is reported with its line number. The body streams, so its size is limited only by `LANTERN_MAX_IMPORT_BYTES` (1 GiB by default). Needs an administrator.",
      requestBody: {
        description: "One record per line; each line is one of these.",
        schema: importLine,
        example: EXAMPLE,
      },
      responses: {
        200: { description: "Loaded.", schema: imported },
        400: {
          description: "`invalid_import`: the file has errors, listed; nothing was changed. Or a wrong Content-Type.",
          schema: z.union([invalidImport, ERROR_BODY_SCHEMAS.lantern]),
        },
        413: { description: "`payload_too_large`: the body is larger than `LANTERN_MAX_IMPORT_BYTES`." },
        503: BUSY,
      },
    },
  },
  async ({ req }) => {
    const max = maxImportBytes();
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
    if (!result.ok)
      return Response.json(
        { error_code: "invalid_import", errors: result.errors } satisfies z.infer<typeof invalidImport>,
        { status: 400 },
      );
    return Response.json({ counts: result.counts } satisfies z.infer<typeof imported>);
  },
);
