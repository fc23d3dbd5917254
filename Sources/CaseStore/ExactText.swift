import Foundation

/// Byte comparison of strings, as SQLite compares text. Swift's `==` equates canonically equivalent
/// spellings (NFC and NFD, `K` and U+212A KELVIN SIGN, reordered combining marks), which evidence
/// must keep apart; `utf8.elementsEqual` is exact but walks the bytes one by one through generic
/// iterators (about 2,000 instructions for a 30-byte field name, measured with callgrind).
enum ExactText {
    /// Whether `a` and `b` have the same UTF-8 bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        equal(a, b, suffixOf: 0)
    }

    /// Whether `a` has the same UTF-8 bytes as `b` from byte `offset` on.
    static func equal(_ a: String, _ b: String, suffixOf offset: Int) -> Bool {
        let contiguous = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right -> Bool in
                guard offset <= right.count, left.count == right.count - offset else { return false }
                return left.isEmpty || memcmp(left.baseAddress!, right.baseAddress! + offset, left.count) == 0
            }
        }
        if let result = contiguous ?? nil { return result }
        return a.utf8.elementsEqual(b.utf8.dropFirst(offset))
    }
}
