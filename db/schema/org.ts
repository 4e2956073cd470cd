import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export const departments = sqliteTable(
  "departments",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    parentId: text("parent_id").references((): AnySQLiteColumn => departments.id),
  },
  (t) => [index("departments_parent_idx").on(t.parentId)],
);

export const USER_ROLES = ["admin", "department_admin", "user"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_STATUSES = ["active", "blocked"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    name: text("name").notNull().default(""),
    email: text("email"),
    // Emails compare case-insensitively; the lowered copy carries the unique index.
    emailLower: text("email_lower"),
    // SHA-1 of `mailto:<email>`, so an xAPI actor given as `mbox_sha1sum` is found by index.
    emailSha1: text("email_sha1"),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    departmentId: text("department_id").references(() => departments.id),
    role: text("role", { enum: USER_ROLES }).notNull().default("user"),
    passwordHash: text("password_hash"),
    language: text("language"),
    country: text("country"),
    city: text("city"),
    gender: text("gender"),
    yearOfBirth: integer("year_of_birth"),
    levelOfEducation: text("level_of_education"),
    // Open edX profile fields its learner API returned (docs/edx-api.md): free text as the LMS holds it.
    location: text("location"),
    mailingAddress: text("mailing_address"),
    goals: text("goals"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex("users_username_uq").on(t.username),
    uniqueIndex("users_email_lower_uq").on(t.emailLower),
    index("users_email_sha1_idx").on(t.emailSha1),
    index("users_department_idx").on(t.departmentId),
  ],
);

/** Identifiers an LMS uses for a person in xAPI actors (e.g. Open edX's anonymous user id). */
export const userExternalIds = sqliteTable(
  "user_external_ids",
  {
    externalId: text("external_id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("user_external_ids_user_idx").on(t.userId)],
);

export const managedDepartments = sqliteTable(
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

/**
 * Signed-in browser sessions. The session cookie is a signed JWT naming one of these rows; a
 * session is over when its row is gone (signed out, password changed, user blocked) or expired,
 * whatever the cookie says.
 */
export const sessions = sqliteTable(
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

export const apiKeys = sqliteTable(
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

export type Department = typeof departments.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type ApiKey = typeof apiKeys.$inferSelect;
