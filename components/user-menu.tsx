"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import styles from "./user-menu.module.css";

/** The signed-in user's name, with their settings, the Import page for those who may import, and sign-out. */
export function UserMenu({
  name,
  username,
  role,
  canImport = false,
}: {
  name: string;
  username: string;
  role: string;
  canImport?: boolean;
}) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <details className={styles.userMenu}>
      <summary aria-label={`Account menu for ${name}`}>
        <span className={styles.avatar} aria-hidden="true">
          {initials || "?"}
        </span>
        <span className={styles.userMenuName}>{name}</span>
      </summary>
      {/* A link followed inside the app keeps this layout mounted: close the menu behind it. */}
      <div
        className={styles.userMenuPanel}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) e.currentTarget.closest("details")?.removeAttribute("open");
        }}
      >
        <div className={styles.userMenuWho}>
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
