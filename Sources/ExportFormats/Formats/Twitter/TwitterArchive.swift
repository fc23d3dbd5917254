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
    ///
    /// An element larger than `maxElementBytes` is skipped with an `element-too-large` warning naming
    /// its index, offset and size; the elements after it are still read. An element that is not valid
    /// JSON (and the element a truncated member stops in) is warned with its offset and kept as an
    /// `.unparsedText` event, so its words stay searchable. A member saved as UTF-16 or UTF-32 is
    /// decoded chunk by chunk (warning `text-encoding`; offsets then count UTF-8 bytes).
    ///
    /// `skipping` names members the caller never reads, at any depth: they are checked as JSON but not
    /// built (`JSONParser.init(maxDepth:skipping:)`).
    @discardableResult
    public static func forEachItem(
        in member: ArchiveMember, context: ParseContext, maxElementBytes: Int = 64 << 20, skipping: [String] = [],
        _ body: (Int, JSONValue, String) throws -> Void
    ) throws -> Int {
        try forEachItem(
            in: member, context: context, maxElementBytes: maxElementBytes, skipping: skipping, divertAbove: .max,
            divert: nil, body)
    }

    /// As above; an element that grows past `threshold` bytes is offered to `divert` with its index,
    /// member offset, locator and the bytes so far (its head). A `StreamedElement` it returns has read
    /// the head and is given the rest of the element as it arrives, instead of the element being
    /// buffered and parsed whole; nil keeps the element whole (up to `maxElementBytes`).
    @discardableResult
    public static func forEachItem(
        in member: ArchiveMember, context: ParseContext, maxElementBytes: Int = 64 << 20, skipping: [String] = [],
        divertAbove threshold: Int,
        divert: ((Int, Int64, String, UnsafeRawBufferPointer, inout JSONItemReader) -> (any StreamedElement)?)?,
        _ body: (Int, JSONValue, String) throws -> Void
    ) throws -> Int {
        var stream = JSONArrayStream(maxElementBytes: maxElementBytes, divertAbove: divert == nil ? .max : threshold)
        var reader = JSONItemReader(context: context, noun: "element", skipping: skipping)
        var decoder = StreamingTextDecoder()
        var failure: (any Error)?
        // The element being read in pieces, if any.
        var open: (any StreamedElement)?
        func close(complete: Bool) {
            open?.finish(complete: complete, reader: &reader)
            open = nil
        }
        func onPiece(_ piece: JSONArrayStream.Piece) -> Bool {
            switch piece {
            case .opened(let index, let offset, let head):
                open = divert?(index, offset, "/\(index)", head, &reader)
                return open != nil
            case .bytes(let bytes):
                open?.feed(bytes, reader: &reader)
            case .closed:
                close(complete: true)
            }
            return true
        }
        func onElement(_ index: Int, _ offset: Int64, _ bytes: [UInt8]) throws {
            let locator = "/\(index)"
            if let value = reader.parse(bytes, offset: offset, locator: locator) { try body(index, value, locator) }
        }
        func onOversized(_ index: Int, _ offset: Int64, _ size: Int64) {
            reader.warnOversized(size: size, offset: offset, limit: maxElementBytes, locator: "/\(index)")
        }
        func feed(_ bytes: UnsafeRawBufferPointer) throws {
            try stream.feed(bytes, onElement: onElement, onOversized: onOversized, onPiece: onPiece)
        }
        do {
            try member.forEachChunk { chunk in
                if decoder.passesThrough {
                    try feed(chunk)
                } else {
                    let decoded = decoder.decode(chunk)
                    if !decoded.isEmpty { try decoded.withUnsafeBytes { try feed($0) } }
                }
            }
            let rest = decoder.finish()
            if !rest.isEmpty { try rest.withUnsafeBytes { try feed($0) } }
        } catch let error as JSONSyntaxError {
            failure = error
            context.warn("invalid-json", "cannot split the array: \(error.description)", locator: "byte \(stream.offset)")
        } catch {
            failure = error
        }
        decoder.warnIfTranscoded(context)
        if let failure { throw failure }
        if !stream.sawArray {
            throw ParseError(locator: "byte 0", "no JSON array found – expected 'window.YTD.<name>.part0 = [ ... ]'")
        }
        if !stream.isComplete {
            context.warn(
                "truncated", "the array has no closing ']'; \(stream.count) elements were read", locator: "byte \(stream.offset)")
            if stream.isDiverting {
                close(complete: false)
            } else if let (index, offset, bytes) = stream.unfinishedElement {
                reader.keepUnfinished(bytes, offset: offset, locator: "/\(index)")
            }
        }
        reader.warnNotes()
        return stream.count
    }

    /// The export owner's account key, from `account.js` (prefetched) or, in Grailbird archives,
    /// `data/js/user_details.js`; nil when neither names it.
    public static func owner(in context: ParseContext) -> AccountKey? {
        // The answer is remembered for the archive level, also when there is none ("", no owner):
        // asking again for every element re-parsed account.js each time, quadratic in the tweet count
        // (found by FuzzTwitter: an 8 KB input took 6 s).
        if let cached = context.state.values["twitter.ownerId"] { return cached.isEmpty ? nil : .userId(.twitter, cached) }
        var ownerId: String?
        if let (_, bytes) = context.prefetched(matching: "account.js") {
            var stream = JSONArrayStream()
            var parser = JSONParser()
            try? bytes.withUnsafeBytes { raw in
                try stream.feed(raw) { _, _, element in
                    guard ownerId == nil, let value = try? parser.parse(element) else { return }
                    ownerId = (value["account"] ?? value)["accountId"]?.string
                }
            }
        }
        if ownerId == nil, let (_, details) = context.prefetched(matching: "data/js/user_details.js"),
            let value = try? parseObject(details)
        {
            // Grailbird archives have no account.js; user_details.js names the owner.
            ownerId = value["id_str"]?.nonEmptyString ?? value["id"]?.nonEmptyString
        }
        context.state.values["twitter.ownerId"] = ownerId ?? ""
        return ownerId.map { .userId(.twitter, $0) }
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
    /// `locator` is built only for a warning (`/998/tweet/created_at` is a heap string, per tweet).
    public static func timestamp(
        _ value: JSONValue?, field: String, locator: @autoclosure () -> String, context: ParseContext
    ) -> Timestamp? {
        guard let raw = value?.string, !raw.isEmpty else { return nil }
        if let stamp = TimestampParsing.iso8601(raw, withoutOffset: .documentedUTC) ?? TimestampParsing.twitterCreatedAt(raw)
            ?? TimestampParsing.spacedOffset(raw)
        {
            return stamp
        }
        context.warn("bad-timestamp", "\(field) is not a time Casebook can read", locator: locator())
        return nil
    }

    /// Reads a whole-object member such as `manifest.js` (`window.__THAR_CONFIG = {...}`) or Grailbird's
    /// `user_details.js` (`var user_details = {...}`): everything before the first `{` is skipped, never
    /// evaluated. Bounded by `member.readAll()`'s in-memory limit.
    ///
    /// - Throws: `ParseError` when no object is found or it is not valid JSON.
    public static func readObject(member: ArchiveMember, context: ParseContext) throws -> JSONValue {
        let (bytes, decoder) = StreamingTextDecoder.utf8(try member.readAll())
        decoder.warnIfTranscoded(context)
        var parser = JSONParser()
        do {
            let value = try parseObject(bytes, parser: &parser)
            if parser.notes.duplicateKeys > 0 {
                context.warn(
                    "duplicate-key", "\(parser.notes.duplicateKeys) objects repeat a key; the last value is used",
                    locator: "")
            }
            if let message = parser.notes.repairMessage(base: Int64(objectStart(bytes))) {
                context.warn("invalid-text", message, locator: "")
            }
            return value
        } catch let error as JSONSyntaxError {
            UnparsedText.emit(
                bytes, offset: 0, reason: "the object is not valid JSON: \(error.reason) at byte \(error.offset)",
                locator: "byte 0", context: context)
            throw ParseError(locator: "byte \(error.offset)", "the object is not valid JSON: \(error.reason)")
        } catch let error as ParseError {
            UnparsedText.emit(bytes, offset: 0, reason: error.message, locator: "byte 0", context: context)
            throw error
        }
    }

    /// Where `parseObject` starts: the first `{`.
    private static func objectStart(_ bytes: [UInt8]) -> Int { bytes.firstIndex(of: UInt8(ascii: "{")) ?? 0 }

    /// The object after a JavaScript assignment prefix, with trailing spaces and `;` ignored.
    static func parseObject(_ bytes: [UInt8]) throws -> JSONValue {
        var parser = JSONParser()
        return try parseObject(bytes, parser: &parser)
    }

    private static func parseObject(_ bytes: [UInt8], parser: inout JSONParser) throws -> JSONValue {
        guard let start = bytes.firstIndex(of: UInt8(ascii: "{")) else {
            throw ParseError(
                locator: "byte 0",
                "no JSON object found – expected 'window.__THAR_CONFIG = { ... }' or 'var name = { ... }'")
        }
        var end = bytes.count
        while end > start, [0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ";")].contains(bytes[end - 1]) { end -= 1 }
        do {
            let value = try parser.parse(Array(bytes[start..<end]))
            return value
        } catch {
            throw JSONSyntaxError(offset: error.offset + start, reason: error.reason)
        }
    }

    /// The record inside an item: `{ "<key>": {...} }` (wrapped, 2019+) gives the inner object and the
    /// locator `/<index>/<key>`; an unwrapped object (2018-2020 root-level files) is used as it is.
    /// Anything else is warned as `unexpected-shape` and gives nil.
    public static func record(
        in item: JSONValue, key: String, locator: String, context: ParseContext
    ) -> (value: JSONValue, locator: String)? {
        if let inner = item[key], inner.object != nil { return (inner, locator + "/" + key) }
        if item.object != nil { return (item, locator) }
        context.warn("unexpected-shape", "element is not an object", locator: locator)
        return nil
    }

    /// Whether a Twitter parser with these patterns reads `path`; macOS zip debris (`__MACOSX/`,
    /// `._name` AppleDouble files) is never claimed.
    public static func claims(_ descriptor: ParserDescriptor, path: String) -> Bool {
        if isPlatformDebris(path) { return false }
        return descriptor.memberPatterns.contains { PathPattern.matches($0, path: path) }
    }

    /// `__MACOSX/...` and `._name` members that macOS adds to zips.
    public static func isPlatformDebris(_ path: String) -> Bool {
        if path.hasPrefix("__MACOSX/") || path.contains("/__MACOSX/") { return true }
        let name = path.split(separator: "/").last ?? Substring(path)
        return name.hasPrefix("._")
    }

    /// Media files the archive holds, by file name, from folders whose name ends in `_media`
    /// (`data/tweets_media/`, `data/tweet_media/`, `data/direct_messages_media/`, `data/profile_media/`...).
    /// Built once per member.
    public static func mediaFiles(in listing: ArchiveListing) -> [String: String] {
        var files: [String: String] = [:]
        for path in listing.paths where !isPlatformDebris(path) {
            let parts = path.split(separator: "/")
            guard parts.count >= 2, parts[parts.count - 2].hasSuffix("_media") else { continue }
            let name = String(parts[parts.count - 1])
            if files[name] == nil { files[name] = path }
        }
        return files
    }

    /// The last path component of a URL, without query or fragment
    /// (`https://pbs.twimg.com/media/X.jpg?x=1` → `X.jpg`).
    public static func urlFileName(_ url: String) -> String {
        var text = Substring(url)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        return String(text.split(separator: "/").last ?? "")
    }

    /// The text of an HTML fragment such as tweet `source` (`<a href="...">Twitter Web App</a>` → `Twitter Web App`),
    /// with entities decoded.
    public static func textOfHTML(_ html: String) -> String {
        // By bytes: `<` and `>` are ASCII, so cutting at them keeps the rest valid UTF-8 (and a
        // `<` followed by a combining mark still opens a tag, as in an HTML tokenizer).
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") && inTag {
                inTag = false
            } else if !inTag {
                output.append(byte)
            }
        }
        return HTMLEntities.decode(String(decoding: output, as: UTF8.self))
    }

    /// Replaces each short link by its expansion (`https://t.co/abc` → `https://example.com/page`), then
    /// decodes HTML entities. Pairs with an empty expansion are skipped.
    public static func expandedText(_ text: String, links: [(short: String, expanded: String)]) -> String {
        var result = text
        for link in links where !link.short.isEmpty && !link.expanded.isEmpty {
            result = replacingBytes(link.short, with: link.expanded, in: result)
        }
        return HTMLEntities.decode(result)
    }

    /// `text` with every occurrence of `target` replaced, matching UTF-8 bytes (a short link is ASCII;
    /// the generic `replacing` compared characters and was a tenth of a tweet's parse time).
    static func replacingBytes(_ target: String, with replacement: String, in text: String) -> String {
        let pattern = Array(target.utf8)
        let bytes = Array(text.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + replacement.utf8.count)
        var index = 0
        var replaced = false
        while index < bytes.count {
            if bytes[index] == first, index + pattern.count <= bytes.count,
                bytes[index..<index + pattern.count].elementsEqual(pattern)
            {
                output.append(contentsOf: replacement.utf8)
                index += pattern.count
                replaced = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return replaced ? String(decoding: output, as: UTF8.self) : text
    }

    /// Objects of an array value, with their index (non-objects skipped).
    static func objects(_ value: JSONValue?) -> [(Int, JSONValue)] {
        guard let items = value?.array else { return [] }
        return items.enumerated().filter { $0.element.object != nil }.map { ($0.offset, $0.element) }
    }
}
