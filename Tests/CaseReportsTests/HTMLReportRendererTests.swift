import CLibXML2
import CasebookTestSupport
import Foundation
import Testing

@testable import CaseReports

/// A parsed HTML element: name, attributes, children, text content.
final class HTMLNode {
    let name: String
    var attributes: [(name: String, value: String)] = []
    var children: [HTMLNode] = []
    var text = ""

    init(name: String) { self.name = name }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    var classes: [String] { (attribute("class") ?? "").split(separator: " ").map(String.init) }

    /// This element and every element below it, in document order.
    var all: [HTMLNode] { [self] + children.flatMap(\.all) }

    func elements(_ name: String, class className: String? = nil) -> [HTMLNode] {
        all.filter { $0.name == name && (className == nil || $0.classes.contains(className!)) }
    }

    /// Parses HTML with libxml2's HTML parser (no network, errors ignored) into a tree of elements.
    static func parse(_ html: String) throws -> HTMLNode {
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "report.html", "UTF-8", options)
            }
        }
        guard let document, let root = xmlDocGetRootElement(document) else { throw CocoaError(.fileReadCorruptFile) }
        defer { xmlFreeDoc(document) }
        return convert(root)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func convert(_ element: xmlNodePtr) -> HTMLNode {
        let node = HTMLNode(name: string(element.pointee.name).lowercased())
        var attribute = element.pointee.properties
        while let current = attribute {
            var value = ""
            if let content = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                value = string(content)
                casebook_xmlFree(content)
            }
            node.attributes.append((string(current.pointee.name).lowercased(), value))
            attribute = current.pointee.next
        }
        if let content = xmlNodeGetContent(element) {
            node.text = string(content)
            casebook_xmlFree(content)
        }
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { node.children.append(convert(current)) }
            child = current.pointee.next
        }
        return node
    }
}

/// A small, fixed document that uses every section.
enum SampleDocument {
    static let sha = "9f2c1e0a5b7d4c3e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70"
    static let otherSHA = "03ad7c55e1f04b2a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b"

    static func provenance(_ locator: String, member: String = "data/tweets.js", sha: String = sha)
        -> ReportDocument.Provenance
    {
        .init(
            evidenceSHA256: sha, evidenceName: "twitter-2022.zip", member: member, locator: locator,
            parser: "twitter.tweets@1")
    }

    static func event(_ id: Int64, _ time: String, text: String, account: String = "@ada_l", snippet: String? = nil)
        -> ReportDocument.Event
    {
        .init(
            id: id, time: time.isEmpty ? "" : time + "Z",
            occurredAtUTC: time.isEmpty ? nil : time.replacingOccurrences(of: " ", with: "T") + "Z",
            timeRaw: time.isEmpty ? nil : "raw " + time, platform: "twitter", kind: "post", account: account,
            text: text,
            snippet: snippet, provenance: provenance("/\(id - 1)/tweet"))
    }

