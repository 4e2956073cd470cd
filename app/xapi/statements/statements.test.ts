import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agent,
  COURSE_KEY,
  multiQuestionProblem,
  problemEvaluated,
  registered,
  videoCompleted,
} from "@/lib/ingest/xapi/test-statements";
import { ensureCourseFresh } from "@/db/queries/derived";
import { startTestApp, TEST_AS_OF, type TestApp } from "@/lib/testing/app";
import { BAD_KEY, basic, bearer, chunkedBody, seedKeys, tableCounts, type Keys } from "@/lib/testing/http";

/** The xAPI statements resource over HTTP, against the production build and a real database. */

let app: TestApp;
let keys: Keys;

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "xapi");
}, 120_000);
afterAll(async () => app?.close());

const VERSION = { "x-experience-api-version": "1.0.3" };
const JSON_TYPE = { "content-type": "application/json" };
const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

type Json = Record<string, unknown>;

interface Init {
  method?: string;
  body?: unknown;
  /** The body as sent, instead of `body` as JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /** Bearer key; null sends none. */
  key?: string | null;
  /** X-Experience-API-Version; null sends none. */
  version?: string | null;
}

function xapi(path: string, init: Init = {}) {
  const { method = "GET", body, raw, headers = {}, key = keys.admin, version = "1.0.3" } = init;
  return fetch(app.url + path, {
    method,
    redirect: "manual",
    headers: {
      ...(version === null ? {} : { "x-experience-api-version": version }),
      ...(body !== undefined || raw !== undefined ? JSON_TYPE : {}),
      ...(key ? bearer(key) : {}),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

const post = (body: unknown, init: Init = {}) => xapi("/xapi/statements", { method: "POST", body, ...init });
const put = (id: string, body: unknown, init: Init = {}) =>
  xapi(`/xapi/statements?statementId=${id}`, { method: "PUT", body, ...init });
const get = (query: string, init: Init = {}) => xapi(`/xapi/statements?${query}`, init);

/** A learner of their own, with a problem attempt inside the default window before the as-of day 2026-03-20. */
function attempt(learner: string, over: Json = {}): Json {
  return problemEvaluated(
    { block: `block-${learner}` },
    { id: randomUUID(), actor: agent(learner), timestamp: "2026-03-18T10:00:00Z", ...over },
  );
}

const voiding = (target: string): Json => ({
  id: randomUUID(),
  actor: { mbox: "mailto:admin@example.com" },
  verb: { id: VOIDED, display: { "en-US": "voided" } },
  object: { objectType: "StatementRef", id: target },
});

/** A learner's figures as the next read sees them (every read of a course first brings it up to date). */
function figures(learner: string) {
  ensureCourseFresh(app.db, COURSE_KEY, TEST_AS_OF);
  return storedFigures(learner);
}

function storedFigures(learner: string) {
  const q = (sql: string) => app.db.$client.prepare(sql).get(COURSE_KEY, learner) as Json | undefined;
  const user = `(SELECT id FROM users WHERE username = ?)`;
  return {
    summary: q(
      `SELECT problems_attempted, problem_attempts FROM learner_summary WHERE course_id = ? AND user_id = ${user}`,
    ),
    day: q(
      `SELECT day, problem_attempts, problems_attempted FROM learner_day WHERE course_id = ? AND user_id = ${user}`,
    ),
  };
}

/** Sends `send()`, expects `status` with an xAPI error body, and checks that nothing was stored. */
async function refused(status: number, send: () => Promise<Response>): Promise<string> {
  const before = tableCounts(app.db);
  const res = await send();
  const body = (await res.json()) as { error_code: string; developer_message: string };
  expect(res.status, body.developer_message).toBe(status);
  expect(res.headers.get("x-experience-api-version")).toBe("1.0.3");
  expect(body.error_code).toEqual(expect.any(String));
  expect(tableCounts(app.db)).toEqual(before);
  return body.developer_message;
}

describe("GET /xapi/about", () => {
  it.each(["/xapi/about", "/xapi/about/"])("%s answers without credentials or version header", async (path) => {
    const res = await fetch(app.url + path, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-experience-api-version")).toBe("1.0.3");
    expect(await res.json()).toEqual({ version: ["1.0.3"] });
  });
});

describe("storing statements", () => {
  it("PUT stores one statement (204) and GET serves it back with stored and authority", async () => {
    const s = attempt("put-learner");
    const res = await put(s.id as string, s);
    expect(res.status).toBe(204);
    expect(res.headers.get("x-experience-api-version")).toBe("1.0.3");
    expect(Date.parse(res.headers.get("x-experience-api-consistent-through")!)).toBeGreaterThan(Date.now() - 60_000);
    const got = await get(`statementId=${s.id}`);
    expect(got.status).toBe(200);
    const served = (await got.json()) as Json;
    expect(served).toEqual({
      ...s,
      stored: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      authority: { objectType: "Agent", name: keys.adminName, account: { homePage: app.url, name: keys.adminName } },
    });
    expect(got.headers.get("last-modified")).toBe(new Date(served.stored as string).toUTCString());
    expect(got.headers.get("x-experience-api-consistent-through")).toBeTruthy();
  });

  it("PUT takes the id from statementId when the statement has none", async () => {
    const { id: _id, ...s } = attempt("put-noid");
    const id = randomUUID();
    expect((await put(id, s)).status).toBe(204);
    expect(((await (await get(`statementId=${id}`)).json()) as Json).id).toBe(id);
  });

  it("POST stores one statement or an array, answering the ids in order (generated when absent)", async () => {
    const one = attempt("post-one");
    const r1 = await post(one);
    expect(r1.status).toBe(200);
    expect(await r1.json()).toEqual([one.id]);
    const { id: _none, ...noId } = attempt("post-many");
    const [a, b] = [attempt("post-many"), videoCompleted(undefined, { id: randomUUID(), actor: agent("post-many") })];
    const r2 = await post([a, noId, b]);
    const ids = (await r2.json()) as string[];
    expect(r2.status).toBe(200);
    expect(ids).toEqual([a.id, expect.stringMatching(/^[0-9a-f-]{36}$/), b.id]);
    expect((await get(`statementId=${ids[1]}`)).status).toBe(200);
  });

  it("accepts HTTP Basic with the key id and secret, as event-routing-backends sends", async () => {
    const s = attempt("basic-learner");
    expect((await put(s.id as string, s, { key: null, headers: basic(keys.admin) })).status).toBe(204);
  });

  it("accepts an Open edX event-routing-backends batch unmodified and serves it back as received", async () => {
    const batch: Json[] = [
      registered("verified", { actor: agent("erb-learner") }),
      ...multiQuestionProblem().map((s) => ({ ...s, actor: agent("erb-learner") })),
    ];
    const res = await post(batch);
    expect(res.status).toBe(200);
    const served = (await (await get(`statementId=${batch[1]!.id}`)).json()) as Json;
    const { stored: _s, authority: _a, ...asReceived } = served;
    expect(asReceived).toEqual(batch[1]);
    expect((asReceived.object as Json).objectType).toBe("GroupActivity");
  });

  it("the same id with equivalent content changes nothing (204/200); different content is a 409", async () => {
    const s = attempt("again");
    expect((await post([s])).status).toBe(200);
    const stored = app.db.$client.prepare(`SELECT stored FROM statements WHERE id = ?`).get(s.id);
    const before = tableCounts(app.db);
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    expect((await put(s.id as string, { ...reordered, timestamp: "2026-03-18T12:00:00+02:00" })).status).toBe(204);
    expect(await (await post(s)).json()).toEqual([s.id]);
    expect(tableCounts(app.db)).toEqual(before);
    expect(app.db.$client.prepare(`SELECT stored FROM statements WHERE id = ?`).get(s.id)).toEqual(stored);
    const message = await refused(409, () => put(s.id as string, { ...s, result: { success: false } }));
    expect(message).toContain(String(s.id));
    await refused(409, () =>
      post([attempt("again-2"), { ...s, verb: { id: "http://adlnet.gov/expapi/verbs/answered" } }]),
    );
  });

  it("after an accepted write every figure reflects it on the next read", async () => {
    expect(figures("figures-learner").summary).toBeUndefined();
    await post(attempt("figures-learner"));
    expect(figures("figures-learner")).toEqual({
      summary: { problems_attempted: 1, problem_attempts: 1 },
      day: { day: "2026-03-18", problem_attempts: 1, problems_attempted: 1 },
    });
    // The write itself brings the learner's per-day rows up to date, and leaves the roster row
    // (marked stale) and the ranges for the next read.
    await post(attempt("figures-learner", { timestamp: "2026-03-19T08:00:00Z" }));
    const user = `(SELECT id FROM users WHERE username = 'figures-learner')`;
    expect(
      app.db.$client
        .prepare(`SELECT problem_attempts FROM learner_day WHERE user_id = ${user} AND day = '2026-03-19'`)
        .pluck()
        .get(),
    ).toBe(1);
    expect(storedFigures("figures-learner").summary).toEqual({ problems_attempted: 1, problem_attempts: 1 });
    expect(
      app.db.$client
        .prepare(`SELECT COUNT(*) FROM stale_summary WHERE course_id = ? AND user_id = ${user}`)
        .pluck()
        .get(COURSE_KEY),
    ).toBe(1);
    expect(app.db.$client.prepare(`SELECT ranges_stale FROM course_state WHERE course_id = ?`).get(COURSE_KEY)).toEqual(
      { ranges_stale: 1 },
    );
    expect(figures("figures-learner").summary).toEqual({ problems_attempted: 1, problem_attempts: 2 });
  });
});

describe("voiding", () => {
  it("takes back what the voided statement contributed; only voidedStatementId finds it then", async () => {
    const s = attempt("voided-learner");
    await post(s);
    expect(figures("voided-learner").summary).toEqual({ problems_attempted: 1, problem_attempts: 1 });
    const v = voiding(s.id as string);
    expect((await post(v)).status).toBe(200);
    expect(figures("voided-learner")).toEqual({
      summary: { problems_attempted: 0, problem_attempts: 0 },
      day: undefined,
    });
    expect((await get(`statementId=${s.id}`)).status).toBe(404);
    expect(((await (await get(`voidedStatementId=${s.id}`)).json()) as Json).id).toBe(s.id);
    expect((await get(`statementId=${v.id}`)).status).toBe(200);
    expect((await get(`voidedStatementId=${v.id}`)).status).toBe(404);
  });

  it("accepts a voiding statement whose target is unknown (xAPI); the target, when it comes, counts for nothing", async () => {
    const late = attempt("late-learner");
    expect((await post(voiding(late.id as string))).status).toBe(200);
    expect((await post(late)).status).toBe(200);
    expect((await get(`voidedStatementId=${late.id}`)).status).toBe(200);
    expect(figures("late-learner").day).toBeUndefined();
  });

  it("refuses to void a voiding statement", async () => {
    const first = voiding(randomUUID());
    await post(first);
    expect(await refused(400, () => post(voiding(first.id as string)))).toBe(
      "statement 0: object.id: a voiding statement cannot be voided",
    );
  });
});

describe("GET /xapi/statements", () => {
  it("404 for an unknown id", async () => {
    expect(await refused(404, () => get(`statementId=${randomUUID()}`))).toMatch(/^No statement/);
  });

  it.each([
    ["", /does not implement statement queries/],
    ["verb=http://adlnet.gov/expapi/verbs/answered", /does not implement statement queries/],
    [`statementId=${randomUUID()}&voidedStatementId=${randomUUID()}`, /not both/],
    [`statementId=${randomUUID()}&limit=10`, /got limit/],
    [`statementId=${randomUUID()}&format=ids`, /format=exact/],
    ["statementId=42", /statementId: must be a UUID/],
  ])("400 for ?%s", async (query, message) => {
    expect(await refused(400, () => get(query))).toMatch(message);
  });
});

describe("bad input is refused with a clear 4xx, and nothing is stored", () => {
  const valid = () => attempt("refused-learner");

  it.each<[string, () => Promise<Response>, RegExp]>([
    ["malformed JSON", () => post(undefined, { raw: '[{"actor": ' }), /not valid JSON/],
    ["an empty body", () => post(undefined, { raw: "" }), /empty/],
    ["a body that is not a statement", () => post(undefined, { raw: "42" }), /one statement .* or an array/],
    ["a wrong type", () => post([valid(), { ...valid(), actor: "someone" }]), /^statement 1: actor: /],
    [
      "an unknown field",
      () => post([valid(), valid(), { ...valid(), colour: "red" }]),
      /^statement 2: colour: unknown field$/,
    ],
    [
      "a bad field deep inside",
      () => post({ ...valid(), result: { score: { scaled: 2 } } }),
      /^statement 0: result\.score\.scaled: /,
    ],
    [
      "duplicate ids in a batch",
      () => {
        const s = valid();
        return post([s, valid(), { ...s }]);
      },
      /^statement 2: id: the batch has .* twice \(also statement 0\)$/,
    ],
    [
      "a PUT whose id differs from statementId",
      () => put(randomUUID(), valid()),
      /^statement 0: id: must match the statementId parameter$/,
    ],
    [
      "a PUT without statementId",
      () => xapi("/xapi/statements", { method: "PUT", body: valid() }),
      /statementId: required/,
    ],
    [
      "a PUT of an array",
      () => {
        const s = valid();
        return put(s.id as string, [s]);
      },
      /PUT carries one statement/,
    ],
    [
      "an unknown parameter",
      () => xapi("/xapi/statements?method=PUT", { method: "POST", body: valid() }),
      /method: unknown field/,
    ],
    ["no version header", () => post(valid(), { version: null }), /X-Experience-API-Version header is required/],
    ["version 0.95", () => post(valid(), { version: "0.95" }), /0\.95 is not supported/],
    ["version 1.1.0", () => post(valid(), { version: "1.1.0" }), /1\.1\.0 is not supported/],
    [
      "Content-Type text/plain",
      () => post(valid(), { headers: { "content-type": "text/plain" } }),
      /application\/json; got Content-Type text\/plain/,
    ],
    [
      "no Content-Type",
      () =>
        fetch(`${app.url}/xapi/statements`, {
          method: "POST",
          headers: { ...VERSION, ...bearer(keys.admin) },
          body: new Blob([JSON.stringify(valid())]),
        }),
      /got no Content-Type/,
    ],
  ])("400 for %s", async (_what, send, message) => {
    expect(await refused(400, send)).toMatch(message);
  });

  it("accepts version 1.0 as 1.0.0", async () => {
    expect((await post(valid(), { version: "1.0" })).status).toBe(200);
  });

  it("413 for a body over 10 MB, declared or streamed", async () => {
    const big = `[${" ".repeat(10 * 1024 * 1024)}]`;
    expect(await refused(413, () => post(undefined, { raw: big }))).toMatch(/larger than 10,485,760 bytes/);
    // The rest of the body is never read, so the connection is not reused.
    expect((await post(undefined, { raw: big })).headers.get("connection")).toBe("close");
    const chunk = " ".repeat(1024 * 1024);
    const streamed = chunkedBody(["[", ...Array<string>(11).fill(chunk), "]"]);
    expect(
      await refused(413, () =>
        fetch(`${app.url}/xapi/statements`, {
          method: "POST",
          headers: { ...VERSION, ...JSON_TYPE, ...bearer(keys.admin) },
          ...streamed,
        }),
      ),
    ).toMatch(/larger than/);
  });

  it.each<[string, number, () => Record<string, string>]>([
    ["anonymous", 401, () => ({})],
    ["a bad key", 401, () => bearer(BAD_KEY)],
    ["bad Basic credentials", 401, () => basic(BAD_KEY)],
    ["a non-admin key", 403, () => bearer(keys.user)],
  ])("%s → %i on every method", async (_who, status, auth) => {
    const headers = auth();
    const s = valid();
    await refused(status, () => post(s, { key: null, headers }));
    await refused(status, () => put(s.id as string, s, { key: null, headers }));
    await refused(status, () => get(`statementId=${s.id}`, { key: null, headers }));
  });
});

describe("what Next.js answers itself under /xapi", () => {
  it.each([
    ["DELETE", "/xapi/statements", 405],
    ["OPTIONS", "/xapi/statements/", 204],
    ["GET", "/xapi/activities/state", 404],
  ])("%s %s → %i, with the version header", async (method, path, status) => {
    const res = await fetch(app.url + path, { method, headers: VERSION, redirect: "manual" });
    expect(res.status).toBe(status);
    expect(res.headers.get("x-experience-api-version")).toBe("1.0.3");
  });
});

describe("trailing slashes", () => {
  it("every method answers at /xapi/statements/ too, without a redirect", async () => {
    const s = attempt("slash-learner");
    const p = await xapi(`/xapi/statements/?statementId=${s.id}`, { method: "PUT", body: s });
    expect(p.status).toBe(204);
    const r = await xapi("/xapi/statements/", { method: "POST", body: attempt("slash-learner") });
    expect(r.status).toBe(200);
    expect((await xapi(`/xapi/statements/?statementId=${s.id}`)).status).toBe(200);
  });
});
