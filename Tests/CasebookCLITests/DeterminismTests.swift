import CasebookTestSupport
import Foundation
import Testing

/// The same evidence into two fresh cases gives the same rows (RELIABILITY.md R-56): a dump of
/// every stored fact with row ids replaced by what they point at (evidence hash, member path,
/// locator, account key), run times and paths of the run left out, sorted on every column.
@Suite(.serialized) struct DeterminismTests {
    static let samples = [
        "twitter/modern-2022", "twitter/legacy-2020", "twitter/grailbird-2015", "facebook/json-2021",
        "facebook/json-2024", "facebook/html-2021", "facebook/json-localized-de", "facebook/html-legacy",
        "instagram/json-2024", "instagram/html-2024",
    ]

    /// One SELECT per table; ORDER BY every column makes the order independent of row ids.
    static let dumps: [(String, String, Int)] = [
        ("evidence", "SELECT sha256, sha1, md5, size, displayName, kind, status, platforms, memberCount, recordCount, warningCount FROM evidence", 11),
        ("member", """
            SELECT v.sha256, m.path, m.name, m.type, m.declaredSize, m.size, m.sha256, m.modifiedAt, m.parser, m.parserVersion,
            m.status, m.recordCount, m.warningCount, m.pathFindings, m.error, p.path
            FROM member m JOIN evidence v ON v.id = m.evidenceId LEFT JOIN member p ON p.id = m.parentMemberId
            """, 16),
        ("event", """
            SELECT v.sha256, m.path, e.locator, e.parser, e.parserVersion, e.platform, e.kind, e.occurredAt, e.timeRaw,
            e.timePrecision, e.timeZoneSource, a.platform, a.accountKey, c.platform, c.conversationKey, e.text, e.details
            FROM event e JOIN evidence v ON v.id = e.evidenceId JOIN member m ON m.id = e.memberId
            LEFT JOIN account a ON a.id = e.actorAccountId LEFT JOIN conversation c ON c.id = e.conversationId
            """, 17),
        ("identifierOccurrence", """
            SELECT i.kind, i.value, i.notes, o.rawValue, o.strength, o.source, o.field, a.platform, a.accountKey,
            e.locator, v.sha256, m.path, o.locator, o.observedAt, o.assumption
            FROM occurrenceDetail o JOIN identifier i ON i.id = o.identifierId JOIN evidence v ON v.id = o.evidenceId
            JOIN member m ON m.id = o.memberId LEFT JOIN account a ON a.id = o.accountId LEFT JOIN event e ON e.id = o.eventId
            """, 15),
        ("account", "SELECT platform, accountKey, platformUserId, handle, displayName FROM account", 5),
        ("evidenceAccount", """
            SELECT v.sha256, a.platform, a.accountKey, x.isExportOwner, m.path, x.locator FROM evidenceAccount x
            JOIN evidence v ON v.id = x.evidenceId JOIN account a ON a.id = x.accountId LEFT JOIN member m ON m.id = x.memberId
            """, 6),
        ("conversation", """
            SELECT c.platform, c.conversationKey, c.title, a.platform, a.accountKey FROM conversation c
            LEFT JOIN conversationMember cm ON cm.conversationId = c.id LEFT JOIN account a ON a.id = cm.accountId
            """, 5),
        ("attachment", """
            SELECT v.sha256, e.locator, t.memberPath, t.reference, t.mediaType FROM attachment t JOIN event e ON e.id = t.eventId
            JOIN evidence v ON v.id = e.evidenceId
            """, 5),
        ("warning", """
            SELECT v.sha256, m.path, w.source, w.code, w.message, w.locator FROM warning w JOIN evidence v ON v.id = w.evidenceId
            LEFT JOIN member m ON m.id = w.memberId
            """, 6),
        ("search", """
            SELECT v.sha256, e.locator, s.text FROM eventSearch s JOIN event e ON e.id = s.rowid JOIN evidence v ON v.id = e.evidenceId
            WHERE eventSearch MATCH 'the OR a OR de OR und'
            """, 3),
    ]

    static func dump(_ casePath: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for (table, select, columns) in dumps {
            let order = (1...columns).map(String.init).joined(separator: ", ")
            result[table] = try SQLiteShell.run(casePath, "\(select) ORDER BY \(order)")
        }
        return result
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "the sqlite3 shell is not installed (used for an independent dump)"))
    func twoFreshCasesFromTheSameEvidenceHaveTheSameRows() throws {
        let folder = try TemporaryFolder()
        let evidence = Self.samples.map(SampleExportsLocator.path)
        var dumps: [[String: String]] = []
        for name in ["a.db", "b.db"] {
            let run = try CasebookBinary.run(["ingest"] + evidence + ["--case", folder.path + "/" + name])
            #expect([0, 10].contains(run.status), "\(run.stderr)")
            dumps.append(try Self.dump(folder.path + "/" + name))
        }
        for (table, _, _) in Self.dumps {
            let first = dumps[0][table] ?? "", second = dumps[1][table] ?? ""
            #expect(!first.isEmpty, "\(table) has rows")
            #expect(first == second, "\(table) differs between two fresh cases")
        }
        #expect(dumps[0]["evidence"]?.split(separator: "\n").count == Self.samples.count)
    }

    /// Row ids as stored, with what they point at: a one-command ingest, which reads each item
    /// while the one before is written, must give the ids of one command per item.
    static let idDumps = [
        "SELECT id, sha256, status, memberCount, recordCount, warningCount FROM evidence ORDER BY id",
        "SELECT id, evidenceId, parentMemberId, path, sha256, status, recordCount FROM member ORDER BY id",
        "SELECT id, evidenceId, memberId, locator, actorAccountId, conversationId FROM event ORDER BY id",
        "SELECT id, identifierId, eventId, evidenceId, memberId, accountId, locator FROM identifierOccurrence ORDER BY id",
        "SELECT id, kind, value FROM identifier ORDER BY id",
        "SELECT id, platform, accountKey FROM account ORDER BY id",
        "SELECT id, evidenceId, memberId, code, locator FROM warning ORDER BY id",
    ]

    @Test(.enabled(if: SQLiteShell.path != nil, "the sqlite3 shell is not installed (used for an independent dump)"))
    func oneCommandGivesTheIdsOfOneCommandPerItem() throws {
        let folder = try TemporaryFolder()
        let evidence = Self.samples.map(SampleExportsLocator.path)
        let together = folder.path + "/together.db", apart = folder.path + "/apart.db"
        let run = try CasebookBinary.run(["ingest"] + evidence + ["--case", together])
        #expect([0, 10].contains(run.status), "\(run.stderr)")
        for item in evidence {
            let one = try CasebookBinary.run(["ingest", item, "--case", apart])
            #expect([0, 10].contains(one.status), "\(one.stderr)")
        }
        for sql in Self.idDumps {
            let expected = try SQLiteShell.run(apart, sql)
            #expect(!expected.isEmpty, "\(sql)")
            #expect(try SQLiteShell.run(together, sql) == expected, "\(sql)")
        }
        #expect(try Self.dump(together) == Self.dump(apart))
    }
}