    static func make(reportTime: String = "2024-05-01 12:00:00Z", events: [ReportDocument.Event]? = nil)
        -> ReportDocument
    {
        let timeline =
            events ?? [
                event(1, "2021-03-20 08:15:00", text: "Ticket bought for Friday"),
                event(2, "2021-03-22 13:22:50", text: "meet at the station\nsecond line"),
                event(3, "", text: "undated draft"),
            ]
        let details = ReportDocument.CaseDetails(
            caseName: "Op Lantern", caseNumber: "2024-0042", examiner: "J. Doe", agency: nil, toolName: "Casebook",
            toolVersion: "0.1.0", tzdataVersion: "2024a", reportTime: reportTime, displayZone: "UTC",
            commandLine: "casebook report --case op.db --out report.html --query 'station OR ticket'",
            selection: [.init("Window", "whole case"), .init("Query", "station OR ticket")])
        let evidence = [
            ReportDocument.Evidence(
                id: 1, displayName: "twitter-2022.zip", kind: "archive", size: 48_213,
                md5: "0cc175b9c0f1b6a831c399e269772661",
                sha1: "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", sha256: sha, ingestedAt: "2024-04-30 09:00:00Z",
                status: "complete", platforms: "twitter", examiner: "J. Doe", records: 5, warnings: 1,
                members: .init(parsed: 2, unparsed: 1, failed: 1, container: 0, skipped: 1),
                unparsedMembers: [
                    .init(path: "data/manifest.js", size: 120, sha256: String(repeating: "1", count: 64))
                ],
                failedMembers: [
                    .init(
                        path: "data/direct-messages.js", size: 9, sha256: String(repeating: "2", count: 64),
                        problem: "not JSON")
                ]),
            ReportDocument.Evidence(
                id: 2, displayName: "other.zip", kind: "archive", size: 1_000, md5: String(repeating: "a", count: 32),
                sha1: String(repeating: "b", count: 40), sha256: otherSHA, ingestedAt: "2024-04-30 09:05:00Z",
                status: "partial",
                platforms: "", records: 0, warnings: 0, members: .init()),
        ]
        let shared = ReportDocument.SharedIdentifier(
            kind: "ip", value: "203.0.113.7", notes: "", accountCount: 2, evidenceCount: 2,
            occurrences: [
                .init(
                    rawValue: "203.0.113.7", account: "@ada_l", field: "ip_audit.loginIp", source: "structured",
                    strength: "exact",
                    observedAt: "2021-03-21 10:00:00Z", eventId: 4,
                    provenance: provenance("/0/ipAudit", member: "data/ip-audit.js")),
                .init(
                    rawValue: "203.0.113.007", account: "@bob", field: "text", source: "text", strength: "exact",
                    observedAt: nil,
                    eventId: nil, provenance: provenance("/3/tweet#text[4..17]", sha: otherSHA)),
            ])
        return ReportDocument(
            title: "Op Lantern: accounts of J. Doe", caseDetails: details, evidence: evidence,
            warnings: [
                .init(
                    evidenceSHA256: sha, evidenceName: "twitter-2022.zip", source: "twitter.tweets",
                    code: "bad-timestamp", count: 1)
            ],
            accounts: [
                .init(
                    id: 1, platform: "twitter", accountKey: "id:1001", handle: "ada_l", platformUserId: "1001",
                    displayName: "Ada L",
                    isExportOwner: true, eventCount: 3, identifiers: ["email:ada@example.com", "userId:twitter:1001"],
                    sightings: [provenance("/0/account", member: "data/account.js")])
            ],
            sharedIdentifiers: [shared],
            tags: [
                .init(
                    id: 1, label: "key-evidence", note: "threat sent two days before the incident", examiner: "J. Doe",
                    createdAt: "2024-04-30 10:00:00Z", event: timeline[1])
            ],
            search: .init(
                query: "station OR ticket",
                hits: [
                    event(2, "2021-03-22 13:22:50", text: "meet at the station", snippet: "meet at the «station»"),
                    event(
                        1, "2021-03-20 08:15:00", text: "Ticket bought for Friday",
                        snippet: "«Ticket» bought for Friday"),
                ], total: 2),
            timeline: .init(events: timeline, total: timeline.count, cap: 5_000),
            activity: .init(
                unit: "day", platforms: ["twitter"],
                buckets: [
                    .init(label: "2021-03-20", counts: [1]), .init(label: "2021-03-21", counts: [0]),
                    .init(label: "2021-03-22", counts: [1]),
                ],
                hours: (0..<24).map { $0 == 8 || $0 == 13 ? [1] : [0] }, zone: "UTC"),
            verifications: [
                .init(
                    evidenceName: "twitter-2022.zip", evidenceSHA256: sha, result: "OK",
                    checkedAt: "2024-05-01 08:00:00Z", observedSHA256: sha, path: "/evidence/twitter-2022.zip", runId: 3
                ),
                .init(
                    evidenceName: "other.zip", evidenceSHA256: otherSHA, result: "MISSING",
                    checkedAt: "2024-05-01 08:00:00Z", observedSHA256: nil, path: "/evidence/other.zip", runId: 3),
            ],
            parsers: [
                .init(
                    identifier: "twitter.account", displayName: "Twitter account", platform: "Twitter/X", version: 1,
                    memberPatterns: ["data/account.js", "account.js"],
                    formatNotes: "2018 root-level through 2024 data/ archives.",
                    knownLimits: "createdVia is kept as a detail only.", usage: [.init("twitter.account@1", "1")])
            ],
            runs: [
                .init(
                    id: 1, command: "ingest", toolVersion: "0.1.0", arguments: "ingest twitter-2022.zip --case op.db",
                    examiner: "J. Doe", startedAt: "2024-04-30 09:00:00Z", endedAt: "2024-04-30 09:00:02Z",
                    exitStatus: 10, summary: "evidence=1 records=5"),
                .init(
                    id: 2, command: "tag", toolVersion: "0.1.0", arguments: "tag 2 --label key-evidence",
                    examiner: "J. Doe", startedAt: "2024-04-30 10:00:00Z", endedAt: "2024-04-30 10:00:00Z",
                    exitStatus: 0, summary: "tagged=1"),
            ])
    }
}

