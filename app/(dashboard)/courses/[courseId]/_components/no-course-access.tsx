import Link from "next/link";

/**
 * What a course page shows to someone who may not read the course. Only an administrator learns
 * that it does not exist; anyone else gets the same answer either way (docs/metrics.md § Roles).
 */
export function NoCourseAccess({ courseId, isAdmin }: { courseId: string; isAdmin: boolean }) {
  return (
    <main className="page narrow">
      <div className="card notice">
        <h1>{isAdmin ? "No such course" : "You can’t open this course"}</h1>
        <p>
          {isAdmin ? (
            <>
              Lantern has no course <code>{courseId}</code>. It appears once it is imported or an LMS sends its
              activity.
            </>
          ) : (
            <>
              Course pages are open to the course’s instructors and staff. If you teach this course, ask an
              administrator to add you.
            </>
          )}
        </p>
        <p>
          <Link href="/" className="button">
            Back to your courses
          </Link>
        </p>
      </div>
    </main>
  );
}
