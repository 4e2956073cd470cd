import { describe, expect, it } from "vitest";
import { IngestError } from "../errors";
import { agent, problemEvaluated, videoPlayed } from "./test-statements";
import { validateStatement } from "./validate";

function problemWith(patch: (s: Record<string, any>) => void): Record<string, unknown> {
  const s = problemEvaluated() as Record<string, any>; // test data mutated freely
  patch(s);
  return s;
}

function errorOf(input: unknown, index = 0): IngestError {
  try {
    validateStatement(input, index);
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error("expected the statement to be rejected");
}

describe("validateStatement", () => {
  it.each<[string, (s: Record<string, any>) => void, string]>([
    ["id is not a UUID", (s) => (s.id = "abc"), "id"],
    ["no actor", (s) => delete s.actor, "actor"],
    ["an Agent without an identifier", (s) => (s.actor = { objectType: "Agent", name: "Ana" }), "actor"],
    ["an Agent with two identifiers", (s) => (s.actor = { ...agent(), mbox: "mailto:a@example.com" }), "actor"],
    ["an mbox that is not mailto:", (s) => (s.actor = { mbox: "ana@example.com" }), "actor.mbox"],
    ["a bad mbox_sha1sum", (s) => (s.actor = { mbox_sha1sum: "xyz" }), "actor.mbox_sha1sum"],
    ["an account without homePage", (s) => (s.actor = { account: { name: "ana" } }), "actor.account.homePage"],
    ["an anonymous Group without members", (s) => (s.actor = { objectType: "Group" }), "actor.member"],
    ["a verb id that is not an IRI", (s) => (s.verb = { id: "answered" }), "verb.id"],
    ["an unknown object type", (s) => (s.object = { objectType: "Thing", id: "x" }), "object.objectType"],
    ["a StatementRef to a non-UUID", (s) => (s.object = { objectType: "StatementRef", id: "nope" }), "object.id"],
    ["scaled score above 1", (s) => (s.result.score.scaled = 1.5), "result.score.scaled"],
    ["raw above max", (s) => (s.result.score = { raw: 5, max: 1 }), "result.score.raw"],
    ["success not a boolean", (s) => (s.result.success = "yes"), "result.success"],
    ["a bad duration", (s) => (s.result.duration = "3 minutes"), "result.duration"],
    ["a registration that is not a UUID", (s) => (s.context.registration = "reg-1"), "context.registration"],
    [
      "contextActivities.parent not an activity",
      (s) => (s.context.contextActivities.parent = [{ id: "has space" }]),
      "context.contextActivities.parent[0].id",
    ],
    ["a bad timestamp", (s) => (s.timestamp = "2026-13-45T00:00:00Z"), "timestamp"],
    ["a version other than 1.0.x", (s) => (s.version = "2.0.0"), "version"],
    ["an unknown property", (s) => (s.colour = "red"), "colour"],
    ["a null property", (s) => (s.result.response = null), "result.response"],
  ])("rejects %s, naming the field", (_label, patch, field) => {
    const err = errorOf(problemWith(patch), 3);
    expect(err.kind).toBe("invalid");
    expect(err.field).toBe(field);
    expect(err.index).toBe(3);
    expect(err.message).toMatch(new RegExp(`^statement 3: ${field.replace(/[[\].]/g, "\\$&")}: `));
  });

  it("rejects a voiding statement whose object is not a StatementRef", () => {
    const err = errorOf(problemWith((s) => (s.verb = { id: "http://adlnet.gov/expapi/verbs/voided" })));
    expect(err.field).toBe("object.objectType");
  });

  it("accepts Agents given by mbox, mbox_sha1sum, openid and account, and identified Groups", () => {
    for (const actor of [
      { mbox: "mailto:ana@example.com" },
      { mbox_sha1sum: "ebd31e95054c018b10727ccffd2ef2ec3a016ee9" },
      { openid: "https://openedx.org/users/user-v1/32e08e30" },
      agent(),
      { objectType: "Group", name: "Team", account: { homePage: "https://lms.example.com", name: "team-1" } },
    ]) {
      expect(() => validateStatement({ ...problemEvaluated(), actor })).not.toThrow();
    }
  });

  it("reads a single object in contextActivities as a one-element array", () => {
    const s = videoPlayed() as Record<string, any>;
    s.context.contextActivities.parent = s.context.contextActivities.parent[0];
    s.context.contextActivities.category = { id: "https://w3id.org/xapi/video" };
    const parsed = validateStatement(s);
    expect(parsed.context?.contextActivities?.parent).toHaveLength(1);
    expect(parsed.context?.contextActivities?.category?.[0]?.id).toBe("https://w3id.org/xapi/video");
    expect(Array.isArray(s.context.contextActivities.parent)).toBe(false);
  });

  it("reads Open edX's GroupActivity as an Activity, in the object and in the context", () => {
    const s = problemWith((x) => {
      x.object.objectType = "GroupActivity";
      x.context.contextActivities.parent.unshift({ objectType: "GroupActivity", id: x.object.id });
    });
    const parsed = validateStatement(s);
    expect(parsed.object.objectType).toBe("Activity");
    expect(parsed.context?.contextActivities?.parent?.[0]?.objectType).toBe("Activity");
    expect((s.object as { objectType: string }).objectType).toBe("GroupActivity");
  });

  it("accepts a SubStatement object but not one nested in another", () => {
    const sub = {
      objectType: "SubStatement",
      actor: agent(),
      verb: { id: "http://adlnet.gov/expapi/verbs/attended" },
      object: { id: "https://example.com/meeting/1" },
    };
    expect(() => validateStatement({ ...problemEvaluated(), object: sub })).not.toThrow();
    const nested = { ...sub, object: { ...sub, objectType: "SubStatement" } };
    expect(errorOf({ ...problemEvaluated(), object: nested }).field).toBe("object.object.objectType");
  });
});
