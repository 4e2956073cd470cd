import http from "node:http";
import { demoAccounts } from "../lib/demo/accounts";
import { expect, expectAccessible, ORIGIN, screenshotAll, signIn, test } from "./fixtures";

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
    await expect(page.locator(".form-error[role=alert]")).toHaveText(
      "That username or email and password don't match. Please try again.",
    );
  }
  await expect(page).toHaveURL(/\/sign-in/);
  // The browser logs each refused sign-in (HTTP 401) as a console error; those are expected here.
  expect(consoleErrors.every((e) => e.includes("401"))).toBe(true);
  consoleErrors.length = 0;
});

test("signing out ends the session on the server: a copy of its cookie opens nothing afterwards", async ({
  page,
  browser,
}) => {
  await signIn(page, instructor.username, instructor.password);
  const copied = await page.context().cookies();
  await page.getByLabel(/Account menu/).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}/sign-in`));
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  const other = await browser.newContext();
  try {
    await other.addCookies(copied);
    const stolen = await other.newPage();
    await stolen.goto("/settings/api-keys");
    await expect(stolen).toHaveURL(/\/sign-in/);
    expect((await other.request.get("/api/v0/api-keys")).status()).toBe(401);
  } finally {
    await other.close();
  }
});

test("a callback with a tab or line break between slashes signs in and stays on Lantern", async ({ page }) => {
  for (const evil of ["%2F%09%2Fevil.example%2Fstolen", "%2F%0A%2Fevil.example", "%2F%5Cevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${evil}`);
    await page.getByLabel("Username or email").fill(instructor.username);
    await page.getByLabel("Password").fill(instructor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    expect(new URL(page.url()).origin, evil).toBe(ORIGIN);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("no other site can show the sign-in form in a frame", async ({ page, consoleErrors }) => {
  // Another origin on loopback (a server of the test's own), framing Lantern's sign-in page and,
  // as a control that framing works at all, a page of its own.
  const framer = http.createServer((req, res) => {
    res.setHeader("content-type", "text/html");
    if (req.url === "/control") return res.end(`<!doctype html><p id="shown">shown</p>`);
    res.end(
      `<!doctype html><title>framer</title><iframe name="control" src="/control"></iframe><iframe name="lantern" src="${ORIGIN}/sign-in"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = framer.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.frame({ name: "control" })!.locator("#shown")).toHaveText("shown");
    await page.waitForTimeout(1_000);
    const lantern = page.frame({ name: "lantern" });
    expect(lantern ? await lantern.locator("input[name=password]").count() : 0).toBe(0);
  } finally {
    framer.close();
  }
  // Chromium reports the refusal on the framing page's console: expected here.
  expect(
    consoleErrors.every((e) => /frame-ancestors|Refused to (frame|display)|X-Frame-Options/i.test(e)),
    consoleErrors.join("\n"),
  ).toBe(true);
  consoleErrors.length = 0;
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
