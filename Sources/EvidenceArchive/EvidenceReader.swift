import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What kind of thing an evidence path is.
public enum EvidenceKind: String, Sendable, Hashable, Codable {
    /// A zip, tar (plain or compressed), 7z or other archive libarchive reads.
    case archive
    /// A folder: an export already unpacked.
    case folder
    /// A single export file, such as a bare `tweets.js` or WhatsApp `_chat.txt`.
    case file
}

/// Hashes of an evidence item as a whole.
public struct EvidenceHashes: Sendable, Hashable, Codable {
    public var sha256: String
    public var sha1: String
    public var md5: String
    public var size: Int64
}

/// One archive level: the evidence itself, or an archive nested inside it.
public struct ArchiveLevel: Sendable {
    /// Member chain of the nested archive itself; empty for the evidence.
    public var chain: [String]
    public var listing: ArchiveListing
    /// Whole bytes of small members that parsers asked to see before the main pass (see
    /// `EvidenceVisitor.prefetchPatterns`), keyed by normalized path.
    public var prefetched: [String: [UInt8]]
    public var depth: Int
}

/// Something wrong with the evidence that is not a bad value inside a member.
public struct ArchiveFinding: Sendable, Hashable {
    /// A stable code: `path-absolute`, `damaged`, `limit-exceeded`, `encrypted`, `not-an-archive`, ...
    public var code: String
    public var member: [String]
    public var locator: String?
    public var message: String
    /// True when the problem means some of the evidence could not be read.
    public var losesData: Bool

    /// True for findings an examiner must see in the ingest summary: lost data, suspicious names,
    /// and evidence that ordinary tools would hide or show differently. Routine notes (a size the
    /// header got wrong, a link kept as metadata) are stored but not listed.
    public var isShownInSummary: Bool {
        losesData || code.hasPrefix("path-")
            || [
                "duplicate-name", "name-collision", "after-end-of-archive", "bytes-before-archive", "name-mismatch", "special-file",
                "special-permissions",
            ].contains(code)
    }
}

/// How one member ended.
public struct MemberResult: Sendable {
    public var info: MemberInfo
    public var sha256: String?
    /// Bytes actually read (may differ from the declared size; see findings).
    public var size: Int64
    /// Set when the member could not be read completely.
    public var readError: ArchiveError?
    /// True for an archive member that was opened as a nested level.
    public var isContainer: Bool
}

/// Whether a visitor took a member.
public enum VisitResult: Sendable {
    /// A parser read the member (fully or partly).
    case claimed
    /// No parser wants it; the reader may open it as a nested archive.
    case notClaimed
}

/// Receives an evidence item's levels and members in order.
public protocol EvidenceVisitor: AnyObject {
    /// Patterns of small members to read during the listing pass (account files, manifests).
    var prefetchPatterns: [String] { get }
    func beginLevel(_ level: ArchiveLevel)
    func visit(_ member: ArchiveMember, in level: ArchiveLevel) -> VisitResult
    func finished(_ result: MemberResult, in level: ArchiveLevel)
    func finding(_ finding: ArchiveFinding)
    /// Checked between members: true ends the walk early (for example when the case disk is full).
    var shouldStop: Bool { get }
}

/// Read-only access to one evidence path.
///
/// Never extracts to disk and never writes next to the evidence: archives are streamed through
/// libarchive, nested archives are opened from memory, folders are walked with read-only opens.
public final class EvidenceReader {
    public let path: String
    public let displayName: String
    public let kind: EvidenceKind
    public let limits: EvidenceLimits

