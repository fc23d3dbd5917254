import CLibXML2
import EvidenceArchive
import EvidenceModel

/// One HTML page of a Meta export, parsed by libxml2's HTML parser (no network, no entity
/// expansion); freed when released.
final class MetaHTMLDocument {
    let document: htmlDocPtr
    let root: xmlNodePtr

    private init(document: htmlDocPtr, root: xmlNodePtr) {
        self.document = document
        self.root = root
    }

    deinit { xmlFreeDoc(document) }

    /// Parses `bytes`; nil when libxml2 finds no document or no root element.
    static func parse(_ bytes: [UInt8], name: String) -> MetaHTMLDocument? {
        guard !bytes.isEmpty else { return nil }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), name, "UTF-8", MetaHTMLPage.options)
            }
        }
        guard let document else { return nil }
        guard let root = xmlDocGetRootElement(document) else {
            xmlFreeDoc(document)
            return nil
        }
        return MetaHTMLDocument(document: document, root: root)
    }

    /// Reads a whole member into a tree, up to the in-memory limit. A page that declares entities
    /// (`<!ENTITY`) is refused with an `entity-declaration` warning and nil, never expanded; a page libxml2
    /// cannot read throws.
    static func read(_ member: ArchiveMember, context: ParseContext) throws -> MetaHTMLDocument? {
        let bytes = try member.readAll()
        if MetaHTML.containsEntityDeclaration(bytes) {
            warnEntityDeclaration(context)
            return nil
        }
        guard let document = parse(bytes, name: pageName(member)) else { throw unreadable }
        return document
    }

    static func warnEntityDeclaration(_ context: ParseContext) {
        context.warn(
            "entity-declaration", "the HTML declares entities; the member is refused, not expanded", locator: "")
    }

    /// The page's file name, which libxml2 keeps as the document's URL.
    static func pageName(_ member: ArchiveMember) -> String {
        member.path.split(separator: "/").last.map(String.init) ?? "page.html"
    }

    static var unreadable: ParseError { ParseError(locator: "", "libxml2 could not read the HTML") }
}

/// Structure-based reading of Meta's 2019+ HTML pages, whose CSS class names are generated and change
/// between exports (`_3-96 _2let` in 2019-2021, `_a6-g`/`_a6-p` since 2022), so nothing here looks at
/// class names.
///
/// - A **block** (one message, login, friend, post) is an element whose element children are a
///   heading (sender, action, name), optional body elements, and a last child whose text is a
///   `MetaHTMLTime` date (`Mar 01, 2024 10:15:02 am`); an element whose first child is an ISO 8601
///   time (Instagram login titles) is a block too. Blocks are not searched for nested blocks. An
///   element with more than `maxBlockElements` elements below it is a list, never a block, so that a
///   large page can be read without its tree (`MetaHTMLPage`).
/// - **Fields** are label/value pairs: table rows of two cells (`<td>IP Address</td><td>…</td>`), a
///   single cell with the label as its own text and the value in a child `<div>` (Instagram), or,
///   when a node holds no table rows, `Label: value` lines (2019-2021 security pages).
enum MetaHTML {
    /// One block found in a page.
    struct Block {
        var node: xmlNodePtr
        var heading: xmlNodePtr
        var body: [xmlNodePtr]
        /// The last child's text when it is a date.
        var dateText: String?
        /// The heading's text when it is an ISO 8601 time.
        var isoTime: Timestamp?
    }

    /// A label and its value in a page.
    struct Field {
        var label: String
        var value: String
        var node: xmlNodePtr
    }

    // MARK: - Nodes

