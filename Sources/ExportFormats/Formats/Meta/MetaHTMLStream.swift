import CLibXML2
import EvidenceArchive
import EvidenceModel

/// The blocks of a Meta HTML page, for the parsers of list pages (followers, friends, logins, security
/// events, posts), without holding the page's tree when the page is large.
///
/// A page up to `streamingThreshold` bytes is parsed whole into a tree, as every HTML parser does. A
/// larger page (an Instagram followers page of 400,000 entries is 88 MB, and its tree took 1.4 GB) is read
/// in two passes; between them its bytes are held deflated (`DeflatedBytes`, about a tenth of the page):
///
/// 1. **Shape**, as the member arrives. libxml2's push parser with only element callbacks, no tree, notes for
///    every element, in document order, its number among its same-named siblings as `xmlGetNodePath` writes
///    it (0 when it is the only one, which is known only once its parent closes), and whether it is a list
///    (more than `MetaHTML.maxBlockElements` elements below it, so never a block).
/// 2. **Blocks.** The push parser builds the tree from the inflated bytes, and each element gets its notes as
///    it starts. After each chunk, the finished children of every open list element are searched for blocks,
///    handed to the parser, and freed. What is left when the page ends is searched as a whole page is.
///
/// Both ways give the same blocks in the same order, with the same locators: a list is never a block,
/// and a block lies wholly inside one finished child of a list or in what is left at the end.
final class MetaHTMLPage {
    /// Pages larger than this are read in two passes without their tree.
    static let streamingThreshold = 16 << 20

    /// Bytes handed to libxml2's push parser at a time.
    static let chunkSizeDefault = 256 << 10
    var chunkSize: Int

    private let name: String
    /// The page's tree, for a page read whole.
    private let document: MetaHTMLDocument?
    /// The page's bytes and the notes of pass 1, for a page read in two passes.
    private let deflated: DeflatedBytes?
    private let notes: [UInt32]
    /// Whether libxml2 started different elements in the two passes of a large page.
    private(set) var mismatched = false

    /// Reads `member`: nil when the page declares entities (warned, never expanded). A page up to
    /// `streamingThreshold` bytes (which stays below the in-memory limit) is parsed now, and throws when
    /// libxml2 finds no document; a larger one goes through pass 1 now, deflated, and pass 2 in `walk`.
    static func open(
        _ member: ArchiveMember, context: ParseContext, streamingThreshold: Int = streamingThreshold,
        chunkSize: Int = chunkSizeDefault
    ) throws -> MetaHTMLPage? {
        let start = try member.readHead(over: streamingThreshold)
        var head = start.bytes
        let ended = start.ended
        let name = MetaHTMLDocument.pageName(member)
        if ended {
            if MetaHTML.containsEntityDeclaration(head) {
                MetaHTMLDocument.warnEntityDeclaration(context)
                return nil
            }
            return try MetaHTMLPage(head, name: name, streamingThreshold: .max, chunkSize: chunkSize)
        }
        let reader = FirstPass(name: name, chunkSize: chunkSize)
        head.withUnsafeBytes { reader.take($0) }
        head = []
        let limit = member.inMemoryLimit
        while let chunk = try member.nextChunk() {
            reader.take(chunk)
            if Int64(reader.deflated.data.count) > limit {
                throw ParseError(
                    locator: "offset \(reader.deflated.count)",
                    "the page does not fit in memory even deflated (over \(limit) bytes, the in-memory limit)")
            }
        }
        guard let (deflated, notes) = reader.finish() else {
            MetaHTMLDocument.warnEntityDeclaration(context)
            return nil
        }
        return MetaHTMLPage(name: name, deflated: deflated, notes: notes, chunkSize: chunkSize)
    }

    /// `bytes` as a page: read whole up to `streamingThreshold` bytes, else in two passes. The caller has
    /// refused a page that declares entities (`open` does).
    init(_ bytes: [UInt8], name: String, streamingThreshold: Int, chunkSize: Int = chunkSizeDefault) throws {
        self.name = name
        self.chunkSize = chunkSize
        if bytes.count > streamingThreshold {
            let reader = FirstPass(name: name, chunkSize: chunkSize)
            bytes.withUnsafeBytes { reader.take($0) }
            let (deflated, notes) = reader.finish() ?? (DeflatedBytes(), [])
            self.deflated = deflated
            self.notes = notes
            document = nil
        } else {
            guard let document = MetaHTMLDocument.parse(bytes, name: name) else { throw MetaHTMLDocument.unreadable }
            self.document = document
            deflated = nil
            notes = []
        }
    }

