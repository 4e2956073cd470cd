import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/lib/demo/accounts";

describe("README", () => {
  const readme = readFileSync("README.md", "utf8");
  it("lists every demo sign-in with its real password", () => {
    for (const a of demoAccounts) expect(readme).toContain(`| \`${a.username}\` | \`${a.password}\` |`);
  });
  it("keeps the two quick-start commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm install && npm test");
  });
});
