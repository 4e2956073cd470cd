-- The search's trigram indexes without GIN's pending list: a new user goes straight into the
-- index rather than into a list that every search reads, unsorted, until a vacuum merges it — and
-- while the list is long the planner prefers a scan of users. Users are written seldom.
ALTER INDEX "users_username_trgm_idx" SET (fastupdate = off);
--> statement-breakpoint
ALTER INDEX "users_name_trgm_idx" SET (fastupdate = off);
--> statement-breakpoint
ALTER INDEX "users_email_trgm_idx" SET (fastupdate = off);
