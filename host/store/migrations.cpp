#include "store/migrations.hpp"

#include <array>

namespace cahub::store {
namespace {

// Conventions of the schema:
// - Tables are STRICT: a value of the wrong type is an error, not silently stored.
// - Codes (kind, key_type, business, channel, status) are the wire codes of domain/vocabulary.hpp.
// - Dates are 'YYYY-MM-DD' (CHECK date(x, '+0 days') IS x refuses '2023-02-30': the
//   modifier makes SQLite normalise the date, which plain date(x) does not);
//   timestamps are ISO 8601 with seconds and offset, e.g. '2026-03-01T09:30:00+08:00'.
// - Money, where a later step stores it, is INTEGER fen.
// - Hashes are lower-case hex SHA-256.
constexpr std::string_view schema_v1 = R"sql(
-- Who applies: a unit (identified by its USCC) or a natural person (by resident ID number).
CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('org', 'person')),
  name       TEXT NOT NULL CHECK (name <> ''),
  uscc       TEXT UNIQUE CHECK (length(uscc) = 18),
  id_number  TEXT UNIQUE CHECK (length(id_number) = 18),
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'),
  -- A unit is known by its USCC and a person by the ID number, never the other way round: the legal
  -- representative's ID number belongs to a person, not to the unit.
  CHECK ((kind = 'org' AND uscc IS NOT NULL AND id_number IS NULL)
      OR (kind = 'person' AND id_number IS NOT NULL AND uscc IS NULL))
) STRICT;

-- A certificate a CA issued to a customer, and the medium (USB key) that holds it.
CREATE TABLE certificates (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  ca            TEXT NOT NULL,  -- plugin id, e.g. 'bjca'
  region        TEXT NOT NULL,  -- region script id, e.g. 'central'
  serial        TEXT NOT NULL,  -- as the CA issued it
  key_type      TEXT NOT NULL CHECK (key_type IN ('master', 'secondary')),
  not_before    TEXT NOT NULL CHECK (date(not_before, '+0 days') IS not_before),
  not_after     TEXT NOT NULL CHECK (date(not_after, '+0 days') IS not_after),
  status        TEXT NOT NULL CHECK (status IN ('active', 'frozen', 'revoked', 'expired')),
  medium_serial TEXT,
  -- When the medium was first issued: the medium warranty (central: 1 year) counts from here, not
  -- from not_before, which a renewal moves. NULL when unknown, e.g. a certificate issued elsewhere.
  first_issued  TEXT CHECK (date(first_issued, '+0 days') IS first_issued),
  UNIQUE (ca, serial),
  CHECK (not_before <= not_after)
) STRICT;
CREATE INDEX certificates_by_customer ON certificates (customer_id);

-- One business for one customer in one region with one CA.
CREATE TABLE orders (
  id              INTEGER PRIMARY KEY,
  public_id       TEXT NOT NULL UNIQUE CHECK (public_id <> ''),  -- what the API and the customer see
  business        TEXT NOT NULL CHECK (business IN ('new', 'add', 'renew', 'reissue_lost', 'reissue_damaged',
                                                    'change', 'unlock', 'freeze', 'unfreeze', 'revoke')),
  region          TEXT NOT NULL,
  ca              TEXT NOT NULL,
  customer_id     INTEGER NOT NULL REFERENCES customers (id),
  channel         TEXT NOT NULL CHECK (channel IN ('onsite', 'mail', 'online', 'self_service')),
  years           INTEGER CHECK (years BETWEEN 1 AND 10),  -- NULL for businesses that set no validity
  key_type        TEXT NOT NULL CHECK (key_type IN ('master', 'secondary')),
  certificate_id  INTEGER REFERENCES certificates (id),  -- the certificate the business acts on, once known
  -- The workflow's states are defined by a later step; until then any non-empty code.
  state           TEXT NOT NULL CHECK (state <> ''),
  -- The quote as accepted: later fee changes never reprice an accepted order (trigger below).
  quote_json      TEXT CHECK (quote_json IS NULL OR json_valid(quote_json)),
  version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),  -- optimistic locking: UPDATE … WHERE version = ?
  idempotency_key TEXT UNIQUE,
  request_hash    TEXT NOT NULL CHECK (length(request_hash) = 64 AND request_hash NOT GLOB '*[^0-9a-f]*'),
  created_at      TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'),
  updated_at      TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*')
) STRICT;
CREATE INDEX orders_by_customer ON orders (customer_id);
CREATE INDEX orders_by_certificate ON orders (certificate_id);

