"use client";

import { useEffect, useState } from "react";
import styles from "./roster.module.css";

const DEBOUNCE_MS = 300;

/**
 * The roster's search, applied a moment after typing stops. The box keeps what is typed (a
 * trailing space included) and follows the URL when it changes elsewhere (back, "Clear all").
 */
export function SearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (text: string, opts: { replace: boolean }) => void;
}) {
  const [draft, setDraft] = useState(value);
  // Follows the URL during render (React's "adjusting state when a prop changes"), not in an effect.
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if (draft.trim() !== value) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    // Refining a search replaces its history entry; starting or clearing one adds an entry.
    const t = setTimeout(() => onSearch(draft, { replace: Boolean(value && draft.trim()) }), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [draft, value, onSearch]);
  return (
    <div className={styles.searchBox} role="search">
      <label htmlFor="roster-search" className="visually-hidden">
        Search learners by name, username or email
      </label>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="15" height="15" className={styles.searchIcon}>
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        id="roster-search"
        type="search"
        placeholder="Search name, username or email"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onSearch(draft, { replace: false });
        }}
        autoComplete="off"
      />
    </div>
  );
}
