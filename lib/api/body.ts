import { nestsDeeperThan, tooDeepMessage } from "@/lib/ingest/json-depth";
import { env, type EnvRecord } from "@/lib/env";
import { ApiError } from "./errors";

/** How long a sender may go quiet in the middle of a body before the request is dropped. */
export const DEFAULT_BODY_IDLE_MS = 30_000;

/**
 * The largest JSON body any route accepts: `LANTERN_MAX_BODY_BYTES` (a positive whole number of
 * bytes) when set, else 10 MB. Read per request so a test app can be started with its own limit.
 */
export function maxBodyBytes(source: EnvRecord = process.env): number {
  return env(source).LANTERN_MAX_BODY_BYTES;
}

/**
 * The largest import body (`POST /api/v0/import`): `LANTERN_MAX_IMPORT_BYTES` when set, else 1 GiB.
 * The body streams, so this bounds the upload, not memory; bigger files go through the CLI.
 */
export function maxImportBytes(source: EnvRecord = process.env): number {
  return env(source).LANTERN_MAX_IMPORT_BYTES;
}

// The rest of a refused body is never read, so the connection cannot carry another request.
const CLOSE = { Connection: "close" };

export const tooLarge = (max: number) =>
  new ApiError(413, "payload_too_large", `The request body is larger than ${max.toLocaleString("en")} bytes.`, CLOSE);

/** The media type of the request body, lower-cased, without parameters; "" when absent. */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The body as it arrives, for handlers that stream it (the import): refuses (413) more than `max`
 * bytes, by Content-Length up front or as it streams, and (408) a sender that stalls for `idleMs`,
 * since a stalled upload can hold a write transaction open. Stopping early cancels the upload.
 */
export async function* bodyChunks(req: Request, opts: { max: number; idleMs?: number }): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > opts.max) throw tooLarge(opts.max);
  if (!req.body) return;
  const idleMs = opts.idleMs ?? DEFAULT_BODY_IDLE_MS;
  const reader = req.body.getReader();
  let finished = false;
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, idleMs);
      if (done) {
        finished = true;
        return;
      }
      size += value.byteLength;
      if (size > opts.max) throw tooLarge(opts.max);
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApiError(408, "request_timeout", `The request body stalled for ${ms / 1000} s.`, CLOSE)),
      ms,
    );
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** The raw body as text, refusing (413) more than `max` bytes — by Content-Length or as it streams. */
export async function readBodyText(req: Request, max = maxBodyBytes()): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bodyChunks(req, { max })) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** The body parsed as JSON; 400 naming the problem when it is not JSON. */
export async function readBody(req: Request, max = maxBodyBytes()): Promise<unknown> {
  const text = await readBodyText(req, max);
  if (text.trim() === "")
    throw new ApiError(400, "invalid_request", "The request body is empty; a JSON body is required.");
  if (nestsDeeperThan(text)) throw new ApiError(400, "invalid_request", `The request body ${tooDeepMessage()}.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(400, "invalid_request", `The request body is not valid JSON: ${(err as Error).message}`);
  }
}
