// libFuzzer target: the pre-2018 Facebook HTML archive parser (libxml2's HTML parser and our tree walk) over the
// bytes as `html/messages.htm`, read whole and in two passes (`MetaHTMLPage.walk`).
import ExportFormats
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    FuzzInput.runParser(
        FacebookLegacyMessagesParser.self, path: "html/messages.htm", bytes: bytes,
        listing: ["html/messages.htm", "index.htm"], chunkSize: FuzzInput.chunkSize(for: bytes))
    // Files are read in two passes only past 16 MiB; this parser does it for every file, in small chunks.
    var streaming = FacebookLegacyMessagesParser(streamingThreshold: 0)
    streaming.chunkSize = 61
    FuzzInput.runParser(
        instance: streaming, path: "html/messages.htm", bytes: bytes, listing: ["html/messages.htm", "index.htm"],
        chunkSize: FuzzInput.chunkSize(for: bytes))
    return 0
}
