-- The duplicate finder's blocking and counting keys of each person (derived from the names, rebuilt by a data
-- upgrade at unlock and on every person write, never synced). Contentless: only the index is stored, one row
-- per person, its rowid the person's search_docs docid. ':' is part of a key.
CREATE VIRTUAL TABLE `person_match` USING fts5(`keys`, content = '', contentless_delete = 1, detail = none, tokenize = "ascii tokenchars ':'");--> statement-breakpoint
INSERT INTO `person_match` (`person_match`, `rank`) VALUES ('secure-delete', 1);
