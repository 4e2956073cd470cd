import Link from "next/link";
import type { CourseRef } from "@/db/queries/course-list";
import { CourseSwitcher } from "./course-switcher";
import { UserMenu } from "./user-menu";
import styles from "./top-bar.module.css";

const ROLE_LABEL = { admin: "Administrator", department_admin: "Department admin", user: "Member" } as const;

/** The bar at the top of every signed-in page: product name, course switcher and user menu. */
export function TopBar({
  user,
  courses,
}: {
  user: { name: string; username: string; role: keyof typeof ROLE_LABEL };
  courses: CourseRef[];
}) {
  return (
    <header className={`${styles.topBar} top-bar`}>
      <Link href="/" className={styles.brand} aria-label="Lantern home">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" className={styles.brandMark}>
          <path d="M9 2h6v2H9zM7 5h10l1 3v9a3 3 0 0 1-3 3H9a3 3 0 0 1-3-3V8z" fill="currentColor" opacity=".18" />
          <path
            d="M9 2h6v2H9zM7 5h10l1 3v9a3 3 0 0 1-3 3H9a3 3 0 0 1-3-3V8zm5 4a3 3 0 0 0-2 5.2V16h4v-1.8A3 3 0 0 0 12 9z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        </svg>
        <span className={styles.brandName}>Lantern</span>
      </Link>
      {(courses.length > 0 || user.role === "admin") && <CourseSwitcher courses={courses} />}
      <div className={styles.topBarEnd}>
        <UserMenu
          name={user.name}
          username={user.username}
          role={ROLE_LABEL[user.role]}
          canImport={user.role === "admin"}
        />
      </div>
    </header>
  );
}
