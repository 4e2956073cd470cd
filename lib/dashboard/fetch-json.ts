/** An API answer that was not a success: its status and the message the API gave. */
export class ApiFetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GETs one of Lantern's own API routes with the page's session, for react-query. A failure
 * carries the API's message (every family's error body names the problem).
 */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (err) {
    // Offline, or the connection dropped: no answer to quote. A cancelled fetch stays an abort.
    if (signal?.aborted) throw err;
    throw new ApiFetchError(0, "The server could not be reached. Check the connection, then retry.");
  }
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as {
    developer_message?: string;
    message?: string;
    error?: string;
  } | null;
  const message =
    res.status === 401
      ? "Your session has ended. Sign in again to continue."
      : (body?.developer_message ?? body?.message ?? body?.error ?? `The server answered ${res.status}.`);
  throw new ApiFetchError(res.status, message);
}