    /// Depth-first over element descendants; `visit` returns whether to descend.
    static func walk(_ node: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, visit(current) { walk(current, visit) }
            child = current.pointee.next
        }
    }

    static func elementName(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { casebook_xmlFree(value) }
        let text = String(cString: value).trimmingSpaces
        return text.isEmpty ? nil : text
    }

    static func hasClass(_ node: xmlNodePtr, _ name: String) -> Bool {
        attribute(node, "class")?.split(separator: " ").contains { $0 == name } ?? false
    }

    /// All text below `node`, trimmed; nil when blank.
    static func textContent(_ node: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { casebook_xmlFree(content) }
        let text = String(cString: content).trimmingSpaces
        return text.isEmpty ? nil : text
    }

    /// The text nodes below `node`, each trimmed, blank ones dropped, joined by newlines; elements
    /// named in `skipping` (for example the `ul` of reactions) are left out.
    static func lines(_ node: xmlNodePtr, skipping: Set<String> = []) -> String? {
        var parts: [String] = []
        func collect(_ current: xmlNodePtr) {
            var child = current.pointee.children
            while let node = child {
                if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                    let text = String(cString: content).trimmingSpaces
                    if !text.isEmpty { parts.append(text) }
                } else if node.pointee.type == XML_ELEMENT_NODE, !skipping.contains(elementName(node) ?? "") {
                    collect(node)
                }
                child = node.pointee.next
            }
        }
        collect(node)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// The text of `node`'s own text children (not its elements), trimmed.
    static func ownText(_ node: xmlNodePtr) -> String? {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                text += String(cString: content)
            }
            child = current.pointee.next
        }
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    /// libxml2's node path (`/html/body/div[2]/div[1]`), the locator of HTML records.
    ///
    /// The path is `xmlGetNodePath`'s, byte for byte, but found in time linear in the page. libxml2 numbers
    /// an element among its same-named siblings by walking them all, on every call: a followers page of
    /// 400,000 entries, one `div` each below one parent, took hours (20,000 took 5 s, 40,000 took 47 s).
    /// Here the numbers of a parent's children are found in one pass, the first time one is asked for, and
    /// kept in the children's `_private` field (application data, unused by libxml2's HTML parser, freed
    /// with the tree). A node libxml2 would name otherwise (not an element, or in a namespace, or below
    /// such a node) takes `xmlGetNodePath` itself.
    static func nodePath(_ node: xmlNodePtr) -> String {
        var parts: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE, element.pointee.ns == nil,
            let name = element.pointee.name
        {
            let occurrence = siblingNumber(element)
            parts.append(occurrence == 0 ? "/" + String(cString: name) : "/\(String(cString: name))[\(occurrence)]")
            current = element.pointee.parent
        }
        guard let top = current, top.pointee.type == XML_HTML_DOCUMENT_NODE || top.pointee.type == XML_DOCUMENT_NODE,
            !parts.isEmpty
        else { return libxml2NodePath(node) }
        return parts.reversed().joined()
    }

    /// `xmlGetNodePath` itself.
    static func libxml2NodePath(_ node: xmlNodePtr) -> String {
        guard let path = xmlGetNodePath(node) else { return "" }
        defer { casebook_xmlFree(path) }
        return String(cString: path)
    }

    /// An element's number among its parent's elements of the same name and no namespace, from 1, as
    /// `xmlGetNodePath` gives it; 0 when it is the only one.
    private static func siblingNumber(_ element: xmlNodePtr) -> Int {
        if let known = NodeNotes.number(element) { return known }
        var counts: [String: Int] = [:]
        var sameNamed: [(node: xmlNodePtr, name: String)] = []
        var cursor: xmlNodePtr? = element.pointee.parent?.pointee.children ?? element
        while let current = cursor {
            if current.pointee.type == XML_ELEMENT_NODE, current.pointee.ns == nil, let name = current.pointee.name {
                let text = String(cString: name)
                counts[text, default: 0] += 1
                sameNamed.append((current, text))
            }
            cursor = current.pointee.next
        }
        var seen: [String: Int] = [:]
        for entry in sameNamed {
            seen[entry.name, default: 0] += 1
            NodeNotes.set(entry.node, number: counts[entry.name] == 1 ? 0 : seen[entry.name]!)
        }
        return NodeNotes.number(element) ?? 0
    }

    /// What Casebook notes about an element, kept in its `_private` field (application data, unused by
    /// libxml2's HTML parser, freed with the tree) as bits: 1 = number known, 2 = list flag known,
    /// 4 = list, and the sibling number from bit 3.
    enum NodeNotes {
        static func number(_ node: xmlNodePtr) -> Int? {
            let bits = Int(bitPattern: node.pointee._private)
            return bits & 1 == 0 ? nil : bits >> 3
        }

        static func list(_ node: xmlNodePtr) -> Bool? {
            let bits = Int(bitPattern: node.pointee._private)
            return bits & 2 == 0 ? nil : bits & 4 != 0
        }

        static func set(_ node: xmlNodePtr, number: Int? = nil, list: Bool? = nil) {
            var bits = Int(bitPattern: node.pointee._private)
            if let number { bits = bits & 6 | number << 3 | 1 }
            if let list { bits = bits & ~6 | 2 | (list ? 4 : 0) }
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: bits)
        }
    }

    /// The first element named `name` below `node`.
    static func first(_ name: String, in node: xmlNodePtr) -> xmlNodePtr? {
        var found: xmlNodePtr?
        walk(node) { current in
            if found != nil { return false }
            if elementName(current) == name {
                found = current
                return false
            }
            return true
        }
        return found
    }

    static func containsEntityDeclaration(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
        let needle = Array("<!ENTITY".utf8)
        guard bytes.count >= needle.count else { return false }
        var start = bytes.startIndex
        let last = bytes.index(bytes.endIndex, offsetBy: -needle.count)
        while start <= last {
            if bytes[start] == needle[0],
                bytes[start..<bytes.index(start, offsetBy: needle.count)].elementsEqual(needle)
            {
                return true
            }
            start = bytes.index(after: start)
        }
        return false
    }

    // MARK: - Structure

    /// More elements than this below an element make it a list, never a block. A block is one
    /// message, login or post: tens of elements.
    static let maxBlockElements = 10_000

    /// The blocks of a page, in document order.
    static func blocks(in root: xmlNodePtr) -> [Block] {
        var result: [Block] = []
        forEachBlock(below: root) { result.append($0) }
        return result
    }

    /// Calls `body` with each block below `node`, in document order.
    static func forEachBlock(below node: xmlNodePtr, _ body: (Block) -> Void) {
        walk(node) { current in
            guard let found = block(current) else { return true }
            body(found)
            return false
        }
    }

    /// Calls `body` with `node` when it is a block, else with each block below it.
    static func forEachBlock(at node: xmlNodePtr, _ body: (Block) -> Void) {
        if let found = block(node) { body(found) } else { forEachBlock(below: node, body) }
    }

    /// `node` as a block, or nil when it is not one.
    static func block(_ node: xmlNodePtr) -> Block? {
        guard let name = elementName(node), name != "tr", name != "table", name != "tbody" else { return nil }
        let children = elementChildren(node)
        guard children.count >= 2, let heading = children.first, let last = children.last else { return nil }
        let headingText = textContent(heading)
        let isoTime = headingText.flatMap { text -> Timestamp? in
            guard text.count <= 40, text.first?.isNumber == true else { return nil }
            return TimestampParsing.iso8601(text)
        }
        if let text = textContent(last), text.count <= 64, MetaHTMLTime.parse(text) != nil {
            guard !isList(node) else { return nil }
            return Block(
                node: node, heading: heading, body: Array(children.dropFirst().dropLast()), dateText: text,
                isoTime: isoTime)
        }
        if isoTime != nil {
            guard !isList(node) else { return nil }
            return Block(node: node, heading: heading, body: Array(children.dropFirst()), isoTime: isoTime)
        }
        return nil
    }

    /// Whether more than `maxBlockElements` elements lie below `node`; counted once and noted.
    static func isList(_ node: xmlNodePtr) -> Bool {
        if let known = NodeNotes.list(node) { return known }
        var elements = 0
        func exceeds(below current: xmlNodePtr) -> Bool {
            var child = current.pointee.children
            while let next = child {
                if next.pointee.type == XML_ELEMENT_NODE {
                    elements += 1
                    if elements > maxBlockElements || exceeds(below: next) { return true }
                }
                child = next.pointee.next
            }
            return false
        }
        let list = exceeds(below: node)
        NodeNotes.set(node, list: list)
        return list
    }

    /// The label/value fields below `node`, in document order.
    static func fields(in node: xmlNodePtr) -> [Field] {
        var result: [Field] = []
        var sawRow = false
        walk(node) { current in
            guard elementName(current) == "tr" else { return true }
            sawRow = true
            let cells = elementChildren(current).filter { ["td", "th"].contains(elementName($0) ?? "") }
            if cells.count >= 2, let label = textContent(cells[0]), let value = lines(cells[1]) {
                result.append(Field(label: trimLabel(label), value: value, node: current))
            } else if cells.count == 1, let label = ownText(cells[0]) {
                let values = elementChildren(cells[0]).compactMap { lines($0) }
                if !values.isEmpty {
                    result.append(Field(label: trimLabel(label), value: values.joined(separator: "\n"), node: current))
                }
            }
            return false
        }
        guard !sawRow else { return result }
        func line(_ current: xmlNodePtr) -> Bool {
            guard elementChildren(current).isEmpty, let text = textContent(current),
                let colon = text.firstRange(of: ": ")
            else { return true }
            let label = String(text[..<colon.lowerBound]).trimmingSpaces
            let value = String(text[colon.upperBound...]).trimmingSpaces
            if !label.isEmpty, label.count <= 40, !value.isEmpty {
                result.append(Field(label: label, value: value, node: current))
            }
            return false
        }
        if elementChildren(node).isEmpty {
            _ = line(node)
        } else {
            walk(node, line)
        }
        return result
    }

    private static func trimLabel(_ label: String) -> String {
        var text = label
        while text.hasSuffix(":") { text.removeLast() }
        return text.trimmingSpaces
    }

    /// Fields as an Instagram-style `string_map_data` object (`{label: {"value": value}}`), so that
    /// the label table and the JSON parsers' record building read HTML fields unchanged.
    static func labelMap(_ fields: [Field]) -> JSONValue {
        .object(
            JSONObject(
                members: fields.map {
                    JSONObject.Member(
                        key: $0.label,
                        value: .object(JSONObject(members: [.init(key: "value", value: .string($0.value))])))
                }))
    }

    /// The field whose label is the one `InstagramLabels` knows for `field`.
    static func field(_ fields: [Field], _ field: InstagramLabels.Field) -> Field? {
        guard let label = InstagramLabels.entry(labelMap(fields), field)?.label else { return nil }
        return fields.first { $0.label == label }
    }

    /// The page's `<title>`.
    static func title(_ root: xmlNodePtr) -> String? {
        first("title", in: root).flatMap(textContent)
    }

    /// `href`/`src` references below `node`: media (`img`, `video`, `audio` `src`) first, then links
    /// (`a href`, often wrapping the same media), each with the element name.
    static func references(in node: xmlNodePtr) -> [(element: String, value: String)] {
        var media: [(String, String)] = []
        var links: [(String, String)] = []
        walk(node) { current in
            guard let name = elementName(current) else { return true }
            if name == "a", let href = attribute(current, "href") { links.append((name, href)) }
            if ["img", "video", "audio", "source"].contains(name), let source = attribute(current, "src") {
                media.append((name, source))
            }
            return true
        }
        return media + links
    }
}

/// Reads the times of one HTML page through `MetaHTMLTime`: an ambiguous or unknown zone gives an
/// `uncertain-zone` warning at the record, times without any zone (the norm since 2019) one
/// `uncertain-zone` warning per member, unreadable times a `bad-timestamp` warning.
final class MetaHTMLTimes {
    private let context: ParseContext
    private var withoutZone = 0

    init(context: ParseContext) { self.context = context }

    func parse(_ raw: String?, field: String, locator: String) -> Timestamp? {
        guard let raw else { return nil }
        guard let result = MetaHTMLTime.parse(raw) else {
            context.warn("bad-timestamp", "\(field) is not a time Casebook can read", locator: locator)
            return nil
        }
        if let problem = result.problem {
            if problem.contains("has no zone") {
                withoutZone += 1
            } else {
                context.warn("uncertain-zone", problem, locator: locator)
            }
        }
        return result.timestamp
    }

    /// Writes the per-member warning for times without a zone.
    func finish() {
        guard withoutZone > 0 else { return }
        context.warn(
            "uncertain-zone", "\(withoutZone) times in this page have no zone; they are read as UTC", locator: "")
    }
}
