"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";

/** The signed-in user's name, with their settings, the Import page for those who may import, and sign-out. */
export function UserMenu({ name, username, role, canImport = false }: { name: string; username: string; role: string; canImport?: boolean }) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <details className="user-menu">
      <summary aria-label={`Account menu for ${name}`}>
        <span className="avatar" aria-hidden="true">
          {initials || "?"}
        </span>
        <span className="user-menu-name">{name}</span>
      </summary>
      {/* A link followed inside the app keeps this layout mounted: close the menu behind it. */}
      <div
        className="user-menu-panel"
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) e.currentTarget.closest("details")?.removeAttribute("open");
        }}
      >
        <div className="user-menu-who">
          <strong>{name}</strong>
          <span>
            {username} · {role}
          </span>
        </div>
        <Link href="/settings/api-keys">API keys</Link>
        <Link href="/api-docs">API reference</Link>
        {canImport && <Link href="/admin/import">Import data</Link>}
        <button type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
          Sign out
        </button>
      </div>
    </details>
  );
}