/// Removes the report-time line, the one line that may differ between runs.
func withoutReportTime(_ html: String) -> String {
    html.split(separator: "\n", omittingEmptySubsequences: false).filter {
        !$0.contains(HTMLReportRenderer.reportTimeMarker)
    }
    .joined(separator: "\n")
}

/// Compares with `Snapshots/<name>` byte for byte; `RECORD_SNAPSHOTS=1` writes the file instead.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/" + name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return
    }
    let expected = try #require(
        try? String(contentsOf: url, encoding: .utf8), "missing snapshot \(name): run with RECORD_SNAPSHOTS=1")
    #expect(
        text == expected,
        "\(name) differs from its snapshot; if the change is intended, re-record with RECORD_SNAPSHOTS=1")
}

@Suite struct HTMLReportRendererTests {
    @Test func matchesSnapshot() throws {
        let html = try HTMLReportRenderer.render(SampleDocument.make())
        try assertSnapshot(withoutReportTime(html), named: "report.html")
    }

    @Test func sectionsAsCSVMatchSnapshot() throws {
        let document = SampleDocument.make()
        var text = ""
        for section in document.sections {
            text += "## \(section.name)\r\n" + ReportRenderer.csv(section.records, columns: section.columns)
        }
        try assertSnapshot(text, named: "sections.csv")
        #expect(document.sections.map(\.name) == ReportDocument.sectionNames)
    }

