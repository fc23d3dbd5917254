import ExportFormats
import Testing

@Suite struct JSONArrayStreamTests {
    func split(_ text: String, limit: Int = 64 << 20, chunk: Int = 7) throws -> (elements: [String], oversized: [(Int, Int64, Int64)]) {
        var stream = JSONArrayStream(maxElementBytes: limit)
        var elements: [String] = []
        var oversized: [(Int, Int64, Int64)] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            try Array(bytes[start..<end]).withUnsafeBytes { raw in
                try stream.feed(
                    raw, onElement: { _, _, element in elements.append(String(decoding: element, as: UTF8.self)) },
                    onOversized: { index, offset, size in oversized.append((index, offset, size)) })
            }
            start = end
        }
        #expect(stream.isComplete)
        return (elements, oversized)
    }

    @Test func splitsAcrossChunksWithPrefixStringsAndTrailingComma() throws {
        let result = try split(#"window.YTD.tweets.part0 = [ {"a":"]},["}, [1,2] , "x\"y", 3, ]"#)
        #expect(result.elements == [#"{"a":"]},["}"#, "[1,2]", #""x\"y""#, "3"])
        #expect(result.oversized.isEmpty)
    }

    @Test func oversizedElementIsSkippedAndTheRestRead() throws {
        let big = "{\"t\":\"" + String(repeating: "x", count: 200) + "\"}"
        let result = try split("[ {\"n\":1}, \(big), {\"n\":3} ]", limit: 100)
        #expect(result.elements == ["{\"n\":1}", "{\"n\":3}"])
        #expect(result.oversized.count == 1)
        #expect(result.oversized.first?.0 == 1)
        #expect(result.oversized.first?.2 == Int64(big.utf8.count))
    }

    /// Escapes (a backslash before a quote, a backslash before a backslash) fall on every chunk boundary
    /// in turn: the elements must be those of the whole input in one chunk.
    @Test func escapesSplitAtEveryChunkBoundaryGiveTheSameElements() throws {
        let text = #"[ {"a":"q\"}", "b":"\\", "c":["\\\"]", "]"]}, "\\", "x\"]\\", {"d":"}{\\"} ]"#
        let whole = try split(text, chunk: text.utf8.count)
        #expect(whole.elements.count == 4, "\(whole.elements)")
        #expect(whole.elements[0] == #"{"a":"q\"}", "b":"\\", "c":["\\\"]", "]"]}"#)
        for chunk in 1...24 {
            #expect(try split(text, chunk: chunk).elements == whole.elements, "chunk \(chunk)")
        }
    }
}
