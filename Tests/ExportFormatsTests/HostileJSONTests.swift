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
            if name == "nan_infinity_python_style.json", case .failure(let error) = outcome {
                #expect(error.reason.contains("'NaN'"), "the lexeme is named: \(error.reason)")
            }
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

    /// R-24: NaN and infinities are rejected (policy), and the error names the lexeme and its offset.
    @Test func nonStandardNumbersNameTheLexeme() throws {
        guard SampleExportsLocator.sharedFixture("hostile/json") != nil else { return print("skipped: ../shared/fixtures is absent") }
        let cases: [(String, String, Int)] = [
            ("json/generated/nan_infinity_python_style.json", "NaN", 14),
            ("json/jsontestsuite/n_number_NaN.json", "NaN", 1),
            ("json/jsontestsuite/n_number_minus_infinity.json", "-Infinity", 1),
        ]
        for (relative, lexeme, offset) in cases {
            var parser = JSONParser()
            let input = try Self.bytes(relative)
            do throws(JSONSyntaxError) {
                _ = try parser.parse(input)
                Issue.record("\(relative) was accepted")
            } catch {
                #expect(error.reason == "non-standard number '\(lexeme)' (NaN/Infinity are not JSON)", "\(relative)")
                #expect(error.offset == offset, "\(relative)")
            }
        }
    }

    /// R-24: every number keeps its exact lexeme: ns timestamps, ids above 2^53 and 2^64, 1e400 (never
    /// infinity), 1e-400 (never 0), -0.0.
    @Test func bigNumbersKeepTheirLexeme() throws {
        guard SampleExportsLocator.sharedFixture("hostile/json") != nil else { return print("skipped: ../shared/fixtures is absent") }
        var parser = JSONParser()
        let value = try parser.parse(try Self.bytes("json/generated/big_numbers.json"))
        let expected = [
            "timestamp_ns": "1615723200123456789", "id_over_2_53": "9007199254740993",
            "id_over_2_64": "18446744073709551617", "float_overflow": "1e400", "tiny": "1e-400", "neg_zero": "-0.0",
        ]
        for (key, lexeme) in expected { #expect(value[key] == .number(lexeme), "\(key)") }
        #expect(value["id_over_2_64"]?.int64 == nil, "too big for Int64: no silent wrap")
    }

    /// The streaming decoder gives the same UTF-8 whatever the chunk sizes, including surrogate pairs
    /// and code units split between chunks; lone surrogates and a dangling byte become U+FFFD and count.
    @Test func streamingDecoderAgreesAtEveryChunkSize() throws {
        let text = "window.YTD.x = [ \"café 😀 ünïcödé 𝄞\" ]"
        let encodings: [(Data, StreamingTextDecoder.Encoding, Bool)] = [
            (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, .utf16LE, true),
            (Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, .utf16BE, true),
            (text.data(using: .utf16LittleEndian)!, .utf16LE, false),
            (text.data(using: .utf16BigEndian)!, .utf16BE, false),
            (Data([0xFF, 0xFE, 0, 0]) + text.data(using: .utf32LittleEndian)!, .utf32LE, true),
            (Data([0, 0, 0xFE, 0xFF]) + text.data(using: .utf32BigEndian)!, .utf32BE, true),
            (Data(text.utf8), .utf8, false),
        ]
        for (bytes, encoding, mark) in encodings {
            for size in [1, 2, 3, 5, 7, 4096] {
                var decoder = StreamingTextDecoder()
                var output: [UInt8] = []
                var index = 0
                while index < bytes.count {
                    let chunk = bytes[index..<min(index + size, bytes.count)]
                    output += Array(chunk).withUnsafeBytes { decoder.passesThrough ? Array($0) : decoder.decode($0) }
                    index += size
                }
                output += decoder.finish()
                #expect(String(decoding: output, as: UTF8.self) == text, "\(encoding) chunk \(size)")
                #expect(decoder.encoding == encoding)
                #expect(decoder.hadByteOrderMark == mark)
                #expect(decoder.replacements == 0)
            }
        }
        // A lone high surrogate, then an odd trailing byte.
        var broken = Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43])
        var decoder = StreamingTextDecoder()
        var output = broken.withUnsafeBytes { decoder.decode($0) }
        output += decoder.finish()
        #expect(String(decoding: output, as: UTF8.self) == "A\u{FFFD}B\u{FFFD}")
        #expect(decoder.replacements == 2)
        broken = Data()
        #expect(StreamingTextDecoder.utf8(Array(broken)).bytes.isEmpty)
    }
}