CREATE TRIGGER orders_quote_is_frozen BEFORE UPDATE OF quote_json ON orders
WHEN OLD.quote_json IS NOT NULL AND NEW.quote_json IS NOT OLD.quote_json
BEGIN
  SELECT RAISE(ABORT, 'orders.quote_json is frozen once accepted');
END;

-- What happened, in order, as a hash chain: each event's hash covers the previous one's, so a
-- removed or edited event shows. The table is append-only.
CREATE TABLE audit_events (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'),
  actor        TEXT NOT NULL CHECK (actor <> ''),
  order_id     INTEGER REFERENCES orders (id),
  kind         TEXT NOT NULL CHECK (kind <> ''),
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),  -- canonical JSON, as hashed
  prev_hash    TEXT NOT NULL CHECK (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
  hash         TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;
CREATE INDEX audit_events_by_order ON audit_events (order_id);

-- The chain links to the last event; the first event links to 64 zeros.
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
WHEN NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE(ABORT, 'audit_events.prev_hash must be the hash of the last event');
END;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
)sql";

// Version 2: who works on orders, and what an order collects on its way (materials, payments).
constexpr std::string_view schema_v2 = R"sql(
-- Back-office staff. Passwords are stored only as salted slow hashes (PBKDF2-HMAC-SHA256, the
-- parameters in the text: 'pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>'). No default account.
CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE CHECK (login GLOB '[a-z]*' AND login NOT GLOB '*[^a-z0-9._-]*' AND length(login) <= 64),
  display_name  TEXT NOT NULL CHECK (display_name <> ''),
  role          TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'admin')),
  password_hash TEXT NOT NULL CHECK (password_hash GLOB 'pbkdf2-sha256$*'),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;

-- Bearer tokens from POST /v1/login, stored as their SHA-256 so a copy of the database signs no one in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_staff ON sessions (staff_id);

-- What the order was accepted as (the quote request, with applicant, agent and legal
-- representative), who accepted it (four-eyes), and when its review is due (working days).
ALTER TABLE orders ADD COLUMN request_json TEXT CHECK (request_json IS NULL OR json_valid(request_json));
ALTER TABLE orders ADD COLUMN accepted_by TEXT;
ALTER TABLE orders ADD COLUMN due_on TEXT CHECK (due_on IS NULL OR date(due_on, '+0 days') IS due_on);

-- The certificate itself, as the CA issued it (PEM), for the registry and its download.
ALTER TABLE certificates ADD COLUMN certificate_pem TEXT;

-- The materials checklist of an order, from its frozen quote; ticked off as they arrive.
CREATE TABLE order_materials (
  order_id    INTEGER NOT NULL REFERENCES orders (id),
  code        TEXT NOT NULL CHECK (code <> ''),
  name        TEXT NOT NULL,
  received_at TEXT,
  received_by TEXT,
  file_name   TEXT,
  file_bytes  INTEGER CHECK (file_bytes IS NULL OR file_bytes >= 0),
  PRIMARY KEY (order_id, code),
  CHECK ((received_at IS NULL) = (received_by IS NULL))
) STRICT;

-- Money received for an order, in fen. An amount other than the frozen quote needs a reviewer's
-- adjustment with its reason.
CREATE TABLE payments (
  id                INTEGER PRIMARY KEY,
  order_id          INTEGER NOT NULL REFERENCES orders (id),
  method            TEXT NOT NULL CHECK (method IN ('wechat', 'alipay', 'bank_transfer', 'card', 'cash')),
  amount_fen        INTEGER NOT NULL CHECK (amount_fen >= 0),
  voucher           TEXT,
  adjustment_reason TEXT,
  recorded_by       TEXT NOT NULL,
  recorded_at       TEXT NOT NULL,
  CHECK (method <> 'bank_transfer' OR voucher IS NOT NULL)
) STRICT;
CREATE INDEX payments_by_order ON payments (order_id);
)sql";

