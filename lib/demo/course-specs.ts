/** What the three demo courses teach; `catalog.ts` turns this into ids, items, dates and goals. */

export type CourseKey = "small" | "medium" | "large";

export interface UnitSpec {
  title: string;
  objectives: readonly string[];
}

export interface CourseSpec {
  key: CourseKey;
  /** Open edX course key parts: `course-v1:{org}+{code}+{run}`. */
  code: string;
  title: string;
  passingScore: number | null;
  cohorts: readonly string[];
  instructor: string;
  assistant?: string;
  problemsPerUnit: number;
  units: readonly UnitSpec[];
  /** Units (0-based) after which a graded quiz follows. */
  quizzesAfter: readonly number[];
  /** Title of the final, hand-graded assessment (requires correction). */
  finalProject: string;
}

export const ORG = "LanternU";
export const RUN = "2026_T1";

/** Learning objectives, shared across courses (statistics objectives recur in all three). */
export const OBJECTIVES: Readonly<Record<string, string>> = {
  "lref-variables": "Use variables and assignment",
  "lref-expressions": "Evaluate expressions and types",
  "lref-conditionals": "Write conditional logic",
  "lref-loops": "Iterate with loops",
  "lref-functions": "Define and call functions",
  "lref-data-structures": "Use lists and dictionaries",
  "lref-error-handling": "Read files and handle errors",
  "lref-descriptive-stats": "Summarise data with descriptive statistics",
  "lref-data-visualisation": "Choose and read charts",
  "lref-probability": "Reason with probability",
  "lref-distributions": "Work with probability distributions",
  "lref-sampling": "Explain sampling and sampling error",
  "lref-hypothesis-testing": "Run and interpret hypothesis tests",
  "lref-regression": "Fit and interpret a linear regression",
  "lref-research-design": "Design a study that answers a question",
  "lref-academic-writing": "Report findings in academic style",
  "lref-research-ethics": "Apply research ethics",
};

export const COURSE_SPECS: readonly CourseSpec[] = [
  {
    key: "small",
    code: "RES300",
    title: "Research Methods Seminar",
    passingScore: null,
    cohorts: ["Seminar 1", "Seminar 2"],
    instructor: "m.okafor",
    problemsPerUnit: 2,
    units: [
      { title: "Asking research questions", objectives: ["lref-research-design"] },
      { title: "Reading the literature", objectives: ["lref-academic-writing"] },
      { title: "Describing your data", objectives: ["lref-descriptive-stats", "lref-data-visualisation"] },
      { title: "Testing hypotheses", objectives: ["lref-hypothesis-testing"] },
      { title: "Ethics and consent", objectives: ["lref-research-ethics"] },
    ],
    quizzesAfter: [2],
    finalProject: "Research proposal",
  },
  {
    key: "medium",
    code: "STAT120",
    title: "Introduction to Statistics",
    passingScore: 65,
    cohorts: ["Morning", "Evening", "Online"],
    instructor: "r.castellanos",
    problemsPerUnit: 3,
    units: [
      { title: "Describing data", objectives: ["lref-descriptive-stats"] },
      { title: "Charts that tell the truth", objectives: ["lref-data-visualisation"] },
      { title: "Probability", objectives: ["lref-probability"] },
      { title: "Distributions", objectives: ["lref-distributions", "lref-probability"] },
      { title: "Sampling", objectives: ["lref-sampling"] },
      { title: "Hypothesis tests", objectives: ["lref-hypothesis-testing"] },
      { title: "Linear regression", objectives: ["lref-regression"] },
    ],
    quizzesAfter: [2, 5],
    finalProject: "Data analysis report",
  },
  {
    key: "large",
    code: "CS101",
    title: "Introduction to Programming with Python",
    passingScore: 60,
    cohorts: ["Section A", "Section B", "Section C", "Section D"],
    instructor: "m.okafor",
    assistant: "j.lindqvist",
    problemsPerUnit: 3,
    units: [
      { title: "Getting started", objectives: ["lref-variables"] },
      { title: "Expressions and types", objectives: ["lref-expressions", "lref-variables"] },
      { title: "Making decisions", objectives: ["lref-conditionals"] },
      { title: "Loops", objectives: ["lref-loops"] },
      { title: "Functions", objectives: ["lref-functions"] },
      { title: "Lists and dictionaries", objectives: ["lref-data-structures"] },
      { title: "Files and errors", objectives: ["lref-error-handling"] },
      { title: "Working with data", objectives: ["lref-descriptive-stats", "lref-data-visualisation"] },
    ],
    quizzesAfter: [2, 5],
    finalProject: "Capstone project",
  },
];

/** The department tree: a university, its faculties, their schools. Parents come first. */
export const DEPARTMENTS: readonly { id: string; name: string; parentId: string | null }[] = [
  { id: "lantern-university", name: "Lantern University", parentId: null },
  { id: "science", name: "Faculty of Science", parentId: "lantern-university" },
  { id: "science-computing", name: "School of Computing", parentId: "science" },
  { id: "science-mathematics", name: "School of Mathematics and Statistics", parentId: "science" },
  { id: "science-physics", name: "School of Physics", parentId: "science" },
  { id: "engineering", name: "Faculty of Engineering", parentId: "lantern-university" },
  { id: "engineering-civil", name: "School of Civil Engineering", parentId: "engineering" },
  { id: "engineering-electrical", name: "School of Electrical Engineering", parentId: "engineering" },
  { id: "humanities", name: "Faculty of Arts and Humanities", parentId: "lantern-university" },
  { id: "humanities-history", name: "School of History", parentId: "humanities" },
  { id: "humanities-languages", name: "School of Languages", parentId: "humanities" },
  { id: "business", name: "Business School", parentId: "lantern-university" },
  { id: "business-management", name: "Department of Management", parentId: "business" },
  { id: "business-accounting", name: "Department of Accounting and Finance", parentId: "business" },
];

/** Where learners belong: the schools (leaves), the sciences more often since they take these courses. */
export const LEARNER_DEPARTMENTS: readonly string[] = [
  "science-computing",
  "science-computing",
  "science-mathematics",
  "science-mathematics",
  "science-physics",
  "engineering-civil",
  "engineering-electrical",
  "engineering-electrical",
  "humanities-history",
  "humanities-languages",
  "business-management",
  "business-accounting",
];
