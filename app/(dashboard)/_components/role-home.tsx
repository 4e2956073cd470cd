import Link from "next/link";
import type { OwnRegistration } from "@/db/queries/home";
import styles from "./role-home.module.css";

/**
 * The home of someone who teaches no course (docs/dashboard.md § Every role has a home): what
 * their role can do, and where their data is until the dashboard has pages for them — the API,
 * with their own API key.
 */

function ApiKeyStep() {
  return (
    <li>
      Create an API key at <Link href="/settings/api-keys">Settings → API keys</Link> (also in the menu under your
      name). It acts with your rights.
    </li>
  );
}

export function DepartmentAdminHome({
  name,
  departments,
}: {
  name: string;
  departments: { id: string; name: string }[];
}) {
  const which = departments.length ? departments.map((d) => d.name).join(", ") : "no department yet";
  return (
    <main className="page role-home">
      <header className="page-header">
        <h1>Your departments</h1>
        <p className="lede">
          {name}, you are a department admin of <strong>{which}</strong>
          {departments.length > 0 && " and every department under it"}. You see the iSpring course results of their
          users; you do not teach a course in Lantern, so there are no course pages for you here. Pages for department
          admins are planned; until then your data is in the API.
        </p>
      </header>
      <section className={`card ${styles.roleHomeCard}`} aria-labelledby="where-data">
        <h2 id="where-data" className="card-title">
          Your departments’ results: the iSpring results API
        </h2>
        <p>
          Each user’s enrollments with completion status, progress, score, time spent and dates, for the users of your
          departments:
        </p>
        <ol>
          <ApiKeyStep />
          <li>
            Ask for a token: <code>POST /api/ispring/api/v3/token</code> with the key’s id (before the dot) as{" "}
            <code>client_id</code> and the rest as <code>client_secret</code>.
          </li>
          <li>
            Read the results: <code>GET /api/ispring/learners/results</code>
            {departments[0] && (
              <>
                {" "}
                (for one department: <code>?departmentIds[]={departments[0].id}</code>)
              </>
            )}
            .
          </li>
        </ol>
        <p>
          <Link href="/api-docs">The API reference</Link> lists every filter and field.
        </p>
      </section>
    </main>
  );
}

export function LearnerHome({ name, registrations }: { name: string; registrations: OwnRegistration[] }) {
  return (
    <main className="page role-home">
      <header className="page-header">
        <h1>Your learning</h1>
        <p className="lede">
          {registrations.length
            ? `${name}, you are a learner in ${registrations.length === 1 ? "one course" : `${registrations.length} courses`}. Lantern’s pages are for the people who teach them; you may read your own status and progress on each course’s goals through the API.`
            : `${name}, you teach no course in Lantern and are enrolled in none, so there is nothing to show you here yet.`}
        </p>
      </header>
      {registrations.length > 0 && (
        <section className={`card ${styles.roleHomeCard}`} aria-labelledby="where-data">
          <h2 id="where-data" className="card-title">
            Your status and progress: the Knewton registration endpoint
          </h2>
          <ol>
            <ApiKeyStep />
            <li>
              Send <code>POST /api/v0/registrations/&lt;registration&gt;/metrics/status-and-progress</code> with the
              body <code>{`{"goal_ids": ["<goal>"]}`}</code>, using your registration and the goals below.
            </li>
          </ol>
          <ul className={styles.roleHomeList}>
            {registrations.map((r) => (
              <li key={r.registrationId}>
                <h3 className={styles.roleHomeCourse}>
                  {r.title || r.courseId}
                  {!r.enrolled && <span className="muted"> (you left this course)</span>}
                </h3>
                <p>
                  Registration <code>{r.registrationId}</code>
                </p>
                {r.goals.length ? (
                  <ul>
                    {r.goals.map((g) => (
                      <li key={g.id}>
                        {g.name}: <code>{g.id}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">This course has no goals.</p>
                )}
              </li>
            ))}
          </ul>
          <p>
            <Link href="/api-docs">The API reference</Link> shows the answer’s fields.
          </p>
        </section>
      )}
    </main>
  );
}
