/**
 * The database schema as ordered migrations: a data directory made by an older version is brought
 * forward on start, never recreated (restarts keep every document, version and comment).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,              -- the role id, also the dev PKI identity
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    role TEXT NOT NULL,
    certificate_sha256 TEXT NOT NULL
  );
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    title TEXT NOT NULL,
    symbol TEXT NOT NULL,             -- e.g. KH-UBND, the part after the number
    state TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    current_version INTEGER,          -- versions.id of the file the next step works on
    draft_version INTEGER,            -- versions.id of the last unsigned draft (a restart returns here)
    number INTEGER,
    number_year INTEGER,
    issued_at TEXT,
    UNIQUE (number_year, number)
  );
  CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,             -- 1, 2, 3… per document, in the order they were made
    kind TEXT NOT NULL CHECK (kind IN ('draft', 'signed', 'issued', 'incoming')),
    actor TEXT NOT NULL,
    file TEXT NOT NULL,               -- path under the data directory
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    report TEXT,                      -- kyso's verification report (JSON) of this version
    UNIQUE (document_id, seq)
  );
  CREATE TABLE steps (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor TEXT NOT NULL,
    version_id INTEGER REFERENCES versions(id),
    at TEXT NOT NULL
  );
  CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    step_id INTEGER REFERENCES steps(id),
    actor TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT,
    event TEXT NOT NULL,
    document_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX versions_by_document ON versions(document_id, seq);
  CREATE INDEX steps_by_document ON steps(document_id, id);
  CREATE INDEX comments_by_document ON comments(document_id, id);
  `,
];
