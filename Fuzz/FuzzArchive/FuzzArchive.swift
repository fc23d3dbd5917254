// libFuzzer target: the evidence reader (libarchive + our listing, nesting, zip directory checks and limits) over
// arbitrary bytes. The bytes go to one scratch file per process under /dev/shm (or the temporary folder), because
// `EvidenceReader` opens evidence by path; nested archives inside are then opened from memory by the reader.
import EvidenceArchive
import FuzzSupport
import Foundation

/// Reads every member to its end; leaves members with archive names unclaimed so the reader opens them as
/// nested levels.
final class ReadEverythingVisitor: EvidenceVisitor {
    var prefetchPatterns: [String] { ["**/*.json", "data/account.js", "*.js"] }
    func beginLevel(_ level: ArchiveLevel) {}
    func visit(_ member: ArchiveMember, in level: ArchiveLevel) -> VisitResult {
        if ArchiveSignature.hasArchiveName(member.path) { return .notClaimed }
        var total = 0
        do { try member.forEachChunk { total &+= $0.count } } catch {}
        return .claimed
    }
    func finished(_ result: MemberResult, in level: ArchiveLevel) {}
    func finding(_ finding: ArchiveFinding) {}
    var shouldStop: Bool { false }
}

let scratchPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return folder + "/casebook-fuzz-archive-\(getpid()).bin"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard (try? data.write(to: URL(fileURLWithPath: scratchPath))) != nil else { return 0 }
    defer { unlink(scratchPath) }
    guard let reader = try? EvidenceReader(path: scratchPath, limits: FuzzInput.limits) else { return 0 }
    _ = try? reader.hashEvidence()
    try? reader.walk(ReadEverythingVisitor())
    return 0
}
