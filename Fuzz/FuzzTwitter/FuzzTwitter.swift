// libFuzzer target: every Twitter/X parser over the bytes as its member (`data/tweets.js`, `data/direct-messages.js`,
// ...), with the same bytes prefetched as `data/account.js` so the owner lookup is fuzzed too, and the DM parser
// once more with every conversation read as it arrives.
import EvidenceModel
import ExportFormats
import FuzzSupport

let twitterParsers = ParserRegistry.all.filter { $0.descriptor.platform == .twitter }
let twitterPaths = twitterParsers.map { FuzzInput.concretePath($0.descriptor.memberPatterns.first ?? "data/x.js") }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    let chunkSize = FuzzInput.chunkSize(for: bytes)
    let prefetched: [String: [UInt8]] = chunkSize % 2 == 0 ? ["data/account.js": bytes] : [:]
    for (parser, path) in zip(twitterParsers, twitterPaths) {
        FuzzInput.runParser(
            parser, path: path, bytes: bytes, listing: twitterPaths + ["data/account.js"], prefetched: prefetched,
            chunkSize: chunkSize)
    }
    // Conversations are streamed only past 4 MiB; this one streams every element past 16 bytes, so that
    // `StreamedConversation` meets the inputs too.
    FuzzInput.runParser(
        instance: TwitterDirectMessagesParser(streamingThreshold: 16), path: "data/direct-messages.js", bytes: bytes,
        listing: twitterPaths + ["data/account.js"], prefetched: prefetched, chunkSize: chunkSize)
    return 0
}