// Version 3: what staff fill in where the sources publish nothing (a price, a validity period).
// The accepted quote stays frozen as the evidence of what the rules said; the terms are recorded
// beside it, each with who set it and why, and the order reads the latest of each.
constexpr std::string_view schema_v3 = R"sql(
CREATE TABLE order_terms (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES orders (id),
  total_fen   INTEGER CHECK (total_fen >= 0),
  years       INTEGER CHECK (years BETWEEN 1 AND 10),
  not_before  TEXT CHECK (not_before IS NULL OR date(not_before, '+0 days') IS not_before),
  not_after   TEXT CHECK (not_after IS NULL OR date(not_after, '+0 days') IS not_after),
  reason      TEXT NOT NULL CHECK (reason <> ''),
  set_by      TEXT NOT NULL,
  set_at      TEXT NOT NULL,
  CHECK (total_fen IS NOT NULL OR years IS NOT NULL),
  CHECK ((years IS NULL) = (not_after IS NULL) AND (not_before IS NULL) = (not_after IS NULL))
) STRICT;
CREATE INDEX order_terms_by_order ON order_terms (order_id);

-- The files uploaded for a material (a licence scan, a signed form), kept in the database so that
-- a file and the tick it supports are written in one transaction: no orphan file, no tick that
-- names a file that is not there. Providers cap uploads at 1 or 2 MB, which SQLite keeps well.
CREATE TABLE material_files (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES orders (id),
  code        TEXT NOT NULL,
  file_name   TEXT NOT NULL CHECK (file_name <> ''),
  media_type  TEXT NOT NULL,
  bytes       INTEGER NOT NULL CHECK (bytes > 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  content     BLOB NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  CHECK (length(content) = bytes),
  FOREIGN KEY (order_id, code) REFERENCES order_materials (order_id, code)
) STRICT;
CREATE INDEX material_files_by_material ON material_files (order_id, code);
)sql";


// Version 4: the order as typed columns. What every read used to re-derive from quote_json and
// request_json by string key (the total, whether it is priced, the validity, the certificate
// concerned, who applies) is now a column, written once at acceptance and by the terms staff set;
// the frozen quote stays as the record of what the rules said. Listing by applicant, by state and
// by due date uses indexes (issue #13: the queue scanned every order).
constexpr std::string_view schema_v4 = R"sql(
ALTER TABLE orders ADD COLUMN total_fen INTEGER
  CONSTRAINT orders_total_within_ceiling CHECK (total_fen IS NULL OR total_fen BETWEEN 0 AND 10000000);  -- NULL: unpriced
ALTER TABLE orders ADD COLUMN validity_not_before TEXT
  CHECK (validity_not_before IS NULL OR date(validity_not_before, '+0 days') IS validity_not_before);
ALTER TABLE orders ADD COLUMN validity_not_after TEXT
  CHECK (validity_not_after IS NULL OR date(validity_not_after, '+0 days') IS validity_not_after);
ALTER TABLE orders ADD COLUMN validity_basis TEXT;     -- the rule's basis ('today', 'old_expiry', ...) or 'set_by_staff'
ALTER TABLE orders ADD COLUMN validity_set_by TEXT;    -- the reviewer who set it, where the rules published none
ALTER TABLE orders ADD COLUMN previous_serial TEXT;    -- the certificate concerned (all but new and add)
ALTER TABLE orders ADD COLUMN revocation_reason TEXT
  CONSTRAINT orders_revocation_reason_known CHECK (revocation_reason IS NULL OR revocation_reason IN
    ('unspecified', 'key_compromise', 'affiliation_changed', 'superseded', 'cessation_of_operation'));
ALTER TABLE orders ADD COLUMN applicant_kind TEXT
  CONSTRAINT orders_applicant_kind_known CHECK (applicant_kind IS NULL OR applicant_kind IN ('org', 'person', 'org_person'));
ALTER TABLE orders ADD COLUMN applicant_identity TEXT;  -- the USCC of a unit, the ID number of a person
ALTER TABLE orders ADD COLUMN holder_name TEXT;         -- org_person: the person who holds the unit's certificate
ALTER TABLE orders ADD COLUMN holder_id_number TEXT;
ALTER TABLE orders ADD COLUMN approved_by TEXT;         -- the reviewer who approved it (four eyes at payment)

