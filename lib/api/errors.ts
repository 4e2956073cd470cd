import { z } from "zod";
import { IngestError } from "@/lib/ingest/errors";

/** The API families: each formats errors its own way (`docs/api.md`). */
export type Family = "lantern" | "edx" | "knewton" | "ispring" | "360learning" | "xapi";

/** The one error type of every route: an HTTP status, a machine code and a message for developers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const unauthorized = (message = "Sign in, or send an API key (Authorization: Bearer <key>).") =>
  new ApiError(401, "unauthorized", message, { "WWW-Authenticate": 'Bearer realm="lantern", Basic realm="lantern"' });
export const forbidden = (message = "You do not have access to this resource.") =>
  new ApiError(403, "forbidden", message);

const INGEST_STATUS = { invalid: 400, conflict: 409, not_found: 404 } as const;

/** Any thrown value as an ApiError; unknown errors become a 500 that reveals nothing. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof IngestError)
    return new ApiError(INGEST_STATUS[err.kind], err.kind === "invalid" ? "invalid_request" : err.kind, err.message);
  if (isBusy(err)) return busy();
  console.error(err);
  return new ApiError(500, "internal_error", "Something went wrong on our side; the request changed nothing.");
}

/** Another writer (an import, in this process or another) held the database past the busy timeout: worth a retry. */
export const busy = () =>
  new ApiError(
    503,
    "busy",
    "The database is busy with another write (an import?); nothing was changed. Retry shortly.",
    { "Retry-After": "5" },
  );

function isBusy(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const codedError = z.object({
  error_code: z
    .string()
    .describe("What went wrong, as a stable code (`course_not_found`, `illegal_parameter_values`, …)."),
  developer_message: z.string().describe("What went wrong, in words for the developer."),
});

/** The shape of each family's error body (`errorBody`), for the OpenAPI document. */
export const ERROR_BODY_SCHEMAS = {
  lantern: codedError,
  edx: codedError,
  knewton: codedError,
  xapi: codedError,
  ispring: z.object({
    code: z.string().describe("What went wrong, as a stable code."),
    message: z.string().describe("What went wrong, in words."),
  }),
  "360learning": z.object({
    error: z.string().describe("What went wrong, as a stable code (`path_session_not_found`, `user_not_found`, …)."),
    message: z.string().describe("What went wrong, in words."),
  }),
} satisfies Record<Family, z.ZodType>;

/** The error body of a family. */
export function errorBody(family: Family, err: ApiError): unknown {
  switch (family) {
    case "ispring":
      return { code: err.code, message: err.message };
    case "360learning":
      return { error: err.code, message: err.message };
    default:
      return { error_code: err.code, developer_message: err.message };
  }
}

export function errorResponse(family: Family, err: ApiError, extraHeaders: Record<string, string> = {}): Response {
  return Response.json(errorBody(family, err), { status: err.status, headers: { ...err.headers, ...extraHeaders } });
}