    private init(name: String, deflated: DeflatedBytes, notes: [UInt32], chunkSize: Int) {
        self.name = name
        self.deflated = deflated
        self.notes = notes
        self.chunkSize = chunkSize
        document = nil
    }

    /// Pass 1 over a large page as it arrives: its shape, its bytes deflated, and whether it declares
    /// entities (then it is refused, as a page read whole is).
    private final class FirstPass {
        let shape: MetaHTMLShape
        let deflated = DeflatedBytes()
        private var declaresEntities = false
        /// The last bytes seen, so that `<!ENTITY` split between two chunks is found.
        private var carry: [UInt8] = []

        init(name: String, chunkSize: Int) { shape = MetaHTMLShape(name: name, chunkSize: chunkSize) }

        func take(_ bytes: UnsafeRawBufferPointer) {
            if !declaresEntities {
                declaresEntities =
                    MetaHTML.containsEntityDeclaration(carry + bytes.prefix(8))
                    || MetaHTML.containsEntityDeclaration(bytes)
                carry = Array((carry + bytes.suffix(8)).suffix(8))
            }
            deflated.append(bytes)
            shape.feed(bytes)
        }

        /// The deflated bytes and the notes; nil when the page declares entities.
        func finish() -> (DeflatedBytes, [UInt32])? {
            deflated.finish()
            let notes = shape.finish()
            return declaresEntities ? nil : (deflated, notes)
        }
    }

    /// Calls `body` with each block of the page, in document order; the block's nodes live only during the
    /// call. Returns the number of blocks. A page with none is warned `missing-field` with `ifNone`, when
    /// given, after the walk's own warnings (each list parser names what its blocks are).
    @discardableResult
    func forEachBlock(context: ParseContext? = nil, ifNone: String? = nil, _ body: (MetaHTML.Block) -> Void) throws -> Int {
        var count = 0
        try withoutActuallyEscaping(body) { body in
            let visit: (MetaHTML.Block) -> Void = { block in
                count += 1
                body(block)
            }
            try walk(
                context: context,
                release: { _, child, _ in
                    if child.pointee.type == XML_ELEMENT_NODE { MetaHTML.forEachBlock(at: child, visit) }
                    return true
                },
                finish: { MetaHTML.forEachBlock(below: $0, visit) })
        }
        if count == 0, let ifNone, let context { context.warn("missing-field", ifNone, locator: "") }
        return count
    }

    /// Walks the page. A page read whole goes to `finish` with its root. A page over the threshold is read in
    /// two passes: after each chunk, `release` is offered the finished children of every open list element,
    /// outermost first and each list's in document order, with their parent and whether a finished element
    /// follows them; it says whether the child may be freed (false keeps it, and everything after it, until
    /// the next chunk). `finish` then gets the root, with what was not freed, when the page ends. Warns
    /// `unexpected-shape` when libxml2's two passes disagree.
    func walk(
        context: ParseContext? = nil, release: (_ parent: xmlNodePtr, _ child: xmlNodePtr, _ followed: Bool) -> Bool,
        finish: (xmlNodePtr) -> Void
    ) throws {
        if let document {
            withExtendedLifetime(document) { finish(document.root) }
            return
        }
        guard let deflated else { return }
        let tree = MetaHTMLPrunedTree(notes: notes)
        try tree.parse(
            name: name, source: { deflated.forEachChunk(size: chunkSize, $0) }, chunkSize: chunkSize,
            release: release, finish: finish)
        mismatched = tree.mismatched
        if mismatched, let context { Self.warnMismatch(context) }
    }

    static func warnMismatch(_ context: ParseContext) {
        context.warn(
            "unexpected-shape",
            "libxml2 read this page's elements differently in its two passes; locators may be off by a sibling",
            locator: "")
    }

