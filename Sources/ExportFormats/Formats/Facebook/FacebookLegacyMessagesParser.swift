import CLibXML2
import EvidenceArchive
import EvidenceModel

/// Facebook's legacy single-file Messenger archive: `html/messages.htm` (about 2010-2017).
///
/// Shape: `<div class="contents"><h1>Owner Name</h1><div><div class="thread">Name A, Name B
/// <div class="message"><div class="message_header"><span class="user">Name</span><span class="meta">
/// Friday, October 4, 2013 at 10:05pm PDT</span></div></div><p>text</p> ...</div></div></div>`: the
/// participants are the thread's own text, each message's text is the `<p>` that follows its
/// `div.message`, newest first. Times are locale text (see `MetaHTMLTime`); an ambiguous, unknown or
/// missing zone gives a warning and a `.assumedUTC` time. Parsed with libxml2's HTML parser without
/// network access; a file that declares entities (`<!ENTITY`) is refused with a warning, never
/// expanded. Locators are libxml2 node paths (`/html/body/div[2]/div/div[1]/div[1]`). Emits the owner
/// (the `<h1>`), one account per participant, one `Conversation` per thread (key `messages.htm#N`) and
/// one `.message` per message.
public struct FacebookLegacyMessagesParser: FacebookExportParser {
    public static let descriptor = ParserDescriptor(
        identifier: "facebook.legacy-messages", displayName: "Facebook legacy HTML messages", platform: .facebook,
        version: 1, memberPatterns: ["html/messages.htm"],
        formatNotes:
            "Single html/messages.htm of the pre-2018 HTML archive; English date text with zone abbreviations.",
        knownLimits: "Names only, no ids. Dates in languages other than English are not read (warning per message). "
            + "Attachments in the legacy HTML are not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let bytes = try member.readAll()
        if containsEntityDeclaration(bytes) {
            context.warn(
                "entity-declaration", "the HTML declares entities; the member is refused, not expanded", locator: "")
            return
        }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "messages.htm", "UTF-8", options)
            }
        }
        guard let document else { throw ParseError(locator: "", "libxml2 could not read the HTML") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw ParseError(locator: "", "the HTML has no root element")
        }
        var owner: AccountKey?
        var threadIndex = 0
        walk(root) { node in
            let name = elementName(node)
            if name == "h1", owner == nil, let text = textContent(node) {
                owner = .handle(.facebook, text)
                context.emit(
                    .account(
                        Account(
                            key: owner!, displayName: text, isExportOwner: true,
                            provenance: context.provenance(nodePath(node)))))
                return false
            }
            if name == "div", hasClass(node, "thread") {
                threadIndex += 1
                readThread(node, index: threadIndex, context: context)
                return false
            }
            return true
        }
        if threadIndex == 0 { context.warn("missing-field", "no div.thread found", locator: "") }
    }

    private func readThread(_ thread: xmlNodePtr, index: Int, context: ParseContext) {
        let key = "messages.htm#\(index)"
        let threadLocator = nodePath(thread)
        var ownText = ""
        var child = thread.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                ownText += String(cString: content)
            }
            child = node.pointee.next
        }
        let names = ownText.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let participants = names.map { AccountKey.handle(.facebook, $0) }
        for (name, key) in zip(names, participants) {
            context.emit(.account(Account(key: key, displayName: name, provenance: context.provenance(threadLocator))))
        }
        context.emit(
            .conversation(
                Conversation(
                    platform: .facebook, key: key, title: names.joined(separator: ", "), participants: participants,
                    provenance: context.provenance(threadLocator))))
        child = thread.pointee.children
        while let node = child {
            defer { child = node.pointee.next }
            guard elementName(node) == "div", hasClass(node, "message") else { continue }
            let locator = nodePath(node)
            var user: String?
            var meta: String?
            walk(node) { inner in
                if elementName(inner) == "span", hasClass(inner, "user") { user = textContent(inner) }
                if elementName(inner) == "span", hasClass(inner, "meta") { meta = textContent(inner) }
                return true
            }
            var paragraph = node.pointee.next
            while let candidate = paragraph, candidate.pointee.type != XML_ELEMENT_NODE {
                paragraph = candidate.pointee.next
            }
            let text = paragraph.flatMap { elementName($0) == "p" ? textContent($0) : nil }
            var details: [Event.Detail] = []
            var time: Timestamp?
            if let meta {
                if let result = MetaHTMLTime.parse(meta) {
                    time = result.timestamp
                    if let problem = result.problem { context.warn("uncertain-zone", problem, locator: locator) }
                } else {
                    context.warn("bad-timestamp", "span.meta is not a time Casebook can read", locator: locator)
                    details.append(.init("timeText", meta))
                }
            } else {
                context.warn("missing-field", "message has no span.meta", locator: locator)
            }
            if user == nil { context.warn("missing-field", "message has no span.user", locator: locator) }
            context.emit(
                Event(
                    platform: .facebook, kind: .message, occurredAt: time, actor: user.map { .handle(.facebook, $0) },
                    conversationKey: key, text: text, details: details, provenance: context.provenance(locator)))
        }
    }

    private func containsEntityDeclaration(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!ENTITY".utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<start + needle.count]) == needle { return true }
        }
        return false
    }

    /// Depth-first over element children; `visit` returns whether to descend.
    private func walk(_ node: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, visit(current) { walk(current, visit) }
            child = current.pointee.next
        }
    }

    private func elementName(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    private func hasClass(_ node: xmlNodePtr, _ name: String) -> Bool {
        guard let value = xmlGetProp(node, "class") else { return false }
        defer { casebook_xmlFree(value) }
        return String(cString: value).split(separator: " ").contains { $0 == name }
    }

    private func textContent(_ node: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { casebook_xmlFree(content) }
        let text = String(cString: content).trimmingSpaces
        return text.isEmpty ? nil : text
    }

    private func nodePath(_ node: xmlNodePtr) -> String {
        guard let path = xmlGetNodePath(node) else { return "" }
        defer { casebook_xmlFree(path) }
        return String(cString: path)
    }
}