    /// Checks that the path exists and is readable, and decides its kind from the bytes.
    public init(path: String, limits: EvidenceLimits = .standard) throws(ArchiveError) {
        self.path = path
        self.limits = limits
        let name = URL(fileURLWithPath: path).lastPathComponent
        self.displayName = name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ArchiveError(
                .unreadable, evidence: name, message: "no such file or folder '\(path)' – check the path")
        }
        if isDirectory.boolValue {
            kind = .folder
        } else {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ArchiveError(.unreadable, evidence: name, message: "not readable – check permissions")
            }
            let head = try EvidenceReader.head(of: path, name: name)
            // A zip with bytes in front of it (a self-extractor stub, an HTML page) does not start with
            // a zip signature; its end record and central directory still say it is one.
            kind =
                ArchiveSignature.isArchive(head)
                    || (ZipCentralDirectory.read(.file(path), maxRecords: 1)?.records.isEmpty == false) ? .archive : .file
        }
    }

    /// A UTF-8 character-type locale for libarchive's name conversions (nil if the system has none).
    nonisolated(unsafe) static let utf8Locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()

    static func head(of path: String, name: String) throws(ArchiveError) -> [UInt8] {
        let source = try FileChunkSource(path: path, evidenceName: name, member: [])
        guard let chunk = try source.nextChunk() else { return [] }
        return Array(chunk.prefix(512))
    }

    /// SHA-256, SHA-1 and MD5 of the evidence file. For a folder, the hashes are of its manifest:
    /// one line `<sha256>  <size>  <relative path>` per regular file, sorted by path.
    public func hashEvidence() throws(ArchiveError) -> EvidenceHashes {
        switch kind {
        case .archive, .file:
            return try EvidenceReader.hashFile(path: path, evidenceName: displayName, member: [])
        case .folder:
            var manifest = ""
            var total: Int64 = 0
            for relative in try folderFiles() {
                let file = try EvidenceReader.hashFile(
                    path: path + "/" + relative, evidenceName: displayName, member: [relative])
                manifest += "\(file.sha256)  \(file.size)  \(relative)\n"
                total += file.size
            }
            let bytes = Array(manifest.utf8)
            return EvidenceHashes(
                sha256: SHA256.hash(data: bytes).hexString, sha1: Insecure.SHA1.hash(data: bytes).hexString,
                md5: Insecure.MD5.hash(data: bytes).hexString, size: total)
        }
    }

    static func hashFile(path: String, evidenceName: String, member: [String]) throws(ArchiveError) -> EvidenceHashes {
        let source = try FileChunkSource(path: path, evidenceName: evidenceName, member: member)
        var sha256 = SHA256()
        var sha1 = Insecure.SHA1()
        var md5 = Insecure.MD5()
        var size: Int64 = 0
        while let chunk = try source.nextChunk() {
            sha256.update(bufferPointer: chunk)
            sha1.update(bufferPointer: chunk)
            md5.update(bufferPointer: chunk)
            size += Int64(chunk.count)
        }
        return EvidenceHashes(
            sha256: sha256.finalize().hexString, sha1: sha1.finalize().hexString, md5: md5.finalize().hexString,
            size: size)
    }

    /// Regular files and links under a folder, relative, sorted; symbolic links are not followed.
    func folderFiles() throws(ArchiveError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ArchiveError(.unreadable, evidence: displayName, message: "cannot list the folder – check permissions")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeRegular || type == .typeSymbolicLink { files.append(relative) }
        }
        return files.sorted()
    }

    /// Walks every level and member, calling the visitor. Errors that end a level are reported as
    /// findings; only a failure to open the evidence at all is thrown.
    public func walk(_ visitor: any EvidenceVisitor) throws(ArchiveError) {
        // libarchive converts member names to the thread's locale; under the C locale every
        // non-ASCII UTF-8 name (café.json, an NFD name, a right-to-left override) failed to convert
        // and was lost. Names are read as UTF-8 on this thread for the walk, whatever the process locale.
        let previousLocale = EvidenceReader.utf8Locale.map { uselocale($0) }
        defer { if let previousLocale { uselocale(previousLocale) } }
        switch kind {
        case .archive:
            let budget = ExpansionBudget(limits: limits)
            try walkArchive(
                open: { [path, displayName] (concatenated) throws(ArchiveError) in
                    try LibArchiveHandle(path: path, evidenceName: displayName, concatenated: concatenated)
                }, bytes: .file(path), chain: [], depth: 1, budget: budget, visitor: visitor, isEvidence: true)
        case .file:
            let budget = ExpansionBudget(limits: limits)
            let info = MemberInfo(path: [displayName], type: .file, declaredSize: fileSize(path))
            let listing = ArchiveListing(paths: [PathCheck.normalized(displayName)])
            var prefetched: [String: [UInt8]] = [:]
            if visitor.prefetchPatterns.contains(where: { PathPattern.matches($0, path: displayName) }) {
                let member = ArchiveMember(
                    info: info, evidenceName: displayName,
                    source: try FileChunkSource(path: path, evidenceName: displayName, member: [displayName]),
                    budget: ExpansionBudget(limits: limits))
                prefetched[member.path] = try? member.readAll(limit: 16 << 20)
            }
            let level = ArchiveLevel(chain: [], listing: listing, prefetched: prefetched, depth: 1)
            visitor.beginLevel(level)
            let source = try FileChunkSource(path: path, evidenceName: displayName, member: [displayName])
            visitLeaf(ArchiveMember(info: info, evidenceName: displayName, source: source, budget: budget), level, visitor)
        case .folder:
            try walkFolder(visitor)
        }
    }

    private func fileSize(_ path: String) -> Int64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
    }

    private func walkFolder(_ visitor: any EvidenceVisitor) throws(ArchiveError) {
        let budget = ExpansionBudget(limits: limits)
        let files = try folderFiles()
        var infos: [MemberInfo] = []
        for relative in files {
            let full = path + "/" + relative
            let attributes = try? FileManager.default.attributesOfItem(atPath: full)
            let isLink = (attributes?[.type] as? FileAttributeType) == .typeSymbolicLink
            let target = isLink ? try? FileManager.default.destinationOfSymbolicLink(atPath: full) : nil
            infos.append(
                MemberInfo(
                    path: [relative], type: isLink ? .symlink : .file,
                    declaredSize: (attributes?[.size] as? NSNumber)?.int64Value, linkTarget: target,
                    modifiedSeconds: (attributes?[.modificationDate] as? Date).map { Int64($0.timeIntervalSince1970) },
                    pathFindings: PathCheck.findings(for: relative)))
        }
        let patterns = visitor.prefetchPatterns
        var prefetched: [String: [UInt8]] = [:]
        for info in infos where info.type == .file && patterns.contains(where: { PathPattern.matches($0, path: info.name) }) {
            if let source = try? FileChunkSource(path: path + "/" + info.name, evidenceName: displayName, member: info.path) {
                let member = ArchiveMember(
                    info: info, evidenceName: displayName, source: source, budget: ExpansionBudget(limits: limits))
                prefetched[member.path] = try? member.readAll(limit: 16 << 20)
            }
        }
        let level = ArchiveLevel(
            chain: [], listing: ArchiveListing(paths: infos.filter { $0.type == .file }.map { PathCheck.normalized($0.name) }),
            prefetched: prefetched, depth: 1)
        visitor.beginLevel(level)
        for info in infos {
            if visitor.shouldStop { return }
            reportPathFindings(info, visitor)
            if info.type != .file {
                visitor.finished(MemberResult(info: info, sha256: nil, size: 0, readError: nil, isContainer: false), in: level)
                continue
            }
            do {
                let source = try FileChunkSource(path: path + "/" + info.name, evidenceName: displayName, member: info.path)
                let member = ArchiveMember(info: info, evidenceName: displayName, source: source, budget: budget)
                try visitMember(member, level: level, budget: budget, visitor: visitor)
            } catch {
                visitor.finding(finding(for: error))
                visitor.finished(MemberResult(info: info, sha256: nil, size: 0, readError: error, isContainer: false), in: level)
            }
        }
    }

    private func reportPathFindings(_ info: MemberInfo, _ visitor: any EvidenceVisitor) {
        for finding in memberFindings(info) { visitor.finding(finding) }
    }

    /// Findings about a member's header: suspicious names, links, special files and modes.
    private func memberFindings(_ info: MemberInfo) -> [ArchiveFinding] {
        var findings: [ArchiveFinding] = []
        let rawHex = info.rawName.map { " (raw name '\($0.escapedText)', bytes in hex \($0.hexString))" } ?? ""
        for code in info.pathFindings {
            var message = "member name is suspicious (\(code)); recorded as written, never used as a path"
            switch code {
            case "nul":
                if let raw = info.rawName, let cut = raw.firstIndex(of: 0) {
                    message =
                        "member name contains a NUL byte: the archive names it '\(raw.escapedText)' (\(raw.count) bytes) "
                        + "but libarchive and most tools see only '\(PathCheck.escaped(info.name))'; the "
                        + "\(raw.count - cut) bytes from the NUL on were cut from the shown name (bytes in hex \(raw.hexString)); recorded under "
                        + "the visible part, never used as a path"
                }
            case "invalid-utf8", "undecodable-name":
                message += rawHex
            default: break
            }
            findings.append(ArchiveFinding(code: "path-\(code)", member: info.path, locator: nil, message: message, losesData: false))
        }
        if info.type == .symlink || info.type == .hardlink {
            findings.append(
                ArchiveFinding(
                    code: "link-member", member: info.path, locator: nil,
                    message: "member is a \(info.type.rawValue) to '\(PathCheck.escaped(info.linkTarget ?? ""))'; kept as metadata, not followed",
                    losesData: false))
        }
        if let kind = info.specialKind, let mode = info.octalMode {
            let device = info.device.map { ", device \($0.major),\($0.minor)" } ?? ""
            findings.append(
                ArchiveFinding(
                    code: "special-file", member: info.path, locator: nil,
                    message: "member is a \(kind) (mode \(mode) octal\(device)); recorded as metadata only – never "
                        + "created, opened or read", losesData: false))
        }
        if !info.specialPermissions.isEmpty, let mode = info.mode {
            let permissions = String(mode & 0o7777, radix: 8)
            findings.append(
                ArchiveFinding(
                    code: "special-permissions", member: info.path, locator: nil,
                    message: "member has the \(info.specialPermissions.joined(separator: " and ")) bit set (permissions "
                        + "\(String(repeating: "0", count: max(0, 4 - permissions.count)) + permissions), mode "
                        + "\(info.octalMode ?? "") octal); recorded, never applied", losesData: false))
        }
        return findings
    }

    private func finding(for error: ArchiveError) -> ArchiveFinding {
        ArchiveFinding(
            code: error.code.description, member: error.member, locator: error.locator, message: error.message,
            losesData: true)
    }

    /// Two passes over one archive level: headers (and prefetched small members), then data.
    private func walkArchive(
        open: (_ concatenated: Bool) throws(ArchiveError) -> LibArchiveHandle, bytes: ArchiveBytes, chain: [String],
        depth: Int, budget: ExpansionBudget, visitor: any EvidenceVisitor, isEvidence: Bool
    ) throws(ArchiveError) {
        // Pass 1: listing.
        var infos: [MemberInfo] = []
        var prefetched: [String: [UInt8]] = [:]
        let patterns = visitor.prefetchPatterns
        // Members read after a tar end-of-archive marker (see `LibArchiveHandle.configure`) start at
        // this index; nil when there are none or the format is not tar.
        var afterEndIndex: Int?
        var isZip = false
        // Where a gzip stream ended, when the listing read it to its end.
        var gzipEnd: Int64?
        do {
            let listingHandle = try open(true)
            defer {
                isZip = listingHandle.isZip
                if listingHandle.isTar, !infos.isEmpty, let plain = try? open(false) {
                    // Headers only; counts the members a reader that stops at the marker would see.
                    var count = 0
                    while count < infos.count, (try? plain.nextEntry()) != nil { count += 1 }
                    if count < infos.count { afterEndIndex = count }
                }
            }
            let prefetchBudget = ExpansionBudget(limits: limits)
            var reachedEnd = true
            while let info = try listingHandle.nextEntry() {
                infos.append(info)
                if infos.count > limits.maxEntries {
                    visitor.finding(
                        ArchiveFinding(
                            code: "limit-exceeded", member: chain, locator: "entry \(infos.count)",
                            message: "more than \(limits.maxEntries) entries (limit maxEntries); the rest are not read",
                            losesData: true))
                    infos.removeLast()
                    reachedEnd = false
                    break
                }
                let normalized = PathCheck.normalized(info.name)
                if info.type == .file, !info.isEncrypted, (info.declaredSize ?? 0) <= 16 << 20,
                    patterns.contains(where: { PathPattern.matches($0, path: normalized) })
                {
                    let member = ArchiveMember(info: info, evidenceName: displayName, source: listingHandle, budget: prefetchBudget)
                    prefetched[normalized] = try? member.readAll(limit: 16 << 20)
                }
            }
            // gzip readers stop quietly at bytes that do not start another gzip member; libarchive
            // consumes exactly the members, so what it consumed is where the stream ended.
            if reachedEnd, listingHandle.isGzip { gzipEnd = listingHandle.compressedBytesRead }
        } catch {
            if isEvidence && infos.isEmpty && error.code == .notAnArchive { throw error }
            visitor.finding(finding(for: error))
        }
        let directory = isZip ? reportZipDirectory(bytes, listed: infos.count, chain: chain, visitor: visitor) : nil
        if let gzipEnd {
            let size = bytes.size
            if gzipEnd > 0, gzipEnd < size {
                visitor.finding(
                    ArchiveFinding(
                        code: "after-end-of-archive", member: chain, locator: "offset \(gzipEnd)",
                        message: "\(size - gzipEnd) bytes after the end of the gzip stream (offsets \(gzipEnd) to "
                            + "\(size - 1)) are not part of any member – gzip readers ignore them; counted here, not ingested",
                        losesData: false))
            }
        }
        let level = ArchiveLevel(
            chain: chain,
            listing: ArchiveListing(paths: infos.filter { $0.type == .file }.map { PathCheck.normalized($0.name) }),
            prefetched: prefetched, depth: depth)
        visitor.beginLevel(level)

        // Pass 2: data.
        let handle: LibArchiveHandle
        do { handle = try open(true) } catch {
            visitor.finding(finding(for: error))
            return
        }
        if isEvidence { budget.compressedBytes = { [weak handle] in handle?.compressedBytesRead ?? 0 } }
        // libarchive returns zip entries in local-header order; when it listed every record, the
        // n-th entry is the n-th record, otherwise a record is paired only when the names agree.
        let readOrder = directory?.readOrder ?? []
        let pairedByOrder = readOrder.count == infos.count
        var index = 0
        // Exact names (bytes) for duplicates; names folded for Unicode normalization and letter case
        // for collisions that a normalizing or case-insensitive file system would merge.
        var seenNames: Set<[UInt8]> = []
        var foldedNames: [String: (path: String, name: [UInt8])] = [:]
        while index < infos.count {
            if visitor.shouldStop { return }
            var info: MemberInfo
            do {
                guard let next = try handle.nextEntry() else { break }
                info = next
            } catch {
                // Pass 1 already reported where the archive breaks.
                break
            }
            var zipEntry: (record: ZipCentralDirectory.Record, local: ZipCentralDirectory.LocalHeader?)?
            if index < readOrder.count {
                let record = readOrder[index]
                let local = ZipCentralDirectory.localHeader(of: record, in: bytes)
                let shown = (local?.rawName ?? record.rawName).prefix { $0 != 0 }
                if pairedByOrder || String(decoding: shown, as: UTF8.self) == info.name { zipEntry = (record, local) }
            }
            if let zipEntry { adjust(&info, from: zipEntry.record, local: zipEntry.local) }
            index += 1
            // Said after the member is stored, so each finding is attached to this member's row.
            var findings = memberFindings(info)
            if let afterEndIndex, index > afterEndIndex {
                findings.append(
                    ArchiveFinding(
                        code: "after-end-of-archive", member: info.path, locator: "entry \(index)",
                        message: "member follows the tar end-of-archive marker (hidden from ordinary tar readers); "
                            + "ingested and flagged", losesData: false))
            }
            let joined = info.path.joined(separator: "!/")
            let folded = joined.precomposedStringWithCanonicalMapping.lowercased()
            if !seenNames.insert(Array(joined.utf8)).inserted {
                findings.append(
                    ArchiveFinding(
                        code: "duplicate-name", member: info.path, locator: "entry \(index)",
                        message: "another member earlier in this archive has the same name; both are kept",
                        losesData: false))
            } else if let earlier = foldedNames[folded] {
                findings.append(
                    ArchiveFinding(
                        code: "name-collision", member: info.path, locator: "entry \(index)",
                        message: "this name and the earlier '\(PathCheck.escaped(earlier.path))' differ only in Unicode "
                            + "normalization (NFC/NFD) or letter case, not in bytes; both are kept as distinct members "
                            + "(bytes in hex \(Array(info.name.utf8).hexString) and \(earlier.name.hexString))",
                        losesData: false))
            }
            if foldedNames[folded] == nil { foldedNames[folded] = (joined, Array(info.name.utf8)) }
            if let zipEntry, let local = zipEntry.local, local.rawName != zipEntry.record.rawName {
                findings.append(
                    ArchiveFinding(
                        code: "name-mismatch", member: info.path, locator: "offset \(zipEntry.record.absoluteOffset)",
                        message: "the local header names this member '\(local.rawName.escapedText)' but the central "
                            + "directory names it '\(zipEntry.record.rawName.escapedText)'; recorded as "
                            + "'\(PathCheck.escaped(info.name))' – both names are evidence (tools that list the central "
                            + "directory show the other)",
                        losesData: false))
            }
            if info.type != .file || info.isEncrypted {
                if info.isEncrypted {
                    findings.append(
                        ArchiveFinding(
                            code: "encrypted", member: info.path, locator: nil,
                            message: "member is encrypted; recorded, not read – Casebook asks for no passwords",
                            losesData: true))
                }
                visitor.finished(MemberResult(info: info, sha256: nil, size: 0, readError: nil, isContainer: false), in: level)
                findings.forEach(visitor.finding)
                continue
            }
            handle.resetMemberOffset()
            let member = ArchiveMember(
                info: info, evidenceName: displayName, source: handle, budget: budget, computesCRC32: zipEntry != nil)
            do {
                try visitMember(member, level: level, budget: budget, visitor: visitor)
                findings.forEach(visitor.finding)
                if let record = zipEntry?.record, let crc = member.crc32, crc != record.crc32 {
                    visitor.finding(
                        ArchiveFinding(
                            code: "crc-mismatch", member: info.path, locator: "offset \(record.absoluteOffset)",
                            message: "CRC-32 of the \(member.bytesRead) bytes read is \(Self.hex32(crc)) but the central "
                                + "directory declares \(Self.hex32(record.crc32)) – the data was altered or damaged after "
                                + "the archive was written; kept and hashed as read", losesData: true))
                }
            } catch {
                visitor.finding(finding(for: error))
                visitor.finished(
                    MemberResult(info: info, sha256: nil, size: member.bytesRead, readError: error, isContainer: false),
                    in: level)
                findings.forEach(visitor.finding)
                if error.code == .limitExceeded || error.code == .damaged { return }
            }
        }
    }

    private static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Completes what libarchive says about a zip entry with what its central-directory record says.
    private func adjust(_ info: inout MemberInfo, from record: ZipCentralDirectory.Record, local: ZipCentralDirectory.LocalHeader?) {
        // libarchive normalizes UTF-8 names to NFC, so an NFD name became byte-for-byte the NFC name
        // of another member. The name as written (the local header's bytes, up to any NUL) is kept
        // when libarchive's is only a normalized form of it, or when libarchive gave none at all.
        let written = Array((local?.rawName ?? record.rawName).prefix { $0 != 0 })
        if let decoded = String(validating: written, as: UTF8.self), !info.pathFindings.contains("invalid-utf8") {
            let undecodable = info.pathFindings.contains("undecodable-name")
            // `==` on String is canonical equivalence: equal text, different bytes means normalized.
            if undecodable || (decoded == info.name && Array(decoded.utf8) != Array(info.name.utf8)) {
                info.path[info.path.count - 1] = decoded
                info.pathFindings.removeAll { $0 == "undecodable-name" }
                for code in PathCheck.findings(for: decoded) where !info.pathFindings.contains(code) {
                    info.pathFindings.append(code)
                }
            }
        }
        // libarchive cuts a name at a NUL byte; the record keeps the whole name.
        if record.rawName.contains(0) {
            info.rawName = record.rawName
            if !info.pathFindings.contains("nul") { info.pathFindings.append("nul") }
        } else if info.rawName == nil || info.pathFindings.contains("invalid-utf8") || info.pathFindings.contains("undecodable-name") {
            info.rawName = local?.rawName ?? record.rawName
        }
        // A DOS time is a wall clock with no zone; libarchive converts it with this machine's zone
        // (and ignores NTFS times), which made the stored time depend on where the case was built. A
        // UTC time from an extra field (the local header's first) is taken as UTC; otherwise the DOS
        // wall clock is kept as written and marked zone unknown.
        if let utc = local.flatMap({ ZipCentralDirectory.utcModified(extra: $0.extra) })
            ?? ZipCentralDirectory.utcModified(extra: record.extra)
        {
            info.modifiedSeconds = utc
            info.modifiedZoneKnown = true
        } else {
            info.modifiedSeconds = ZipCentralDirectory.wallClockSeconds(dosDate: record.dosDate, dosTime: record.dosTime)
            info.modifiedZoneKnown = false
        }
    }

    /// Flags zip central-directory records libarchive did not list, overlapping entries, and bytes
    /// before the first entry or after the end record. Returns the directory when it could be read.
    private func reportZipDirectory(
        _ bytes: ArchiveBytes, listed: Int, chain: [String], visitor: any EvidenceVisitor
    ) -> ZipCentralDirectory? {
        guard let directory = ZipCentralDirectory.read(bytes, maxRecords: limits.maxEntries) else { return nil }
        let overlaps = directory.overlaps
        if let (first, earlier) = overlaps.first {
            visitor.finding(
                ArchiveFinding(
                    code: "overlapping-entries", member: chain, locator: "offset \(first.absoluteOffset)",
                    message: "\(overlaps.count) of \(directory.records.count) central-directory entries overlap "
                        + "another entry's data (first: '\(first.rawName.escapedText)' overlaps "
                        + "'\(earlier.rawName.escapedText)'); possible zip bomb – overlapping entries are listed, "
                        + "not expanded", losesData: true))
        }
        if directory.records.count > listed {
            visitor.finding(
                ArchiveFinding(
                    code: "entries-not-listed", member: chain, locator: nil,
                    message: "the central directory lists \(directory.records.count) entries but only \(listed) "
                        + "could be read; the others are counted here, not ingested", losesData: true))
        }
        let start = directory.startOfArchive
        if start > 0 {
            visitor.finding(
                ArchiveFinding(
                    code: "bytes-before-archive", member: chain, locator: "offset 0",
                    message: "\(start) bytes before the first zip entry (offsets 0 to \(start - 1)) are not part of any "
                        + "member – a self-extractor stub, a web page or hidden data; counted here, not ingested",
                    losesData: false))
        }
        if directory.endOfArchive < directory.size {
            let end = directory.endOfArchive
            visitor.finding(
                ArchiveFinding(
                    code: "after-end-of-archive", member: chain, locator: "offset \(end)",
                    message: "\(directory.size - end) bytes after the zip's end-of-central-directory record (offsets "
                        + "\(end) to \(directory.size - 1)) are not part of any member – zip tools ignore them; counted "
                        + "here, not ingested", losesData: false))
        }
        return directory
    }

    private func visitLeaf(_ member: ArchiveMember, _ level: ArchiveLevel, _ visitor: any EvidenceVisitor) {
        _ = visitor.visit(member, in: level)
        do {
            let digest = try member.drain()
            visitor.finished(
                MemberResult(info: member.info, sha256: digest, size: member.bytesRead, readError: nil, isContainer: false),
                in: level)
        } catch {
            visitor.finding(finding(for: error))
            visitor.finished(
                MemberResult(info: member.info, sha256: nil, size: member.bytesRead, readError: error, isContainer: false),
                in: level)
        }
    }

    private func visitMember(
        _ member: ArchiveMember, level: ArchiveLevel, budget: ExpansionBudget, visitor: any EvidenceVisitor
    ) throws(ArchiveError) {
        let result = visitor.visit(member, in: level)
        if result == .notClaimed, ArchiveSignature.hasArchiveName(member.path) {
            if level.depth >= limits.maxDepth {
                visitor.finding(
                    ArchiveFinding(
                        code: "limit-exceeded", member: member.info.path, locator: nil,
                        message: "nested archive deeper than \(limits.maxDepth) levels (limit maxDepth); listed, not opened",
                        losesData: true))
            } else {
                // Nested archives (in an archive or a folder) are opened from memory, never from disk.
                let bytes = try member.readAll(limit: limits.maxNestedArchiveBytes)
                let digest = try member.drain()
                let isArchive = ArchiveSignature.isArchive(Array(bytes.prefix(512)))
                visitor.finished(
                    MemberResult(info: member.info, sha256: digest, size: member.bytesRead, readError: nil, isContainer: isArchive),
                    in: level)
                guard isArchive else { return }
                let chain = member.info.path
                try walkArchive(
                    open: { [displayName] (concatenated) throws(ArchiveError) in
                        try LibArchiveHandle(bytes: bytes, evidenceName: displayName, chain: chain, concatenated: concatenated)
                    }, bytes: .memory(bytes), chain: chain, depth: level.depth + 1, budget: budget, visitor: visitor,
                    isEvidence: false)
                return
            }
        }
        let digest = try member.drain()
        if let declared = member.info.declaredSize, declared != member.bytesRead {
            visitor.finding(
                ArchiveFinding(
                    code: "size-mismatch", member: member.info.path, locator: nil,
                    message: "header declares \(declared) bytes but \(member.bytesRead) were read", losesData: false))
        }
        visitor.finished(
            MemberResult(info: member.info, sha256: digest, size: member.bytesRead, readError: nil, isContainer: false),
            in: level)
    }
}

/// Recognizes archives by their first bytes (never by name alone).
public enum ArchiveSignature {
    public static func isArchive(_ head: [UInt8]) -> Bool {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return true
        }
        if starts([0x1F, 0x8B]) || starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || starts([0x42, 0x5A, 0x68])
            || starts([0x28, 0xB5, 0x2F, 0xFD]) || starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
            || starts([0x52, 0x61, 0x72, 0x21])
        {
            return true
        }
        if head.count >= 262, Array(head[257..<262]) == Array("ustar".utf8) { return true }
        // An empty tar is 1024 zero bytes (or at least one zero block).
        if head.count >= 512, head.allSatisfy({ $0 == 0 }) { return true }
        return false
    }

    /// Names that suggest a nested archive worth opening.
    public static func hasArchiveName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".zip", ".tar", ".tgz", ".tar.gz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst", ".7z"]
            .contains { lower.hasSuffix($0) }
    }
}