    /// libxml2's HTML options for every page: no network, no error output.
    static var options: Int32 {
        Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
    }

    /// A push parser for a page, with `handler` and `userData`, or nil when libxml2 cannot make one.
    static func pushParser(
        name: String, handler: inout htmlSAXHandler, userData: UnsafeMutableRawPointer?
    ) -> htmlParserCtxtPtr? {
        guard let parser = htmlCreatePushParserCtxt(&handler, userData, nil, 0, name, XML_CHAR_ENCODING_UTF8)
        else { return nil }
        _ = htmlCtxtUseOptions(parser, options)
        return parser
    }

    /// Feeds `bytes` to `parser` in pieces of at most `chunkSize` bytes, calling `afterChunk` after each.
    static func feed(
        _ parser: htmlParserCtxtPtr, _ bytes: UnsafeRawBufferPointer, chunkSize: Int,
        afterChunk: (htmlParserCtxtPtr) -> Void = { _ in }
    ) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
        var offset = 0
        while offset < bytes.count {
            let count = min(max(chunkSize, 1), bytes.count - offset)
            // libxml2 2.9's push parser resumes its search for a tag's `>` where the last chunk ended but
            // forgets whether that was inside a quoted attribute value; from there every `">` looks quoted, and
            // nothing more is parsed until the page ends. Searching again from the tag's start costs a rescan
            // of one tag.
            parser.pointee.checkIndex = 0
            _ = htmlParseChunk(parser, base + offset, Int32(count), 0)
            afterChunk(parser)
            offset += count
        }
    }
}

/// Pass 1 of `MetaHTMLPage`: each element's sibling number and list flag, in document order, from
/// libxml2's element events alone.
final class MetaHTMLShape {
    /// Per element in document order: its sibling number (as `xmlGetNodePath` writes it, 0 when it has no
    /// same-named sibling) shifted left by one, and 1 when it is a list (`MetaHTML.maxBlockElements`).
    private(set) var notes: [UInt32] = []

    private struct Open {
        var ordinal: Int
        var elements = 0
        var names: [String: (first: Int, count: UInt32)] = [:]
    }

    /// The open elements, below a stand-in for the document.
    private var stack = [Open(ordinal: -1)]
    private var parser: htmlParserCtxtPtr?
    /// libxml2 stops building a tree past this many open elements, so pass 1 stops there too.
    private let maxDepth = Int(casebook_xmlParserMaxDepth())

    private let chunkSize: Int
    private var handler = htmlSAXHandler()

    /// A pass over a page whose bytes come through `feed`.
    init(name: String, chunkSize: Int) {
        self.chunkSize = chunkSize
        handler.startElement = { user, name, _ in
            guard let user, let name else { return }
            Unmanaged<MetaHTMLShape>.fromOpaque(user).takeUnretainedValue().started(String(cString: name))
        }
        handler.endElement = { user, _ in
            guard let user else { return }
            Unmanaged<MetaHTMLShape>.fromOpaque(user).takeUnretainedValue().ended()
        }
        parser = MetaHTMLPage.pushParser(
            name: name, handler: &handler, userData: Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { if let parser { htmlFreeParserCtxt(parser) } }

    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let parser else { return }
        withExtendedLifetime(self) { MetaHTMLPage.feed(parser, bytes, chunkSize: chunkSize) }
    }

    /// Ends the page and returns the notes.
    func finish() -> [UInt32] {
        if let parser {
            withExtendedLifetime(self) { _ = htmlParseChunk(parser, nil, 0, 1) }
            htmlFreeParserCtxt(parser)
            self.parser = nil
        }
        while stack.count > 1 { ended() }
        close(stack[0])
        stack = []
        return notes
    }

    private func started(_ name: String) {
        // Pass 2's tree builder halts the parser on an element this deep (`nodePush`).
        if stack.count - 1 > maxDepth, let parser {
            xmlStopParser(parser)
            return
        }
        let ordinal = notes.count
        let top = stack.count - 1
        var number: UInt32 = 1
        if var entry = stack[top].names[name] {
            entry.count += 1
            number = entry.count
            stack[top].names[name] = entry
        } else {
            stack[top].names[name] = (ordinal, 1)
        }
        notes.append(number << 1)
        stack.append(Open(ordinal: ordinal))
    }

    private func ended() {
        guard stack.count > 1 else { return }
        let open = stack.removeLast()
        close(open)
        stack[stack.count - 1].elements += open.elements + 1
    }

    private func close(_ open: Open) {
        for entry in open.names.values where entry.count == 1 { notes[entry.first] &= 1 }
        if open.ordinal >= 0, open.elements > MetaHTML.maxBlockElements { notes[open.ordinal] |= 1 }
    }
}

/// Pass 2 of `MetaHTMLPage`: the tree, built by libxml2's push parser, with each element's notes from
/// pass 1 and the finished children of open lists searched and freed after each chunk.
final class MetaHTMLPrunedTree {
    private let notes: [UInt32]
    private var next = 0
    /// Whether libxml2 started different elements in the two passes.
    private(set) var mismatched = false

