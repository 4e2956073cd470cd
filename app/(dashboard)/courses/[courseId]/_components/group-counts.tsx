import Link from "next/link";
import type { Formats } from "@/lib/dashboard/format";

/** A course's cohorts or tracks with their learners, each linking to the roster filtered by it. */
export function GroupCounts({
  title,
  counts,
  empty,
  href,
  formats,
}: {
  title: string;
  counts: Record<string, number>;
  empty: string;
  href: (name: string) => string;
  formats: Formats;
}) {
  const entries = Object.entries(counts);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const id = `group-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {entries.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="card group-list">
          {entries.map(([name, n]) => (
            <li key={name}>
              <Link href={href(name)} className="group-row">
                <span className="group-name">{name}</span>
                <span className="group-count">{formats.count(n)}</span>
                <span className="group-bar" aria-hidden="true">
                  <span style={{ width: `${(n / max) * 100}%` }} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
