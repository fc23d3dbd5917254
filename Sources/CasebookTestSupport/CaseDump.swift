import Foundation
import GRDB

/// Reads a case file directly (read-only), so that tests can assert what is stored rather than what
/// a command prints.
public enum CaseDump {
    /// Runs one read-only query; every value comes back as text, NULL as a missing key.
    public static func rows(_ casePath: String, _ sql: String, _ arguments: [String] = []) throws -> [[String: String]] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: casePath, configuration: configuration)
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                var values: [String: String] = [:]
                for (column, value) in row {
                    switch value.storage {
                    case .null: continue
                    case .int64(let number): values[column] = String(number)
                    case .double(let number): values[column] = String(number)
                    case .string(let text): values[column] = text
                    case .blob(let data): values[column] = data.base64EncodedString()
                    }
                }
                return values
            }
        }
    }

    /// Every stored record of a case as text, one line per row in id order, leaving out only what
    /// differs between two ingests of the same evidence by design: run ids and rows, ingest times and
    /// the evidence's source path. Two fresh ingests of the same evidence must give equal dumps.
    public static func records(_ casePath: String) throws -> String {
        let tables: [(name: String, columns: String, order: String)] = [
            (
                "evidence",
                "id, sha256, sha1, md5, size, displayName, kind, status, platforms, memberCount, recordCount, warningCount",
                "id"
            ),
            (
                "member",
                "id, evidenceId, parentMemberId, path, name, type, declaredSize, size, sha256, modifiedAt, parser, "
                    + "parserVersion, status, recordCount, warningCount, pathFindings, error", "id"
            ),
            ("account", "id, platform, accountKey, platformUserId, handle, displayName", "id"),
            ("evidenceAccount", "evidenceId, accountId, isExportOwner, memberId, locator", "evidenceId, accountId"),
            ("conversation", "id, platform, conversationKey, title", "id"),
            ("conversationMember", "conversationId, accountId", "conversationId, accountId"),
            (
                "event",
                "id, evidenceId, memberId, locator, parser, parserVersion, platform, kind, occurredAt, timeRaw, "
                    + "timePrecision, timeZoneSource, actorAccountId, conversationId, text, details", "id"
            ),
            ("identifier", "id, kind, value, notes", "id"),
            // The view gives each occurrence its raw value, field name and locator, as stored or as
            // implied (migration v5 stores them only where they differ from the identifier and event).
            (
                "occurrenceDetail",
                "id, identifierId, rawValue, strength, source, field, accountId, eventId, evidenceId, memberId, locator, "
                    + "observedAt, assumption", "id"
            ),
            ("attachment", "id, eventId, memberPath, reference, mediaType", "id"),
            ("warning", "id, evidenceId, memberId, source, code, message, locator", "id"),
        ]
        var output = ""
        for table in tables {
            let columns = table.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for row in try rows(casePath, "SELECT \(table.columns) FROM \(table.name) ORDER BY \(table.order)") {
                output += table.name
                for column in columns { output += "|" + column + "=" + (row[column].map { $0.debugDescription } ?? "NULL") }
                output += "\n"
            }
        }
        return output
    }
}
