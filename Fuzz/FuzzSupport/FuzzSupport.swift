// Helpers shared by the libFuzzer targets: members and levels built from bytes in memory, and a parser run
// with no-op sinks. Built only with CASEBOOK_FUZZ=1 (see Package.swift); the package's debug build enables
// testable imports, which is how the fuzz targets reach the reader's internal member constructor.
@testable import EvidenceArchive
import EvidenceModel
import ExportFormats
import CFuzzDriver
import Foundation

/// Serves fuzz bytes as a member, in chunks of a given size, from a buffer it owns (chunks stay valid until
/// the next call, as `ChunkSource` promises).
final class MemoryChunkSource: ChunkSource {
    private let buffer: UnsafeMutableRawBufferPointer
    private let count: Int
    private let chunkSize: Int
    private var position = 0

    init(_ bytes: [UInt8], chunkSize: Int) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { storage.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        buffer = storage
        count = bytes.count
        self.chunkSize = max(1, chunkSize)
    }

    deinit { buffer.deallocate() }

    func nextChunk() throws(ArchiveError) -> UnsafeRawBufferPointer? {
        guard position < count else { return nil }
        let length = min(chunkSize, count - position)
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + length)])
        position += length
        return chunk
    }
}

/// Builds parser inputs from fuzz bytes.
public enum FuzzInput {
    /// Limits small enough that a legitimate "bomb" input stays under libFuzzer's RSS limit.
    public static let limits = EvidenceLimits(
        maxExpandedBytes: 256 << 20, ratioCheckAfterBytes: 16 << 20, maxEntries: 20_000,
        maxNestedArchiveBytes: 32 << 20, maxInMemoryMemberBytes: 64 << 20)

    /// A copy of libFuzzer's input.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// A chunk size between 1 and 64 KiB picked from the input's length and last byte, so chunk boundaries move
    /// as the fuzzer mutates without spending input bytes on a selector.
    public static func chunkSize(for bytes: [UInt8]) -> Int {
        let sizes = [1, 2, 3, 7, 16, 61, 512, 4096, 65536]
        return sizes[(bytes.count &+ Int(bytes.last ?? 0)) % sizes.count]
    }

    /// A member named `path` whose content is `bytes`, read in `chunkSize` pieces.
    public static func member(path: String, bytes: [UInt8], chunkSize: Int) -> ArchiveMember {
        ArchiveMember(
            info: MemberInfo(path: [path], type: .file, declaredSize: Int64(bytes.count)), evidenceName: "fuzz",
            source: MemoryChunkSource(bytes, chunkSize: chunkSize), budget: ExpansionBudget(limits: limits))
    }

    /// One archive level listing `paths`, with `prefetched` member bytes.
    public static func level(paths: [String], prefetched: [String: [UInt8]] = [:]) -> ArchiveLevel {
        ArchiveLevel(chain: [], listing: ArchiveListing(paths: paths), prefetched: prefetched, depth: 1)
    }

    /// A concrete member path for a descriptor pattern (`**/message_*.json` → `a/b/message_1.json`).
    public static func concretePath(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "**/", with: "messages/inbox/fuzz_1/").replacingOccurrences(of: "*", with: "1")
    }

    /// Runs `parser` over `bytes` as the member `path`, with every record and warning dropped. Errors thrown by
    /// the parser are expected (a member unusable as a whole); only crashes, hangs and leaks are findings.
    public static func runParser(
        _ type: any ExportParser.Type, path: String, bytes: [UInt8], listing: [String], prefetched: [String: [UInt8]] = [:],
        chunkSize: Int
    ) {
        runParser(instance: type.init(), path: path, bytes: bytes, listing: listing, prefetched: prefetched, chunkSize: chunkSize)
    }

    /// As above, with a parser configured by the target (a DM parser that streams every conversation).
    public static func runParser(
        instance parser: any ExportParser, path: String, bytes: [UInt8], listing: [String],
        prefetched: [String: [UInt8]] = [:], chunkSize: Int
    ) {
        let level = level(paths: listing, prefetched: prefetched)
        let type = Swift.type(of: parser)
        let context = ParseContext(
            evidenceSHA256: "fuzz", memberPath: [path], descriptor: type.descriptor, level: level, state: ExportState(),
            defaultRegion: "US", recordSink: { _ in }, warningSink: { _ in })
        _ = parser.recognize(level.listing)
        _ = parser.claims(path, in: level.listing)
        do { try parser.parse(member(path: path, bytes: bytes, chunkSize: chunkSize), in: context) } catch {}
    }
}

/// Hands control to libFuzzer with the process arguments (`-max_total_time=`, corpus folders, ...).
public enum FuzzDriver {
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}
