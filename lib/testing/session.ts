/** Signing in over HTTP as the browser does (next-auth's CSRF token, then its credentials callback), for HTTP tests. */

/** The `name=value` pairs of a response's Set-Cookie headers, joined as a Cookie header would carry them. */
export function cookiesOf(res: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)]),
  );
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0]!;
    const eq = pair.indexOf("=");
    const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
    if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export interface SignInAttempt {
  ok: boolean;
  status: number;
  /** The cookies after the attempt: the session cookie among them when it succeeded. */
  cookie: string;
}

/** Posts a login and password to next-auth's credentials callback; `headers` are sent with both requests. */
export async function signInOverHttp(
  baseUrl: string,
  login: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignInAttempt> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
  });
  cookie = cookiesOf(res, cookie);
  await res.arrayBuffer();
  return { ok: res.status === 200 && /session-token=/.test(cookie), status: res.status, cookie };
}

/** Signs out through next-auth's endpoint, as the user menu does. */
export async function signOutOverHttp(
  baseUrl: string,
  cookie: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { ...headers, cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const withCsrf = cookiesOf(csrf, cookie);
  return fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie: withCsrf, "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
}
