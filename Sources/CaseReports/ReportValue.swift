import EvidenceModel

/// A value in a report row: plain data, rendered the same way by every renderer.
public indirect enum ReportValue: Sendable, Hashable {
    case null
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case object(ReportRecord)
    case array([ReportValue])

    public static func optional(_ text: String?) -> ReportValue { text.map(ReportValue.string) ?? .null }
    public static func optional(_ number: Int64?) -> ReportValue { number.map(ReportValue.integer) ?? .null }

    /// The value as JSON text.
    public var json: String {
        switch self {
        case .null: "null"
        case .string(let text): JSONText.quote(text)
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .object(let record): record.json
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        }
    }

    /// The value as one line of text for tables and CSV (objects flattened as `key=value` pairs).
    public var plainText: String {
        switch self {
        case .null: ""
        case .string(let text): text
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .object(let record): record.fields.map { "\($0.key)=\($0.value.plainText)" }.joined(separator: " ")
        case .array(let items): items.map(\.plainText).joined(separator: ", ")
        }
    }
}

/// One row: ordered named values (order is kept so output is byte-stable).
public struct ReportRecord: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: ReportValue

        public init(key: String, value: ReportValue) {
            self.key = key
            self.value = value
        }
    }

    public var fields: [Field]

    public init(_ pairs: [(String, ReportValue)]) { fields = pairs.map { Field(key: $0.0, value: $0.1) } }

    public subscript(key: String) -> ReportValue? {
        for field in fields where field.key == key { return field.value }
        return nil
    }

    /// Follows a dotted path (`provenance.member`).
    public func value(at path: String) -> ReportValue? {
        var current: ReportValue = .object(self)
        for part in path.split(separator: ".") {
            guard case .object(let record) = current, let next = record[String(part)] else { return nil }
            current = next
        }
        return current
    }

    public var json: String { "{" + fields.map { JSONText.quote($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}" }
}

/// A table column: header text, the dotted key path it shows, and a width cap for terminal tables.
public struct ReportColumn: Sendable, Hashable {
    public var header: String
    public var path: String
    public var maxWidth: Int

    public init(_ header: String, _ path: String, maxWidth: Int = 60) {
        self.header = header
        self.path = path
        self.maxWidth = maxWidth
    }
}

/// Output formats every listing command offers.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, jsonl
}
