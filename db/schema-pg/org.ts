import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { UserRole, UserStatus } from "../schema/org";
import { nowIso, text } from "./text";

// The PostgreSQL twin of db/schema/org.ts: same tables, columns, keys and indexes (db/schema-pg/drift.test.ts).

export const departments = pgTable(
  "departments",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    parentId: text("parent_id").references((): AnyPgColumn => departments.id),
  },
  (t) => [index("departments_parent_idx").on(t.parentId)],
);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    name: text("name").notNull().default(""),
    email: text("email"),
    emailLower: text("email_lower"),
    emailSha1: text("email_sha1"),
    status: text("status").$type<UserStatus>().notNull().default("active"),
    departmentId: text("department_id").references(() => departments.id),
    role: text("role").$type<UserRole>().notNull().default("user"),
    passwordHash: text("password_hash"),
    language: text("language"),
    country: text("country"),
    city: text("city"),
    gender: text("gender"),
    yearOfBirth: integer("year_of_birth"),
    levelOfEducation: text("level_of_education"),
    location: text("location"),
    mailingAddress: text("mailing_address"),
    goals: text("goals"),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [
    uniqueIndex("users_username_uq").on(t.username),
    uniqueIndex("users_email_lower_uq").on(t.emailLower),
    index("users_email_sha1_idx").on(t.emailSha1),
    index("users_department_idx").on(t.departmentId),
    // The roster's text search (SQLite: the FTS5 trigram table `user_search`, migration 0002): a
    // trigram GIN index per searched field, case folded as FTS5 folds it — Unicode, not only ASCII
    // as lower() under COLLATE "C" would — hence ICU's root locale (docs/postgres.md § Search). A
    // query matches `(lower(field COLLATE "und-x-icu") COLLATE "C") LIKE '%term%'`, the index's
    // expression exactly, one per field OR'd (search.pg.test.ts). One index per field, not one over
    // three: the planner costs a multi-column GIN index as if every column were read, and scans.
    ...(["username", "name", "email"] as const).map((field) =>
      index(`users_${field}_trgm_idx`).using(
        "gin",
        sql`(lower(${t[field]} COLLATE "und-x-icu") COLLATE "C") gin_trgm_ops`,
      ),
    ),
  ],
);

export const userExternalIds = pgTable(
  "user_external_ids",
  {
    externalId: text("external_id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("user_external_ids_user_idx").on(t.userId)],
);

export const managedDepartments = pgTable(
  "managed_departments",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    departmentId: text("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);
