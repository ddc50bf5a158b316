//! The schema, as an ordered list of migrations. `user_version` holds the
//! number of migrations applied. Never edit a migration that has shipped:
//! add a new one.

/// The `application_id` stamped in every jatebo ledger ("JTBO").
pub const APPLICATION_ID: i32 = 0x4A54_424F;

/// The SQL text of every guard trigger as the migrations create it, to
/// compare with what a file holds (a trigger can be replaced by one of the
/// same name that does nothing).
pub fn expected_triggers() -> rusqlite::Result<Vec<(String, String)>> {
    let c = rusqlite::Connection::open_in_memory()?;
    for m in MIGRATIONS {
        c.execute_batch(m)?;
    }
    let mut st = c.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Migration `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Triggers that make validated rows immutable. `verify` checks they exist.
pub const GUARD_TRIGGERS: &[&str] = &[
    "entries_no_update",
    "entries_no_delete",
    "entry_lines_no_update",
    "entry_lines_no_delete",
    "period_closes_no_update",
    "period_closes_no_delete",
    "period_totals_no_update",
    "period_totals_no_delete",
    "audit_no_update",
    "audit_no_delete",
    "entries_closed_period",
    "entry_lines_account_ok",
    "stock_moves_no_update",
    "stock_moves_no_delete",
    "sales_no_update",
    "sales_no_delete",
    "sale_lines_no_update",
    "sale_lines_no_delete",
    "day_closes_no_update",
    "day_closes_no_delete",
    "payments_no_update",
    "payments_no_delete",
    "sales_day_sealed",
    "payments_day_sealed",
    "sg_cycles_no_update",
    "sg_cycles_no_delete",
    "sg_meetings_no_update",
    "sg_meetings_no_delete",
    "sg_closes_no_update",
    "sg_closes_no_delete",
    "sg_rows_no_update",
    "sg_rows_no_delete",
    "sg_social_no_update",
    "sg_social_no_delete",
    "sg_loans_no_update",
    "sg_loans_no_delete",
    "sg_reopens_no_update",
    "sg_reopens_no_delete",
    "sg_writeoffs_no_update",
    "sg_writeoffs_no_delete",
    "sg_shareouts_no_update",
    "sg_shareouts_no_delete",
    "sg_leaves_no_update",
    "sg_leaves_no_delete",
    "sg_nettings_no_update",
    "sg_nettings_no_delete",
    "sg_rows_live_close",
];

const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE orgs (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE
                   CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind           TEXT NOT NULL CHECK (kind IN ('coop', 'savings')),
    template       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    -- First link of the hash chain.
    genesis        TEXT NOT NULL CHECK (length(genesis) = 64),
    -- Last closed month ('AAAA-MM'), NULL when nothing is closed.
    closed_through TEXT CHECK (closed_through IS NULL OR closed_through GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    -- Chain head: position, hash and number of the last entry.
    head_chain     INTEGER NOT NULL DEFAULT 0 CHECK (head_chain >= 0),
    head_hash      TEXT NOT NULL CHECK (length(head_hash) = 64),
    head_number    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    number     TEXT NOT NULL
               CHECK (length(number) BETWEEN 2 AND 12 AND number NOT GLOB '*[^0-9]*' AND number NOT GLOB '0*'),
    class      INTEGER NOT NULL CHECK (class BETWEEN 1 AND 9),
    name_fr    TEXT NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    name_en    TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    created_at TEXT NOT NULL,
    closed_at  TEXT,
    UNIQUE (org_id, number)
) STRICT;

CREATE TABLE entries (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    chain_no     INTEGER NOT NULL CHECK (chain_no >= 1),
    fiscal_year  INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2099),
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    recorded_at  TEXT NOT NULL,
    doc_ref      TEXT NOT NULL,
    memo         TEXT NOT NULL,
    author       TEXT NOT NULL,
    idem_key     TEXT NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 100),
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
    reverses     INTEGER UNIQUE REFERENCES entries(id),
    source       TEXT,
    search_key   TEXT NOT NULL,
    prev_hash    TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash         TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (org_id, fiscal_year, seq),
    UNIQUE (org_id, chain_no),
    UNIQUE (org_id, idem_key)
) STRICT;
CREATE INDEX entries_by_date ON entries (org_id, date, id);

CREATE TABLE entry_lines (
    entry_id   INTEGER NOT NULL REFERENCES entries(id),
    line_no    INTEGER NOT NULL CHECK (line_no >= 1),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    side       TEXT NOT NULL CHECK (side IN ('D', 'C')),
    amount     INTEGER NOT NULL CHECK (amount > 0 AND amount <= 1000000000000),
    label      TEXT NOT NULL DEFAULT '',
    -- The entry's business date, repeated so an account's lines for a month
    -- are one index range.
    date       TEXT NOT NULL,
    PRIMARY KEY (entry_id, line_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX lines_by_account ON entry_lines (account_id, date, entry_id);

-- Cached totals per account and month, updated in the posting transaction.
CREATE TABLE account_month (
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    month      TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    debit      INTEGER NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit     INTEGER NOT NULL DEFAULT 0 CHECK (credit >= 0),
    PRIMARY KEY (org_id, month, account_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE period_closes (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    period       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('month', 'year')),
    closed_at    TEXT NOT NULL,
    closed_by    TEXT NOT NULL,
    head_chain   INTEGER NOT NULL,
    head_hash    TEXT NOT NULL,
    total_debit  INTEGER NOT NULL,
    total_credit INTEGER NOT NULL,
    UNIQUE (org_id, period)
) STRICT;

CREATE TABLE period_totals (
    close_id   INTEGER NOT NULL REFERENCES period_closes(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    debit      INTEGER NOT NULL,
    credit     INTEGER NOT NULL,
    PRIMARY KEY (close_id, account_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    org       TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

-- Validated rows are immutable: these stop bugs; the hash chain and
-- `jatebo verify` catch anyone who drops them.
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'jatebo: a validated entry cannot be changed'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'jatebo: a validated entry cannot be deleted'); END;
CREATE TRIGGER entry_lines_no_update BEFORE UPDATE ON entry_lines
BEGIN SELECT RAISE(ABORT, 'jatebo: a validated entry cannot be changed'); END;
CREATE TRIGGER entry_lines_no_delete BEFORE DELETE ON entry_lines
BEGIN SELECT RAISE(ABORT, 'jatebo: a validated entry cannot be deleted'); END;
CREATE TRIGGER period_closes_no_update BEFORE UPDATE ON period_closes
BEGIN SELECT RAISE(ABORT, 'jatebo: a period close cannot be changed'); END;
CREATE TRIGGER period_closes_no_delete BEFORE DELETE ON period_closes
BEGIN SELECT RAISE(ABORT, 'jatebo: a period close cannot be deleted'); END;
CREATE TRIGGER period_totals_no_update BEFORE UPDATE ON period_totals
BEGIN SELECT RAISE(ABORT, 'jatebo: a period close cannot be changed'); END;
CREATE TRIGGER period_totals_no_delete BEFORE DELETE ON period_totals
BEGIN SELECT RAISE(ABORT, 'jatebo: a period close cannot be deleted'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'jatebo: the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'jatebo: the audit log is append-only'); END;

-- Second line of defence behind the ledger path's own checks.
CREATE TRIGGER entries_closed_period BEFORE INSERT ON entries
WHEN substr(NEW.date, 1, 7) <= (SELECT closed_through FROM orgs WHERE id = NEW.org_id)
BEGIN SELECT RAISE(ABORT, 'jatebo: this period is closed'); END;
CREATE TRIGGER entry_lines_account_ok BEFORE INSERT ON entry_lines
WHEN (SELECT a.closed_at IS NOT NULL OR a.org_id <> e.org_id
      FROM accounts a, entries e WHERE a.id = NEW.account_id AND e.id = NEW.entry_id)
BEGIN SELECT RAISE(ABORT, 'jatebo: account closed or of another organisation'); END;
"#;

/// One account's months, for the cash check at posting and the opening
/// balance of an account's ledger (the primary key leads with the month).
const V2: &str = r#"
CREATE INDEX account_month_by_account ON account_month (account_id, month);
"#;

/// Users, their roles per organisation, and failed logins (kept in the file
/// so that a restart does not reset the count).
const V3: &str = r#"
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- Accent- and case-folded name: logins and uniqueness use it.
    name_key    TEXT NOT NULL UNIQUE,
    -- argon2id, PHC string.
    pass_hash   TEXT NOT NULL CHECK (pass_hash GLOB '$argon2id$*'),
    pin_hash    TEXT CHECK (pin_hash IS NULL OR pin_hash GLOB '$argon2id$*'),
    lang        TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    created_at  TEXT NOT NULL,
    disabled_at TEXT
) STRICT;

-- org_scope 0: every organisation; otherwise an organisation id.
CREATE TABLE user_roles (
    user_id   INTEGER NOT NULL REFERENCES users(id),
    org_scope INTEGER NOT NULL CHECK (org_scope >= 0),
    role      TEXT NOT NULL CHECK (role IN ('admin', 'treasurer', 'facilitator', 'auditor')),
    PRIMARY KEY (user_id, org_scope)
) STRICT, WITHOUT ROWID;

-- Per typed name, whether or not such a user exists.
CREATE TABLE login_failures (
    name_key     TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    last_failure INTEGER NOT NULL,
    locked_until INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
"#;

/// A cooperative's trade: items, the stock ledger, recipes and production
/// runs, customers, sales receipts and returns, payments against invoices,
/// purchases, daily and monthly closes of the sales points, members and
/// their parts, and the year's surplus allocation. Amounts are whole francs;
/// quantities are thousandths of the item's unit. Every document keeps the
/// entry it posted (`entry_id`, NULL when no franc moved) and the entry
/// carries the document in `source` (`sale:12`).
const V4: &str = r#"
CREATE TABLE items (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    search_key   TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('product', 'material')),
    unit         TEXT NOT NULL CHECK (unit IN ('piece', 'kg', 'litre', 'metre')),
    price        INTEGER CHECK (price IS NULL OR price >= 0),
    reorder      INTEGER NOT NULL DEFAULT 0 CHECK (reorder >= 0),
    stock_account     TEXT NOT NULL,
    flow_account      TEXT NOT NULL,
    variation_account TEXT NOT NULL,
    -- Current level, kept by the same transaction that writes stock_moves.
    qty          INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
    value        INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),
    created_at   TEXT NOT NULL,
    UNIQUE (org_id, code)
) STRICT;

-- The stock ledger: one row per item per movement, never changed.
CREATE TABLE stock_moves (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    item_id     INTEGER NOT NULL REFERENCES items(id),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('purchase', 'donation', 'produce', 'consume', 'sale', 'return', 'adjust')),
    qty         INTEGER NOT NULL CHECK (qty <> 0),
    value       INTEGER NOT NULL,
    qty_after   INTEGER NOT NULL CHECK (qty_after >= 0),
    value_after INTEGER NOT NULL CHECK (value_after >= 0),
    doc         TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    entry_id    INTEGER REFERENCES entries(id),
    recorded_at TEXT NOT NULL,
    author      TEXT NOT NULL
) STRICT;
CREATE INDEX stock_moves_by_item ON stock_moves (item_id, id);
CREATE INDEX stock_moves_by_org ON stock_moves (org_id, date, id);

CREATE TABLE recipes (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    code       TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),
    name       TEXT NOT NULL,
    product_id INTEGER NOT NULL REFERENCES items(id),
    yield      INTEGER NOT NULL CHECK (yield > 0),
    created_at TEXT NOT NULL,
    UNIQUE (org_id, code)
) STRICT;

CREATE TABLE recipe_lines (
    recipe_id INTEGER NOT NULL REFERENCES recipes(id),
    line_no   INTEGER NOT NULL,
    item_id   INTEGER NOT NULL REFERENCES items(id),
    qty       INTEGER NOT NULL CHECK (qty > 0),
    PRIMARY KEY (recipe_id, line_no)
) STRICT, WITHOUT ROWID;

-- Gapless per organisation and kind: purchase, donation, run, sale,
-- return, payment, adjust, count.
CREATE TABLE doc_numbers (
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    kind   TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (org_id, kind)
) STRICT, WITHOUT ROWID;

-- Purchases, donations, production runs, adjustments and counts: the
-- document header; its stock rows are in stock_moves (doc = 'kind:number').
CREATE TABLE stock_docs (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    kind        TEXT NOT NULL CHECK (kind IN ('purchase', 'donation', 'run', 'adjust', 'count')),
    number      INTEGER NOT NULL CHECK (number >= 1),
    date        TEXT NOT NULL,
    party       TEXT NOT NULL DEFAULT '',
    reference   TEXT NOT NULL DEFAULT '',
    method      TEXT,
    recipe_id   INTEGER REFERENCES recipes(id),
    batches     INTEGER,
    total       INTEGER NOT NULL CHECK (total >= 0),
    note        TEXT NOT NULL DEFAULT '',
    entry_id    INTEGER REFERENCES entries(id),
    idem_key    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    author      TEXT NOT NULL,
    UNIQUE (org_id, kind, number),
    UNIQUE (org_id, idem_key)
) STRICT;

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    search_key   TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    created_at   TEXT NOT NULL,
    UNIQUE (org_id, code)
) STRICT;

-- Sales receipts (kind 'sale') and returns (kind 'return', of the receipt
-- in return_of). A credit sale is an invoice: what is owed on it is its
-- total less the returns credited to it and the payments allocated to it.
CREATE TABLE sales (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    kind        TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
    number      INTEGER NOT NULL CHECK (number >= 1),
    date        TEXT NOT NULL,
    point       TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers(id),
    method      TEXT NOT NULL CHECK (method IN ('cash', 'orange', 'moov', 'wave', 'bank', 'credit')),
    total       INTEGER NOT NULL CHECK (total > 0),
    discount    INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    cost        INTEGER NOT NULL CHECK (cost >= 0),
    return_of   INTEGER REFERENCES sales(id),
    reason      TEXT NOT NULL DEFAULT '',
    entry_id    INTEGER NOT NULL REFERENCES entries(id),
    idem_key    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    author      TEXT NOT NULL,
    UNIQUE (org_id, kind, number),
    UNIQUE (org_id, idem_key)
) STRICT;
CREATE INDEX sales_by_day ON sales (org_id, point, date);
CREATE INDEX sales_by_customer ON sales (customer_id, date);

CREATE TABLE sale_lines (
    sale_id      INTEGER NOT NULL REFERENCES sales(id),
    line_no      INTEGER NOT NULL CHECK (line_no >= 1),
    item_id      INTEGER NOT NULL REFERENCES items(id),
    qty          INTEGER NOT NULL CHECK (qty > 0),
    list_price   INTEGER NOT NULL CHECK (list_price >= 0),
    unit_price   INTEGER NOT NULL CHECK (unit_price >= 0),
    price_reason TEXT NOT NULL DEFAULT '',
    discount     INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    cost         INTEGER NOT NULL CHECK (cost >= 0),
    PRIMARY KEY (sale_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    date        TEXT NOT NULL,
    point       TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    method      TEXT NOT NULL CHECK (method IN ('cash', 'orange', 'moov', 'wave', 'bank')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    entry_id    INTEGER NOT NULL REFERENCES entries(id),
    idem_key    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    author      TEXT NOT NULL,
    UNIQUE (org_id, number),
    UNIQUE (org_id, idem_key)
) STRICT;

CREATE TABLE payment_allocations (
    payment_id INTEGER NOT NULL REFERENCES payments(id),
    sale_id    INTEGER NOT NULL REFERENCES sales(id),
    amount     INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (payment_id, sale_id)
) STRICT, WITHOUT ROWID;

-- A sealed sales day (Z) and the month and year closes of a sales point.
-- grand_total is the perpetual total of sales net of returns at the point.
CREATE TABLE day_closes (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    point         TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('day', 'month', 'year')),
    period        TEXT NOT NULL,
    sales_count   INTEGER NOT NULL,
    sales_total   INTEGER NOT NULL,
    returns_total INTEGER NOT NULL,
    cash_expected INTEGER NOT NULL,
    cash_counted  INTEGER NOT NULL,
    difference    INTEGER NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL,
    grand_total   INTEGER NOT NULL,
    entry_id      INTEGER REFERENCES entries(id),
    closed_at     TEXT NOT NULL,
    closed_by     TEXT NOT NULL,
    UNIQUE (org_id, point, kind, period)
) STRICT;

CREATE TABLE coop_members (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    number     INTEGER NOT NULL CHECK (number >= 1),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    search_key TEXT NOT NULL,
    phone      TEXT NOT NULL DEFAULT '',
    joined     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, number)
) STRICT;

-- Parts sociales paid (entry_id) and each year's dealings of a member.
CREATE TABLE member_parts (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES coop_members(id),
    date      TEXT NOT NULL,
    parts     INTEGER NOT NULL CHECK (parts > 0),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    entry_id  INTEGER NOT NULL REFERENCES entries(id)
) STRICT;

CREATE TABLE member_dealings (
    member_id INTEGER NOT NULL REFERENCES coop_members(id),
    year      INTEGER NOT NULL,
    amount    INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (member_id, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE surplus_allocations (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    year       INTEGER NOT NULL,
    detail     TEXT NOT NULL,
    entry_id   INTEGER NOT NULL REFERENCES entries(id),
    created_at TEXT NOT NULL,
    author     TEXT NOT NULL,
    UNIQUE (org_id, year)
) STRICT;

CREATE TRIGGER stock_moves_no_update BEFORE UPDATE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'jatebo: the stock ledger cannot be changed'); END;
CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'jatebo: the stock ledger cannot be changed'); END;
CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded sale cannot be changed'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded sale cannot be deleted'); END;
CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded sale cannot be changed'); END;
CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded sale cannot be deleted'); END;
CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
BEGIN SELECT RAISE(ABORT, 'jatebo: a sealed day cannot be changed'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
BEGIN SELECT RAISE(ABORT, 'jatebo: a sealed day cannot be reopened'); END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded payment cannot be changed'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded payment cannot be deleted'); END;
-- Second line of defence: nothing is sold, returned or paid in a sealed day.
CREATE TRIGGER sales_day_sealed BEFORE INSERT ON sales
WHEN EXISTS (SELECT 1 FROM day_closes d WHERE d.org_id = NEW.org_id AND d.point = NEW.point
             AND d.kind = 'day' AND d.period = NEW.date)
BEGIN SELECT RAISE(ABORT, 'jatebo: this sales day is sealed'); END;
CREATE TRIGGER payments_day_sealed BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM day_closes d WHERE d.org_id = NEW.org_id AND d.point = NEW.point
             AND d.kind = 'day' AND d.period = NEW.date)
BEGIN SELECT RAISE(ABORT, 'jatebo: this sales day is sealed'); END;
"#;

/// Savings groups: cycles and their constitution, members, meetings (the
/// grid being typed, then each close frozen with its entries), loans,
/// reopenings, write-offs, members leaving and the share-out.
const V5: &str = r#"
-- A cycle and the constitution it adopted (JSON of domain::savings::Constitution).
CREATE TABLE sg_cycles (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    start        TEXT NOT NULL,
    planned_end  TEXT NOT NULL CHECK (planned_end > start),
    constitution TEXT NOT NULL CHECK (json_valid(constitution)),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (org_id, number)
) STRICT;

-- The member register. Her money is in the ledger: savings on `account`
-- (4621NNN), loans from the loan fund on `loan_account` (2712NNN).
CREATE TABLE sg_members (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    number       INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    search_key   TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL,
    joined       TEXT NOT NULL,
    left_on      TEXT,
    account      TEXT NOT NULL,
    loan_account TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (org_id, number)
) STRICT;
CREATE INDEX sg_members_search ON sg_members(org_id, search_key);

-- A meeting as opened: the balances expected and the cash counted.
CREATE TABLE sg_meetings (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    cycle_id        INTEGER NOT NULL REFERENCES sg_cycles(id),
    number          INTEGER NOT NULL CHECK (number >= 1),
    date            TEXT NOT NULL,
    expected_loan   INTEGER NOT NULL,
    expected_social INTEGER NOT NULL,
    counted_loan    INTEGER NOT NULL CHECK (counted_loan >= 0),
    counted_social  INTEGER NOT NULL CHECK (counted_social >= 0),
    reason          TEXT NOT NULL DEFAULT '',
    entry_id        INTEGER REFERENCES entries(id),
    opened_by       TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    UNIQUE (cycle_id, number),
    UNIQUE (org_id, date)
) STRICT;

-- The grid being typed: one row per member, changed freely until the close.
CREATE TABLE sg_drafts (
    meeting_id INTEGER NOT NULL REFERENCES sg_meetings(id),
    member_id  INTEGER NOT NULL REFERENCES sg_members(id),
    row        TEXT NOT NULL CHECK (json_valid(row)),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
) STRICT;

-- Social fund movements being typed.
CREATE TABLE sg_draft_social (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES sg_meetings(id),
    member_id  INTEGER NOT NULL REFERENCES sg_members(id),
    kind       TEXT NOT NULL CHECK (kind IN ('grant', 'loan', 'repay')),
    amount     INTEGER NOT NULL CHECK (amount > 0),
    reason     TEXT NOT NULL CHECK (reason IN ('health', 'funeral', 'other')),
    note       TEXT NOT NULL DEFAULT '',
    term       INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
) STRICT;

-- Each close of a meeting. A close is live until a reopening names it.
CREATE TABLE sg_closes (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES sg_meetings(id),
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    expected_loan   INTEGER NOT NULL,
    expected_social INTEGER NOT NULL,
    counted_loan    INTEGER NOT NULL CHECK (counted_loan >= 0),
    counted_social  INTEGER NOT NULL CHECK (counted_social >= 0),
    reason          TEXT NOT NULL DEFAULT '',
    last_entry      TEXT NOT NULL,
    code            TEXT NOT NULL,
    closed_by       TEXT NOT NULL,
    closed_at       TEXT NOT NULL,
    UNIQUE (meeting_id, seq)
) STRICT;

-- Loans, granted at a close (void when that close is reopened).
CREATE TABLE sg_loans (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    number     INTEGER NOT NULL CHECK (number >= 1),
    member_id  INTEGER NOT NULL REFERENCES sg_members(id),
    close_id   INTEGER NOT NULL REFERENCES sg_closes(id),
    fund       TEXT NOT NULL CHECK (fund IN ('loan', 'social')),
    principal  INTEGER NOT NULL CHECK (principal > 0),
    mode       TEXT NOT NULL,
    rate       TEXT NOT NULL,
    term       INTEGER NOT NULL CHECK (term >= 1),
    disbursed  TEXT NOT NULL,
    late       TEXT NOT NULL,
    UNIQUE (org_id, number)
) STRICT;

-- A member's row as a close recorded it, with the entry it posted.
CREATE TABLE sg_rows (
    id                INTEGER PRIMARY KEY,
    close_id          INTEGER NOT NULL REFERENCES sg_closes(id),
    member_id         INTEGER NOT NULL REFERENCES sg_members(id),
    attendance        TEXT NOT NULL CHECK (attendance IN ('present', 'absent', 'represented')),
    social            INTEGER NOT NULL CHECK (social >= 0),
    shares            INTEGER NOT NULL CHECK (shares >= 0),
    loan_id           INTEGER REFERENCES sg_loans(id),
    repay_principal   INTEGER NOT NULL CHECK (repay_principal >= 0),
    repay_interest    INTEGER NOT NULL CHECK (repay_interest >= 0),
    fine_levied       INTEGER NOT NULL CHECK (fine_levied >= 0),
    fine_paid         INTEGER NOT NULL CHECK (fine_paid >= 0),
    new_loan_id       INTEGER REFERENCES sg_loans(id),
    new_loan          INTEGER NOT NULL CHECK (new_loan >= 0),
    upfront_interest  INTEGER NOT NULL CHECK (upfront_interest >= 0),
    entry_id          INTEGER REFERENCES entries(id),
    UNIQUE (close_id, member_id)
) STRICT;

-- Social fund movements as a close recorded them.
CREATE TABLE sg_social (
    id        INTEGER PRIMARY KEY,
    close_id  INTEGER NOT NULL REFERENCES sg_closes(id),
    member_id INTEGER NOT NULL REFERENCES sg_members(id),
    kind      TEXT NOT NULL CHECK (kind IN ('grant', 'loan', 'repay')),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    reason    TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    loan_id   INTEGER REFERENCES sg_loans(id),
    entry_id  INTEGER NOT NULL REFERENCES entries(id)
) STRICT;

-- A reopening: the close it undid, why, and the reversals it posted.
CREATE TABLE sg_reopens (
    id         INTEGER PRIMARY KEY,
    close_id   INTEGER NOT NULL UNIQUE REFERENCES sg_closes(id),
    reason     TEXT NOT NULL CHECK (length(reason) >= 1),
    reversals  TEXT NOT NULL,
    reopened_by TEXT NOT NULL,
    reopened_at TEXT NOT NULL
) STRICT;

CREATE TABLE sg_writeoffs (
    id          INTEGER PRIMARY KEY,
    loan_id     INTEGER NOT NULL UNIQUE REFERENCES sg_loans(id),
    date        TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    reason      TEXT NOT NULL CHECK (length(reason) >= 1),
    approved_by TEXT NOT NULL,
    entry_id    INTEGER NOT NULL REFERENCES entries(id),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE sg_leaves (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL UNIQUE REFERENCES sg_members(id),
    cycle_id   INTEGER NOT NULL REFERENCES sg_cycles(id),
    date       TEXT NOT NULL,
    savings    INTEGER NOT NULL,
    netted     INTEGER NOT NULL,
    payout     INTEGER NOT NULL,
    entry_id   INTEGER REFERENCES entries(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- Debts settled out of a payout (share-out or leaving): loan and fines.
CREATE TABLE sg_nettings (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES sg_members(id),
    loan_id   INTEGER REFERENCES sg_loans(id),
    date      TEXT NOT NULL,
    principal INTEGER NOT NULL CHECK (principal >= 0),
    interest  INTEGER NOT NULL CHECK (interest >= 0),
    fines     INTEGER NOT NULL CHECK (fines >= 0),
    entry_id  INTEGER NOT NULL REFERENCES entries(id),
    source    TEXT NOT NULL
) STRICT;

CREATE TABLE sg_shareouts (
    id         INTEGER PRIMARY KEY,
    cycle_id   INTEGER NOT NULL UNIQUE REFERENCES sg_cycles(id),
    date       TEXT NOT NULL,
    plan       TEXT NOT NULL CHECK (json_valid(plan)),
    remainder  INTEGER NOT NULL CHECK (remainder >= 0),
    entry_id   INTEGER NOT NULL REFERENCES entries(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER sg_cycles_no_update BEFORE UPDATE ON sg_cycles
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_cycles_no_delete BEFORE DELETE ON sg_cycles
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_meetings_no_update BEFORE UPDATE ON sg_meetings
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_meetings_no_delete BEFORE DELETE ON sg_meetings
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_closes_no_update BEFORE UPDATE ON sg_closes
WHEN OLD.code <> '' OR NEW.code = '' OR NEW.id <> OLD.id OR NEW.meeting_id <> OLD.meeting_id
  OR NEW.seq <> OLD.seq OR NEW.counted_loan <> OLD.counted_loan
  OR NEW.counted_social <> OLD.counted_social OR NEW.expected_loan <> OLD.expected_loan
  OR NEW.expected_social <> OLD.expected_social OR NEW.reason <> OLD.reason
  OR NEW.closed_by <> OLD.closed_by OR NEW.closed_at <> OLD.closed_at
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_closes_no_delete BEFORE DELETE ON sg_closes
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_rows_no_update BEFORE UPDATE ON sg_rows
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_rows_no_delete BEFORE DELETE ON sg_rows
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_social_no_update BEFORE UPDATE ON sg_social
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_social_no_delete BEFORE DELETE ON sg_social
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_loans_no_update BEFORE UPDATE ON sg_loans
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_loans_no_delete BEFORE DELETE ON sg_loans
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_reopens_no_update BEFORE UPDATE ON sg_reopens
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_reopens_no_delete BEFORE DELETE ON sg_reopens
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_writeoffs_no_update BEFORE UPDATE ON sg_writeoffs
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_writeoffs_no_delete BEFORE DELETE ON sg_writeoffs
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_shareouts_no_update BEFORE UPDATE ON sg_shareouts
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_shareouts_no_delete BEFORE DELETE ON sg_shareouts
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_leaves_no_update BEFORE UPDATE ON sg_leaves
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_leaves_no_delete BEFORE DELETE ON sg_leaves
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
CREATE TRIGGER sg_nettings_no_update BEFORE UPDATE ON sg_nettings
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be changed'); END;
CREATE TRIGGER sg_nettings_no_delete BEFORE DELETE ON sg_nettings
BEGIN SELECT RAISE(ABORT, 'jatebo: a recorded savings-group row cannot be deleted'); END;
-- A row is recorded only against a close that has not been reopened.
CREATE TRIGGER sg_rows_live_close BEFORE INSERT ON sg_rows
WHEN EXISTS (SELECT 1 FROM sg_reopens r WHERE r.close_id = NEW.close_id)
BEGIN SELECT RAISE(ABORT, 'jatebo: this meeting close was reopened'); END;
"#;
