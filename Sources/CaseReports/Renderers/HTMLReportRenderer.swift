import Mustache

/// Renders a `ReportDocument` as one self-contained HTML file with swift-mustache.
///
/// Evidence text can never become markup: every value goes through Mustache's default escaping
/// (`{{name}}` escapes `< > & " '`), and control and bidirectional-override characters are first
/// shown as visible escapes (`\u{202E}`). The only unescaped values (`{{{...}}}`) are the two
/// charts, which `SVGChart` writes from counts and dates alone. The file has inline CSS (print
/// styles included), a Content-Security-Policy that forbids scripts, and no external fonts, images
/// or links. The report time is on a line of its own (`class="report-time"`), the one line that
/// differs between two renderings of the same document.
public enum HTMLReportRenderer {
    /// The marker of the one line that changes between runs.
    public static let reportTimeMarker = "class=\"report-time\""

    /// Names that templates may render unescaped; a test checks that no other triple mustache exists.
    public static let unescapedNames: Set<String> = ["activityChart", "hourChart"]

    public static func render(_ document: ReportDocument) throws -> String {
        var library = MustacheLibrary()
        try library.register(HTMLTemplates.eventRow, named: "eventRow")
        try library.register(HTMLTemplates.eventHeader, named: "eventHeader")
        let template = try MustacheTemplate(string: HTMLTemplates.page)
        return template.render(HTMLViewModel.make(document), library: library)
    }
}