UPDATE orders SET
  total_fen = CASE WHEN json_type(quote_json, '$.fee.total_fen') = 'integer'
                   THEN json_extract(quote_json, '$.fee.total_fen') END,
  validity_not_before = json_extract(quote_json, '$.validity.not_before'),
  validity_not_after = json_extract(quote_json, '$.validity.not_after'),
  validity_basis = json_extract(quote_json, '$.validity.basis'),
  previous_serial = nullif(json_extract(request_json, '$.previous_serial'), ''),
  revocation_reason = CASE WHEN json_extract(request_json, '$.revocation_reason') IN
      ('unspecified', 'key_compromise', 'affiliation_changed', 'superseded', 'cessation_of_operation')
      THEN json_extract(request_json, '$.revocation_reason') END,
  applicant_kind = coalesce(json_extract(request_json, '$.applicant'), 'org'),
  applicant_identity = (SELECT coalesce(c.uscc, c.id_number) FROM customers c WHERE c.id = orders.customer_id),
  holder_name = json_extract(request_json, '$.applicant_details.person_name'),
  holder_id_number = CASE WHEN json_extract(request_json, '$.applicant') = 'org_person'
                          THEN json_extract(request_json, '$.applicant_details.id_number') END,
  approved_by = (SELECT e.actor FROM audit_events e WHERE e.order_id = orders.id AND e.kind = 'order.approve'
                 ORDER BY e.seq DESC LIMIT 1);
-- What staff set later overrides what the quote said: the latest of each.
UPDATE orders SET total_fen = (SELECT t.total_fen FROM order_terms t WHERE t.order_id = orders.id
                               AND t.total_fen IS NOT NULL ORDER BY t.id DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM order_terms t WHERE t.order_id = orders.id AND t.total_fen IS NOT NULL);
UPDATE orders SET
  validity_not_before = (SELECT t.not_before FROM order_terms t WHERE t.order_id = orders.id AND t.years IS NOT NULL ORDER BY t.id DESC LIMIT 1),
  validity_not_after = (SELECT t.not_after FROM order_terms t WHERE t.order_id = orders.id AND t.years IS NOT NULL ORDER BY t.id DESC LIMIT 1),
  validity_set_by = (SELECT t.set_by FROM order_terms t WHERE t.order_id = orders.id AND t.years IS NOT NULL ORDER BY t.id DESC LIMIT 1),
  validity_basis = 'set_by_staff'
WHERE EXISTS (SELECT 1 FROM order_terms t WHERE t.order_id = orders.id AND t.years IS NOT NULL);

-- The queue: by state, then due date (undated last), then age; and the same per applicant. The
-- sort key is an expression so that one index serves both the order and the cursor.
CREATE INDEX orders_queue ON orders (state, ifnull(due_on, '9999-12-31'), id);
CREATE INDEX orders_by_due ON orders (ifnull(due_on, '9999-12-31'), id);
CREATE INDEX orders_by_applicant ON orders (applicant_identity, ifnull(due_on, '9999-12-31'), id);
)sql";

