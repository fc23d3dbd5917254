import GRDB

/// The case database schema. Migrations are append-only: a shipped migration is never edited.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-custody") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3-identifier-stats") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4-account-identifiers") { db in
            try db.execute(sql: v4)
        }
        // A table rebuild that copies rows as they are: their references do not change, and GRDB's
        // deferred check would read every reference of the case at the end (the migrations before are
        // registered, and keep their checks). Tests run `foreign_key_check` after an upgrade.
        migrator = migrator.disablingDeferredForeignKeyChecks()
        migrator.registerMigration("v5-lean-rows") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6-detail-keys") { db in
            try db.execute(sql: v6)
        }
        migrator.registerMigration("v7-search-without-sizes") { db in
            try db.execute(sql: v7)
        }
        return migrator
    }

    /// Tables singular, camelCase columns, explicit keys. Times are UTC microseconds.
    static let v1 = """
        CREATE TABLE caseInfo (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            toolVersion TEXT NOT NULL,
            command TEXT NOT NULL,
            arguments TEXT NOT NULL,
            examiner TEXT,
            startedAt INTEGER NOT NULL,
            endedAt INTEGER,
            exitStatus INTEGER
        );
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            sha1 TEXT NOT NULL,
            md5 TEXT NOT NULL,
            size INTEGER NOT NULL,
            displayName TEXT NOT NULL,
            sourcePath TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ingesting', 'complete', 'partial', 'failed')),
            platforms TEXT NOT NULL DEFAULT '',
            runId INTEGER REFERENCES run(id),
            examiner TEXT,
            ingestStartedAt INTEGER NOT NULL,
            ingestEndedAt INTEGER,
            memberCount INTEGER NOT NULL DEFAULT 0,
            recordCount INTEGER NOT NULL DEFAULT 0,
            warningCount INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE member (
            id INTEGER PRIMARY KEY,
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            parentMemberId INTEGER REFERENCES member(id),
            path TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            declaredSize INTEGER,
            size INTEGER,
            sha256 TEXT,
            modifiedAt INTEGER,
            parser TEXT,
            parserVersion INTEGER,
            status TEXT NOT NULL CHECK (status IN ('reading', 'parsed', 'unparsed', 'failed', 'container', 'skipped')),
            recordCount INTEGER NOT NULL DEFAULT 0,
            warningCount INTEGER NOT NULL DEFAULT 0,
            pathFindings TEXT NOT NULL DEFAULT '',
            error TEXT
        );
        CREATE INDEX member_evidence ON member(evidenceId, id);
        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            accountKey TEXT NOT NULL,
            platformUserId TEXT,
            handle TEXT,
            displayName TEXT,
            UNIQUE (platform, accountKey)
        );
        CREATE INDEX account_handle ON account(platform, handle COLLATE NOCASE);
        CREATE TABLE evidenceAccount (
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            accountId INTEGER NOT NULL REFERENCES account(id),
            isExportOwner INTEGER NOT NULL,
            memberId INTEGER REFERENCES member(id),
            locator TEXT NOT NULL,
            PRIMARY KEY (evidenceId, accountId)
        ) WITHOUT ROWID;
        CREATE INDEX evidenceAccount_account ON evidenceAccount(accountId);
        CREATE TABLE conversation (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            conversationKey TEXT NOT NULL,
            title TEXT,
            UNIQUE (platform, conversationKey)
        );
        CREATE TABLE conversationMember (
            conversationId INTEGER NOT NULL REFERENCES conversation(id),
            accountId INTEGER NOT NULL REFERENCES account(id),
            PRIMARY KEY (conversationId, accountId)
        ) WITHOUT ROWID;
        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            memberId INTEGER NOT NULL REFERENCES member(id),
            locator TEXT NOT NULL,
            parser TEXT NOT NULL,
            parserVersion INTEGER NOT NULL,
            platform TEXT NOT NULL,
            kind TEXT NOT NULL,
            occurredAt INTEGER,
            timeRaw TEXT,
            timePrecision TEXT,
            timeZoneSource TEXT,
            actorAccountId INTEGER REFERENCES account(id),
            conversationId INTEGER REFERENCES conversation(id),
            text TEXT,
            details TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX event_time ON event(occurredAt, id);
        CREATE INDEX event_evidence ON event(evidenceId);
        CREATE INDEX event_actor ON event(actorAccountId, occurredAt);
        CREATE VIRTUAL TABLE eventSearch USING fts5(
            text, content = 'event', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE identifier (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, value)
        );
        CREATE TABLE identifierOccurrence (
            id INTEGER PRIMARY KEY,
            identifierId INTEGER NOT NULL REFERENCES identifier(id),
            rawValue TEXT NOT NULL,
            strength TEXT NOT NULL CHECK (strength IN ('exact', 'weak')),
            source TEXT NOT NULL,
            field TEXT NOT NULL,
            accountId INTEGER REFERENCES account(id),
            eventId INTEGER REFERENCES event(id),
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            memberId INTEGER NOT NULL REFERENCES member(id),
            locator TEXT NOT NULL,
            observedAt INTEGER,
            assumption TEXT
        );
        CREATE INDEX occurrence_identifier ON identifierOccurrence(identifierId, accountId, evidenceId, observedAt);
        CREATE INDEX occurrence_event ON identifierOccurrence(eventId);
        CREATE INDEX occurrence_account ON identifierOccurrence(accountId, identifierId);
        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY,
            eventId INTEGER NOT NULL REFERENCES event(id),
            memberPath TEXT,
            reference TEXT NOT NULL,
            mediaType TEXT
        );
        CREATE INDEX attachment_event ON attachment(eventId);
        CREATE TABLE warning (
            id INTEGER PRIMARY KEY,
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            memberId INTEGER REFERENCES member(id),
            runId INTEGER REFERENCES run(id),
            source TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            locator TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX warning_evidence ON warning(evidenceId, code);
        """

    /// Chain of custody: examiner tags on events, verification results, and run summaries (counts).
    static let v2 = """
        CREATE TABLE tag (
            id INTEGER PRIMARY KEY,
            eventId INTEGER NOT NULL REFERENCES event(id),
            label TEXT NOT NULL,
            note TEXT,
            examiner TEXT,
            createdAt INTEGER NOT NULL,
            runId INTEGER REFERENCES run(id)
        );
        CREATE INDEX tag_event ON tag(eventId);
        CREATE TABLE verification (
            id INTEGER PRIMARY KEY,
            runId INTEGER REFERENCES run(id),
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            checkedAt INTEGER NOT NULL,
            result TEXT NOT NULL CHECK (result IN ('OK', 'CHANGED', 'MISSING')),
            observedSHA256 TEXT,
            path TEXT NOT NULL
        );
        CREATE INDEX verification_evidence ON verification(evidenceId, id);
        ALTER TABLE run ADD COLUMN summary TEXT;
        """

    /// Counts per identifier over all its occurrences, kept by the writer (refreshed for the
    /// identifiers an evidence item touched, in the transaction that ends the item, and for those of
    /// a purged item). `correlate` and `identifiers` read them instead of grouping millions of
    /// occurrences on every call; the partial index lists the shared ones directly. The account index
    /// gains `source`, so an account's structured identifiers are a covering range, not a row lookup
    /// per occurrence (the owner of the 200k-tweet archive has 157k occurrences: `accounts` took 10 s).
    static let v3 = """
        CREATE TABLE identifierStats (
            identifierId INTEGER PRIMARY KEY REFERENCES identifier(id),
            occurrences INTEGER NOT NULL,
            accounts INTEGER NOT NULL,
            evidence INTEGER NOT NULL,
            firstSeen INTEGER,
            lastSeen INTEGER
        );
        CREATE INDEX identifierStats_shared ON identifierStats(accounts DESC, evidence DESC, occurrences DESC)
            WHERE accounts >= 2 OR evidence >= 2;
        \(refreshAllIdentifierStats)
        DROP INDEX occurrence_account;
        CREATE INDEX occurrence_account ON identifierOccurrence(accountId, source, identifierId);
        """

    /// Which identifiers each account has, by source: one row per (account, source, identifier)
    /// instead of an index entry per occurrence (115k rows instead of 536k on the medium bench
    /// case). The writer adds a row when an item first gives the triple; a purge removes those no
    /// occurrence still gives. `accounts` reads it.
    ///
    /// `occurrence_event` goes too: no query reads occurrences by event (they are found by identifier),
    /// and it served SQLite's foreign-key check when an event is deleted, which only a purge does,
    /// and purges run with enforcement off (see `CaseStore.ingest`). 7 MB of the medium case, 36 MB of large.
    static let v4 = """
        CREATE TABLE accountIdentifier (
            accountId INTEGER NOT NULL REFERENCES account(id),
            source TEXT NOT NULL,
            identifierId INTEGER NOT NULL REFERENCES identifier(id),
            PRIMARY KEY (accountId, source, identifierId)
        ) WITHOUT ROWID;
        INSERT INTO accountIdentifier(accountId, source, identifierId) \(accountIdentifierSelect);
        DROP INDEX occurrence_account;
        DROP INDEX occurrence_event;
        """

    /// Rows without what they repeat, for a smaller case and fewer bytes to write (on the medium bench
    /// case, events took 317 bytes a row and occurrences 112).
    ///
    /// Events: `eventRow` holds each event's own values and a `shapeId` into `eventShape`, one row per
    /// distinct (parser, parser version, platform, kind, time precision, time-zone source): a few
    /// dozen in a case, and 40 bytes of every event before. `event` becomes a view with the former
    /// columns (a LEFT JOIN on the shape's key, which SQLite leaves out when a query reads no shape
    /// column), so queries, reports and anyone reading the case file with SQL read events as before;
    /// the writer, purges and index-forcing queries use `eventRow`. The three event indexes keep
    /// their names, on `eventRow`. `attachment` and `tag` are rebuilt to reference `eventRow`.
    ///
    /// Occurrences: `fieldId` names the field in `fieldName` (17 distinct names, 29 bytes each on
    /// average, were stored in every row); `rawValue` is NULL when the value was written as the
    /// identifier implies (`impliedRawValue`); `locator` is NULL when it is the locator of the
    /// occurrence's event (97 % of rows). Readers take `COALESCE(o.rawValue, <impliedRawValue>)` and
    /// `COALESCE(o.locator, e.locator)`, or the `occurrenceDetail` view, which has the former columns.
    ///
    /// Shapes and field names are numbered in the order the case first met them, as the writer numbers
    /// them, so an upgraded case stores the rows a fresh ingest stores.
    static let v5 = """
        CREATE TABLE eventShape (
            id INTEGER PRIMARY KEY,
            parser TEXT NOT NULL,
            parserVersion INTEGER NOT NULL,
            platform TEXT NOT NULL,
            kind TEXT NOT NULL,
            timePrecision TEXT,
            timeZoneSource TEXT
        );
        INSERT INTO eventShape(parser, parserVersion, platform, kind, timePrecision, timeZoneSource)
            SELECT parser, parserVersion, platform, kind, timePrecision, timeZoneSource FROM event
            GROUP BY parser, parserVersion, platform, kind, timePrecision, timeZoneSource ORDER BY min(id);
        CREATE TABLE eventRow (
            id INTEGER PRIMARY KEY,
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            memberId INTEGER NOT NULL REFERENCES member(id),
            locator TEXT NOT NULL,
            shapeId INTEGER NOT NULL REFERENCES eventShape(id),
            occurredAt INTEGER,
            timeRaw TEXT,
            actorAccountId INTEGER REFERENCES account(id),
            conversationId INTEGER REFERENCES conversation(id),
            text TEXT,
            details TEXT NOT NULL DEFAULT '{}'
        );
        INSERT INTO eventRow(id, evidenceId, memberId, locator, shapeId, occurredAt, timeRaw, actorAccountId, conversationId, text, details)
            SELECT e.id, e.evidenceId, e.memberId, e.locator, s.id, e.occurredAt, e.timeRaw, e.actorAccountId, e.conversationId,
            e.text, e.details
            FROM event e JOIN eventShape s ON s.parser = e.parser AND s.parserVersion = e.parserVersion AND s.platform = e.platform
            AND s.kind = e.kind AND s.timePrecision IS e.timePrecision AND s.timeZoneSource IS e.timeZoneSource
            ORDER BY e.id;

        CREATE TABLE fieldName (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        INSERT INTO fieldName(name) SELECT field FROM identifierOccurrence GROUP BY field ORDER BY min(id);
        CREATE TABLE leanOccurrence (
            id INTEGER PRIMARY KEY,
            identifierId INTEGER NOT NULL REFERENCES identifier(id),
            rawValue TEXT,
            strength TEXT NOT NULL CHECK (strength IN ('exact', 'weak')),
            source TEXT NOT NULL,
            fieldId INTEGER NOT NULL REFERENCES fieldName(id),
            accountId INTEGER REFERENCES account(id),
            eventId INTEGER REFERENCES eventRow(id),
            evidenceId INTEGER NOT NULL REFERENCES evidence(id),
            memberId INTEGER NOT NULL REFERENCES member(id),
            locator TEXT CHECK (locator IS NOT NULL OR eventId IS NOT NULL),
            observedAt INTEGER,
            assumption TEXT
        );
        INSERT INTO leanOccurrence(id, identifierId, rawValue, strength, source, fieldId, accountId, eventId, evidenceId,
            memberId, locator, observedAt, assumption)
            SELECT o.id, o.identifierId, CASE WHEN o.rawValue = \(impliedRawValue) THEN NULL ELSE o.rawValue END, o.strength, o.source,
            f.id, o.accountId, o.eventId, o.evidenceId, o.memberId, CASE WHEN o.locator = e.locator THEN NULL ELSE o.locator END,
            o.observedAt, o.assumption
            FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId JOIN fieldName f ON f.name = o.field
            LEFT JOIN eventRow e ON e.id = o.eventId ORDER BY o.id;
        DROP TABLE identifierOccurrence;
        ALTER TABLE leanOccurrence RENAME TO identifierOccurrence;
        CREATE INDEX occurrence_identifier ON identifierOccurrence(identifierId, accountId, evidenceId, observedAt);

        CREATE TABLE attachmentRow (
            id INTEGER PRIMARY KEY,
            eventId INTEGER NOT NULL REFERENCES eventRow(id),
            memberPath TEXT,
            reference TEXT NOT NULL,
            mediaType TEXT
        );
        INSERT INTO attachmentRow SELECT id, eventId, memberPath, reference, mediaType FROM attachment ORDER BY id;
        DROP TABLE attachment;
        ALTER TABLE attachmentRow RENAME TO attachment;
        CREATE INDEX attachment_event ON attachment(eventId);
        CREATE TABLE tagRow (
            id INTEGER PRIMARY KEY,
            eventId INTEGER NOT NULL REFERENCES eventRow(id),
            label TEXT NOT NULL,
            note TEXT,
            examiner TEXT,
            createdAt INTEGER NOT NULL,
            runId INTEGER REFERENCES run(id)
        );
        INSERT INTO tagRow SELECT id, eventId, label, note, examiner, createdAt, runId FROM tag ORDER BY id;
        DROP TABLE tag;
        ALTER TABLE tagRow RENAME TO tag;
        CREATE INDEX tag_event ON tag(eventId);

        DROP TABLE event;
        CREATE INDEX event_evidence ON eventRow(evidenceId);
        CREATE INDEX event_time ON eventRow(occurredAt, id);
        CREATE INDEX event_actor ON eventRow(actorAccountId, occurredAt);
        CREATE VIEW event AS
            SELECT r.id, r.evidenceId, r.memberId, r.locator, s.parser, s.parserVersion, s.platform, s.kind, r.occurredAt,
            r.timeRaw, s.timePrecision, s.timeZoneSource, r.actorAccountId, r.conversationId, r.text, r.details
            FROM eventRow r LEFT JOIN eventShape s ON s.id = r.shapeId;
        CREATE VIEW occurrenceDetail AS
            SELECT o.id, o.identifierId, COALESCE(o.rawValue, \(impliedRawValue)) AS rawValue, o.strength, o.source, f.name AS field,
            o.accountId, o.eventId, o.evidenceId, o.memberId, COALESCE(o.locator, e.locator) AS locator, o.observedAt,
            o.assumption
            FROM identifierOccurrence o JOIN identifier i ON i.id = o.identifierId JOIN fieldName f ON f.id = o.fieldId
            LEFT JOIN eventRow e ON e.id = o.eventId;
        """

    /// Details without their names: an event's detail names go to its shape (`detailKeys`, a JSON
    /// array), its row keeps a JSON array of the values in the same order. The names were 44 % of the
    /// details bytes and details 40 % of an event row on the medium bench case (21.8 of 49.5 MB).
    ///
    /// The `event` view rebuilds the object that v5 stored, byte for byte (`detailsObject`). Shapes
    /// from before v6 have no `detailKeys`, and their rows keep the object as it was stored; so do
    /// the few events whose details hold a character the view could not give back as `JSONText`
    /// wrote it (see `EvidenceWriter.StoredDetails`).
    ///
    /// Detail names can be an export's own labels (Instagram's `string_map_data`), so a case may hold
    /// many shapes: the writer finds them through an index.
    ///
    /// Raw times the view can write again: an event whose raw time is, byte for byte, its own UTC time
    /// in one of the formats of `TimeFormat` (Twitter's `Thu Jun 29 18:00:55 +0000 2023`, ISO 8601 in
    /// UTC, Unix seconds or milliseconds) stores no `timeRaw`; its shape names the format
    /// (`timeFormat`), and the view renders it from `occurredAt` (`renderedTime`). 20 bytes of most
    /// events on the bench archives. Any other raw time is stored as read.
    static let v6 = """
        ALTER TABLE eventShape ADD COLUMN detailKeys TEXT;
        ALTER TABLE eventShape ADD COLUMN timeFormat TEXT;
        CREATE INDEX eventShape_key ON eventShape(kind, detailKeys);
        DROP VIEW event;
        CREATE VIEW event AS
            SELECT r.id, r.evidenceId, r.memberId, r.locator, s.parser, s.parserVersion, s.platform, s.kind, r.occurredAt,
            CASE WHEN s.timeFormat IS NULL THEN r.timeRaw ELSE \(renderedTime) END AS timeRaw,
            s.timePrecision, s.timeZoneSource, r.actorAccountId, r.conversationId, r.text,
            CASE WHEN s.detailKeys IS NULL THEN r.details ELSE \(detailsObject) END AS details
            FROM eventRow r LEFT JOIN eventShape s ON s.id = r.shapeId;
        """

    /// The search index without its per-row token counts (FTS5 `columnsize=0`).
    ///
    /// FTS5 keeps, for every indexed row, its token count in `eventSearch_docsize`: one more B-tree
    /// insert per event, read only by ranking (`bm25`, `rank`), which Casebook does not use (search
    /// orders by time). `snippet()` tokenizes the matched row instead. Indexing the medium bench case's
    /// 435k texts took 1.9–2.3 s without the counts against 2.8–3.3 s with them, and the index is
    /// 4 MB smaller.
    ///
    /// Without the counts FTS5's full check (`integrity-check` with rank 1, the index against the
    /// events' text) also becomes exact for Casebook's index: a row without text or tokens adds
    /// nothing either way, so the check finds rows missing and rows left over (`searchIndexProblems`).
    ///
    /// The index reads its text from `eventRow`, the table, not the `event` view (v5 kept the view
    /// as content so the index need not be rebuilt): FTS5 prepares its content scan without virtual
    /// tables, and the view's details read `json_each`, so the full check failed on the view with "SQL
    /// logic error". `snippet()` reads the row's text straight from the table, too.
    ///
    /// An older case's index is rebuilt here from its events (the same rows the writer indexes: text
    /// neither NULL nor empty), with the writer's `hashsize`. Part of v7: never edit.
    static let v7 = """
        DROP TABLE eventSearch;
        CREATE VIRTUAL TABLE eventSearch USING fts5(
            text, content = 'eventRow', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
        );
        INSERT INTO eventSearch(eventSearch, rank) VALUES ('hashsize', 8388608);
        INSERT INTO eventSearch(rowid, text) SELECT id, text FROM eventRow WHERE text IS NOT NULL AND text <> '' ORDER BY id;
        """

    /// A v6 row's raw time in its shape's `timeFormat`, from `occurredAt` (whole seconds for
    /// `strftime`). `TimeFormat.render` is the same in Swift. Part of v6: never edit.
    static let renderedTime = """
        CASE s.timeFormat
        WHEN 'epoch-s' THEN CAST(r.occurredAt / 1000000 AS TEXT)
        WHEN 'epoch-ms' THEN CAST(r.occurredAt / 1000 AS TEXT)
        WHEN 'iso-ms-z' THEN strftime('%Y-%m-%dT%H:%M:%S', r.occurredAt / 1000000, 'unixepoch') || printf('.%03dZ', r.occurredAt / 1000 % 1000)
        WHEN 'iso-s-z' THEN strftime('%Y-%m-%dT%H:%M:%SZ', r.occurredAt / 1000000, 'unixepoch')
        WHEN 'iso-utc-offset' THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', r.occurredAt / 1000000, 'unixepoch')
        WHEN 'spaced-utc' THEN strftime('%Y-%m-%d %H:%M:%S +0000', r.occurredAt / 1000000, 'unixepoch')
        WHEN 'twitter' THEN substr('SunMonTueWedThuFriSat', 1 + 3 * strftime('%w', r.occurredAt / 1000000, 'unixepoch'), 3) || ' '
            || substr('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * strftime('%m', r.occurredAt / 1000000, 'unixepoch') - 2, 3)
            || strftime(' %d %H:%M:%S +0000 %Y', r.occurredAt / 1000000, 'unixepoch')
        END
        """

    /// The details object of a v6 row (`r`) and its shape (`s`), as `JSONText.stringObject` wrote it.
    /// SQLite's `json_group_object` escapes quotes, backslashes and C0 controls as `JSONText` does,
    /// except backspace and form feed; the writer keeps those, and the characters `JSONText` escapes
    /// and SQLite does not (DEL, C1 controls, U+2028, U+2029), out of this form. Part of v6: never edit.
    static let detailsObject = """
        (SELECT json_group_object(k.value, json_extract(r.details, '$[' || k.key || ']')) FROM json_each(s.detailKeys) AS k)
        """

    /// The raw value an occurrence of identifier `i` has when its `rawValue` is NULL: the identifier's
    /// value, without the platform for a handle or user id (`twitter:jdoe` was written `jdoe`). The
    /// writer's `EvidenceWriter.rawValueIsImplied` is the same rule in Swift. Part of v5: never edit.
    static let impliedRawValue = """
        CASE WHEN i.kind IN ('handle', 'userId') THEN substr(i.value, instr(i.value, ':') + 1) ELSE i.value END
        """

    static let accountIdentifierSelect = """
        SELECT DISTINCT accountId, source, identifierId FROM identifierOccurrence WHERE accountId IS NOT NULL
        """

    static let identifierStatsSelect = """
        SELECT identifierId, count(*), count(DISTINCT accountId), count(DISTINCT evidenceId), min(observedAt), max(observedAt)
        FROM identifierOccurrence
        """

    static let refreshAllIdentifierStats = """
        INSERT INTO identifierStats(identifierId, occurrences, accounts, evidence, firstSeen, lastSeen)
        \(identifierStatsSelect) GROUP BY identifierId;
        """
}
