"use client";

import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from "react";
import type { TryItOperation } from "./model";
import styles from "./api-docs.module.css";

/**
 * "Try it": sends an operation's request from this browser, with the signed-in session or with an
 * API key pasted once for the whole page (kept in memory only), and shows the answer as it came.
 */

type Credentials = { mode: "session" } | { mode: "key"; key: string };
const CredentialsContext = createContext<Credentials>({ mode: "session" });

export function TryItCredentials({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<"session" | "key">("session");
  const [key, setKey] = useState("");
  const credentials: Credentials = mode === "key" ? { mode, key: key.trim() } : { mode };
  return (
    <CredentialsContext.Provider value={credentials}>
      <section className={`card ${styles.credentials}`} aria-labelledby="credentials-title">
        <h2 id="credentials-title" className="card-title">
          Credentials for “Try it”
        </h2>
        <p className="muted">Requests go from this browser to this Lantern and act as you: they can change data.</p>
        <fieldset className="credentials-choice">
          <legend className="visually-hidden">Send requests with</legend>
          <label>
            <input type="radio" name="credentials" checked={mode === "session"} onChange={() => setMode("session")} />{" "}
            My session (signed in)
          </label>
          <label>
            <input type="radio" name="credentials" checked={mode === "key"} onChange={() => setMode("key")} /> An API
            key
          </label>
        </fieldset>
        {mode === "key" ? (
          <div className={styles.credentialsKey}>
            <label htmlFor="try-it-key">API key</label>
            <input
              id="try-it-key"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="lk_…"
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
            <p className={`muted ${styles.fieldHint}`}>
              Sent as Authorization: Bearer, without the session cookie. Not stored.
            </p>
          </div>
        ) : null}
      </section>
      {children}
    </CredentialsContext.Provider>
  );
}

interface Answer {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  body: string;
}

const MAX_SHOWN = 200_000;

/** Path parameters keep `/`, `:` and `+` readable (course ids hold them); everything else is encoded. */
const encodeSegment = (v: string) =>
  encodeURIComponent(v).replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%2B/gi, "+");

function urlOf(op: TryItOperation, values: Record<string, string>): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(values[`path:${name}`] ?? ""));
  const query = new URLSearchParams();
  for (const p of op.parameters)
    if (p.in === "query" && values[`query:${p.name}`]) query.set(p.name, values[`query:${p.name}`]!);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

async function bodyText(res: Response): Promise<string> {
  const text = await res.text();
  const shown =
    text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n… (${text.length - MAX_SHOWN} more characters)` : text;
  if (!/json/.test(res.headers.get("content-type") ?? "") || text.length > MAX_SHOWN) return shown;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return shown;
  }
}

export function TryIt({ operation: op }: { operation: TryItOperation }) {
  const credentials = useContext(CredentialsContext);
  const uid = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(op.parameters.map((p) => [`${p.in}:${p.name}`, p.value])),
  );
  const [body, setBody] = useState(op.body?.example ?? "");
  const [contentType, setContentType] = useState(op.body?.contentTypes[0] ?? "");
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const url = urlOf(op, values);
  const missingKey = credentials.mode === "key" && !credentials.key && !op.public;

  async function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSending(true);
    setFailure(null);
    const headers = new Headers();
    for (const p of op.parameters)
      if (p.in === "header" && values[`header:${p.name}`]) headers.set(p.name, values[`header:${p.name}`]!);
    if (op.body) headers.set("Content-Type", contentType);
    if (credentials.mode === "key" && credentials.key) headers.set("Authorization", `Bearer ${credentials.key}`);
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method: op.method,
        headers,
        body: op.body ? body : undefined,
        credentials: credentials.mode === "key" ? "omit" : "same-origin",
        cache: "no-store",
      });
      const text = await bodyText(res);
      setAnswer({
        status: res.status,
        statusText: res.statusText,
        ms: Math.round(performance.now() - started),
        headers: [...res.headers.entries()],
        body: text,
      });
    } catch (err) {
      setAnswer(null);
      setFailure(`The request did not complete: ${(err as Error).message}`);
    } finally {
      setSending(false);
    }
  }

  const field = (key: string) => `${uid}-${key.replace(/[^\w-]/g, "_")}`;
  return (
    <details className={styles.tryIt}>
      <summary>Try it</summary>
      <form onSubmit={send} className={styles.tryItForm} aria-label={`Try ${op.method} ${op.path}`}>
        {op.parameters.map((p) => {
          const key = `${p.in}:${p.name}`;
          return (
            <div key={key} className={styles.tryItField}>
              <label htmlFor={field(key)}>
                {p.name}{" "}
                <span className="muted">
                  ({p.in}
                  {p.required ? ", required" : ""})
                </span>
              </label>
              <input
                id={field(key)}
                type="text"
                required={p.required}
                spellCheck={false}
                value={values[key] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
              />
            </div>
          );
        })}
        {op.body ? (
          <div className={styles.tryItField}>
            {op.body.contentTypes.length > 1 ? (
              <>
                <label htmlFor={field("content-type")}>Content-Type</label>
                <select id={field("content-type")} value={contentType} onChange={(e) => setContentType(e.target.value)}>
                  {op.body.contentTypes.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </>
            ) : null}
            <label htmlFor={field("body")}>Body ({contentType})</label>
            <textarea
              id={field("body")}
              rows={Math.min(14, body.split("\n").length + 1)}
              spellCheck={false}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
        ) : null}
        <p className={`${styles.tryItRequest} try-it-request`}>
          <code>
            {op.method} {url}
          </code>
        </p>
        <div className={styles.tryItActions}>
          <button type="submit" className="button primary" disabled={sending || missingKey}>
            {sending ? "Sending…" : "Send request"}
          </button>
          {missingKey ? <span className="muted">Paste an API key above, or choose your session.</span> : null}
        </div>
      </form>
      <div role="status" aria-live="polite" className={styles.tryItStatus}>
        {failure ? <p className="form-error">{failure}</p> : null}
        {answer ? (
          <p>
            Response:{" "}
            <strong
              className={`${styles.status} ${answer.status < 300 ? styles.statusOk : answer.status < 500 ? styles.statusWarn : styles.statusFail}`}
            >
              {answer.status}
            </strong>{" "}
            {answer.statusText} · {answer.ms} ms
          </p>
        ) : null}
      </div>
      {answer ? (
        <div className={styles.tryItAnswer}>
          <details>
            <summary>Headers ({answer.headers.length})</summary>
            <dl className={`${styles.tryItHeaders} try-it-headers`}>
              {answer.headers.map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </details>
          {answer.body ? (
            <pre className={styles.tryItBody} tabIndex={0} aria-label="Response body" data-testid="try-it-body">
              {answer.body}
            </pre>
          ) : (
            <p className="muted">No body.</p>
          )}
        </div>
      ) : null}
    </details>
  );
}
