"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ApiKeyListing } from "@/db/queries/api-keys";
import styles from "./api-keys.module.css";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const fmt = (iso: string | null) => (iso ? when.format(new Date(iso)) : "Never");

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { developer_message?: string };
    throw new Error(body.developer_message ?? `The server answered ${res.status}.`);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Create (the secret shown once, with a copy button), list and revoke the user's API keys. */
export function ApiKeys({ initialKeys }: { initialKeys: ApiKeyListing[] }) {
  const qc = useQueryClient();
  const keys = useQuery({
    queryKey: ["api-keys"],
    queryFn: () => call<{ results: ApiKeyListing[] }>("/api/v0/api-keys").then((r) => r.results),
    initialData: initialKeys,
  });
  const [created, setCreated] = useState<{ id: string; name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: (name: string) =>
      call<ApiKeyListing & { key: string }>("/api/v0/api-keys", { method: "POST", body: JSON.stringify({ name }) }),
    onSuccess: (k) => {
      setCreated({ id: k.id, name: k.name, key: k.key });
      setCopied(false);
      void qc.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call<void>(`/api/v0/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_, id) => {
      // A revoked key's secret is worthless and must not stay on screen to be copied by mistake.
      setCreated((c) => (c?.id === id ? null : c));
      void qc.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (name) create.mutate(name, { onSuccess: () => form.reset() });
  }

  return (
    <>
      <section className="card" aria-labelledby="new-key">
        <h2 id="new-key" className="card-title">
          Create a key
        </h2>
        <form className={styles.inlineForm} onSubmit={onCreate}>
          <label htmlFor="key-name">Name</label>
          <input
            id="key-name"
            name="name"
            type="text"
            placeholder="e.g. Open edX production"
            maxLength={100}
            required
          />
          <button className="button primary" type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </form>
        {create.error && (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        )}
        {created && (
          <div className={styles.secretOnce} role="status">
            <p>
              <strong>{created.name}</strong>: copy this key now. It will not be shown again.
            </p>
            <div className={styles.secretRow}>
              <code data-testid="new-key">{created.key}</code>
              <button
                type="button"
                className="button"
                onClick={() => void navigator.clipboard?.writeText(created.key).then(() => setCopied(true))}
              >
                {copied ? "Copied" : "Copy"}
              </button>
            </div>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="your-keys">
        <h2 id="your-keys" className="card-title">
          Your keys
        </h2>
        {keys.data.length === 0 ? (
          <p className="muted">No keys yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key id</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.id}</code>
                    </td>
                    <td>{fmt(k.createdAt)}</td>
                    <td>{fmt(k.lastUsedAt)}</td>
                    <td className={styles.actions}>
                      <button
                        type="button"
                        className="button danger"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (window.confirm(`Revoke "${k.name}"? Anything using it stops working at once.`))
                            revoke.mutate(k.id);
                        }}
                      >
                        Revoke<span className="visually-hidden"> {k.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
