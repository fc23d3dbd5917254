import CArchive
import Crypto

/// A source of a member's bytes, chunk by chunk.
protocol ChunkSource: AnyObject {
    /// The next chunk, valid until the next call; nil at the end of the member.
    func nextChunk() throws(ArchiveError) -> UnsafeRawBufferPointer?
}

/// Shared per evidence item: counts expanded bytes against the limits.
final class ExpansionBudget {
    let limits: EvidenceLimits
    var expandedBytes: Int64 = 0
    /// Compressed bytes read so far from the evidence file, when the reader can tell.
    var compressedBytes: () -> Int64

    init(limits: EvidenceLimits, compressedBytes: @escaping () -> Int64 = { 0 }) {
        self.limits = limits
        self.compressedBytes = compressedBytes
    }

    /// Returns a message when a limit is exceeded.
    func add(_ count: Int) -> String? {
        expandedBytes += Int64(count)
        if expandedBytes > limits.maxExpandedBytes {
            return "members expand to more than \(limits.maxExpandedBytes) bytes in all (limit maxExpandedBytes)"
        }
        if expandedBytes > limits.ratioCheckAfterBytes {
            let compressed = compressedBytes()
            if compressed > 0, Double(expandedBytes) / Double(compressed) > limits.maxCompressionRatio {
                return "expansion ratio above \(Int(limits.maxCompressionRatio)):1 after \(expandedBytes) bytes "
                    + "(limit maxCompressionRatio; a decompression bomb?)"
            }
        }
        return nil
    }
}

/// One member's bytes, streamed once, hashed as they pass.
///
/// Parsers either stream with `nextChunk()` / `forEachChunk(_:)` or take the whole member with
/// `readAll()` (bounded by `EvidenceLimits.maxInMemoryMemberBytes`). Whatever a parser leaves unread
/// is still read by the evidence reader afterwards, so every member's SHA-256 and size are complete.
public final class ArchiveMember {
    public let info: MemberInfo
    /// The member's name normalized for matching (see `PathCheck.normalized`).
    public let path: String
    /// The evidence display name, for messages.
    public let evidenceName: String
    let source: any ChunkSource
    let budget: ExpansionBudget
    private var hasher = SHA256()
    public private(set) var bytesRead: Int64 = 0
    private(set) var atEnd = false
    private(set) var digest: String?
    /// CRC-32 (zip's checksum) of the bytes read so far, when asked for at creation.
    private(set) var crc32: UInt32?

    init(info: MemberInfo, evidenceName: String, source: any ChunkSource, budget: ExpansionBudget, computesCRC32: Bool = false) {
        self.info = info
        self.path = PathCheck.normalized(info.name)
        self.evidenceName = evidenceName
        self.source = source
        self.budget = budget
        self.crc32 = computesCRC32 ? 0 : nil
    }

    /// The next chunk of bytes, valid until the next call; nil at the end.
    public func nextChunk() throws(ArchiveError) -> UnsafeRawBufferPointer? {
        if atEnd { return nil }
        guard let chunk = try source.nextChunk() else {
            atEnd = true
            digest = hasher.finalize().hexString
            return nil
        }
        hasher.update(bufferPointer: chunk)
        if let crc = crc32, let base = chunk.baseAddress, chunk.count > 0 {
            // zlib's crc32 (libarchive's own dependency); lengths are 32-bit, chunks are far smaller.
            crc32 = UInt32(truncatingIfNeeded: CArchive.crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(chunk.count)))
        }
        bytesRead += Int64(chunk.count)
        if let problem = budget.add(chunk.count) {
            throw ArchiveError(
                .limitExceeded, evidence: evidenceName, member: info.path, locator: "offset \(bytesRead)",
                message: problem)
        }
        return chunk
    }

    /// Calls `body` with every remaining chunk.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while let chunk = try nextChunk() { try body(chunk) }
    }

    /// Reads chunks until more than `threshold` bytes are held or the member ends; `ended` says which. A
    /// parser reads a member whole up to a threshold and streams what is larger. The threshold is at most the
    /// in-memory limit: past it a whole read would fail, so such a member is streamed whatever the parser asks.
    public func readHead(over threshold: Int) throws(ArchiveError) -> (bytes: [UInt8], ended: Bool) {
        let cap = min(threshold, Int(clamping: inMemoryLimit))
        var bytes: [UInt8] = []
        while bytes.count <= cap {
            guard let chunk = try nextChunk() else { return (bytes, true) }
            bytes.append(contentsOf: chunk)
        }
        return (bytes, false)
    }

    /// The most a parser may hold of this member in memory (`EvidenceLimits.maxInMemoryMemberBytes`).
    public var inMemoryLimit: Int64 { budget.limits.maxInMemoryMemberBytes }

    /// The rest of the member as one array.
    ///
    /// - Throws: `ArchiveError` with code `.limitExceeded` when the member is larger than `limit`
    ///   (default `EvidenceLimits.maxInMemoryMemberBytes`); stream such members instead.
    public func readAll(limit: Int64? = nil) throws(ArchiveError) -> [UInt8] {
        var bytes: [UInt8] = []
        // The declared size is a hint from an untrusted header (the 4-GiB size lie, negative pax
        // sizes): reserve from it only up to 16 MiB and let the array grow with the bytes really read.
        if let declared = info.declaredSize, declared > 0, declared <= (limit ?? inMemoryLimit) {
            bytes.reserveCapacity(Int(min(declared, 16 << 20)))
        }
        try readRest(appendingTo: &bytes, limit: limit)
        return bytes
    }

    /// Appends the rest of the member to `bytes` (what a parser already read of it, say), under the same
    /// limit as `readAll(limit:)` for the whole.
    public func readRest(appendingTo bytes: inout [UInt8], limit: Int64? = nil) throws(ArchiveError) {
        let cap = limit ?? inMemoryLimit
        while let chunk = try nextChunk() {
            if Int64(bytes.count + chunk.count) > cap {
                throw ArchiveError(
                    .limitExceeded, evidence: evidenceName, member: info.path, locator: "offset \(bytesRead)",
                    message: "member is larger than \(cap) bytes, the in-memory limit for this parser")
            }
            bytes.append(contentsOf: chunk)
        }
    }

    /// Reads what is left and returns the SHA-256 of the whole member.
    func drain() throws(ArchiveError) -> String {
        while try nextChunk() != nil {}
        return digest ?? ""
    }
}

extension Sequence where Element == UInt8 {
    /// Lowercase hexadecimal.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Digest {
    var hexString: String { Array(self).hexString }
}
