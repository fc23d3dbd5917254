import ExportFormats
import Testing

@Suite struct JSONArrayStreamTests {
    /// Calls `body` with `text`'s bytes in chunks of `chunk` bytes.
    func forEachChunk(of text: String, size chunk: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            try Array(bytes[start..<end]).withUnsafeBytes(body)
            start = end
        }
    }

    func split(_ text: String, limit: Int = 64 << 20, chunk: Int = 7) throws -> (elements: [String], oversized: [(Int, Int64, Int64)]) {
        var stream = JSONArrayStream(maxElementBytes: limit)
        var elements: [String] = []
        var oversized: [(Int, Int64, Int64)] = []
        try forEachChunk(of: text, size: chunk) { raw in
            try stream.feed(
                raw, onElement: { _, _, element in elements.append(String(decoding: element, as: UTF8.self)) },
                onOversized: { index, offset, size in oversized.append((index, offset, size)) })
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

    /// An element past `divertAbove` is offered to the caller: taken, it arrives as a head and pieces
    /// that make up its bytes exactly, and is never buffered (so `maxElementBytes` does not cut it);
    /// declined, it is buffered and handed over whole. The elements around it are unchanged, at every
    /// chunk size.
    @Test func elementPastTheDivertLimitArrivesInPiecesThatMakeItUp() throws {
        let taken = #"{"t":""# + String(repeating: #"x\"]}"#, count: 60) + #"", "n":[1,2]}"#
        let declined = #"{"u":""# + String(repeating: "y", count: 150) + #""}"#
        let text = #"window.YTD.x.part0 = [ {"n":1}, "# + taken + ", " + declined + #", {"n":3} ] "#
        for chunk in [1, 2, 7, 64, text.utf8.count] {
            var stream = JSONArrayStream(maxElementBytes: 200, divertAbove: 100)
            var elements: [String] = []
            var pieces: [UInt8] = []
            var events: [String] = []
            try forEachChunk(of: text, size: chunk) { raw in
                try stream.feed(
                    raw, onElement: { index, _, element in elements.append("\(index):" + String(decoding: element, as: UTF8.self)) },
                    onOversized: { index, _, _ in events.append("oversized \(index)") },
                    onPiece: { piece in
                        switch piece {
                        case .opened(let index, let offset, let head):
                            events.append("opened \(index) at \(offset)")
                            guard index == 1 else { return false }
                            #expect(head.count > 100 && head.count <= 100 + chunk)
                            pieces = Array(head)
                            return true
                        case .bytes(let more):
                            pieces += Array(more)
                        case .closed(let index):
                            events.append("closed \(index)")
                        }
                        return true
                    })
            }
            let takenOffset = try #require(text.range(of: taken)).lowerBound.utf16Offset(in: text)
            #expect(stream.isComplete, "chunk \(chunk)")
            #expect(String(decoding: pieces, as: UTF8.self) == taken, "chunk \(chunk)")
            #expect(elements == [#"0:{"n":1}"#, "2:" + declined, #"3:{"n":3}"#], "chunk \(chunk)")
            #expect(events == ["opened 1 at \(takenOffset)", "closed 1", "opened 2 at \(takenOffset + taken.utf8.count + 2)"], "chunk \(chunk)")
            #expect(stream.endOffset == Int64(text.utf8.count - 1), "just past the closing bracket")
        }
    }

    /// The bytes after the closing `]` are kept up to `maxTrailingBytes`, at every chunk size, and more
    /// than that is flagged.
    @Test func bytesAfterTheArrayAreKeptUpToTheLimit() throws {
        for chunk in [1, 3, 64] {
            for (limit, kept, overflow) in [(0, "", false), (4, " } ", false), (2, " }", true)] {
                var stream = JSONArrayStream(maxTrailingBytes: limit)
                try forEachChunk(of: #"{"list": [ 1, [2] ] } "#, size: chunk) { raw in try stream.feed(raw, onElement: { _, _, _ in }) }
                #expect(String(decoding: stream.trailingBytes, as: UTF8.self) == kept, "chunk \(chunk), limit \(limit)")
                #expect(stream.trailingOverflow == overflow, "chunk \(chunk), limit \(limit)")
            }
        }
    }
}
