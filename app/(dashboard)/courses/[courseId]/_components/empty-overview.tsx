import Link from "next/link";
import styles from "./overview.module.css";

/**
 * The overview of a course with no learners and no activity: one statement of how data gets in,
 * instead of zero cards, flat charts and ranges of nothing. Administrators import; an LMS sends
 * xAPI statements with an API key (docs/lms-setup.md has the LMS side).
 */
export function EmptyOverview({ isAdmin }: { isAdmin: boolean }) {
  return (
    <section className={`card ${styles.overviewEmpty} overview-empty`} aria-labelledby="empty-heading">
      <h2 id="empty-heading" className="section-title">
        No learners or activity yet
      </h2>
      <p>
        Learners, their figures and the charts appear here once data for this course arrives, in either of two ways:
      </p>
      <ul>
        <li>
          <strong>An import</strong> of a JSON Lines file with the course’s enrollments and activity
          {isAdmin ? (
            <>
              {" "}
              — <Link href="/admin/import">Import data</Link>.
            </>
          ) : (
            <>, which an administrator runs.</>
          )}
        </li>
        <li>
          <strong>xAPI statements</strong> that the LMS sends to Lantern’s <code>/xapi/</code> endpoint with an{" "}
          <Link href="/settings/api-keys">API key</Link>, as it records the learners’ work (the{" "}
          <Link href="/api-docs">API reference</Link> describes the endpoint; the README’s “Getting data in” the setup).
        </li>
      </ul>
    </section>
  );
}
