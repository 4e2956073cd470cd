import type { ReactNode } from "react";
import styles from "./scroll-region.module.css";

/**
 * A box a wide table scrolls sideways in (on a phone). It is focusable and named so keyboard users
 * can scroll it too. `stale` dims rows kept on screen while newer ones load; the plain `stale`
 * class beside the module's is what the e2e specs look for.
 */
export function ScrollRegion({
  label,
  stale = false,
  children,
}: {
  label: string;
  stale?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={stale ? `table-scroll card flush ${styles.stale} stale` : "table-scroll card flush"}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
