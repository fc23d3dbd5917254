import EvidenceArchive
import EvidenceModel

/// Shared reading of Twitter/X archive `.js` members.
///
/// Every data file is `window.YTD.<name>.partN = [ ... ]` (2019+; older root-level files the same),
/// Grailbird months are `Grailbird.data.tweets_YYYY_MM = [ ... ]`. The text before the first `[` is
/// never evaluated. Elements are decoded one at a time, so a 1.5 GB `tweets.js` streams in bounded
/// memory. An element that is not valid JSON becomes a warning; the rest of the member goes on.
public enum TwitterArchive {
    /// Streams the elements of a YTD array member. `body` gets the index, the element and its locator
    /// (`/index`). Returns the number of elements.
    @discardableResult
    public static func forEachItem(
        in member: ArchiveMember, context: ParseContext, _ body: (Int, JSONValue, String) throws -> Void
    ) throws -> Int {
        var stream = JSONArrayStream()
        var parser = JSONParser()
        var failure: (any Error)?
        do {
            try member.forEachChunk { chunk in
                try stream.feed(chunk) { index, offset, bytes in
                    let locator = "/\(index)"
                    do {
                        let value = try parser.parse(bytes)
                        try body(index, value, locator)
                    } catch let error as JSONSyntaxError {
                        context.warn(
                            "invalid-json", "element is not valid JSON: \(error.reason) (byte \(offset + Int64(error.offset)) of member)",
                            locator: locator)
                    }
                }
            }
        } catch let error as JSONSyntaxError {
            failure = error
            context.warn("invalid-json", "cannot split the array: \(error.description)", locator: "byte \(stream.offset)")
        } catch {
            failure = error
        }
        if let failure { throw failure }
        if !stream.sawArray {
            throw ParseError(locator: "byte 0", "no JSON array found – expected 'window.YTD.<name>.part0 = [ ... ]'")
        }
        if !stream.isComplete {
            context.warn(
                "truncated", "the array has no closing ']'; \(stream.count) elements were read", locator: "byte \(stream.offset)")
        }
        if parser.notes.duplicateKeys > 0 {
            context.warn("duplicate-key", "\(parser.notes.duplicateKeys) objects repeat a key; the last value is used, all are in the evidence", locator: "")
        }
        if parser.notes.invalidUTF8 + parser.notes.loneSurrogates > 0 {
            context.warn(
                "invalid-text", "\(parser.notes.invalidUTF8 + parser.notes.loneSurrogates) strings held invalid UTF-8 or lone surrogates, replaced by U+FFFD",
                locator: "")
        }
        return stream.count
    }

    /// The export owner's account key, from `account.js` (prefetched), or nil with a warning.
    public static func owner(in context: ParseContext) -> AccountKey? {
        if let cached = context.state.values["twitter.ownerId"] { return .userId(.twitter, cached) }
        guard let (_, bytes) = context.prefetched(matching: "account.js") else { return nil }
        var stream = JSONArrayStream()
        var parser = JSONParser()
        var ownerId: String?
        try? bytes.withUnsafeBytes { raw in
            try stream.feed(raw) { _, _, element in
                guard ownerId == nil, let value = try? parser.parse(element) else { return }
                ownerId = (value["account"] ?? value)["accountId"]?.string
            }
        }
        if let ownerId {
            context.state.values["twitter.ownerId"] = ownerId
            return .userId(.twitter, ownerId)
        }
        return nil
    }

    /// The owner key, or a placeholder with a warning when the archive has no readable account file.
    public static func ownerOrPlaceholder(in context: ParseContext) -> AccountKey {
        if let key = owner(in: context) { return key }
        if context.state.values["twitter.ownerWarned.\(context.memberPath.joined(separator: "!/"))"] == nil {
            context.state.values["twitter.ownerWarned.\(context.memberPath.joined(separator: "!/"))"] = "1"
            context.warn(
                "owner-unknown", "no readable account.js in this archive; records are attributed to an unnamed owner",
                locator: "")
        }
        return AccountKey(platform: .twitter, key: "owner:\(context.evidenceSHA256.prefix(16))")
    }

    /// Unwraps `{ "tweet": {...} }` items (2020+) and leaves unwrapped items (2018-2020) as they are.
    public static func unwrap(_ value: JSONValue, _ key: String) -> JSONValue {
        if let inner = value[key], inner.object != nil { return inner }
        return value
    }

    /// Parses a time value, warning with the locator when it cannot be read.
    public static func timestamp(_ value: JSONValue?, field: String, locator: String, context: ParseContext) -> Timestamp? {
        guard let raw = value?.string, !raw.isEmpty else { return nil }
        if let stamp = TimestampParsing.iso8601(raw, withoutOffset: .documentedUTC) ?? TimestampParsing.twitterCreatedAt(raw)
            ?? TimestampParsing.spacedOffset(raw)
        {
            return stamp
        }
        context.warn("bad-timestamp", "\(field) is not a time Casebook can read", locator: locator)
        return nil
    }
}
