import Link from "next/link";
import type { Formats } from "@/lib/dashboard/format";
import styles from "./overview.module.css";

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
        <ul className={`card ${styles.groupList}`}>
          {entries.map(([name, n]) => (
            <li key={name}>
              <Link href={href(name)} className={styles.groupRow}>
                <span className={styles.groupName}>{name}</span>
                <span className={styles.groupCount}>{formats.count(n)}</span>
                <span className={styles.groupBar} aria-hidden="true">
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
