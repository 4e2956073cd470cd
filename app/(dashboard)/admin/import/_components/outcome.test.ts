import { describe, expect, it } from "vitest";
import { outcomeOf } from "./outcome";

const answer = (status: number, body: unknown, retryAfter: string | null = null) => ({
  status,
  body: JSON.stringify(body),
  retryAfter,
});

describe("outcomeOf", () => {
  it("200: the types that had records, in the documented order, with their total; an unknown type last", () => {
    const counts = { statement: 12, user: 3, department: 0, course: 1, enrollment: 3, shiny_new_type: 2 };
    expect(outcomeOf(answer(200, { counts }), 100)).toEqual({
      kind: "imported",
      rows: [
        { type: "user", label: "Users", count: 3 },
        { type: "course", label: "Courses", count: 1 },
        { type: "enrollment", label: "Enrollments", count: 3 },
        { type: "statement", label: "xAPI statements", count: 12 },
        { type: "shiny_new_type", label: "shiny_new_type", count: 2 },
      ],
      total: 21,
    });
  });

  it("400 invalid_import: each error split into its line and message; a list of MAX_ERRORS is marked as possibly cut short", () => {
    const errors = [
      "line 2: (json): Unexpected token",
      'line 17: enrollment.user: no user "bob"',
      "the file is not UTF-8",
    ];
    expect(outcomeOf(answer(400, { error_code: "invalid_import", errors }), 100)).toEqual({
      kind: "invalid",
      errors: [
        { line: 2, message: "(json): Unexpected token" },
        { line: 17, message: 'enrollment.user: no user "bob"' },
        { line: null, message: "the file is not UTF-8" },
      ],
      truncated: false,
    });
    const many = Array.from({ length: 100 }, (_, i) => `line ${i + 1}: type: unknown`);
    expect(outcomeOf(answer(400, { error_code: "invalid_import", errors: many }), 100)).toMatchObject({
      kind: "invalid",
      truncated: true,
    });
  });

  it("maps the other answers: 401, 403, 413, 503 with Retry-After, no answer at all", () => {
    expect(outcomeOf(answer(401, { error_code: "unauthorized" }), 100)).toEqual({ kind: "signed_out" });
    expect(outcomeOf(answer(403, { error_code: "forbidden" }), 100)).toEqual({ kind: "forbidden" });
    // A proxy in front may refuse with a body of its own (HTML): the status is what counts.
    expect(outcomeOf({ status: 413, body: "<html>Request Entity Too Large</html>", retryAfter: null }, 100)).toEqual({
      kind: "too_large",
    });
    expect(outcomeOf(answer(503, { error_code: "busy" }, "5"), 100)).toEqual({ kind: "busy", retryAfterSeconds: 5 });
    expect(outcomeOf(answer(503, { error_code: "busy" }), 100)).toEqual({ kind: "busy", retryAfterSeconds: null });
    expect(outcomeOf(null, 100)).toEqual({ kind: "network" });
  });

  it("anything else (a wrong Content-Type, a stalled upload, a 500, a 200 that is not JSON) fails with the server's message when it sent one", () => {
    expect(
      outcomeOf(
        answer(400, {
          error_code: "invalid_request",
          developer_message: "The body must be sent as application/x-ndjson",
        }),
        100,
      ),
    ).toEqual({
      kind: "failed",
      status: 400,
      message: "The body must be sent as application/x-ndjson",
    });
    expect(outcomeOf({ status: 200, body: "<html>", retryAfter: null }, 100)).toEqual({
      kind: "failed",
      status: 200,
      message: null,
    });
    expect(outcomeOf({ status: 502, body: "Bad Gateway", retryAfter: null }, 100)).toEqual({
      kind: "failed",
      status: 502,
      message: null,
    });
  });
});
