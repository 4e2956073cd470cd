import Link from "next/link";
import type { ReactNode } from "react";

/** "← All goals": the link back to the page a page belongs to, above its content. */
export function BackLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <p className={className}>
      <Link href={href}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
