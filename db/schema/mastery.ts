import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { objectives } from "./courses";

/**
 * The mastery model's parameters per learning objective (docs/metrics.md § Status and progress),
 * written by the refit (lib/analytics/mastery, db/queries/mastery.ts). An objective without a row
 * uses the defaults and is not fitted.
 */
export const masteryModels = sqliteTable("mastery_models", {
  objectiveId: text("objective_id")
    .primaryKey()
    .references(() => objectives.id, { onDelete: "cascade" }),
  prior: real("prior").notNull(),
  learn: real("learn").notNull(),
  guess: real("guess").notNull(),
  slip: real("slip").notNull(),
  forget: real("forget").notNull(),
  /** At least 5 users had at least 3 attempts when it was fitted; else these are the defaults. */
  fitted: integer("fitted", { mode: "boolean" }).notNull(),
  /** Graded attempts on the objective the fit saw: the refit runs again when there are many more. */
  attempts: integer("attempts").notNull(),
  users: integer("users").notNull(),
  logLikelihood: real("log_likelihood"),
  fittedAt: text("fitted_at").notNull(),
});
