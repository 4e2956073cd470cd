"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readRoster, writeRoster, type RosterChange, type RosterState } from "@/lib/dashboard/roster-state";

export interface RosterUrl {
  params: URLSearchParams;
  state: RosterState;
  /** Applies a change to the URL: a new history entry, or with `replace` in place of the current one. */
  update: (change: RosterChange, opts?: { replace?: boolean }) => void;
}

/**
 * The roster's state, read from and written to the URL — its only home, so reload, back/forward
 * and a pasted link all give the same view. Writes go through the History API, which Next's
 * router follows without asking the server to render the page again.
 */
export function useRosterUrl(): RosterUrl {
  const search = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => new URLSearchParams(search.toString()), [search]);
  const state = useMemo(() => readRoster(params), [params]);
  const update = useCallback(
    (change: RosterChange, opts: { replace?: boolean } = {}) => {
      const next = writeRoster(params, change).toString();
      const url = next ? `${pathname}?${next}` : pathname;
      if (opts.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [params, pathname],
  );
  return { params, state, update };
}
