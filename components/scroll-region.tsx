import type { ReactNode } from "react";

/**
 * A box a wide table scrolls sideways in (on a phone). It is focusable and named so keyboard users
 * can scroll it too.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-scroll card flush ${className}`.trim()} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
