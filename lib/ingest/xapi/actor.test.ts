import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { events, importRecords, ingest, rows } from "../test-helpers";
import { LMS, videoPlayed } from "./test-statements";

let db: Db;
eachTestDb(async (d) => {
  db = d;
  const result = await importRecords(db, [
    { type: "user", id: "u-ana", username: "ana", email: "Ana.Lopez@Example.com", external_ids: ["anon-ana"] },
    { type: "user", id: "u-bo", username: "bo", email: "bo@example.com" },
  ]);
  expect(result.ok).toBe(true);
});

const played = (actor: Record<string, unknown>) => videoPlayed("v1", { actor });
const userOfLastEvent = () => events(db).at(-1)?.user_id;
const account = (name: string) => ({ objectType: "Agent", account: { homePage: LMS, name } });

describe("actor → user", () => {
  it.each([
    ["a user's id", "u-ana"],
    ["a username", "ana"],
    ["an external id", "anon-ana"],
  ])("account.name matching %s", (_label, name) => {
    ingest(db, [played(account(name))]);
    expect(userOfLastEvent()).toBe("u-ana");
  });

  it("mbox matches the email, case-insensitively", () => {
    ingest(db, [played({ mbox: "mailto:ana.lopez@example.com" })]);
    expect(userOfLastEvent()).toBe("u-ana");
  });

  it("mbox_sha1sum matches the SHA-1 of mailto:<email>", () => {
    const sha1 = createHash("sha1").update("mailto:bo@example.com").digest("hex");
    ingest(db, [played({ mbox_sha1sum: sha1.toUpperCase() })]);
    expect(userOfLastEvent()).toBe("u-bo");
  });

  it("an unknown account creates a user named after it, found again by the next statement", () => {
    ingest(db, [played(account("9f1c2d3e-anon")), played(account("9f1c2d3e-anon"))]);
    const created = rows<{ id: string; username: string }>(
      db,
      `SELECT id, username FROM users WHERE username = '9f1c2d3e-anon'`,
    );
    expect(created).toHaveLength(1);
    expect(events(db).map((e) => e.user_id)).toEqual([created[0]!.id, created[0]!.id]);
    expect(rows(db, `SELECT external_id FROM user_external_ids WHERE user_id = ?`, created[0]!.id)).toEqual([
      { external_id: "9f1c2d3e-anon" },
    ]);
  });

  it("a later user record naming the created user's external id updates that user", async () => {
    ingest(db, [played(account("anon-carla"))]);
    const [created] = rows<{ id: string }>(db, `SELECT id FROM users WHERE username = 'anon-carla'`);
    const result = await importRecords(db, [
      { type: "user", username: "carla", name: "Carla Diaz", email: "carla@example.com", external_ids: ["anon-carla"] },
    ]);
    expect(result.ok).toBe(true);
    expect(rows(db, `SELECT id, username, name, email FROM users WHERE id = ?`, created!.id)).toEqual([
      { id: created!.id, username: "carla", name: "Carla Diaz", email: "carla@example.com" },
    ]);
    expect(rows(db, `SELECT COUNT(*) AS n FROM users`)).toEqual([{ n: 3 }]);
  });

  it("an unknown mbox creates a user with that email and the local part as username", () => {
    ingest(db, [played({ name: "Dee", mbox: "mailto:dee@example.com" }), played({ mbox: "mailto:ana@other.example" })]);
    expect(
      rows(
        db,
        `SELECT username, name, email FROM users WHERE email LIKE '%example%' AND id NOT IN ('u-ana','u-bo') ORDER BY username`,
      ),
    ).toEqual([
      { username: "ana-2", name: "", email: "ana@other.example" },
      { username: "dee", name: "Dee", email: "dee@example.com" },
    ]);
  });

  it("openid matches an external id", async () => {
    await importRecords(db, [
      { type: "user", id: "u-ed", username: "ed", external_ids: ["https://openedx.org/users/user-v1/32e08e30"] },
    ]);
    ingest(db, [played({ openid: "https://openedx.org/users/user-v1/32e08e30" })]);
    expect(userOfLastEvent()).toBe("u-ed");
  });

  it("a Group actor contributes nothing (no one learner)", () => {
    ingest(db, [played({ objectType: "Group", member: [{ mbox: "mailto:bo@example.com" }] })]);
    expect(events(db)).toEqual([]);
  });
});
