import EvidenceArchive

extension MetaJSON {
    /// Members up to this many bytes are read whole (`read`, then `items`); a larger one is read item by
    /// item as it arrives when its list is the root array or the first member of the root object.
    public static let streamingThreshold = 16 << 20
    /// The largest item of a streamed list.
    static let maxItemBytes = 64 << 20

    /// Calls `body` with each item of a member's record list, its locator (`/index`, or `/key/index`) and
    /// the list's key (`""` for a root array): what `read` and `items(in:keys:)` give, without holding a
    /// large member.
    ///
    /// Meta caps message files, but not every list: an Instagram account with 800,000 followers writes a
    /// 162 MB `followers_1.json`, which read whole took 844 MB, and over 256 MiB could not be read at all.
    /// A member over `threshold` bytes whose head is `[` or `{ "key" : [`, in UTF-8, is split with
    /// `JSONArrayStream`: an item that is not valid JSON costs that item only (`invalid-json` with its member
    /// byte, its raw text kept), an item over 64 MiB is `element-too-large`, and anything after the list but
    /// the object's closing brace is warned `unexpected-shape` (a list that is the object's only member is
    /// the one `items(in:keys:)` chooses, whatever `keys` says). Any other member is read whole, as before, up
    /// to the in-memory limit.
    ///
    /// With `everyList`, a member read whole gives the items of every list member of its root object, in
    /// order, and a root that is not an object fails with `missing`, streamed or not (Facebook's friends and
    /// followers files, which a parser reads list by list).
    ///
    /// With `singleItemKey`, a root object holding an array under that key is itself the one item, at
    /// locator `""`, and is read whole (an Instagram `posts_1.json` of one post: `{"media": [...]}`).
    ///
    /// - Throws: `ParseError` when a member read whole holds no list (`missing` says which), or is not JSON.
    public static func forEachItem(
        in member: ArchiveMember, context: ParseContext, keys: [String] = [], everyList: Bool = false,
        singleItemKey: String? = nil, missing: String, threshold: Int = streamingThreshold,
        _ body: (JSONValue, String, String) throws -> Void
    ) throws {
        let start = try member.readHead(over: threshold)
        var head = start.bytes
        let ended = start.ended
        let list = ended ? nil : streamableList(head)
        guard let (listKey, listStart) = list, singleItemKey == nil || listKey != singleItemKey else {
            if !ended { try member.readRest(appendingTo: &head) }
            let root = try read(bytes: head, context: context)
            if let singleItemKey, root[singleItemKey]?.array != nil {
                try body(root, "", "")
                return
            }
            if everyList {
                guard let object = root.object else { throw ParseError(locator: "", missing) }
                for list in object.members {
                    guard let items = list.value.array else { continue }
                    for (index, item) in items.enumerated() { try body(item, "/\(escape(list.key))/\(index)", list.key) }
                }
                return
            }
            guard let (items, prefix, key) = items(in: root, keys: keys) else { throw ParseError(locator: "", missing) }
            for (index, item) in items.enumerated() { try body(item, "\(prefix)/\(index)", key) }
            return
        }
        if everyList, listKey.isEmpty { throw ParseError(locator: "", missing) }
        let prefix = listKey.isEmpty ? "" : "/" + escape(listKey)
        // The stream is fed from the list's `[`: its offsets count from there, `base` in the member.
        let base = Int64(listStart)
        // What follows the list is kept to check that only the object's `}` does.
        var stream = JSONArrayStream(maxElementBytes: maxItemBytes, maxTrailingBytes: 4096)
        var reader = JSONItemReader(context: context, noun: "list item")
        func feed(_ bytes: UnsafeRawBufferPointer) throws {
            try stream.feed(
                bytes,
                onElement: { index, offset, element in
                    let locator = "\(prefix)/\(index)"
                    if let item = reader.parse(element, offset: base + offset, locator: locator) { try body(item, locator, listKey) }
                },
                onOversized: { index, offset, size in
                    reader.warnOversized(size: size, offset: base + offset, limit: maxItemBytes, locator: "\(prefix)/\(index)")
                })
        }
        try head.withUnsafeBytes { try feed(UnsafeRawBufferPointer(rebasing: $0[listStart...])) }
        head = []
        while let chunk = try member.nextChunk() { try feed(chunk) }
        if !stream.isComplete {
            context.warn(
                "truncated", "the list has no closing ']'; \(stream.count) items were read", locator: "byte \(base + stream.offset)")
            if let (index, offset, bytes) = stream.unfinishedElement {
                reader.keepUnfinished(bytes, offset: base + offset, locator: "\(prefix)/\(index)")
            }
        } else {
            let rest = stream.trailingBytes.filter { !isSpace($0) }
            if rest != (listKey.isEmpty ? [] : [UInt8(ascii: "}")]) {
                context.warn(
                    "unexpected-shape", "the member holds more after its list (from byte \(base + (stream.endOffset ?? 0))); it is not read",
                    locator: "")
            }
        }
        reader.warnNotes()
    }

    /// The list key and the offset of its `[` when `head` (the first bytes of a member) opens a list that can be
    /// streamed: `""` for a root array, the key for `{ "key" : [`; nil otherwise (not UTF-8 without NULs, or
    /// another shape). The
    /// key need not be one of the parser's `keys`: when the list is the object's only member (the member
    /// ends with `}` after it), `items(in:keys:)` chooses it too, and when it is not, the rest is warned.
    static func streamableList(_ head: [UInt8]) -> (key: String, start: Int)? {
        guard !head.prefix(4).contains(0), head.first != 0xFE, head.first != 0xFF else { return nil }  // UTF-16/32
        var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skip() { while index < head.count, isSpace(head[index]) { index += 1 } }
        skip()
        guard index < head.count else { return nil }
        if head[index] == UInt8(ascii: "[") { return ("", index) }
        guard head[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skip()
        let found: String? = head.withUnsafeBufferPointer { bytes in
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""),
                let end = JSONMemberScanner.endOfValue(index, bytes)
            else { return nil }
            var keyParser = JSONParser()
            let key = (try? keyParser.parse(UnsafeBufferPointer(rebasing: bytes[index..<end])))?.string
            index = end
            return key
        }
        guard let key = found else { return nil }
        skip()
        guard index < head.count, head[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skip()
        guard index < head.count, head[index] == UInt8(ascii: "[") else { return nil }
        return (key, index)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}
