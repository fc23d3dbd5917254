/* The SQLite cost of Casebook's own rows: copies the events, search-index entries, identifiers,
 * identifier occurrences and account identifiers of an existing case into a fresh database with
 * the same schema, one prepared single-row INSERT per row as Casebook's writer does (events with
 * their index text and occurrences interleaved, in event order), committing every 250,000 events,
 * WAL with synchronous=FULL and foreign keys off, as Casebook ingests. Like Casebook's first item
 * of a case, it leaves out the time, actor and occurrence indexes while loading and creates them in
 * the last transaction (CaseStore's DeferredIndexes); `DEFER=none` keeps them row by row instead.
 * Needs a case of schema v5 (events in `eventRow`, text in its tenth column).
 * No JSON, no zip, no hashing, no normalization: what is left is what SQLite needs for this data,
 * the floor for Casebook's schema.
 *
 *   cc -O2 -o schema_floor Scripts/schema_floor.c -lsqlite3
 *   ./schema_floor source-case.db out.db
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail(sqlite3 *db, const char *what) {
    fprintf(stderr, "schema_floor: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void exec(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "schema_floor: %s\n  in: %s\n", error, sql);
        exit(1);
    }
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) fail(db, sql);
    return statement;
}

/* Binds the current row of `from` (all its columns) to `to` and runs it once. */
static void copy_row(sqlite3 *db, sqlite3_stmt *from, sqlite3_stmt *to) {
    int columns = sqlite3_column_count(from);
    for (int column = 0; column < columns; column++) sqlite3_bind_value(to, column + 1, sqlite3_column_value(from, column));
    if (sqlite3_step(to) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(to);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s source-case.db out.db\n", argv[0]);
        return 2;
    }
    char path[4096];
    unlink(argv[2]);
    snprintf(path, sizeof path, "%s-wal", argv[2]); unlink(path);
    snprintf(path, sizeof path, "%s-shm", argv[2]); unlink(path);
    double start = now();
    sqlite3 *db;
    if (sqlite3_open(argv[2], &db) != SQLITE_OK) fail(db, "open");
    exec(db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-131072; "
             "PRAGMA foreign_keys=OFF;");
    sqlite3_stmt *attach = prepare(db, "ATTACH ? AS source");
    sqlite3_bind_text(attach, 1, argv[1], -1, SQLITE_STATIC);
    if (sqlite3_step(attach) != SQLITE_DONE) fail(db, "attach");
    sqlite3_finalize(attach);

    /* The same schema: every table and index of the source but FTS5's shadow tables and SQLite's own,
     * and, unless DEFER=none, but the deferred indexes (created at the end, below). */
    int deferring = !(getenv("DEFER") && strcmp(getenv("DEFER"), "none") == 0);
    static const char *deferred = "('event_time', 'event_actor', 'occurrence_identifier')";
    char schema_sql[512];
    snprintf(schema_sql, sizeof schema_sql,
             "SELECT sql FROM source.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%%' "
             "AND name NOT LIKE 'eventSearch_%%' AND (? = 0 OR name NOT IN %s) ORDER BY type = 'index', rowid", deferred);
    sqlite3_stmt *schema = prepare(db, schema_sql);
    sqlite3_bind_int(schema, 1, deferring);
    while (sqlite3_step(schema) == SQLITE_ROW) exec(db, (const char *)sqlite3_column_text(schema, 0));
    sqlite3_finalize(schema);
    char later_sql[512];
    snprintf(later_sql, sizeof later_sql, "SELECT sql FROM source.sqlite_master WHERE ? AND name IN %s ORDER BY rowid", deferred);
    sqlite3_stmt *later = prepare(db, later_sql);
    sqlite3_bind_int(later, 1, deferring);
    exec(db, "INSERT INTO main.eventSearch(eventSearch, rank) SELECT 'hashsize', v FROM source.eventSearch_config WHERE k = 'hashsize';"
             "INSERT INTO main.evidence SELECT * FROM source.evidence; INSERT INTO main.member SELECT * FROM source.member;"
             "INSERT INTO main.account SELECT * FROM source.account; INSERT INTO main.conversation SELECT * FROM source.conversation;"
             "INSERT INTO main.fieldName SELECT * FROM source.fieldName; INSERT INTO main.eventShape SELECT * FROM source.eventShape;");

    sqlite3_stmt *events = prepare(db, "SELECT * FROM source.eventRow ORDER BY id");
    /* SKIP_FIELDS=a,b leaves out the occurrences of those field names: what storing fewer occurrence rows would
     * save (session 10: DM senderId/recipientId and the mentions' screen_name/id_str). */
    char occurrence_sql[1024];
    snprintf(occurrence_sql, sizeof occurrence_sql,
             "SELECT * FROM source.identifierOccurrence WHERE fieldId NOT IN (SELECT id FROM source.fieldName "
             "WHERE instr(',' || ?1 || ',', ',' || name || ',') > 0) ORDER BY eventId IS NULL, eventId, id");
    sqlite3_stmt *occurrences = prepare(db, occurrence_sql);
    sqlite3_bind_text(occurrences, 1, getenv("SKIP_FIELDS") ? getenv("SKIP_FIELDS") : "", -1, SQLITE_STATIC);
    sqlite3_stmt *identifiers = prepare(db, "SELECT * FROM source.identifier ORDER BY id");
    sqlite3_stmt *pairs = prepare(db, "SELECT * FROM source.accountIdentifier");
    sqlite3_stmt *insert_event = prepare(db, "INSERT INTO main.eventRow VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *insert_search = prepare(db, "INSERT INTO main.eventSearch(rowid, text) VALUES (?, ?)");
    sqlite3_stmt *insert_occurrence = prepare(db, "INSERT INTO main.identifierOccurrence VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *insert_identifier = prepare(db, "INSERT INTO main.identifier VALUES (?,?,?,?)");
    sqlite3_stmt *insert_pair = prepare(db, "INSERT INTO main.accountIdentifier VALUES (?,?,?)");

    exec(db, "BEGIN");
    long rows = 0, since_commit = 0;
    while (sqlite3_step(identifiers) == SQLITE_ROW) { copy_row(db, identifiers, insert_identifier); rows++; }
    while (sqlite3_step(pairs) == SQLITE_ROW) { copy_row(db, pairs, insert_pair); rows++; }
    int occurrence = sqlite3_step(occurrences);
    while (sqlite3_step(events) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(events, 0);
        copy_row(db, events, insert_event);
        rows++;
        if (sqlite3_column_type(events, 9) == SQLITE_TEXT && sqlite3_column_bytes(events, 9) > 0) {
            sqlite3_bind_int64(insert_search, 1, id);
            sqlite3_bind_value(insert_search, 2, sqlite3_column_value(events, 9));
            if (sqlite3_step(insert_search) != SQLITE_DONE) fail(db, "insert search");
            sqlite3_reset(insert_search);
        }
        while (occurrence == SQLITE_ROW && sqlite3_column_type(occurrences, 7) != SQLITE_NULL
               && sqlite3_column_int64(occurrences, 7) <= id) {
            copy_row(db, occurrences, insert_occurrence);
            rows++;
            occurrence = sqlite3_step(occurrences);
        }
        if (++since_commit == 250000) {
            exec(db, "COMMIT; BEGIN");
            since_commit = 0;
        }
    }
    while (occurrence == SQLITE_ROW) {  /* occurrences of no event (account identifiers) */
        copy_row(db, occurrences, insert_occurrence);
        rows++;
        occurrence = sqlite3_step(occurrences);
    }
    while (sqlite3_step(later) == SQLITE_ROW) exec(db, (const char *)sqlite3_column_text(later, 0));
    sqlite3_finalize(later);
    exec(db, "COMMIT");
    sqlite3_stmt *all[] = {events, occurrences, identifiers, pairs, insert_event, insert_search, insert_occurrence, insert_identifier, insert_pair};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
    exec(db, "DETACH source; PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    fprintf(stderr, "{\"rows\": %ld, \"total_s\": %.3f, \"sqlite\": \"%s\"}\n", rows, now() - start, sqlite3_libversion());
    return 0;
}
