#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte comparison of strings, as SQLite compares text (here, below the store, so that the model's own
/// JSON writing can use it too). Swift's `==` equates canonically equivalent
/// spellings (NFC and NFD, `K` and U+212A KELVIN SIGN, reordered combining marks), which evidence
/// must keep apart; `utf8.elementsEqual` is exact but walks the bytes one by one through generic
/// iterators (about 2,000 instructions for a 30-byte field name, measured with callgrind).
public enum ExactText {
    /// Whether `a` and `b` have the same UTF-8 bytes.
    @inlinable
    public static func equal(_ a: String, _ b: String) -> Bool {
        equal(a, b, suffixOf: 0)
    }

    /// Whether `a` has the same UTF-8 bytes as `b` from byte `offset` on. Inlinable: the store's writer
    /// calls it several times per row, and it lived in the writer's module until session 8.
    @inlinable
    public static func equal(_ a: String, _ b: String, suffixOf offset: Int) -> Bool {
        let contiguous = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right -> Bool in
                guard offset <= right.count, left.count == right.count - offset else { return false }
                return left.isEmpty || memcmp(left.baseAddress!, right.baseAddress! + offset, left.count) == 0
            }
        }
        if let result = contiguous ?? nil { return result }
        return a.utf8.elementsEqual(b.utf8.dropFirst(offset))
    }

    /// A dictionary key of a tag and a text, equal when the tags are and the texts have the same bytes.
    public struct Key<Tag: Hashable>: Hashable {
        public let tag: Tag
        public let text: String

        @inlinable
        public init(_ tag: Tag, _ text: String) {
            self.tag = tag
            self.text = text
        }

        @inlinable
        public func hash(into hasher: inout Hasher) {
            hasher.combine(tag)
            // The same bytes must hash the same, stored contiguously or not.
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
        }

        @inlinable
        public static func == (a: Key, b: Key) -> Bool { a.tag == b.tag && ExactText.equal(a.text, b.text) }
    }
}

extension ExactText.Key where Tag == Int {
    /// A key of a text alone.
    public init(_ text: String) { self.init(0, text) }
}
