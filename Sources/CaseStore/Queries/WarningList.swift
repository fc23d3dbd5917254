import GRDB

/// One stored warning with the member it is about.
public struct WarningRow: Sendable, Hashable {
    public var evidenceSHA256: String
    /// Stored member path (`outer.zip!/inner`), nil for warnings about the evidence as a whole.
    public var memberPath: String?
    public var source: String
    public var code: String
    public var message: String
    public var locator: String
}

extension CaseStore {
    /// Every warning of the case in the order written, optionally of one code.
    public func warnings(code: String? = nil) throws -> [WarningRow] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.sha256, m.path, w.source, w.code, w.message, w.locator FROM warning w
                    JOIN evidence v ON v.id = w.evidenceId LEFT JOIN member m ON m.id = w.memberId
                    WHERE ? IS NULL OR w.code = ? ORDER BY w.id
                    """, arguments: [code, code]
            ).map {
                WarningRow(
                    evidenceSHA256: $0["sha256"], memberPath: $0["path"], source: $0["source"], code: $0["code"],
                    message: $0["message"], locator: $0["locator"])
            }
        }
    }
}
