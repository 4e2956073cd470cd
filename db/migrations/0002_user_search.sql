-- The roster's text search (api.md: every term a case-insensitive substring of the name, username
-- or email): an FTS5 trigram index over users, keyed by user_search_key.id, kept in step by
-- triggers on users. Contentless (the text stays in users), with contentless_delete so rows can go.
-- Each field is indexed with a trailing space, so a two-character term is the start of some
-- trigram wherever it stands, and user_search_vocab (the index's trigrams) can answer it.
CREATE VIRTUAL TABLE `user_search` USING fts5(username, name, email, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `user_search_vocab` USING fts5vocab(user_search, 'row');
--> statement-breakpoint
INSERT INTO `user_search_key` (`user_id`) SELECT `id` FROM `users`;
--> statement-breakpoint
INSERT INTO `user_search` (rowid, username, name, email)
  SELECT k.`id`, u.`username` || ' ', u.`name` || ' ', coalesce(u.`email`, '') || ' '
  FROM `user_search_key` k JOIN `users` u ON u.`id` = k.`user_id`;
--> statement-breakpoint
CREATE TRIGGER `users_search_insert` AFTER INSERT ON `users` BEGIN
  INSERT INTO `user_search_key` (`user_id`) VALUES (new.`id`);
  INSERT INTO `user_search` (rowid, username, name, email)
    SELECT `id`, new.`username` || ' ', new.`name` || ' ', coalesce(new.`email`, '') || ' '
    FROM `user_search_key` WHERE `user_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_update` AFTER UPDATE OF `username`, `name`, `email` ON `users`
WHEN old.`username` IS NOT new.`username` OR old.`name` IS NOT new.`name` OR old.`email` IS NOT new.`email`
BEGIN
  DELETE FROM `user_search` WHERE rowid = (SELECT `id` FROM `user_search_key` WHERE `user_id` = old.`id`);
  INSERT INTO `user_search` (rowid, username, name, email)
    SELECT `id`, new.`username` || ' ', new.`name` || ' ', coalesce(new.`email`, '') || ' '
    FROM `user_search_key` WHERE `user_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_delete` AFTER DELETE ON `users` BEGIN
  DELETE FROM `user_search` WHERE rowid = (SELECT `id` FROM `user_search_key` WHERE `user_id` = old.`id`);
  DELETE FROM `user_search_key` WHERE `user_id` = old.`id`;
END;
