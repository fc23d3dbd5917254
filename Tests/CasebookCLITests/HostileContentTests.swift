import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// Builds evidence for the content tests from fixture bytes and runs the binary over it.
///
/// Evidence folders are written under a `TemporaryFolder` (never beside the fixtures); the hostile
/// archives themselves are only ever read in place.
enum Content {
    static func fixture(_ relative: String) -> Data? {
        SampleExportsLocator.sharedFixture("hostile/" + relative).flatMap { FileManager.default.contents(atPath: $0) }
    }

    static func fixturePath(_ relative: String) -> String? { SampleExportsLocator.sharedFixture("hostile/" + relative) }

    static func skip(_ why: String = "../shared/fixtures is absent") { print("skipped: \(why)") }

    /// A JSON string literal for text (quotes, backslashes and control characters escaped).
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// A JSON string literal made of raw bytes: quote, backslash and bytes below 0x20 escaped, every
    /// other byte (invalid UTF-8 included) left exactly as it is.
    static func rawQuoted(_ bytes: Data) -> Data {
        var output = Data("\"".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output += Data("\\\"".utf8)
            case UInt8(ascii: "\\"): output += Data("\\\\".utf8)
            case 0..<0x20: output += Data(String(format: "\\u%04x", byte).utf8)
            default: output.append(byte)
            }
        }
        return output + Data("\"".utf8)
    }

    /// A Messenger thread file (`message_N.json`) whose messages have the given contents (JSON
    /// literals, already quoted), one participant, `stepMs` apart from `firstMs`.
    static func thread(
        contents: [Data], sender: String = "Ann Example", firstMs: Int64 = 1_615_685_400_000, stepMs: Int64 = 1000
    ) -> Data {
        var document = Data("{\"participants\":[{\"name\":\(quoted(sender))}],\"messages\":[".utf8)
        for (index, content) in contents.enumerated() {
            if index > 0 { document += Data(",".utf8) }
            document += Data("{\"sender_name\":\(quoted(sender)),\"timestamp_ms\":\(firstMs + Int64(index) * stepMs),\"content\":".utf8)
            document += content
            document += Data("}".utf8)
        }
        return document + Data("]}".utf8)
    }

    static func thread(
        texts: [String], sender: String = "Ann Example", firstMs: Int64 = 1_615_685_400_000, stepMs: Int64 = 1000
    ) -> Data {
        thread(contents: texts.map { Data(quoted($0).utf8) }, sender: sender, firstMs: firstMs, stepMs: stepMs)
    }

    /// Runs the binary with the RSS-measuring runner of the archive tests.
    static func casebook(_ arguments: [String], timeout: TimeInterval = 120) throws -> HostileRunner.Result {
        try HostileRunner.run(arguments, timeout: timeout)
    }

    /// `search QUERY --format json` rows.
    static func search(_ query: String, casePath: String, _ extra: [String] = []) throws -> [[String: Any]] {
        try HostileRunner.json(["search", query, "--case", casePath, "--format", "json"] + extra)
    }

    static func details(_ row: [String: Any]) -> [String: String] { row["details"] as? [String: String] ?? [:] }
    static func provenance(_ row: [String: Any]) -> [String: String] { row["provenance"] as? [String: String] ?? [:] }

    /// The Latin-1 reading of text's UTF-8 bytes: what Meta writes instead of the text (`Zoë` → `ZoÃ«`).
    static func mojibake(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in text.utf8 { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}

/// Hostile text content end to end (RELIABILITY.md R-24, R-26..R-29, R-31): fixtures become members of
/// generated exports, the real binary ingests them, and the tests check what the case holds and
/// what search finds.
@Suite(.serialized) struct HostileContentTests {
    // MARK: R-28 mojibake

    /// `facebook_style_mojibake.json` as a Messenger thread: repaired text stored and searchable, the
    /// raw values kept as details, one `text-repaired` warning counting the three strings.
    @Test func mojibakeIsRepairedRawKeptAndCounted() throws {
        guard let document = Content.fixture("json/generated/facebook_style_mojibake.json") else { return Content.skip() }
        let folder = try TemporaryFolder()
        try folder.write("fb/messages/inbox/zoe_1/message_1.json", document)
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/fb", "--case", casePath])
        #expect(run.status == 10, "\(run.stdout) \(run.stderr)")

        let hits = try Content.search("Café", casePath: casePath)
        #expect(hits.count == 1)
        let hit = try #require(hits.first)
        #expect(hit["text"] as? String == "Café at 2:30? 😀")
        #expect(Content.details(hit)["rawText"] == Content.mojibake("Café at 2:30? 😀"))
        #expect(Content.details(hit)["rawSenderName"] == Content.mojibake("Zoë Müller"))
        // Names are not full-text indexed; the repaired sender name finds the message as an account.
        let byName = try Content.search("Café", casePath: casePath, ["--account", "Zoë Müller"])
        #expect(byName.count == 1)
        #expect(try Content.search("CafÃ", casePath: casePath).isEmpty, "the mojibake form is not indexed")

        let repaired = try CaseDump.rows(casePath, "SELECT message FROM warning WHERE code = 'text-repaired'")
        #expect(repaired.count == 1)
        #expect(repaired.first?["message"]?.hasPrefix("3 strings were Meta mojibake") == true, "\(repaired)")
        let names = try CaseDump.rows(casePath, "SELECT displayName FROM account").compactMap { $0["displayName"] }
        #expect(names == ["Zoë Müller"])
    }

    /// The hostile end-to-end export: the mojibake message is repaired and found, the truncated
    /// `message_2.json` is listed as failed with its offset and its raw text is searchable, and the
    /// formula and script texts are stored unchanged.
    @Test func hostileExportKeepsEveryMessage() throws {
        guard let zip = Content.fixturePath("archives/generated/e2e_export_like_hostile.zip") else { return Content.skip() }
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", zip, "--case", casePath])
        #expect(run.status == 10)
        // message_2.json is 95 bytes: `{"messages":[{"sender_name":"mallory","timestamp_ms":1615685400001,"content":"`
        // (78 bytes) and then a string that never ends.
        #expect(
            run.stdout.contains("zoe_123/message_2.json: @byte 78: not valid JSON: unterminated string"), "\(run.stdout)")

        let members = try HostileRunner.json(["evidence", "--members", "--format", "json", "--case", casePath])
        let second = try #require(members.first { ($0["path"] as? String)?.hasSuffix("zoe_123/message_2.json") == true })
        #expect(second["status"] as? String == "failed")
        #expect((second["error"] as? String)?.contains("byte 78") == true)
        #expect((second["sha256"] as? String)?.count == 64, "the failed member is still hashed")
        #expect(second["records"] as? Int == 1, "its raw text")

        let truncated = try Content.search("truncated", casePath: casePath)
        #expect(truncated.count == 1)
        let raw = try #require(truncated.first)
        #expect(raw["kind"] as? String == "unparsedText")
        #expect((raw["text"] as? String)?.hasSuffix("\"content\":\"truncated mid-str") == true)
        #expect(Content.provenance(raw)["member"]?.hasSuffix("zoe_123/message_2.json") == true)
        #expect(Content.provenance(raw)["locator"] == "byte 0")
        #expect(Content.details(raw)["reason"] == "not valid JSON: unterminated string at byte 78")

        let cafe = try Content.search("Café", casePath: casePath)
        #expect(cafe.count == 1)
        #expect(cafe.first?["account"] as? String == "@zoë")
        #expect(Content.details(cafe.first ?? [:])["rawText"]?.hasPrefix("CafÃ©") == true)

        let formula = try Content.search("HYPERLINK", casePath: casePath)
        #expect(formula.first?["text"] as? String == #"=HYPERLINK("http://attacker.example.invalid/","x")"#)
        let script = try Content.search("alert", casePath: casePath)
        #expect(script.first?["text"] as? String == "<script>alert(1)</script>")

        let codes = try CaseDump.rows(casePath, "SELECT code, count(*) AS n FROM warning GROUP BY code")
        let counts = Dictionary(uniqueKeysWithValues: codes.map { ($0["code"] ?? "", Int($0["n"] ?? "") ?? 0) })
        #expect(counts["member-failed"] == 1)
        #expect(counts["text-repaired"] == 1)
    }

    // MARK: R-31 truncated or garbage documents, R-24 NaN

    /// Each broken document as its own Messenger thread beside a good one: every broken member is
    /// `failed` with the parser's reason and byte offset, its raw text (when it has any) is one
    /// searchable `unparsedText` record, empty files are recorded as empty, and the good thread is ingested.
    @Test func brokenDocumentsAreListedAndTheirTextSearchable() throws {
        // (fixture, expected error, a word of its text or nil when there is no text)
        let cases: [(String, String, String?)] = [
            ("truncated_mid_string.json", "@byte 25: not valid JSON: unterminated string", "mid"),
            ("trailing_garbage.json", "@byte 13: not valid JSON: unexpected data after the value", "document"),
            ("json5_comments_trailing_commas.json", "@byte 0: not valid JSON: unexpected character", "comment"),
            ("empty.json", "@byte 0: not valid JSON: unexpected end of input", nil),
            ("only_whitespace.json", "@byte 5: not valid JSON: unexpected end of input", nil),
            (
                "nan_infinity_python_style.json",
                "@byte 14: not valid JSON: non-standard number 'NaN' (NaN/Infinity are not JSON)", "Infinity"
            ),
        ]
        guard Content.fixture("json/generated/empty.json") != nil else { return Content.skip() }
        let folder = try TemporaryFolder()
        for (index, item) in cases.enumerated() {
            let bytes = try #require(Content.fixture("json/generated/" + item.0))
            try folder.write("fb/messages/inbox/broken_\(index)/message_1.json", bytes)
        }
        try folder.write("fb/messages/inbox/good/message_1.json", Content.thread(texts: ["the good thread still counts"]))
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/fb", "--case", casePath])
        #expect(run.status == 10)
        #expect(run.signal == nil)

        let members = try HostileRunner.json(["evidence", "--members", "--format", "json", "--case", casePath])
        for (index, item) in cases.enumerated() {
            let member = try #require(
                members.first { $0["path"] as? String == "messages/inbox/broken_\(index)/message_1.json" })
            #expect(member["status"] as? String == "failed", "\(item.0)")
            #expect(member["error"] as? String == item.1, "\(item.0)")
            #expect(run.stdout.contains("broken_\(index)/message_1.json: \(item.1)"), "\(item.0) named in the summary")
            if let word = item.2 {
                let hits = try Content.search(word, casePath: casePath)
                #expect(hits.count == 1, "\(item.0): \(word)")
                #expect(hits.first?["kind"] as? String == "unparsedText")
                #expect(Content.provenance(hits.first ?? [:])["member"] == "messages/inbox/broken_\(index)/message_1.json")
                #expect(member["records"] as? Int == 1)
            } else {
                #expect(member["records"] as? Int == 0, "\(item.0): no text, no record")
            }
        }
        let empty = try #require(members.first { $0["path"] as? String == "messages/inbox/broken_3/message_1.json" })
        #expect(empty["sha256"] as? String == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(empty["size"] as? Int == 0)
        #expect(try Content.search("good thread", casePath: casePath).count == 1, "the rest of the export goes on")
        let failed = try CaseDump.rows(casePath, "SELECT count(*) AS n FROM warning WHERE code = 'member-failed'")
        #expect(failed.first?["n"] == String(cases.count))
    }

    /// NaN in a tweet is rejected with the lexeme and its byte offset in the member, the element's
    /// text stays searchable, the tweets around it are ingested; ids beyond 2^64 and `1e400` keep their
    /// exact text (R-24).
    @Test func nonStandardNumbersAreNamedAndBigNumbersExact() throws {
        let folder = try TemporaryFolder()
        let member = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id" : 98765432109876543210, "created_at" : "Sun Mar 14 01:30:00 +0000 2021", \
            "full_text" : "big id tweet", "favorite_count" : 1e400, "in_reply_to_status_id" : 18446744073709551617 } },
            { "tweet" : { "id_str" : "2", "full_text" : "nan tweet", "retweet_count" : NaN } },
            { "tweet" : { "id_str" : "3", "created_at" : "Sun Mar 14 01:31:00 +0000 2021", "full_text" : "after the nan" } } ]
            """
        try folder.write("tw/data/tweets.js", member)
        let nanRange = try #require(member.utf8.firstRange(of: Array("NaN".utf8)))
        let nanOffset = member.utf8.distance(from: member.utf8.startIndex, to: nanRange.lowerBound)
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/tw", "--case", casePath])
        #expect(run.status == 10)

        let big = try #require(try Content.search("big id tweet", casePath: casePath).first)
        #expect(Content.details(big)["tweetId"] == "98765432109876543210")
        #expect(Content.details(big)["favoriteCount"] == "1e400")
        #expect(Content.details(big)["inReplyToStatusId"] == "18446744073709551617")
        let stored = try CaseDump.rows(casePath, "SELECT details FROM event WHERE text = 'big id tweet'")
        #expect(stored.first?["details"]?.contains("\"tweetId\":\"98765432109876543210\"") == true)

        let warnings = try CaseDump.rows(
            casePath, "SELECT message, locator FROM warning WHERE code = 'invalid-json' ORDER BY id")
        #expect(warnings.count == 1)
        #expect(
            warnings.first?["message"]
                == "element is not valid JSON: non-standard number 'NaN' (NaN/Infinity are not JSON) (byte \(nanOffset) of member)")
        #expect(warnings.first?["locator"] == "/1")
        let nan = try Content.search("nan tweet", casePath: casePath)
        #expect(nan.map { $0["kind"] as? String } == ["unparsedText"])
        #expect(try Content.search("after the nan", casePath: casePath).count == 1)
    }

    // MARK: R-26, R-27 encodings

    enum Encoding: String, CaseIterable {
        case utf8, utf8BOM, utf16LEBOM, utf16BEBOM, utf16LE, utf16BE, utf32LEBOM, utf32BEBOM

        func encode(_ text: String) -> Data {
            switch self {
            case .utf8: Data(text.utf8)
            case .utf8BOM: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
            case .utf16LEBOM: Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
            case .utf16BEBOM: Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
            case .utf16LE: text.data(using: .utf16LittleEndian)!
            case .utf16BE: text.data(using: .utf16BigEndian)!
            case .utf32LEBOM: Data([0xFF, 0xFE, 0, 0]) + text.data(using: .utf32LittleEndian)!
            case .utf32BEBOM: Data([0, 0, 0xFE, 0xFF]) + text.data(using: .utf32BigEndian)!
            }
        }

        /// What the `text-encoding` warning must say, nil for UTF-8.
        var warning: String? {
            switch self {
            case .utf8, .utf8BOM: nil
            case .utf16LEBOM: "member is UTF-16LE (by its byte order mark)"
            case .utf16BEBOM: "member is UTF-16BE (by its byte order mark)"
            case .utf16LE: "member is UTF-16LE (guessed from the NUL bytes of ASCII text, no byte order mark)"
            case .utf16BE: "member is UTF-16BE (guessed from the NUL bytes of ASCII text, no byte order mark)"
            case .utf32LEBOM: "member is UTF-32LE (by its byte order mark)"
            case .utf32BEBOM: "member is UTF-32BE (by its byte order mark)"
            }
        }
    }

    /// The `hostile/text` catalogue as Twitter and Facebook members: the text of `utf16le_bom.txt` in
    /// eight encodings (with and without byte order marks, UTF-16 and UTF-32) finds "café" in every
    /// one, each transcoded member is warned `text-encoding`; the JSON encoding fixtures keep their
    /// bytes as unwrapped tweets; invalid UTF-8, Latin-1, NUL, bidi and line-ending files become
    /// message text with U+FFFD and an `invalid-text` warning, and a NUL never cuts text short.
    @Test func textCatalogueInEveryEncoding() throws {
        guard let utf16 = Content.fixture("text/utf16le_bom.txt") else { return Content.skip() }
        let text = try #require(String(data: utf16.dropFirst(2), encoding: .utf16LittleEndian))
        #expect(text == "Line one café\r\nLine two 😀\r\n")
        let folder = try TemporaryFolder()
        try folder.write(
            "tw/data/account.js",
            #"window.YTD.account.part0 = [ { "account" : { "accountId" : "1001", "username" : "ann_example" } } ]"#)
        for (index, encoding) in Encoding.allCases.enumerated() {
            let tagged = text + " enc" + encoding.rawValue
            let tweets = """
                window.YTD.tweets.part\(index) = [ { "tweet" : { "id_str" : "\(100 + index)", \
                "created_at" : "Sun Mar 14 01:30:00 +0000 2021", "full_text" : \(Content.quoted(tagged)) } } ]
                """
            try folder.write("tw/data/tweets-part\(index + 1).js", encoding.encode(tweets))
            let thread = String(decoding: Content.thread(texts: [tagged]), as: UTF8.self)
            try folder.write("fb/messages/inbox/enc_\(encoding.rawValue)/message_1.json", encoding.encode(thread))
        }
        // The JSON fixtures in other encodings, byte for byte, as unwrapped tweets in an array
        // written in the same encoding.
        let jsonFixtures: [(name: String, markLength: Int, plain: (String) -> Data)] = [
            ("utf16le_bom.json", 2, { $0.data(using: .utf16LittleEndian)! }),
            ("utf16be_nobom.json", 0, { $0.data(using: .utf16BigEndian)! }),
            ("utf32le_bom.json", 4, { $0.data(using: .utf32LittleEndian)! }),
            ("utf8_bom.json", 3, { Data($0.utf8) }),
        ]
        for (index, fixture) in jsonFixtures.enumerated() {
            let bytes = try #require(Content.fixture("json/generated/" + fixture.name))
            let member =
                bytes.prefix(fixture.markLength) + fixture.plain("window.YTD.tweets.part\(20 + index) = [ ")
                + bytes.dropFirst(fixture.markLength) + fixture.plain(" ]")
            try folder.write("tw/data/tweets-part\(20 + index).js", member)
        }
        // UTF-8 byte catalogues as raw string contents.
        let byteFixtures = [
            "invalid_utf8_catalogue.txt", "latin1_windows1252.txt", "nul_bytes_in_text.txt", "bidi_and_invisible.txt",
            "mixed_line_endings.txt",
        ]
        var contents: [Data] = []
        for name in byteFixtures { contents.append(Content.rawQuoted(try #require(Content.fixture("text/" + name)))) }
        try folder.write("fb/messages/inbox/bytes/message_1.json", Content.thread(contents: contents))
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/tw", folder.path + "/fb", "--case", casePath])
        #expect(run.status == 10, "\(run.stdout) \(run.stderr)")
        #expect(run.signal == nil)

        // Every encoding, both platforms: the same text, no byte order mark, no NUL.
        for encoding in Encoding.allCases {
            let hits = try Content.search("enc" + encoding.rawValue, casePath: casePath)
            #expect(Set(hits.compactMap { $0["platform"] as? String }) == ["twitter", "facebook"], "\(encoding)")
            for hit in hits { #expect(hit["text"] as? String == text + " enc" + encoding.rawValue, "\(encoding)") }
        }
        let cafe = try Content.search("café", casePath: casePath)
        #expect(cafe.count == 2 * Encoding.allCases.count + jsonFixtures.count, "\(cafe.compactMap { $0["text"] })")
        #expect(cafe.allSatisfy { ($0["text"] as? String)?.unicodeScalars.first != "\u{FEFF}" })
        #expect(try Content.search("cafe", casePath: casePath).count == cafe.count, "diacritics folded")

        let warnings = try CaseDump.rows(
            casePath,
            "SELECT w.message, m.path FROM warning w JOIN member m ON m.id = w.memberId WHERE w.code = 'text-encoding'")
        for encoding in Encoding.allCases {
            let found = warnings.filter {
                ($0["path"] ?? "").contains("enc_\(encoding.rawValue)/")
                    || $0["path"] == "data/tweets-part\(Encoding.allCases.firstIndex(of: encoding)! + 1).js"
            }
            if let expected = encoding.warning {
                #expect(found.count == 2, "\(encoding): \(found)")
                #expect(found.allSatisfy { $0["message"]?.hasPrefix(expected) == true }, "\(encoding): \(found)")
            } else {
                #expect(found.isEmpty, "\(encoding)")
            }
        }
        #expect(warnings.count == 2 * 6 + 3, "six transcoded encodings per platform and three JSON fixtures")

        // Invalid UTF-8: U+FFFD in the text, counted with the offset of the first bad string.
        let catalogue = try #require(try Content.search("continuation", casePath: casePath).first)
        #expect((catalogue["text"] as? String)?.contains("\u{FFFD}") == true)
        #expect((catalogue["text"] as? String)?.contains("valid 2-byte\té\tend") == true, "valid sequences kept")
        let invalid = try CaseDump.rows(casePath, "SELECT message FROM warning WHERE code = 'invalid-text'")
        #expect(invalid.count == 1)
        #expect(invalid.first?["message"]?.hasPrefix("2 strings held invalid UTF-8") == true, "\(invalid)")
        #expect(invalid.first?["message"]?.contains("(the first at byte ") == true)
        // NUL bytes never cut the text short.
        let nul = try #require(try Content.search("hidden", casePath: casePath).first)
        #expect(nul["text"] as? String == "visible text\u{0}\u{0}\u{0}hidden after NULs\n")
    }

    // MARK: R-29 huge fields and lines

    /// A 16 MiB tweet text between two ordinary tweets: ingested whole (all of it stored), peak RSS
    /// under 512 MiB, and the tweets around it found. The member is generated by the test.
    @Test func sixteenMebibyteStringIsKeptWithBoundedMemory() throws {
        let folder = try TemporaryFolder()
        let filler = String(repeating: "lorem ipsum ", count: (16 << 20) / 12)
        let member = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "created_at" : "Sun Mar 14 01:30:00 +0000 2021", "full_text" : "beforehuge" } },
            { "tweet" : { "id_str" : "2", "created_at" : "Sun Mar 14 01:31:00 +0000 2021", "full_text" : "sixteenmeg \(filler)" } },
            { "tweet" : { "id_str" : "3", "created_at" : "Sun Mar 14 01:32:00 +0000 2021", "full_text" : "afterhuge" } } ]
            """
        try folder.write("tw/data/tweets.js", member)
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/tw", "--case", casePath])
        #expect([0, 10].contains(run.status), "\(run.stderr)")
        if let peak = run.peakKilobytes { #expect(peak < 512 * 1024, "peak RSS \(peak) KB") }
        let lengths = try CaseDump.rows(casePath, "SELECT length(text) AS n FROM event WHERE text LIKE 'sixteenmeg%'")
        #expect(lengths.first?["n"] == String("sixteenmeg ".count + filler.count))
        #expect(try Content.search("beforehuge", casePath: casePath).count == 1)
        #expect(try Content.search("afterhuge", casePath: casePath).count == 1)
        #expect(try Content.search("sixteenmeg", casePath: casePath, ["--limit", "1"]).count == 1)
    }

    /// A 100 MB single-line element (over the 64 MiB element limit) is hashed and reported with its
    /// index, offset and size, memory stays under 512 MiB, and the tweets after it are ingested.
    @Test func hundredMegabyteLineIsReportedAndTheRestIngested() throws {
        let folder = try TemporaryFolder()
        let head = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "created_at" : "Sun Mar 14 01:30:00 +0000 2021", "full_text" : "beforeline" } },
            """
        let big = "{ \"tweet\" : { \"id_str\" : \"2\", \"full_text\" : \"" + String(repeating: "y", count: 100_000_000) + "\" } }"
        let tail = """
            ,
            { "tweet" : { "id_str" : "3", "created_at" : "Sun Mar 14 01:32:00 +0000 2021", "full_text" : "afterline" } } ]
            """
        try folder.write("tw/data/tweets.js", Data((head + "\n" + big + tail).utf8))
        let offset = head.utf8.count + 1
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(["ingest", folder.path + "/tw", "--case", casePath])
        #expect(run.status == 10, "\(run.stderr)")
        if let peak = run.peakKilobytes { #expect(peak < 512 * 1024, "peak RSS \(peak) KB") }
        let warnings = try CaseDump.rows(
            casePath, "SELECT message, locator FROM warning WHERE code = 'element-too-large'")
        #expect(warnings.count == 1)
        #expect(warnings.first?["locator"] == "/1")
        #expect(
            warnings.first?["message"]
                == "element of \(big.utf8.count) bytes at byte \(offset) is larger than \(64 << 20) bytes; it was hashed with the member but not parsed")
        #expect(try Content.search("beforeline", casePath: casePath).count == 1)
        #expect(try Content.search("afterline", casePath: casePath).count == 1)
        let member = try CaseDump.rows(casePath, "SELECT size, status FROM member WHERE path = 'data/tweets.js'")
        #expect(member.first?["size"] == String(head.utf8.count + 1 + big.utf8.count + tail.utf8.count))
        #expect(member.first?["status"] == "parsed")
    }

    /// The other large fixtures (R-29): a 900 KB line as a message, an object of 50,000 keys as a tweet
    /// and a 500 KB HTML attribute as a legacy Facebook messages page: ingested in full, peak RSS under
    /// 512 MiB.
    @Test func otherLargeFixturesAreKeptWithBoundedMemory() throws {
        guard let line = Content.fixture("text/very_long_line_900KB.txt"),
            let keys = Content.fixture("json/generated/huge_key_count.json"),
            let html = Content.fixture("xml/generated/html_unclosed_tags_and_huge_attribute.html")
        else { return Content.skip() }
        let folder = try TemporaryFolder()
        try folder.write(
            "fb/messages/inbox/long/message_1.json",
            Content.thread(contents: [Content.rawQuoted(Data("longline ".utf8) + line)]))
        try folder.write(
            "tw/data/account.js",
            #"window.YTD.account.part0 = [ { "account" : { "accountId" : "1001", "username" : "ann_example" } } ]"#)
        try folder.write(
            "tw/data/tweets.js",
            Data(#"window.YTD.tweets.part0 = [ {"id_str": "7", "full_text": "manykeys", "#.utf8) + keys.dropFirst() + Data(" ]".utf8))
        try folder.write("legacy/html/messages.htm", html)
        let casePath = folder.path + "/case.db"
        let run = try Content.casebook(
            ["ingest", folder.path + "/fb", folder.path + "/tw", folder.path + "/legacy", "--case", casePath])
        #expect([0, 10].contains(run.status), "\(run.stderr)")
        #expect(run.signal == nil)
        if let peak = run.peakKilobytes { #expect(peak < 512 * 1024, "peak RSS \(peak) KB") }
        let long = try #require(try Content.search("longline", casePath: casePath).first)
        #expect((long["text"] as? String)?.utf8.count == "longline ".utf8.count + line.count)
        let many = try Content.search("manykeys", casePath: casePath)
        #expect(many.count == 1)
        #expect(many.first?["platform"] as? String == "twitter")
        let members = try HostileRunner.json(["evidence", "--members", "--format", "json", "--case", casePath])
        let page = try #require(members.first { $0["path"] as? String == "html/messages.htm" })
        #expect(page["size"] as? Int == html.count)
        #expect((page["sha256"] as? String)?.count == 64)
    }
}
