// libFuzzer target: the strict JSON parser on whole inputs, and the streaming array splitter fed in chunks of
// varying size with each element parsed, as `TwitterArchive.forEachItem` does.
import ExportFormats
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    var whole = JSONParser()
    _ = try? whole.parse(bytes)

    var stream = JSONArrayStream(maxElementBytes: 1 << 20)
    var elements = JSONParser(maxDepth: 64)
    let chunkSize = FuzzInput.chunkSize(for: bytes)
    var position = 0
    do {
        while position < bytes.count {
            let end = min(bytes.count, position + chunkSize)
            try bytes[position..<end].withUnsafeBytes { chunk in
                try stream.feed(chunk) { _, _, element in _ = try? elements.parse(element) }
            }
            position = end
        }
    } catch {}
    _ = (stream.isComplete, stream.sawArray, stream.count, stream.offset)
    return 0
}
