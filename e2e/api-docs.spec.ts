import { demoAccounts } from "../lib/demo/accounts";
import { expect, expectAccessible, screenshotAll, signIn, test, ORIGIN } from "./fixtures";

const admin = demoAccounts.find((a) => a.role === "admin")!;

test("the API reference lists every family's operations and tries one with the session", async ({ page }) => {
  // The reference is one long page (every route of four families): axe and four full-page
  // screenshots of it take a while on a loaded 2-core machine.
  test.setTimeout(180_000);
  await signIn(page, admin.username, admin.password);
  await page.goto("/");
  await page.getByLabel(/Account menu/).click();
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/openapi.json" })).toBeVisible();

  // Grouped by family, each operation with its method, path, parameters and responses.
  await expect(page.getByRole("heading", { level: 2, name: "Lantern" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "xAPI" })).toBeVisible();
  const revoke = page.getByRole("article", { name: "Revoke an API key" });
  await expect(revoke.locator(".op-line")).toHaveText("DELETE /api/v0/api-keys/{key_id}");
  const keyId = revoke.getByRole("list", { name: "Parameters" }).getByRole("listitem");
  await expect(keyId).toHaveCount(1);
  for (const text of ["key_id", "in the path", "string", "required", "The key id"])
    await expect(keyId).toContainText(text);
  await expect(revoke.locator(".responses")).toContainText("key_not_found");

  // A named schema is a link to its fields, which open on arrival.
  const store = page.getByRole("article", { name: "Store statements" });
  await expect(store.locator(".body-line").first()).toHaveText(
    "Body: XapiStatement or array of XapiStatement (application/json)",
  );
  await store.getByRole("link", { name: "XapiStatement" }).first().click();
  await expect(page).toHaveURL(/#schema-XapiStatement$/);
  await expect(page.locator("#schema-XapiStatement").getByText("actor", { exact: true }).first()).toBeVisible();

  await expectAccessible(page);

  // Try it: GET /api/v0/api-keys with the signed-in session.
  const list = page.getByRole("article", { name: "List your API keys" });
  await list.getByText("Try it", { exact: true }).click();
  await expect(list.getByRole("form", { name: "Try GET /api/v0/api-keys" }).locator(".try-it-request")).toHaveText(
    "GET /api/v0/api-keys",
  );
  await list.getByRole("button", { name: "Send request" }).click();
  await expect(list.getByRole("status")).toContainText("200");
  const body = JSON.parse((await list.getByTestId("try-it-body").textContent())!) as { results: unknown[] };
  expect(Array.isArray(body.results)).toBe(true);
  await list.getByText(/^Headers \(\d+\)$/).click();
  await expect(list.locator(".try-it-headers")).toContainText("application/json");

  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotAll(page, "api-docs");
});

test("Try it with a pasted API key, and with a wrong one", async ({ page, request, consoleErrors }) => {
  await signIn(page, admin.username, admin.password);
  await page.goto("/api-docs");
  const created = await page.request.post("/api/v0/api-keys", {
    headers: { origin: ORIGIN },
    data: { name: "api-docs e2e" },
  });
  const { key, id } = (await created.json()) as { key: string; id: string };

  await page.getByRole("radio", { name: "An API key" }).check();
  const list = page.getByRole("article", { name: "List your API keys" });
  await list.getByText("Try it", { exact: true }).click();
  const send = list.getByRole("button", { name: "Send request" });
  await expect(send).toBeDisabled();

  await page.getByLabel("API key", { exact: true }).fill("lk_nosuchkey.notasecret");
  await send.click();
  await expect(list.getByRole("status")).toContainText("401");
  await expect(list.getByTestId("try-it-body")).toContainText("developer_message");
  // The browser logs the refused request (HTTP 401) as a console error; that one is expected here.
  expect(consoleErrors.length > 0 && consoleErrors.every((e) => e.includes("401"))).toBe(true);
  consoleErrors.length = 0;

  await page.getByLabel("API key", { exact: true }).fill(key);
  await send.click();
  await expect(list.getByRole("status")).toContainText("200");
  await expect(list.getByTestId("try-it-body")).toContainText(id);

  // The keyboard alone: a path parameter, then DELETE with the key.
  const revoke = page.getByRole("article", { name: "Revoke an API key" });
  await revoke.locator("summary", { hasText: "Try it" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.type(id);
  await expect(revoke.locator(".try-it-request")).toHaveText(`DELETE /api/v0/api-keys/${id}`);
  await page.keyboard.press("Enter");
  await expect(revoke.getByRole("status")).toContainText("204");
  expect((await request.get("/api/v0/api-keys", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
});

test("the document is public JSON, and the page needs a session", async ({ page, request }) => {
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(doc.paths)).toContain("/api/v0/api-keys");

  await page.goto("/api-docs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapi-docs/);
});
