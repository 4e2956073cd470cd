import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { courseCards } from "@/db/queries/course-list";
import { loadedSummary } from "@/db/queries/overview";
import { managedDepartmentNames, ownRegistrations } from "@/db/queries/home";
import { sessionCaller } from "@/lib/api/caller";
import { asOfDay } from "@/lib/env";
import { ScrollRegion } from "@/components/scroll-region";
import { StatCard } from "@/components/stat-card";
import { coursePath } from "@/lib/dashboard/paths";
import { requestFormats } from "./_lib/locale";
import { DepartmentAdminHome, LearnerHome } from "./_components/role-home";
import styles from "./_components/courses.module.css";

/**
 * Home: the courses the user may read, searchable by title or id (for admins, what is loaded).
 * Someone who teaches no course gets a home of their own role instead of an empty course list: a
 * department admin what they manage and where its results are, a learner their registrations
 * and where their status and progress are (docs/dashboard.md § Every role has a home).
 */
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const db = getDb();
  const caller = await sessionCaller(db);
  if (!caller) redirect("/sign-in");
  const q = (await searchParams).q;
  const search = typeof q === "string" ? q : "";
  const f = await requestFormats();
  const [cards, summary] = await Promise.all([
    courseCards(db, caller, { asOf: asOfDay(), search }),
    caller.role === "admin" ? loadedSummary(db) : null,
  ]);
  if (caller.role !== "admin" && cards.length === 0 && !search) {
    if (caller.role === "department_admin")
      return <DepartmentAdminHome name={caller.name} departments={await managedDepartmentNames(db, caller.userId)} />;
    return <LearnerHome name={caller.name} registrations={await ownRegistrations(db, caller.userId)} />;
  }
  return (
    <main className="page">
      <header className="page-header">
        <h1>Courses</h1>
        <p className="lede">
          {caller.role === "admin" ? "Every course in Lantern." : "The courses you teach or assist in."} Learners
          enrolled now (a course’s roster also lists those who left), and how many were active in the last 7 days.
        </p>
      </header>

      <section aria-labelledby="courses-heading" className="section">
        <h2 id="courses-heading" className="visually-hidden">
          Course list
        </h2>
        <form className={styles.searchForm} role="search" action="/" method="get">
          <label htmlFor="course-search" className="visually-hidden">
            Search courses by title or id
          </label>
          <input id="course-search" name="q" type="search" placeholder="Search by title or id" defaultValue={search} />
          <button type="submit" className="button">
            Search
          </button>
        </form>
        {cards.length === 0 ? (
          <p className="empty">
            {search
              ? `No course matches “${search}”.`
              : "No courses yet. Courses appear here once they are imported or an LMS sends activity."}
          </p>
        ) : (
          <ScrollRegion label="Courses">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Course</th>
                  <th scope="col" className="num">
                    Enrolled<span className={styles.wideOnly}> now</span>
                  </th>
                  <th scope="col" className="num">
                    Active<span className={styles.wideOnly}>, last 7 days</span>
                  </th>
                  <th scope="col" className={styles.wideOnly}>
                    Last updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {cards.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={coursePath(c.id)} className={`${styles.courseTitle} course-title`}>
                        {c.title || c.id}
                      </Link>
                      <div className={`${styles.courseId} course-id`}>{c.id}</div>
                    </td>
                    <td className="num">{f.count(c.enrolled)}</td>
                    <td className="num">{f.count(c.activeLastWeek)}</td>
                    <td className={styles.wideOnly}>{c.lastUpdated ? f.dateTime(c.lastUpdated) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {summary && (
        <section aria-labelledby="loaded-heading" className="section">
          <h2 id="loaded-heading" className="section-title">
            What is loaded
          </h2>
          <div className="stats">
            <StatCard label="Courses" value={f.count(summary.courses)} />
            <StatCard
              label="Learners"
              value={f.count(summary.learners)}
              hint={`${f.count(summary.enrollments)} enrollments`}
            />
            <StatCard label="Learning events" value={f.count(summary.events)} />
          </div>
          {summary.lastUpdated && (
            <p className="meta">
              Last data received <time dateTime={summary.lastUpdated}>{f.dateTime(summary.lastUpdated)}</time>
            </p>
          )}
        </section>
      )}
    </main>
  );
}
