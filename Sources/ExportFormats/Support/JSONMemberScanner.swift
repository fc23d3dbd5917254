/// Finds where a member's value lies inside a JSON object's bytes without building a tree.
///
/// Used to find, in the head of a very large element, the array whose entries are then streamed (a
/// Twitter DM conversation's `messages`), so that memory holds one entry at a time instead of the
/// whole element. Keys are compared as raw bytes (an escaped key does not
/// match; callers then fall back to parsing the element whole).
public enum JSONMemberScanner {
    /// The byte range of the value of `key` in the object that starts at `start` (leading
    /// whitespace allowed), or nil when `start` is not an object or the key is absent.
    public static func valueRange(of key: String, inObjectAt start: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let found = value(of: key, inObjectAt: start, of: bytes), let end = found.end else { return nil }
        return found.start..<end
    }

    /// Where the value of `key` starts in the object that starts at `start`, when the bytes may stop
    /// inside that value (the head of an element still arriving); nil when `start` is not an object,
    /// or the key is absent from the members the bytes hold whole before it.
    public static func valueStart(of key: String, inObjectAt start: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        value(of: key, inObjectAt: start, of: bytes)?.start
    }

    /// The first member named `key`: where its value starts, and ends if the bytes hold all of it.
    private static func value(of key: String, inObjectAt start: Int, of bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int?)? {
        let wanted = Array(key.utf8)
        var index = skipSpace(start, bytes)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            index = skipSpace(index, bytes)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            guard let keyEnd = endOfValue(index, bytes) else { return nil }
            let matches = keyEnd - index - 2 == wanted.count
                && wanted.indices.allSatisfy { bytes[index + 1 + $0] == wanted[$0] }
            index = skipSpace(keyEnd, bytes)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipSpace(index + 1, bytes)
            guard valueStart < bytes.count else { return nil }
            let valueEnd = endOfValue(valueStart, bytes)
            if matches { return (valueStart, valueEnd) }
            guard let valueEnd else { return nil }
            index = skipSpace(valueEnd, bytes)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    static func skipSpace(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
        return index
    }

    /// The index just past the value that starts at `start` (string, object, array or scalar).
    static func endOfValue(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard start < bytes.count else { return nil }
        var index = start
        var depth = 0
        var inString = false
        var escaped = false
        let first = bytes[start]
        let isContainer = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        if !isContainer && first != UInt8(ascii: "\"") {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
                default: index += 1
                }
            }
            return index
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index }
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index }
                if depth < 0 { return nil }
            }
        }
        return nil
    }
}
