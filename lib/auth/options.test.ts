import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/db";
import { seedUser } from "@/lib/testing/factories";
import { hashPasswordSync } from "./password";

// authorizeCredentials reads the process's database (DATABASE_URL), so point it at a test file first.
const t = createTestDb();
const previous = process.env.DATABASE_URL;
let authorize: typeof import("./options").authorizeCredentials;

beforeAll(async () => {
  process.env.DATABASE_URL = t.file;
  seedUser(t.db, { username: "ada", passwordHash: hashPasswordSync("correct horse") });
  const blocked = seedUser(t.db, { username: "bob", passwordHash: hashPasswordSync("battery staple") });
  t.db.$client.prepare(`UPDATE users SET status = 'blocked' WHERE id = ?`).run(blocked);
  ({ authorizeCredentials: authorize } = await import("./options"));
});
afterAll(() => {
  process.env.DATABASE_URL = previous;
  t.close();
});

describe("authorizeCredentials", () => {
  it("accepts the username or the email in any case, with the right password", async () => {
    expect(await authorize("ada", "correct horse")).toMatchObject({ name: "ada" });
    expect(await authorize("ADA@example.com", "correct horse")).toMatchObject({ name: "ada" });
  });
  it("refuses a wrong password, an unknown login and a blocked user alike", async () => {
    expect(await authorize("ada", "wrong")).toBeNull();
    expect(await authorize("nobody", "correct horse")).toBeNull();
    expect(await authorize("bob", "battery staple")).toBeNull();
    expect(await authorize("", "")).toBeNull();
  });
});
