import http from "node:http";
import { demoAccounts } from "../lib/demo/accounts";
import { expect, expectAccessible, screenshotAll, signIn, test } from "./fixtures";

const instructor = demoAccounts.find((a) => a.role === "instructor")!;

test("signed out, a page redirects to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fapi-keys/);
  await expectAccessible(page);
  await screenshotAll(page, "sign-in");
  await page.getByLabel("Username or email").fill(instructor.email);
  await page.getByLabel("Password").fill(instructor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
});

test("wrong credentials get one message that does not say which part was wrong", async ({ page, consoleErrors }) => {
  await page.goto("/sign-in");
  for (const [login, password] of [
    [instructor.username, "not-the-password"],
    ["nobody-at-all", instructor.password],
  ] as const) {
    await page.getByLabel("Username or email").fill(login);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-error[role=alert]")).toHaveText("That username or email and password don't match. Please try again.");
  }
  await expect(page).toHaveURL(/\/sign-in/);
  // The browser logs each refused sign-in (HTTP 401) as a console error; those are expected here.
  expect(consoleErrors.every((e) => e.includes("401"))).toBe(true);
  consoleErrors.length = 0;
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
  await page.getByLabel(/Account menu/).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("`lantern start` keeps an idle keep-alive connection for 65 s, not Node's 5 s", async ({ baseURL }) => {
  // lib/server/serve.ts KEEP_ALIVE_TIMEOUT_MS: a client with slow requests in flight must not find
  // its waiting connection closed under it.
  const agent = new http.Agent({ keepAlive: true });
  try {
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      http
        .get(new URL("/api/openapi.json", baseURL), { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers));
        })
        .on("error", reject);
    });
    expect(headers.connection).toBe("keep-alive");
    expect(headers["keep-alive"]).toBe("timeout=65");
  } finally {
    agent.destroy();
  }
});
