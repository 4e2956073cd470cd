/**
 * The people of the demo who can sign in. The passwords are fixed (not seeded) so the README
 * and the CLI can print them, and an e2e test can sign in without reading the generated file.
 */

export type DemoRole = "admin" | "department_admin" | "instructor" | "staff" | "learner";

export interface DemoAccount {
  username: string;
  password: string;
  name: string;
  email: string;
  role: DemoRole;
  /** Department the user belongs to. */
  departmentId: string;
  /** What this account may see, in words, for the CLI's listing. */
  sees: string;
}

/** Department a `department_admin` manages (the whole subtree). */
export const MANAGED_DEPARTMENT_ID = "science";

/** The demo learner's username; learner #0 of the generated population. */
export const DEMO_LEARNER_USERNAME = "sam.rivera";

const STAFF_DOMAIN = "lantern-university.example";

export const demoAccounts: readonly DemoAccount[] = [
  {
    username: "admin",
    password: "lantern-admin",
    name: "Alex Morgan",
    email: `admin@${STAFF_DOMAIN}`,
    role: "admin",
    departmentId: "lantern-university",
    sees: "everything: every course, learner, department and API key",
  },
  {
    username: "m.okafor",
    password: "lantern-teach",
    name: "Miriam Okafor",
    email: `m.okafor@${STAFF_DOMAIN}`,
    role: "instructor",
    departmentId: "science-computing",
    sees: "instructor of CS101 (Introduction to Programming with Python) and RES300 (Research Methods Seminar)",
  },
  {
    username: "r.castellanos",
    password: "lantern-teach",
    name: "Rafael Castellanos",
    email: `r.castellanos@${STAFF_DOMAIN}`,
    role: "instructor",
    departmentId: "science-mathematics",
    sees: "instructor of STAT120 (Introduction to Statistics)",
  },
  {
    username: "j.lindqvist",
    password: "lantern-assist",
    name: "Johanna Lindqvist",
    email: `j.lindqvist@${STAFF_DOMAIN}`,
    role: "staff",
    departmentId: "science-computing",
    sees: "teaching assistant (course staff) of CS101",
  },
  {
    username: "h.nakamura",
    password: "lantern-dept-admin",
    name: "Hiroshi Nakamura",
    email: `h.nakamura@${STAFF_DOMAIN}`,
    role: "department_admin",
    departmentId: "science",
    sees: "iSpring results of learners in the Faculty of Science and its schools",
  },
  {
    username: DEMO_LEARNER_USERNAME,
    password: "lantern-learner",
    name: "Sam Rivera",
    email: `${DEMO_LEARNER_USERNAME}@students.${STAFF_DOMAIN}`,
    role: "learner",
    departmentId: "science-computing",
    sees: "their own registrations in CS101, STAT120 and RES300 (status, progress, results)",
  },
];

export const LEARNER_EMAIL_DOMAIN = `students.${STAFF_DOMAIN}`;
