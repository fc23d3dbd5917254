/// Parses the items of a JSON list that is read as it arrives, one at a time, and reports what goes
/// wrong with an item as that item's own loss: Twitter's `window.YTD` arrays, Meta's long lists and the
/// messages of a streamed DM conversation share it.
///
/// One parser serves the whole member, so its notes (strings repaired, keys repeated) count for the
/// member; `warnNotes()` reports them once at its end, the first repair at its member byte.
public struct JSONItemReader {
    public let context: ParseContext
    /// What an item is called in warnings: "element", "list item", "conversation entry".
    public let noun: String
    public private(set) var parser: JSONParser
    /// Member offset of the first string the parser repaired.
    public private(set) var firstRepair: Int64?

    public init(context: ParseContext, noun: String, skipping: [String] = []) {
        self.context = context
        self.noun = noun
        self.parser = JSONParser(skipping: skipping)
    }

    /// Parses an item that starts at member byte `offset`. One that is not JSON is warned `invalid-json`
    /// (with the member byte of the error) and kept as raw text, and nil is returned.
    public mutating func parse(_ bytes: [UInt8], offset: Int64, locator: String) -> JSONValue? {
        parse(bytes, locator: locator, what: noun) { offset + Int64($0) }
    }

    /// As above, for bytes that are not one run of the member (a conversation without its messages):
    /// `memberOffset` maps an offset in `bytes` to the member's, and `what` names them in a warning.
    public mutating func parse(
        _ bytes: [UInt8], locator: String, what: String, memberOffset: (Int) -> Int64
    ) -> JSONValue? {
        let hadRepair = parser.notes.firstRepairOffset != nil
        defer {
            if !hadRepair, let first = parser.notes.firstRepairOffset { firstRepair = memberOffset(first) }
        }
        do throws(JSONSyntaxError) {
            return try parser.parse(bytes)
        } catch {
            let reason = "\(what) is not valid JSON: \(error.reason) (byte \(memberOffset(error.offset)) of member)"
            context.warn("invalid-json", reason, locator: locator)
            UnparsedText.emit(bytes, offset: memberOffset(0), reason: reason, locator: locator, context: context)
            return nil
        }
    }

    /// An item larger than `limit` bytes, skipped by the stream.
    public func warnOversized(size: Int64, offset: Int64, limit: Int, locator: String) {
        context.warn(
            "element-too-large",
            "\(noun) of \(size) bytes at byte \(offset) is larger than \(limit) bytes; it was hashed with the member "
                + "but not parsed", locator: locator)
    }

    /// The item the member ended inside: warned `invalid-json` and kept as raw text.
    public func keepUnfinished(_ bytes: [UInt8], offset: Int64, locator: String) {
        let reason = "\(noun) cut short by the end of the member (starts at byte \(offset), \(bytes.count) bytes)"
        context.warn("invalid-json", reason, locator: locator)
        UnparsedText.emit(bytes, offset: offset, reason: reason, locator: locator, context: context)
    }

    /// The member's repeated keys and repaired strings, once, at its end.
    public func warnNotes() {
        if parser.notes.duplicateKeys > 0 {
            context.warn(
                "duplicate-key",
                "\(parser.notes.duplicateKeys) objects repeat a key; the last value is used, all are in the evidence",
                locator: "")
        }
        var notes = parser.notes
        notes.firstRepairOffset = firstRepair.map(Int.init)
        if let message = notes.repairMessage(base: 0) { context.warn("invalid-text", message, locator: "") }
    }
}
