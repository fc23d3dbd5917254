import CasebookTestSupport
import ExportFormats
import Foundation
import Testing

/// Hostile content (RELIABILITY.md R-23..R-27, R-29, R-31, R-32): the JSON parser, the array streamer
/// and real parsers on `../shared/fixtures/hostile/json` and `xml`. None may crash, hang or expand
/// entities; y_ files must parse, n_ files must be rejected, i_ files may go either way.
@Suite struct HostileJSONTests {
    static func files(_ folder: String) -> [String] {
        guard let root = SampleExportsLocator.sharedFixture("hostile/" + folder) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().map { folder + "/" + $0 }
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        let path = try #require(SampleExportsLocator.sharedFixture("hostile/" + relative))
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static let suiteFiles = files("json/jsontestsuite")
    static let generatedFiles = files("json/generated")
    static let markupFiles = files("xml/defusedxml") + files("xml/generated")

    @Test func fixturesArePresentOrSkipped() {
        if SampleExportsLocator.sharedFixture("hostile/json") == nil {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        #expect(Self.suiteFiles.count >= 30)
        #expect(Self.generatedFiles.count >= 15)
        #expect(Self.markupFiles.count >= 10)
    }

    /// JSONTestSuite: y_ accepted, n_ rejected with an offset inside the input, i_ either.
    @Test(arguments: suiteFiles) func jsonTestSuite(_ relative: String) throws {
        let input = try Self.bytes(relative)
        let name = (relative as NSString).lastPathComponent
        var parser = JSONParser()
        let outcome = Result { () throws(JSONSyntaxError) in try parser.parse(input) }
        switch outcome {
        case .success:
            #expect(!name.hasPrefix("n_"), "\(name) must be rejected")
        case .failure(let error):
            #expect(!name.hasPrefix("y_"), "\(name) must parse: \(error)")
            #expect(error.offset >= 0 && error.offset <= input.count)
        }
        // The array streamer must survive the same bytes.
        var stream = JSONArrayStream(maxElementBytes: 1 << 20)
        _ = try? input.withUnsafeBytes { try stream.feed($0) { _, _, _ in } }
    }

    @Test func duplicateKeysAreCountedAndBothKept() throws {
        for name in ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"] {
            var parser = JSONParser()
            _ = try parser.parse(try Self.bytes("json/jsontestsuite/" + name))
            #expect(parser.notes.duplicateKeys == 1, "\(name)")
        }
        var parser = JSONParser()
        let value = try parser.parse(try Self.bytes("json/generated/duplicate_keys_conflicting.json"))
        #expect(parser.notes.duplicateKeys == 2)
        #expect(value.object?.duplicateKeys.sorted() == ["content", "sender_name"])
    }

    /// Generated hostile JSON: deep nesting stops at the depth limit with an offset, invalid UTF-8 and
    /// lone surrogates are repaired and counted, and nothing crashes.
    @Test(arguments: generatedFiles) func generatedJSON(_ relative: String) throws {
        let input = try Self.bytes(relative)
        let name = (relative as NSString).lastPathComponent
        var parser = JSONParser()
        let outcome = Result { () throws(JSONSyntaxError) in try parser.parse(input) }
        switch name {
        case "deep_arrays_100k_valid.json", "deep_objects_20k_valid.json":
            guard case .failure(let error) = outcome else {
                Issue.record("depth limit not applied")
                return
            }
            #expect(error.reason.contains("nesting deeper than \(JSONParser.defaultMaxDepth)"))
        case "lone_surrogates.json":
            #expect((try? outcome.get()) != nil)
            #expect(parser.notes.loneSurrogates >= 2)
        case "latin1_not_utf8.json":
            #expect((try? outcome.get()) != nil)
            #expect(parser.notes.invalidUTF8 >= 1)
        case "huge_key_count.json", "nul_and_controls_in_strings.json", "big_numbers.json",
            "facebook_style_mojibake.json", "duplicate_keys_conflicting.json":
            #expect((try? outcome.get()) != nil, "\(name) must parse")
        case "truncated_mid_string.json", "trailing_garbage.json", "empty.json", "only_whitespace.json",
            "json5_comments_trailing_commas.json", "nan_infinity_python_style.json":
            #expect((try? outcome.get()) == nil, "\(name) must be rejected with an offset")
        default:
            // UTF-8 BOM, UTF-16/32 and NDJSON: member readers decode or split first (TextDecoding);
            // the bare parser only has to fail cleanly or parse.
            break
        }
    }

    /// The Twitter tweets parser on each hostile JSON document wrapped as `data/tweets.js`: no crash,
    /// and a duplicated key becomes a `duplicate-key` warning rather than a silent last-wins.
    @Test(arguments: generatedFiles + suiteFiles) func tweetsParserSurvives(_ relative: String) throws {
        let input = try Self.bytes(relative)
        let folder = try TemporaryFolder()
        try folder.write("data/tweets.js", Data("window.YTD.tweets.part0 = ".utf8) + Data(input))
        // A document that is not a tweets array is rejected as a whole with a ParseError (the
        // ingest then stores a member-failed warning); anything else must parse without a crash.
        do {
            let result = try ParserHarness.run(TwitterTweetsParser.self, path: folder.path)
            #expect(result.events.count <= 1)
        } catch let error as ParseError {
            #expect(!error.description.isEmpty)
        }
    }

    @Test func tweetsParserWarnsOnDuplicateKeys() throws {
        let document = try Self.bytes("json/generated/duplicate_keys_conflicting.json")
        let folder = try TemporaryFolder()
        let text =
            #"window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "created_at" : "Wed Mar 03 10:00:00 +0000 2021", "full_text" : "a", "full_text" : "b", "extra" : "#
            + String(decoding: document, as: UTF8.self) + " } } ]"
        try folder.write("data/tweets.js", text)
        let result = try ParserHarness.run(TwitterTweetsParser.self, path: folder.path)
        #expect(result.events.count == 1)
        #expect(result.warnings.contains { $0.code == "duplicate-key" })
    }

    /// XML/XHTML entity bombs, XXE and huge HTML through the Facebook legacy HTML parser: bounded
    /// output (no entity expansion), no file access, no crash.
    @Test(arguments: markupFiles) func legacyHTMLParserDoesNotExpandEntities(_ relative: String) throws {
        let input = try Self.bytes(relative)
        let folder = try TemporaryFolder()
        try folder.write("html/messages.htm", Data(input))
        let result = try ParserHarness.run(FacebookLegacyMessagesParser.self, path: folder.path)
        let text = result.events.reduce(0) { $0 + ($1.text?.utf8.count ?? 0) }
        #expect(text <= input.count, "output larger than the input: entities were expanded")
        #expect(!result.events.contains { $0.text?.contains("root:x:0:0") == true }, "external entity was read")
    }
}
