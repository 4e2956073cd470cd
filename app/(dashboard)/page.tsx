import { getDb } from "@/db/client";
import { loadedSummary } from "@/db/queries/overview";
import { StatCard } from "@/components/stat-card";

const number = new Intl.NumberFormat("en");
const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function HomePage() {
  const summary = await loadedSummary(getDb());
  const empty = summary.courses === 0;
  return (
      <main className="page">
        <header className="page-header">
          <h1>Your learners, at a glance</h1>
          <p className="lede">
            Lantern turns what your learning platform records into a clear picture of who is thriving, who is
            struggling and who has gone quiet.
          </p>
        </header>
        <section aria-labelledby="loaded-heading" className="section">
          <h2 id="loaded-heading" className="section-title">
            What is loaded
          </h2>
          {empty ? (
            <p className="empty">
              Nothing is loaded yet. Run <code>npx lantern demo</code> for demo data, or <code>npx lantern import FILE</code>{" "}
              to load your own.
            </p>
          ) : (
            <div className="stats">
              <StatCard label="Courses" value={number.format(summary.courses)} />
              <StatCard label="Learners" value={number.format(summary.learners)} hint={`${number.format(summary.enrollments)} enrollments`} />
              <StatCard label="Learning events" value={number.format(summary.events)} />
            </div>
          )}
          {summary.lastUpdated && (
            <p className="meta">
              Last data received <time dateTime={summary.lastUpdated}>{when.format(new Date(summary.lastUpdated))} UTC</time>
            </p>
          )}
        </section>
      </main>
  );
}
