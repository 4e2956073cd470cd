/** The demo data generator: `generateDemo` / `writeDemo` and the accounts the CLI prints. */
export {
  generateDemo,
  writeDemo,
  writeJsonLines,
  DEFAULT_LEARNERS,
  DEFAULT_SEED,
  type DemoOptions,
  type DemoWriteResult,
} from "./generate";
export { demoAccounts, DEMO_LEARNER_USERNAME, type DemoAccount, type DemoRole } from "./accounts";
export { ARCHETYPES, ARCHETYPE_WEIGHTS, type Archetype } from "./archetypes";
export { buildCatalog, courseIdOf, LMS_URL, type DemoCourse, type DemoGoal, type DemoItem } from "./catalog";
export { COURSE_SPECS } from "./course-specs";
export { population } from "./population";
