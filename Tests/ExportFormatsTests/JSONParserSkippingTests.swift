import CasebookTestSupport
import ExportFormats
import Foundation
import Testing

/// `JSONParser(skipping:)`: members the caller never reads are checked as JSON but not built. What a
/// user relies on: the rest of the tree is the same, and a document is rejected (with the same offset
/// and reason) exactly when the full parse rejects it.
@Suite struct JSONParserSkippingTests {
    static func parse(_ text: String, skipping: [String] = []) -> Result<JSONValue, JSONSyntaxError> {
        var parser = JSONParser(skipping: skipping)
        return Result { () throws(JSONSyntaxError) in try parser.parse(Array(text.utf8)) }
    }

    /// The full tree with every member named in `names` removed, at any depth.
    static func without(_ names: Set<String>, _ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    members: object.members.filter { !names.contains($0.key) }.map { member in
                        var kept = member
                        kept.value = without(names, member.value)
                        return kept
                    }))
        case .array(let items): return .array(items.map { without(names, $0) })
        default: return value
        }
    }

    @Test func skippedMembersAreLeftOutAtAnyDepthAndTheRestIsKept() throws {
        let text = """
            {"tweet": {"edit_info": {"initial": {"editTweetIds": ["1"], "isEditEligible": true}},
             "entities": {"urls": [{"url": "https://t.co/x", "indices": ["0", "23"]}], "symbols": [ ]},
             "full_text": "a \\"quoted\\" \\u00e9 text", "indices": -1.5e3, "lang": "en",
             "edit_info": null}}
            """
        let names = ["edit_info", "indices", "symbols"]
        let skipped = try Self.parse(text, skipping: names).get()
        let full = try Self.parse(text).get()
        #expect(skipped == Self.without(Set(names), full))
        #expect(skipped["tweet"]?["entities"]?["urls"]?[0]?.object?.keys == ["url"])
        #expect(skipped["tweet"]?["full_text"]?.string == "a \"quoted\" \u{e9} text")
        #expect(skipped["tweet"]?.object?.keys == ["entities", "full_text", "lang"])
        // A skipped name written with an escape is not recognised, and is kept.
        let escaped = try Self.parse(#"{"edit\u005finfo": 1}"#, skipping: names).get()
        #expect(escaped["edit_info"]?.string == "1")
    }

    /// Every malformation inside a skipped value is an error at the same byte, with the same reason.
    @Test(arguments: [
        #"{"skip": "bad \x escape"}"#, #"{"skip": "bad \u12G4 escape"}"#, "{\"skip\": \"control \u{01} char\"}",
        #"{"skip": "unterminated}"#, #"{"skip": tru}"#, #"{"skip": -}"#, #"{"skip": NaN}"#, #"{"skip": [1, 2,, 3]}"#,
        #"{"skip": {"a" 1}}"#, #"{"skip": {"a": 1 "b": 2}}"#, #"{"skip": {1: 2}}"#, #"{"skip": [1 2]}"#,
        #"{"skip": [1, 2}"#, #"{"skip": {"a": [}}"#, #"{"skip""#, #"{"skip": "#, #"{"skip" 1}"#, #"{"skip": 1"#,
        #"{"skip": 1,}"#, #"{"skip": [1, 2,]} x"#, #"{"skip": "\"#,
    ])
    func malformedSkippedValuesFailAsTheFullParseFails(_ text: String) {
        let full = Self.parse(text)
        let skipped = Self.parse(text, skipping: ["skip"])
        switch (full, skipped) {
        case (.failure(let expected), .failure(let got)):
            #expect(got.offset == expected.offset, "\(text)")
            #expect(got.reason == expected.reason, "\(text)")
        case (.success, .success): break  // accepted by both (a trailing comma in an array is allowed)
        default: Issue.record("\(text): full parse \(full), skipping parse \(skipped)")
        }
    }

    @Test func nestingLimitHoldsInsideSkippedValues() {
        let deep = #"{"skip": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        guard case .failure(let expected) = Self.parse(deep), case .failure(let got) = Self.parse(deep, skipping: ["skip"]) else {
            Issue.record("600 levels must be rejected with and without skipping")
            return
        }
        #expect(got.offset == expected.offset)
        #expect(got.reason == expected.reason)
    }

    /// JSONTestSuite (`../shared/fixtures/hostile/json`), each document as a skipped member's value:
    /// accepted exactly when the full parse accepts it, failing at the same byte.
    @Test(arguments: HostileJSONTests.suiteFiles) func jsonTestSuiteInsideASkippedMember(_ relative: String) throws {
        let document = try HostileJSONTests.bytes(relative)
        let prefix = Array(#"{"skip": "#.utf8)
        let input = prefix + document + Array("}".utf8)
        var fullParser = JSONParser(), skippingParser = JSONParser(skipping: ["skip"])
        let full = Result { () throws(JSONSyntaxError) in try fullParser.parse(input) }
        let skipped = Result { () throws(JSONSyntaxError) in try skippingParser.parse(input) }
        switch (full, skipped) {
        case (.success(let value), .success(let kept)): #expect(kept == Self.without(["skip"], value))
        case (.failure(let expected), .failure(let got)):
            #expect(got.offset == expected.offset, "\(relative)")
            #expect(got.reason == expected.reason, "\(relative)")
        default: Issue.record("\(relative): full parse \(full), skipping parse \(skipped)")
        }
    }

    /// Long member names are shared between elements; what they read as must not change.
    @Test func longNamesReadTheSameInEveryElement() throws {
        var parser = JSONParser()
        let names = ["in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to_user_id_str", "x_long_name_with_é_16"]
        for round in 0..<3 {
            let text = "{" + names.enumerated().map { "\"\($0.element)\": \"\(round)-\($0.offset)\"" }.joined(separator: ", ") + "}"
            let value = try parser.parse(Array(text.utf8))
            #expect(value.object?.keys == names)
            for (offset, name) in names.enumerated() { #expect(value[name]?.string == "\(round)-\(offset)") }
        }
    }
}
