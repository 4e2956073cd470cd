-- The roster's text search needs trigram indexes (users_*_trgm_idx, migration 0001): the
-- PostgreSQL counterpart of SQLite's FTS5 trigram table. pg_trgm is a trusted extension (PostgreSQL
-- 13+), so a database owner without superuser rights may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