/// Visible, safe text for HTML: control characters, bidi controls and noncharacters become escapes.
public enum HTMLText {
    /// Keeps newlines and tabs (the CSS shows them), replaces other C0/C1 controls, DEL, bidi
    /// overrides/isolates/marks and noncharacters with `\u{XXXX}`.
    public static func visible(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let hidden =
                (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
                || value == 0x200F
                || value == 0x061C || (0xFDD0...0xFDEF).contains(value) || (value & 0xFFFE) == 0xFFFE
            if hidden {
                let hex = String(value, radix: 16, uppercase: true)
                output.append(
                    contentsOf: "\\u{\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)}".unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}

/// Turns the document into dictionaries for the templates. Every key a template uses is always
/// present (Mustache would otherwise look it up in an enclosing object), optional values as `""`
/// with a `has...` flag.
enum HTMLViewModel {
    static func text(_ value: String?) -> String { HTMLText.visible(value ?? "") }

    static func provenance(_ provenance: ReportDocument.Provenance) -> [String: Any] {
        [
            "short": text(provenance.short), "evidenceSHA256": provenance.evidenceSHA256,
            "evidenceName": text(provenance.evidenceName), "member": text(provenance.member),
            "locator": text(provenance.locator), "parser": text(provenance.parser),
        ]
    }

    /// Splits a snippet with « » hit markers into segments.
    static func segments(_ snippet: String) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var current = ""
        var inHit = false
        for character in snippet {
            if character == "«" || character == "»" {
                if !current.isEmpty { result.append(["segment": text(current), "hit": inHit]) }
                current = ""
                inHit = character == "«"
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(["segment": text(current), "hit": inHit]) }
        return result
    }

    static func event(_ event: ReportDocument.Event) -> [String: Any] {
        [
            "id": String(event.id), "time": text(event.time), "hasTime": !event.time.isEmpty,
            "utc": text(event.occurredAtUTC), "timeRaw": text(event.timeRaw), "platform": text(event.platform),
            "kind": text(event.kind), "account": text(event.account), "conversation": text(event.conversation),
            "hasConversation": event.conversation != nil, "text": text(event.text),
            "hasText": !(event.text ?? "").isEmpty,
            "snippet": segments(event.snippet ?? ""), "hasSnippet": !(event.snippet ?? "").isEmpty,
            "provenance": provenance(event.provenance),
        ]
    }

    static func member(_ member: ReportDocument.Member) -> [String: Any] {
        [
            "path": text(member.path), "size": member.size.map { String($0) } ?? "", "sha256": text(member.sha256),
            "problem": text(member.problem), "hasProblem": member.problem != nil,
        ]
    }

    static func make(_ document: ReportDocument) -> [String: Any] {
        let details = document.caseDetails
        var model: [String: Any] = [:]
        model["title"] = text(document.title)
        var caseRows: [[String: Any]] = []
        for (label, value) in [
            ("Case name", details.caseName), ("Case number", details.caseNumber), ("Examiner", details.examiner),
            ("Agency", details.agency),
        ] {
            caseRows.append(["label": label, "value": text(value ?? "not recorded"), "missing": value == nil])
        }
        caseRows.append([
            "label": "Tool", "value": text("\(details.toolName) \(details.toolVersion)"), "missing": false,
        ])
        caseRows.append(["label": "Time zone data", "value": text("tzdata \(details.tzdataVersion)"), "missing": false])
        caseRows.append(["label": "Times shown in", "value": text(details.displayZone), "missing": false])
        for field in details.selection {
            caseRows.append(["label": text(field.label), "value": text(field.value), "missing": false])
        }
        model["caseRows"] = caseRows
        model["reportTime"] = text(details.reportTime)
        model["commandLine"] = text(details.commandLine)
        model["toolName"] = text(details.toolName)
        model["toolVersion"] = text(details.toolVersion)
        model["displayZone"] = text(details.displayZone)

        model["evidence"] = document.evidence.map { item -> [String: Any] in
            [
                "id": String(item.id), "displayName": text(item.displayName), "kind": text(item.kind),
                "size": String(item.size),
                "md5": item.md5, "sha1": item.sha1, "sha256": item.sha256,
                "sha256Short": String(item.sha256.prefix(16)), "ingestedAt": text(item.ingestedAt),
                "status": text(item.status), "statusClass": item.status == "complete" ? "ok" : "bad",
                "platforms": text(item.platforms.isEmpty ? "none recognized" : item.platforms),
                "generatedAt": text(item.generatedAt ?? "unknown"), "examiner": text(item.examiner ?? "not recorded"),
                "records": String(item.records), "warnings": String(item.warnings),
                "parsed": String(item.members.parsed), "unparsed": String(item.members.unparsed),
                "failed": String(item.members.failed), "containers": String(item.members.container),
                "skipped": String(item.members.skipped),
                "unparsedMembers": item.unparsedMembers.map(member), "hasUnparsed": !item.unparsedMembers.isEmpty,
                "unparsedCapped": item.unparsedTotal > item.unparsedMembers.count,
                "unparsedTotal": String(item.unparsedTotal), "unparsedShown": String(item.unparsedMembers.count),
                "failedMembers": item.failedMembers.map(member), "hasFailed": !item.failedMembers.isEmpty,
                "failedCapped": item.failedTotal > item.failedMembers.count,
                "failedTotal": String(item.failedTotal), "failedShown": String(item.failedMembers.count),
            ]
        }
        model["hasEvidence"] = !document.evidence.isEmpty
        model["warnings"] = document.warnings.map { warning -> [String: Any] in
            [
                "evidenceShort": String(warning.evidenceSHA256.prefix(8)), "evidenceName": text(warning.evidenceName),
                "source": text(warning.source), "code": text(warning.code), "count": String(warning.count),
            ]
        }
        model["hasWarnings"] = !document.warnings.isEmpty

        model["accounts"] = document.accounts.map { account -> [String: Any] in
            [
                "id": String(account.id), "platform": text(account.platform), "accountKey": text(account.accountKey),
                "handle": text(account.handle.map { "@" + $0 }), "userId": text(account.platformUserId),
                "displayName": text(account.displayName), "owner": account.isExportOwner,
                "events": String(account.eventCount),
                "identifiers": account.identifiers.map { ["identifier": text($0)] },
                "hasIdentifiers": !account.identifiers.isEmpty,
                "sightings": account.sightings.map(provenance),
            ]
        }
        model["hasAccounts"] = !document.accounts.isEmpty
        model["shared"] = document.sharedIdentifiers.map { shared -> [String: Any] in
            [
                "kind": text(shared.kind), "value": text(shared.value), "notes": text(shared.notes),
                "hasNotes": !shared.notes.isEmpty,
                "explanation": text(shared.explanation), "accountCount": String(shared.accountCount),
                "evidenceCount": String(shared.evidenceCount), "occurrenceCount": String(shared.occurrences.count),
                "occurrences": shared.occurrences.map { occurrence -> [String: Any] in
                    [
                        "rawValue": text(occurrence.rawValue), "account": text(occurrence.account),
                        "field": text(occurrence.field),
                        "source": text(occurrence.source), "strength": text(occurrence.strength),
                        "observedAt": text(occurrence.observedAt), "eventId": occurrence.eventId.map { "#\($0)" } ?? "",
                        "provenance": provenance(occurrence.provenance),
                    ]
                },
            ]
        }
        model["hasShared"] = !document.sharedIdentifiers.isEmpty

        model["tags"] = document.tags.map { tag -> [String: Any] in
            [
                "tagId": String(tag.id), "label": text(tag.label), "note": text(tag.note),
                "hasNote": !(tag.note ?? "").isEmpty,
                "examiner": text(tag.examiner ?? "not recorded"), "createdAt": text(tag.createdAt),
                "event": event(tag.event),
            ]
        }
        model["hasTags"] = !document.tags.isEmpty

        model["hasSearch"] = document.search != nil
        if let search = document.search {
            model["query"] = text(search.query)
            model["hits"] = search.hits.map(event)
            model["hasHits"] = !search.hits.isEmpty
            model["hitsShown"] = String(search.hits.count)
            model["hitsTotal"] = String(search.total)
            model["hitsCapped"] = search.total > search.hits.count
        } else {
            model["query"] = ""
            model["hits"] = [[String: Any]]()
            model["hasHits"] = false
            model["hitsShown"] = "0"
            model["hitsTotal"] = "0"
            model["hitsCapped"] = false
        }

        let timeline = document.timeline
        model["timeline"] = timeline.events.map(event)
        model["hasTimeline"] = !timeline.events.isEmpty
        model["timelineShown"] = String(timeline.events.count)
        model["timelineTotal"] = String(timeline.total)
        model["timelineCapped"] = timeline.total > timeline.events.count
        model["timelineCap"] = String(timeline.cap)

        let activity = document.activity
        model["hasActivity"] = activity.total > 0
        model["activityUnit"] = text(activity.unit)
        model["activityZone"] = text(activity.zone)
        model["activityTotal"] = String(activity.total)
        model["activityChart"] = SVGChart.stackedBars(
            caption: "events per \(activity.unit) by platform (\(activity.zone))",
            labels: activity.buckets.map(\.label),
            series: activity.platforms, values: activity.buckets.map(\.counts))
        model["hourChart"] = SVGChart.stackedBars(
            caption: "events by hour of day (\(activity.zone))", labels: (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" },
            series: activity.platforms, values: activity.hours)

        model["verifications"] = document.verifications.map { verification -> [String: Any] in
            [
                "evidenceName": text(verification.evidenceName), "evidenceSHA256": verification.evidenceSHA256,
                "evidenceShort": String(verification.evidenceSHA256.prefix(16)),
                "result": text(verification.result), "resultClass": verification.result == "OK" ? "ok" : "bad",
                "checkedAt": text(verification.checkedAt ?? "never"),
                "observedSHA256": text(verification.observedSHA256),
                "path": text(verification.path), "run": verification.runId.map { "run \($0)" } ?? "",
            ]
        }
        model["hasVerifications"] = !document.verifications.isEmpty

        model["parsers"] = document.parsers.map { parser -> [String: Any] in
            [
                "identifier": text(parser.identifier), "version": String(parser.version),
                "displayName": text(parser.displayName),
                "platform": text(parser.platform), "members": text(parser.memberPatterns.joined(separator: ", ")),
                "formatNotes": text(parser.formatNotes),
                "knownLimits": text(parser.knownLimits.isEmpty ? "none stated" : parser.knownLimits),
                "usage": text(
                    parser.usage.isEmpty
                        ? "not used in this case"
                        : parser.usage.map { "\($0.label): \($0.value) members" }.joined(separator: "; ")),
            ]
        }
        model["runs"] = document.runs.map { run -> [String: Any] in
            [
                "id": String(run.id), "command": text(run.command), "toolVersion": text(run.toolVersion),
                "arguments": text(run.arguments), "examiner": text(run.examiner), "startedAt": text(run.startedAt),
                "endedAt": text(run.endedAt ?? "did not finish"), "exitStatus": run.exitStatus.map { String($0) } ?? "",
                "summary": text(run.summary),
            ]
        }
        model["hasRuns"] = !document.runs.isEmpty
        return model
    }
}

/// The report's templates, kept in code so the executable needs no resource files.
enum HTMLTemplates {
    static let eventHeader = """
        <tr><th>Record</th><th>Time ({{displayZone}})</th><th>Platform</th><th>Kind</th><th>Account</th><th>Text</th><th>Provenance</th></tr>
        """

    static let eventRow = """
        <tr class="event"><td class="record-id">#{{id}}</td><td class="time">{{#hasTime}}{{time}}{{/hasTime}}{{^hasTime}}<span class="muted">no time</span>{{/hasTime}}</td><td>{{platform}}</td><td>{{kind}}</td><td>{{account}}{{#hasConversation}}<div class="muted">in {{conversation}}</div>{{/hasConversation}}</td><td class="text">{{#hasSnippet}}{{#snippet}}{{#hit}}<mark>{{segment}}</mark>{{/hit}}{{^hit}}{{segment}}{{/hit}}{{/snippet}}{{/hasSnippet}}{{^hasSnippet}}{{text}}{{/hasSnippet}}</td><td class="provenance-cell">{{#provenance}}<span class="provenance" title="{{evidenceName}} (SHA-256 {{evidenceSHA256}}), parser {{parser}}">{{short}}</span>{{/provenance}}</td></tr>

        """

    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="{{toolName}} {{toolVersion}}">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        :root { --ink: #1a1a1a; --muted: #5f6368; --rule: #c8c8c8; --band: #f3f4f6; --ok: #1e7b34; --bad: #b3261e; }
        html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; color: var(--ink); }
        body { margin: 2em auto; max-width: 1200px; padding: 0 1.5em; line-height: 1.4; }
        h1 { font-size: 1.7em; margin: 0 0 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 2px solid var(--ink); padding-bottom: 0.15em; margin-top: 2em; break-after: avoid; }
        h3 { font-size: 1.05em; margin: 1.4em 0 0.4em; break-after: avoid; }
        p.lead { color: var(--muted); margin-top: 0; }
        nav ol { columns: 3; padding-left: 1.4em; }
        nav a { color: inherit; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.92em; }
        th, td { border: 1px solid var(--rule); padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1.2em; margin: 0.5em 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .hash, .provenance, code, .command { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.88em; }
        .hash { word-break: break-all; }
        .provenance { color: var(--muted); overflow-wrap: anywhere; }
        td.provenance-cell { min-width: 14em; }
        .record-id { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; white-space: nowrap; }
        .time { white-space: nowrap; }
        td.text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 32em; min-width: 12em; }
        div.command { background: var(--band); padding: 0.5em; }
        .command { white-space: pre-wrap; overflow-wrap: anywhere; }
        .muted { color: var(--muted); }
        .ok { color: var(--ok); font-weight: 600; }
        .bad { color: var(--bad); font-weight: 600; }
        .note { border-left: 3px solid var(--ink); padding-left: 0.6em; white-space: pre-wrap; }
        .notice { border: 1px solid var(--rule); background: var(--band); padding: 0.4em 0.6em; }
        mark { background: #ffe08a; color: inherit; }
        svg.chart { width: 100%; height: auto; max-height: 260px; }
        svg.chart .grid { stroke: #e0e0e0; stroke-width: 1; }
        svg.chart .baseline { stroke: #333; stroke-width: 1; }
        svg.chart text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; fill: #333; }
        .card { border: 1px solid var(--rule); padding: 0.6em 0.8em; margin: 0.8em 0; break-inside: avoid; }
        .card > h3:first-child { margin-top: 0.2em; }
        tr.arguments td { border-top: none; background: #fafafa; }
        tr.run td { border-bottom: none; }
        footer { margin-top: 3em; color: var(--muted); font-size: 0.9em; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          html { font-size: 9pt; }
          body { margin: 0; max-width: none; padding: 0; }
          nav { display: none; }
          h2 { break-before: auto; }
          td.text { max-width: none; }
        }
        </style>
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        <p class="lead">Evidence report produced by {{toolName}} {{toolVersion}}. Every record shows its record id and its provenance: evidence SHA-256 (first 8 hex digits) › member path @ locator inside the member.</p>
        </header>
        <nav aria-label="Contents"><ol>
        <li><a href="#case">Case</a></li><li><a href="#evidence">Evidence</a></li><li><a href="#coverage">Coverage</a></li>
        <li><a href="#accounts">Accounts</a></li><li><a href="#correlations">Shared identifiers</a></li><li><a href="#tags">Tagged items</a></li>
        <li><a href="#search">Search hits</a></li><li><a href="#activity">Activity</a></li><li><a href="#timeline">Timeline</a></li>
        <li><a href="#verification">Verification</a></li><li><a href="#method">Method and limits</a></li><li><a href="#audit">Audit log</a></li>
        </ol></nav>

        <section id="case">
        <h2>1. Case</h2>
        <dl class="facts">
        {{#caseRows}}<dt>{{label}}</dt><dd{{#missing}} class="muted"{{/missing}}>{{value}}</dd>
        {{/caseRows}}<dt>Report time</dt><dd class="report-time">{{reportTime}}</dd>
        </dl>
        <h3>Command that produced this report</h3>
        <div class="command">{{commandLine}}</div>
        </section>

        <section id="evidence">
        <h2>2. Evidence</h2>
        {{^hasEvidence}}<p class="notice">The case holds no evidence.</p>{{/hasEvidence}}
        {{#evidence}}
        <div class="card evidence-item">
        <h3>{{displayName}} <span class="muted">(evidence #{{id}}, {{kind}})</span></h3>
        <dl class="facts">
        <dt>Status</dt><dd class="{{statusClass}}">{{status}}</dd>
        <dt>Size</dt><dd>{{size}} bytes</dd>
        <dt>SHA-256</dt><dd class="hash">{{sha256}}</dd>
        <dt>SHA-1</dt><dd class="hash">{{sha1}}</dd>
        <dt>MD5</dt><dd class="hash">{{md5}}</dd>
        <dt>Ingested</dt><dd>{{ingestedAt}} by {{examiner}}</dd>
        <dt>Export platform</dt><dd>{{platforms}}</dd>
        <dt>Export generated</dt><dd>{{generatedAt}}</dd>
        <dt>Records</dt><dd>{{records}} records, {{warnings}} warnings</dd>
        </dl>
        </div>
        {{/evidence}}
        </section>

        <section id="coverage">
        <h2>3. Coverage</h2>
        <p>What was read of each evidence item. Unparsed members were hashed and listed but no parser reads them; failed members could not be read. Neither was searched.</p>
        <table>
        <thead><tr><th>Evidence (SHA-256 prefix)</th><th>Parsed</th><th>Unparsed</th><th>Failed</th><th>Nested archives</th><th>Folders and links</th></tr></thead>
        <tbody>
        {{#evidence}}<tr><td>{{displayName}} <span class="hash muted">{{sha256Short}}</span></td><td>{{parsed}}</td><td>{{unparsed}}</td><td>{{failed}}</td><td>{{containers}}</td><td>{{skipped}}</td></tr>
        {{/evidence}}
        </tbody>
        </table>
        {{#evidence}}
        {{#hasUnparsed}}
        <h3>Unparsed members of {{displayName}}</h3>
        {{#unparsedCapped}}<p class="notice">Showing {{unparsedShown}} of {{unparsedTotal}} unparsed members; casebook evidence --members lists all.</p>{{/unparsedCapped}}
        <table class="members">
        <thead><tr><th>Path</th><th>Size (bytes)</th><th>SHA-256</th></tr></thead>
        <tbody>
        {{#unparsedMembers}}<tr><td class="provenance">{{path}}</td><td>{{size}}</td><td class="hash">{{sha256}}</td></tr>
        {{/unparsedMembers}}
        </tbody>
        </table>
        {{/hasUnparsed}}
        {{#hasFailed}}
        <h3>Failed members of {{displayName}}</h3>
        {{#failedCapped}}<p class="notice">Showing {{failedShown}} of {{failedTotal}} failed members.</p>{{/failedCapped}}
        <table class="members">
        <thead><tr><th>Path</th><th>Size (bytes)</th><th>SHA-256</th><th>Problem</th></tr></thead>
        <tbody>
        {{#failedMembers}}<tr><td class="provenance">{{path}}</td><td>{{size}}</td><td class="hash">{{sha256}}</td><td>{{problem}}</td></tr>
        {{/failedMembers}}
        </tbody>
        </table>
        {{/hasFailed}}
        {{/evidence}}
        <h3>Warnings by code</h3>
        {{^hasWarnings}}<p>No warnings were recorded.</p>{{/hasWarnings}}
        {{#hasWarnings}}
        <table>
        <thead><tr><th>Evidence</th><th>Source</th><th>Code</th><th>Count</th></tr></thead>
        <tbody>
        {{#warnings}}<tr><td>{{evidenceName}} <span class="hash muted">{{evidenceShort}}</span></td><td>{{source}}</td><td><code>{{code}}</code></td><td>{{count}}</td></tr>
        {{/warnings}}
        </tbody>
        </table>
        {{/hasWarnings}}
        </section>

        <section id="accounts">
        <h2>4. Accounts and their identifiers</h2>
        {{^hasAccounts}}<p>No accounts were found.</p>{{/hasAccounts}}
        {{#hasAccounts}}
        <table>
        <thead><tr><th>Record</th><th>Platform</th><th>Handle</th><th>User id</th><th>Name</th><th>Export owner</th><th>Events</th><th>Identifiers</th><th>Provenance</th></tr></thead>
        <tbody>
        {{#accounts}}<tr class="account"><td class="record-id">account #{{id}}</td><td>{{platform}}</td><td>{{handle}}</td><td>{{userId}}</td><td>{{displayName}}</td><td>{{#owner}}yes{{/owner}}{{^owner}}no{{/owner}}</td><td>{{events}}</td><td>{{#identifiers}}<div><code>{{identifier}}</code></div>{{/identifiers}}</td><td>{{#sightings}}<div class="provenance">{{short}}</div>{{/sightings}}</td></tr>
        {{/accounts}}
        </tbody>
        </table>
        {{/hasAccounts}}
        </section>

        <section id="correlations">
        <h2>5. Shared identifiers</h2>
        <p>Identifiers that occur with two or more accounts or in two or more evidence items, found by exact match after normalization (case-folded emails, E.164 phone numbers, canonical IP addresses). A shared identifier is a lead, not proof that the accounts have one user.</p>
        {{^hasShared}}<p>No identifier is shared.</p>{{/hasShared}}
        {{#shared}}
        <div class="card shared-identifier">
        <h3><code>{{kind}}: {{value}}</code>{{#hasNotes}} <span class="muted">[{{notes}}]</span>{{/hasNotes}}</h3>
        <p>Why listed: {{explanation}}. {{occurrenceCount}} occurrences:</p>
        <table>
        <thead><tr><th>As written</th><th>Account</th><th>Field</th><th>Match</th><th>Seen</th><th>Record</th><th>Provenance</th></tr></thead>
        <tbody>
        {{#occurrences}}<tr class="occurrence"><td><code>{{rawValue}}</code></td><td>{{account}}</td><td>{{field}} <span class="muted">({{source}})</span></td><td>{{strength}}</td><td class="time">{{observedAt}}</td><td class="record-id">{{eventId}}</td><td>{{#provenance}}<span class="provenance">{{short}}</span>{{/provenance}}</td></tr>
        {{/occurrences}}
        </tbody>
        </table>
        </div>
        {{/shared}}
        </section>

        <section id="tags">
        <h2>6. Tagged items</h2>
        {{^hasTags}}<p>No item was tagged.</p>{{/hasTags}}
        {{#tags}}
        <div class="card tag">
        <h3>{{label}} <span class="muted">(tag {{tagId}}, by {{examiner}}, {{createdAt}})</span></h3>
        {{#hasNote}}<p class="note">{{note}}</p>{{/hasNote}}
        <table>
        <thead>{{> eventHeader}}</thead>
        <tbody>
        {{#event}}{{> eventRow}}{{/event}}
        </tbody>
        </table>
        </div>
        {{/tags}}
        </section>

        <section id="search">
        <h2>7. Search hits</h2>
        {{^hasSearch}}<p>The report was made without a query (casebook report --query).</p>{{/hasSearch}}
        {{#hasSearch}}
        <p>Query: <code>{{query}}</code>. Matching events: {{hitsTotal}}, newest first; matching words are highlighted.</p>
        {{#hitsCapped}}<p class="notice">Showing the first {{hitsShown}} of {{hitsTotal}} hits; casebook search lists all.</p>{{/hitsCapped}}
        {{#hasHits}}
        <table>
        <thead>{{> eventHeader}}</thead>
        <tbody>
        {{#hits}}{{> eventRow}}{{/hits}}
        </tbody>
        </table>
        {{/hasHits}}
        {{/hasSearch}}
        </section>

        <section id="activity">
        <h2>8. Activity</h2>
        {{^hasActivity}}<p>No event with a time is in the selected window.</p>{{/hasActivity}}
        {{#hasActivity}}
        <p>Events with a time in the selected window: {{activityTotal}}, counted per {{activityUnit}} and by hour of day in {{activityZone}}.</p>
        <figure>
        {{{activityChart}}}
        </figure>
        <figure>
        {{{hourChart}}}
        </figure>
        {{/hasActivity}}
        </section>

        <section id="timeline">
        <h2>9. Timeline</h2>
        <p>Events in the selected window: {{timelineTotal}}, oldest first; events without a time come last.</p>
        {{#timelineCapped}}<p class="notice">The timeline is capped at {{timelineCap}} events: showing {{timelineShown}} of {{timelineTotal}}. Narrow the window with --since and --until, or use casebook timeline --format csv for all of them.</p>{{/timelineCapped}}
        {{#hasTimeline}}
        <table>
        <thead>{{> eventHeader}}</thead>
        <tbody>
        {{#timeline}}{{> eventRow}}{{/timeline}}
        </tbody>
        </table>
        {{/hasTimeline}}
        </section>

        <section id="verification">
        <h2>10. Verification</h2>
        <p>The newest result of casebook verify for each evidence item: the evidence was read again and its SHA-256 compared with the one recorded at ingest.</p>
        {{#hasVerifications}}
        <table>
        <thead><tr><th>Evidence (SHA-256 prefix)</th><th>Result</th><th>Checked</th><th>Observed SHA-256</th><th>Path checked</th><th>Run</th></tr></thead>
        <tbody>
        {{#verifications}}<tr><td>{{evidenceName}} <span class="hash muted">{{evidenceShort}}</span></td><td class="{{resultClass}}">{{result}}</td><td class="time">{{checkedAt}}</td><td class="hash">{{observedSHA256}}</td><td class="provenance">{{path}}</td><td>{{run}}</td></tr>
        {{/verifications}}
        </tbody>
        </table>
        {{/hasVerifications}}
        </section>

        <section id="method">
        <h2>11. Method and limits</h2>
        <p>Evidence was read in place and never modified or unpacked to disk; every evidence file and every member was hashed while it was read. Each export file type is read by one parser; members no parser reads are listed under Coverage. Times are stored in UTC and shown in {{displayZone}}.</p>
        <table>
        <thead><tr><th>Parser</th><th>Version</th><th>Reads</th><th>Format notes (layouts handled)</th><th>Known limits</th><th>Used in this case</th></tr></thead>
        <tbody>
        {{#parsers}}<tr><td><code>{{identifier}}</code><div class="muted">{{displayName}} ({{platform}})</div></td><td>{{version}}</td><td class="provenance">{{members}}</td><td>{{formatNotes}}</td><td>{{knownLimits}}</td><td>{{usage}}</td></tr>
        {{/parsers}}
        </tbody>
        </table>
        </section>

        <section id="audit">
        <h2>12. Audit log</h2>
        <p>Every command that changed the case, oldest first (times in UTC).</p>
        {{#hasRuns}}
        <table>
        <thead><tr><th>Run</th><th>Command</th><th>Version</th><th>Examiner</th><th>Started</th><th>Ended</th><th>Exit</th><th>Counts</th></tr></thead>
        <tbody>
        {{#runs}}<tr class="run"><td class="record-id">{{id}}</td><td>{{command}}</td><td>{{toolVersion}}</td><td>{{examiner}}</td><td class="time">{{startedAt}}</td><td class="time">{{endedAt}}</td><td>{{exitStatus}}</td><td>{{summary}}</td></tr>
        <tr class="arguments"><td></td><td colspan="7"><span class="command">{{arguments}}</span></td></tr>
        {{/runs}}
        </tbody>
        </table>
        {{/hasRuns}}
        </section>

        <footer>
        <p>End of report. {{toolName}} {{toolVersion}}.</p>
        </footer>
        </body>
        </html>

        """
}
