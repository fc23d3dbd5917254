/// A JSON value as Casebook reads evidence: numbers kept as their text (ids exceed 2^53), object
/// members kept in order with duplicates preserved, nothing evaluated.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member named `key` of an object (the last one if the key is duplicated).
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// A string, or a number's text; nil for other kinds.
    public var string: String? {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// A string that is not empty after trimming spaces.
    public var nonEmptyString: String? {
        guard let text = string else { return nil }
        return text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) ? nil : text
    }

    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var int64: Int64? {
        switch self {
        case .number(let text), .string(let text):
            if let value = Int64(text) { return value }
            if let value = Double(text), value.isFinite, abs(value) < 9.2e18 { return Int64(value) }
            return nil
        default: return nil
        }
    }

    public var isNull: Bool { self == .null }
}

/// A JSON object with its members in document order.
public struct JSONObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
    }

    public var members: [Member]

    public init(members: [Member]) { self.members = members }

    /// The last member named `key`. Names of another UTF-8 length are passed over before `==`, which
    /// costs a call for every name it compares (1.5M lookups on the small bench archive).
    public subscript(key: String) -> JSONValue? {
        let length = key.utf8.count
        for member in members.reversed() where member.key.utf8.count == length && member.key == key { return member.value }
        return nil
    }

    public var keys: [String] { members.map(\.key) }

    /// Keys that appear more than once (both values are kept in `members`).
    public var duplicateKeys: [String] {
        var seen = Set<String>(), duplicates: [String] = []
        for member in members where !seen.insert(member.key).inserted && !duplicates.contains(member.key) {
            duplicates.append(member.key)
        }
        return duplicates
    }
}

/// A JSON syntax error with the byte offset where it was found.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}
