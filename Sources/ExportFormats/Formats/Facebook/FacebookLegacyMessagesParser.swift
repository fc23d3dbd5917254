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

    let streamingThreshold: Int
    /// Bytes given to libxml2 at a time when the file is read in two passes (tests move the boundaries).
    public var chunkSize = MetaHTMLPage.chunkSizeDefault

    public init() { self.init(streamingThreshold: MetaHTMLPage.streamingThreshold) }

    /// A small `streamingThreshold` reads small files without their tree too (tests compare the two ways).
    public init(streamingThreshold: Int) { self.streamingThreshold = streamingThreshold }

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        guard
            let page = try MetaHTMLPage.open(
                member, context: context, streamingThreshold: streamingThreshold, chunkSize: chunkSize)
        else { return }
        // A large file holds every thread of a heavy user's account: it is read without its tree.
        let reader = FacebookLegacyMessagesReader(context: context)
        try page.walk(context: context, release: reader.release, finish: reader.finish)
        if reader.threadIndex == 0 { context.warn("missing-field", "no div.thread found", locator: "") }
    }
}

/// The walk of `FacebookLegacyMessagesParser`. Read whole, `finish` walks the tree. Read in two passes
/// (`MetaHTMLPage.walk`), finished parts of the file arrive through `release` in document order and are
/// visited the same way; a thread with more than `MetaHTML.maxBlockElements` elements arrives child by child:
/// its participants are its text before its first message, and each message is read once the element after
/// it (its `<p>`) is finished.
final class FacebookLegacyMessagesReader {
    let context: ParseContext
    private var owner: AccountKey?
    private(set) var threadIndex = 0

    /// The thread arriving child by child.
    private struct OpenThread {
        var node: xmlNodePtr
        var key: String
        var text = ""
        var headed = false
        var textAfterMessages = false
    }

    private var open: OpenThread?

    init(context: ParseContext) { self.context = context }

    /// The whole read's walk: the first `<h1>` names the owner, each `div.thread` is a thread; anything else is
    /// searched below. Returns whether to descend.
    private func visit(_ node: xmlNodePtr) -> Bool {
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
        if let thread = open, node == thread.node {
            finishOpenThread()
            return false
        }
        if Self.isThread(node) {
            threadIndex += 1
            readThread(node, key: "messages.htm#\(threadIndex)")
            return false
        }
        return true
    }

    /// A finished child of an open list element, in document order: whether it may be freed.
    func release(_ parent: xmlNodePtr, _ child: xmlNodePtr, _ followed: Bool) -> Bool {
        if open?.node == parent { return threadChild(child, followed: followed) }
        // The whole read reads nothing below a thread's children or an `<h1>` on its own: such parts wait for the
        // thread or heading to end.
        if Self.isBelowThreadOrHeading(parent) || MetaHTML.elementName(parent) == "h1" { return false }
        if Self.isThread(parent) {
            guard open == nil else { return false }
            threadIndex += 1
            open = OpenThread(node: parent, key: "messages.htm#\(threadIndex)")
            return threadChild(child, followed: followed)
        }
        if child.pointee.type == XML_ELEMENT_NODE, visit(child) { MetaHTML.walk(child, visit) }
        return true
    }

    /// What is left when the file ends.
    func finish(_ root: xmlNodePtr) { MetaHTML.walk(root, visit) }

    private static func isThread(_ node: xmlNodePtr) -> Bool {
        MetaHTML.elementName(node) == "div" && MetaHTML.hasClass(node, "thread")
    }

    private static func isMessage(_ node: xmlNodePtr) -> Bool {
        MetaHTML.elementName(node) == "div" && MetaHTML.hasClass(node, "message")
    }

    private static func isBelowThreadOrHeading(_ node: xmlNodePtr) -> Bool {
        var ancestor = node.pointee.parent
        while let current = ancestor, current.pointee.type == XML_ELEMENT_NODE {
            if isThread(current) || MetaHTML.elementName(current) == "h1" { return true }
            ancestor = current.pointee.parent
        }
        return false
    }

    /// One child of the thread arriving child by child.
    private func threadChild(_ child: xmlNodePtr, followed: Bool) -> Bool {
        guard var thread = open else { return true }
        defer { open = thread }
        if child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            let text = String(cString: content)
            if !thread.headed {
                thread.text += text
            } else if !text.trimmingSpaces.isEmpty {
                thread.textAfterMessages = true
            }
            return true
        }
        guard Self.isMessage(child) else { return true }
        guard followed else { return false }
        if !thread.headed {
            emitHeader(thread.node, key: thread.key, text: thread.text)
            thread.headed = true
        }
        readMessage(child, key: thread.key)
        return true
    }

    /// The rest of the thread that arrived child by child, now finished.
    private func finishOpenThread() {
        guard let node = open?.node else { return }
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            // Nothing more will follow: a last message without its `<p>` is read without text, as read whole.
            _ = threadChild(current, followed: true)
        }
        guard let thread = open else { return }
        if !thread.headed { emitHeader(thread.node, key: thread.key, text: thread.text) }
        if thread.textAfterMessages {
            context.warn(
                "unexpected-shape",
                "the thread has text after its first message; read in parts (the file is large), it is not a participant",
                locator: MetaHTML.nodePath(thread.node))
        }
        open = nil
    }

    private func readThread(_ thread: xmlNodePtr, key: String) {
        var ownText = ""
        var child = thread.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                ownText += String(cString: content)
            }
            child = node.pointee.next
        }
        emitHeader(thread, key: key, text: ownText)
        child = thread.pointee.children
        while let node = child {
            defer { child = node.pointee.next }
            guard Self.isMessage(node) else { continue }
            readMessage(node, key: key)
        }
    }

    /// The thread's participants (its own text, comma-separated) and conversation.
    private func emitHeader(_ thread: xmlNodePtr, key: String, text: String) {
        let threadLocator = MetaHTML.nodePath(thread)
        let names = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let participants = names.map { AccountKey.handle(.facebook, $0) }
        for (name, key) in zip(names, participants) {
            context.emit(.account(Account(key: key, displayName: name, provenance: context.provenance(threadLocator))))
        }
        context.emit(
            .conversation(
                Conversation(
                    platform: .facebook, key: key, title: names.joined(separator: ", "), participants: participants,
                    provenance: context.provenance(threadLocator))))
    }

    /// One `div.message` and the `<p>` after it.
    private func readMessage(_ node: xmlNodePtr, key: String) {
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
