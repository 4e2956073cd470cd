import { demoAccounts } from "../lib/demo/accounts";
import { expect, expectAccessible, screenshotAll, signIn, test } from "./fixtures";

const admin = demoAccounts.find((a) => a.role === "admin")!;

test("create a key (shown once), use it, see it listed with last use, revoke it", async ({ page, request }) => {
  await signIn(page, admin.username, admin.password);
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("Open edX production");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").textContent())!.trim();
  expect(key).toMatch(/^lk_[\w-]+\.[\w-]+$/);
  await expect(page.getByRole("cell", { name: "Open edX production", exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshotAll(page, "api-keys");

  // The key works as a Bearer token and as HTTP Basic (id + secret).
  const [id, secret] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
  const bearer = await request.get("/api/v0/api-keys", { headers: { authorization: `Bearer ${key}` } });
  expect(bearer.status()).toBe(200);
  const basic = await request.get("/api/v0/api-keys", {
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` },
  });
  expect(basic.status()).toBe(200);
  const listed = (await basic.json()) as { results: { id: string; lastUsedAt: string | null }[] };
  expect(listed.results.find((k) => k.id === id)?.lastUsedAt).toBeTruthy();

  // After a reload the secret is gone for good; the listing shows when it was last used.
  await page.reload();
  await expect(page.getByTestId("new-key")).toHaveCount(0);
  const row = page.getByRole("row", { name: /Open edX production/ });
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(page.getByRole("row", { name: /Open edX production/ })).toHaveCount(0);
  const after = await request.get("/api/v0/api-keys", { headers: { authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
});