// Version 5: region rules as releases in the store (issue #16), staff who belong to regions, and the
// release each order was quoted under.
//
// A release is one region script (and its spec file) with who wrote it and why, what `rules check`,
// the spec cases and the customer diff said of it, and where it is in draft -> submitted ->
// approved -> published (from a China-time day) or rejected / withdrawn. "In force", "scheduled"
// and "superseded" are not stored: they follow from the published releases and the day asked about
// (releases/release_timeline.hpp), so no clock ever has to write a row. Once submitted, a release's
// text is frozen (trigger below): what a quote was computed under can always be read back.
constexpr std::string_view schema_v5 = R"sql(
CREATE TABLE rule_releases (
  id              INTEGER PRIMARY KEY,
  region          TEXT NOT NULL CHECK (length(region) BETWEEN 1 AND 64 AND region GLOB '[a-z]*'
                                       AND region NOT GLOB '*[^a-z0-9_]*'),
  number          INTEGER NOT NULL CHECK (number >= 1),
  state           TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'published', 'withdrawn')),
  script          TEXT NOT NULL,
  script_sha256   TEXT NOT NULL CHECK (length(script_sha256) = 64 AND script_sha256 NOT GLOB '*[^0-9a-f]*'),
  spec            TEXT,     -- the region's spec file with it, NULL when it has none
  based_on        INTEGER,  -- the release it was edited from
  rollback_of     INTEGER,  -- a rollback: the earlier release whose text it carries
  author          TEXT NOT NULL CHECK (author <> ''),
  reason          TEXT NOT NULL CHECK (reason <> ''),
  created_at      TEXT NOT NULL,
  evaluation_json TEXT NOT NULL CHECK (json_valid(evaluation_json)),  -- check, specs and diff, as last evaluated
  submitted_by    TEXT,
  submitted_at    TEXT,
  decided_by      TEXT,     -- who approved or rejected it
  decided_at      TEXT,
  decision_reason TEXT,
  published_by    TEXT,
  published_at    TEXT,
  -- The China-time day from which it is in force; NULL: since ever (a region's first import).
  effective_from  TEXT CHECK (effective_from IS NULL OR date(effective_from, '+0 days') IS effective_from),
  withdrawn_by    TEXT,
  withdrawn_at    TEXT,
  withdrawn_reason TEXT,
  version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (region, number),
  CHECK (state <> 'published' OR (published_at IS NOT NULL AND published_by IS NOT NULL)),
  CHECK (state <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL)),
  CHECK ((submitted_by IS NULL) = (submitted_at IS NULL)),
  CHECK ((decided_by IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE INDEX rule_releases_published ON rule_releases (state, region, number);

CREATE TRIGGER rule_releases_text_frozen BEFORE UPDATE OF region, number, script, script_sha256, spec, author, created_at
  ON rule_releases WHEN OLD.state <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rule_releases: a release is frozen once submitted');
END;
CREATE TRIGGER rule_releases_no_delete BEFORE DELETE ON rule_releases
BEGIN
  SELECT RAISE(ABORT, 'rule_releases: releases are never deleted (withdraw one instead)');
END;

-- The regions a staff member works in: '*' for all (a platform administrator, and every account
-- made before regions existed, so nothing breaks), or region ids separated by commas.
ALTER TABLE staff ADD COLUMN regions TEXT NOT NULL DEFAULT '*'
  CONSTRAINT staff_regions_listed CHECK (regions = '*' OR (regions GLOB '[a-z]*' AND regions NOT GLOB '*[^a-z0-9_,]*'
                                                            AND regions NOT GLOB '*,' AND regions NOT GLOB '*,,*'));

-- The rule release the order's frozen quote was computed under; NULL when its rules came from files.
ALTER TABLE orders ADD COLUMN rules_release INTEGER;
)sql";

// A required material's place in its order's list, as the region's rules listed it (the order a
// clerk works through). SQLite kept it implicitly as the rowid, which PostgreSQL has no counterpart
// of (issue 17); the rowid of every existing row keeps its place.
constexpr std::string_view schema_v6 = R"sql(
ALTER TABLE order_materials ADD COLUMN position INTEGER CHECK (position > 0);
UPDATE order_materials SET position = rowid;
)sql";

// PostgreSQL's step 7 appends an audit event in one round trip (store/postgres/pg_migrations.cpp);
// SQLite, with its one writer, appends as it did. The step is here so that the two histories
// keep one numbering (issue 17).
constexpr std::string_view schema_v7 = R"sql(
-- Nothing for SQLite: step 7 is PostgreSQL's audit append in one round trip.
)sql";

// What a plugin keeps between calls, kept by the host for it (plugin.h, cahub.plugin_state/1): a
// local CA's sealed key, root, ledger and CRL, so that every host sharing the store issues from one
// CA (issue 17). SQLite has the table so that the two histories stay one and `cahub db copy` moves
// it; a SQLite host keeps plugin state in its folder (docs/deployment.md).
constexpr std::string_view schema_v8 = R"sql(
CREATE TABLE plugin_state (
  plugin TEXT NOT NULL CHECK (length(plugin) BETWEEN 1 AND 64),
  key    TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 256),
  value  TEXT NOT NULL,
  PRIMARY KEY (plugin, key)
) WITHOUT ROWID;
)sql";

constexpr std::array<Migration, 8> steps{{
    {1, "customers, certificates, orders, audit events", schema_v1},
    {2, "staff, sessions, order materials and payments", schema_v2},
    {3, "terms staff set where the sources publish none; uploaded material files", schema_v3},
    {4, "orders as typed columns (total, validity, certificate concerned, applicant); queue indexes", schema_v4},
    {5, "rule releases in the store, staff regions, the release behind each order", schema_v5},
    {6, "each required material's place in its order's list", schema_v6},
    {7, "PostgreSQL: an audit event appended in one round trip", schema_v7},
    {8, "plugin state kept by the host (a local CA's key, ledger and CRL)", schema_v8},
}};

}  // namespace

std::span<const Migration> migrations() { return steps; }

int latest_schema_version() { return steps.back().version; }

}  // namespace cahub::store