    init(notes: [UInt32]) { self.notes = notes }

    /// Parses `bytes`, offering finished children to `release` after each chunk (see `MetaHTMLPage.walk`),
    /// then the root to `finish`.
    func parse(
        name: String, source: ((UnsafeRawBufferPointer) -> Void) -> Void, chunkSize: Int,
        release: (_ parent: xmlNodePtr, _ child: xmlNodePtr, _ followed: Bool) -> Bool, finish: (xmlNodePtr) -> Void
    ) throws {
        var handler = xmlSAXHandler()
        xmlSAX2InitHtmlDefaultSAXHandler(&handler)
        handler.startElement = { context, name, attributes in
            xmlSAX2StartElement(context, name, attributes)
            // A parser halted by the element (too deep) has not added it.
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), parser.pointee.disableSAX == 0,
                let state = parser.pointee._private
            else { return }
            Unmanaged<MetaHTMLPrunedTree>.fromOpaque(state).takeUnretainedValue().started(parser.pointee.node)
        }
        guard let parser = MetaHTMLPage.pushParser(name: name, handler: &handler, userData: nil) else {
            throw MetaHTMLDocument.unreadable
        }
        defer { htmlFreeParserCtxt(parser) }
        parser.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        withExtendedLifetime(self) {
            withoutActuallyEscaping(release) { release in
                source { bytes in
                    MetaHTMLPage.feed(parser, bytes, chunkSize: chunkSize) { Self.release($0, release) }
                }
            }
            _ = htmlParseChunk(parser, nil, 0, 1)
        }
        guard let document = parser.pointee.myDoc else { throw MetaHTMLDocument.unreadable }
        parser.pointee.myDoc = nil
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw MetaHTMLDocument.unreadable }
        if next != notes.count { mismatched = true }
        finish(root)
    }

    private func started(_ node: xmlNodePtr?) {
        let ordinal = next
        next += 1
        guard let node, node.pointee.type == XML_ELEMENT_NODE, node.pointee._private == nil, ordinal < notes.count
        else {
            mismatched = true
            return
        }
        let note = notes[ordinal]
        MetaHTML.NodeNotes.set(node, number: Int(note >> 1), list: note & 1 == 1)
    }

    /// Offers the finished children of each open list to `release`, outermost first, and frees those it lets
    /// go: in document order, each list's finished children come before the open child that leads to the
    /// next list. A list's ancestors are lists; below the first element that is not one, nothing is.
    private static func release(
        _ parser: htmlParserCtxtPtr, _ release: (xmlNodePtr, xmlNodePtr, Bool) -> Bool
    ) {
        let depth = Int(parser.pointee.nodeNr)
        guard let stack = parser.pointee.nodeTab else { return }
        for level in 0..<depth {
            guard let open = stack[level], MetaHTML.NodeNotes.list(open) == true else { return }
            let openChild = level + 1 < depth ? stack[level + 1] : nil
            var child = open.pointee.children
            while let current = child, current != openChild {
                child = current.pointee.next
                var after = child
                while let sibling = after, sibling != openChild, sibling.pointee.type != XML_ELEMENT_NODE {
                    after = sibling.pointee.next
                }
                guard release(open, current, after != nil && after != openChild) else { return }
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            }
        }
    }
}
