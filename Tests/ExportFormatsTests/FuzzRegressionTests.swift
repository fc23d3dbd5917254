import CasebookTestSupport
import ExportFormats
import Foundation
import Testing

/// Inputs found by the libFuzzer targets (`Scripts/fuzz`, docs/RELIABILITY.md "Fuzzing"), each kept here after
/// its fix so it can never come back. Inputs are inline (base64 when not printable); the comment names the target.
@Suite struct FuzzRegressionTests {
    struct TooManyElements: Error {}

    /// Feeds `input` to a `JSONArrayStream` in `chunkSize` pieces and returns the elements it hands over. A stream
    /// that hands over more elements than the input has bytes is looping: that throws instead of hanging the test.
    static func elements(_ input: [UInt8], chunkSize: Int) throws -> (elements: [[UInt8]], complete: Bool) {
        var stream = JSONArrayStream()
        var elements: [[UInt8]] = []
        var position = 0
        while position < input.count {
            let end = min(input.count, position + chunkSize)
            try input[position..<end].withUnsafeBytes { chunk in
                try stream.feed(chunk) { _, _, element in
                    elements.append(element)
                    if elements.count > input.count { throw TooManyElements() }
                }
            }
            position = end
        }
        return (elements, stream.isComplete)
    }

    /// FuzzJSON: a stray `}` where an array element should start made the streamer hand over an empty element and
    /// come back to the same `}` forever (an ingest of `window.YTD.tweets.part0 = [ }` never ended). The `}` is now
    /// kept in its element, which fails to parse and becomes an `invalid-json` warning; the array goes on.
    @Test(arguments: [1, 2, 1024]) func strayClosingBraceInArrayEndsTheElement(_ chunkSize: Int) throws {
        let result = try Self.elements(Array("[ }, 1 ]".utf8), chunkSize: chunkSize)
        #expect(result.elements == [Array("}".utf8), Array("1 ".utf8)])
        #expect(result.complete)
    }

    /// FuzzJSON: the input as found (before minimizing): a stray `}` right after a non-JSON byte.
    @Test(arguments: [1, 3, 1024]) func strayClosingBraceAsFound(_ chunkSize: Int) throws {
        let input = try #require(Data(base64Encoded: "KiAwWyAsi30EMC1TWyyc"))
        let result = try Self.elements(Array(input), chunkSize: chunkSize)
        #expect(result.elements == [[0x8B, 0x7D]])
        #expect(!result.complete)
    }
}

/// Found by FuzzTwitter (artifact `FuzzTwitter-timeout-8290d156…`, 8 KB, 6 s): with an account.js that
/// names no owner, every tweet asked for the owner again and re-parsed account.js, quadratic in the
/// number of tweets. The answer "no owner" is now kept for the archive level like a found owner.
@Suite struct TwitterOwnerLookupRegressionTests {
    @Test func missingOwnerIsLookedUpOnceAndWarnedOnce() throws {
        let tweets = (1...50).map { index in
            #"{ "tweet" : { "id_str" : "\#(1000 + index)", "full_text" : "tweet \#(index)", "created_at" : "Wed Oct 10 20:19:24 +0000 2018" } }"#
        }
        let result = try ParserHarness.run(
            TwitterTweetsParser.self,
            files: [
                "data/account.js": #"window.YTD.account.part0 = [ { "account" : { "username" : "no_id_here" } } ]"#,
                "data/tweets.js": "window.YTD.tweets.part0 = [ " + tweets.joined(separator: ", ") + " ]",
            ])
        #expect(result.records.count == 50)
        #expect(result.warnings.map { $0.code } == ["owner-unknown"])
        #expect(result.stateValues["twitter.ownerId"] == "", "the missing owner is remembered, not looked up per tweet")
        #expect(result.events.allSatisfy { $0.actor?.key.hasPrefix("owner:") == true })
    }
}
