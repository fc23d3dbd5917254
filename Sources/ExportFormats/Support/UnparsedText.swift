import EvidenceArchive
import EvidenceModel

/// Keeps what a parser could not read searchable (RELIABILITY.md R-31): a truncated or garbled JSON
/// document or array element becomes one `.unparsedText` event holding its raw text, so a search
/// for a word in it still finds it, with the member and byte offset as provenance.
public enum UnparsedText {
    /// Raw bytes kept as text at most; longer input is cut and marked `…[truncated, N bytes]`.
    public static let maxBytes = 1 << 20

    /// Emits the raw text of `bytes` (found at byte `offset` of the member) unless it is empty or
    /// only whitespace. `reason` says why it could not be parsed (with its offset).
    public static func emit(
        _ bytes: ArraySlice<UInt8>, offset: Int64, reason: String, locator: String, context: ParseContext
    ) {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return }
        let kept = bytes.prefix(maxBytes)
        let decoded = TextDecoding.decode(Array(kept))
        var text = decoded.text
        if bytes.count > maxBytes { text += "…[truncated, \(bytes.count) bytes]" }
        var details: [Event.Detail] = [
            .init("reason", reason), .init("byteOffset", String(offset)), .init("byteLength", String(bytes.count)),
        ]
        if decoded.encoding != "utf-8" { details.append(.init("encoding", decoded.encoding)) }
        if decoded.hadInvalidBytes { details.append(.init("invalidBytes", "replaced by U+FFFD")) }
        context.emit(
            Event(
                platform: context.platform, kind: .unparsedText, occurredAt: nil, text: text, details: details,
                provenance: context.provenance(locator)))
    }

    public static func emit(_ bytes: [UInt8], offset: Int64, reason: String, locator: String, context: ParseContext) {
        emit(bytes[...], offset: offset, reason: reason, locator: locator, context: context)
    }
}
