import type { ReactNode } from "react";
import { loadCourse } from "../../_lib/course";
import { CourseTabs } from "./_components/course-tabs";
import { NoCourseAccess } from "./_components/no-course-access";
import styles from "./_components/course.module.css";

/** Every page of a course: its title and tabs, or — for anyone who may not read it — one refusal. */
export default async function CourseLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ courseId: string }>;
}) {
  const load = await loadCourse((await params).courseId);
  if (!load.ok) return <NoCourseAccess courseId={load.courseId} isAdmin={load.caller.role === "admin"} />;
  const { course } = load;
  return (
    <main className={`page ${styles.coursePage}`}>
      <header className={styles.courseHeader}>
        <p className={styles.courseHeaderId}>{course.id}</p>
        <h1>{course.title || course.id}</h1>
        <CourseTabs courseId={course.id} />
      </header>
      {children}
    </main>
  );
}