    @Test func sameDocumentGivesSameBytesApartFromReportTime() throws {
        let first = try HTMLReportRenderer.render(SampleDocument.make(reportTime: "2024-05-01 12:00:00Z"))
        let again = try HTMLReportRenderer.render(SampleDocument.make(reportTime: "2024-05-01 12:00:00Z"))
        let later = try HTMLReportRenderer.render(SampleDocument.make(reportTime: "2025-01-01 00:00:00Z"))
        #expect(first == again)
        #expect(first != later)
        #expect(withoutReportTime(first) == withoutReportTime(later))
        #expect(
            first.components(separatedBy: "\n").filter { $0.contains(HTMLReportRenderer.reportTimeMarker) }.count == 1)
    }

    @Test func sectionsArePresentAndEveryItemHasProvenance() throws {
        let html = try HTMLReportRenderer.render(SampleDocument.make())
        let root = try HTMLNode.parse(html)
        let sections = root.elements("section").compactMap { $0.attribute("id") }
        #expect(
            sections == [
                "case", "evidence", "coverage", "accounts", "correlations", "tags", "search", "activity", "timeline",
                "verification", "method", "audit",
            ])
        let events = root.elements("tr", class: "event")
        #expect(events.count == 1 + 2 + 3, "one tagged, two hits, three timeline rows")
        for row in events {
            #expect(row.elements("span", class: "provenance").first?.text.contains(" › data/tweets.js @ /") == true)
            #expect(row.elements("td", class: "record-id").first?.text.hasPrefix("#") == true)
        }
        for row in root.elements("tr", class: "occurrence") + root.elements("tr", class: "account") {
            #expect(!(row.all.filter { $0.classes.contains("provenance") }.isEmpty))
        }
        #expect(root.elements("mark").map(\.text) == ["station", "Ticket"])
        #expect(root.elements("svg").count == 2)
        let text = root.text
        for needle in [
            SampleDocument.sha, "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", "0cc175b9c0f1b6a831c399e269772661",
            "tzdata 2024a",
            "data/manifest.js", "bad-timestamp", "MISSING", "createdVia is kept as a detail only.",
            "threat sent two days",
            "casebook report --case op.db",
        ] {
            #expect(text.contains(needle), "report lacks \(needle)")
        }
    }

    @Test func isSelfContained() throws {
        let html = try HTMLReportRenderer.render(SampleDocument.make())
        let root = try HTMLNode.parse(html)
        #expect(root.elements("script").isEmpty)
        #expect(root.elements("link").isEmpty)
        #expect(root.elements("img").isEmpty)
        for element in root.all {
            for attribute in element.attributes where ["src", "href"].contains(attribute.name) {
                #expect(attribute.value.hasPrefix("#"), "external reference \(attribute.value)")
            }
        }
        #expect(!html.contains("@import") && !html.contains("url("))
    }

    @Test func onlyChartsAreUnescapedInTemplates() throws {
        // Triple mustaches in the rendered source would have been replaced; check the template text via a
        // document whose chart names are absent: every {{{name}}} must be one of the chart names.
        let html = try HTMLReportRenderer.render(SampleDocument.make())
        #expect(!html.contains("{{"), "an unrendered tag is left")
        #expect(HTMLReportRenderer.unescapedNames == ["activityChart", "hourChart"])
    }

    /// Every line of the shared hostile fixtures, as event text, account, note and member path, appears
    /// as text: no script element, no event-handler attribute, no javascript: link.
    @Test func hostileTextStaysText() throws {
        var lines: [String] = []
        let fixtures = ["hostile/report-injection", "hostile/strings/blns.txt"]
        for fixture in fixtures {
            guard let path = SampleExportsLocator.sharedFixture(fixture) else {
                print("skipped: ../shared/fixtures/\(fixture) is absent")
                return
            }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let files =
                isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let text = String(decoding: data, as: UTF8.self)
                lines += text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            }
        }
        #expect(lines.count > 500)
        var events: [ReportDocument.Event] = []
        for (index, line) in lines.enumerated() {
            var event = SampleDocument.event(Int64(index + 1), "2021-03-20 08:15:00", text: line, account: line)
            event.provenance.member = line
            event.provenance.locator = line
            events.append(event)
        }
        var document = SampleDocument.make(events: events)
        document.title = lines.first { $0.contains("<script") } ?? "title"
        document.tags = events.prefix(50).map {
            .init(id: $0.id, label: $0.text!, note: $0.text, examiner: $0.text, createdAt: "x", event: $0)
        }
        document.accounts[0].displayName = lines.first { $0.contains("onerror") }
        let html = try HTMLReportRenderer.render(document)
        let root = try HTMLNode.parse(html)
        #expect(root.elements("script").isEmpty)
        for element in root.all {
            #expect(
                !["iframe", "object", "embed", "img", "base", "form", "input", "link", "style"].contains(element.name)
                    || element.name == "style" && element.children.isEmpty)
            #expect(element.attribute("http-equiv")?.lowercased() != "refresh")
            for attribute in element.attributes {
                #expect(
                    !attribute.name.hasPrefix("on"), "event handler attribute \(attribute.name) on <\(element.name)>")
                #expect(
                    !attribute.value.lowercased().contains("javascript:") || attribute.name == "title",
                    "javascript: in \(attribute.name)")
            }
        }
        for element in root.elements("a") {
            #expect(element.attribute("href")?.hasPrefix("#") == true)
        }
        let timeline = try #require(root.all.first { $0.attribute("id") == "timeline" })
        let cells = timeline.elements("td", class: "text").map(\.text)
        #expect(cells == lines.map(HTMLText.visible), "every line appears as its own text")
        #expect(!html.contains("\u{1B}") && !html.contains("\u{202E}") && !html.contains("\u{07}"))
    }

    @Test func visibleTextEscapesControlsAndBidi() {
        #expect(HTMLText.visible("a\u{1B}[2Jb\u{202E}c\nd\u{FFFE}") == "a\\u{001B}[2Jb\\u{202E}c\nd\\u{FFFE}")
    }

    @Test func chartEscapesLabelsAndScales() {
        let svg = SVGChart.stackedBars(caption: "<x>", labels: ["a&b"], series: ["s\"1"], values: [[3]])
        #expect(svg.contains("&lt;x&gt;") && svg.contains("a&amp;b") && svg.contains("s&quot;1"))
        #expect(!svg.contains("<x>"))
        #expect(SVGChart.niceCeiling(3) == 5 && SVGChart.niceCeiling(11) == 20 && SVGChart.niceCeiling(100) == 100)
    }
}
