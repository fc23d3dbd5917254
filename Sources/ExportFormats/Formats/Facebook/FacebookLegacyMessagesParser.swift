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
        guard let page = try MetaHTMLDocument.read(member, context: context) else { return }
        defer { withExtendedLifetime(page) {} }
        let root = page.root
        var owner: AccountKey?
        var threadIndex = 0
        MetaHTML.walk(root) { node in
            let name = MetaHTML.elementName(node)
            if name == "h1", owner == nil, let text = MetaHTML.textContent(node) {
                owner = .handle(.facebook, text)
                context.emit(
                    .account(
                        Account(
                            key: owner!, displayName: text, isExportOwner: true,
                            provenance: context.provenance(MetaHTML.nodePath(node)))))
                return false
            }
            if name == "div", MetaHTML.hasClass(node, "thread") {
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
        let threadLocator = MetaHTML.nodePath(thread)
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
            guard MetaHTML.elementName(node) == "div", MetaHTML.hasClass(node, "message") else { continue }
            let locator = MetaHTML.nodePath(node)
            var user: String?
            var meta: String?
            MetaHTML.walk(node) { inner in
                guard MetaHTML.elementName(inner) == "span" else { return true }
                if MetaHTML.hasClass(inner, "user") { user = MetaHTML.textContent(inner) }
                if MetaHTML.hasClass(inner, "meta") { meta = MetaHTML.textContent(inner) }
                return true
            }
            var paragraph = node.pointee.next
            while let candidate = paragraph, candidate.pointee.type != XML_ELEMENT_NODE {
                paragraph = candidate.pointee.next
            }
            let text = paragraph.flatMap { MetaHTML.elementName($0) == "p" ? MetaHTML.textContent($0) : nil }
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
}
