import CArchive

#if canImport(Glibc)
    import Glibc
#endif

/// One open libarchive reader over a file or a memory buffer, read forwards once.
final class LibArchiveHandle: ChunkSource {
    private let archive: OpaquePointer
    private let evidenceName: String
    private let chain: [String]
    private var currentMember: [String] = []
    /// Keeps a memory buffer alive for as long as libarchive reads from it.
    private let memory: UnsafeMutableRawBufferPointer?

    /// Opens a file read-only (libarchive opens with O_RDONLY).
    init(path: String, evidenceName: String) throws(ArchiveError) {
        self.evidenceName = evidenceName
        self.chain = []
        self.memory = nil
        guard let handle = archive_read_new() else {
            throw ArchiveError(.unreadable, evidence: evidenceName, message: "cannot allocate an archive reader")
        }
        archive = handle
        LibArchiveHandle.configure(handle)
        if archive_read_open_filename(handle, path, 1 << 20) != ARCHIVE_OK {
            let reason = LibArchiveHandle.errorText(handle)
            archive_read_free(handle)
            throw ArchiveError(
                .notAnArchive, evidence: evidenceName,
                message: "cannot open as an archive: \(reason) – check that the file is a complete zip, tar or 7z")
        }
    }

    /// Opens a nested archive from bytes already read (the reader never writes them to disk).
    init(bytes: [UInt8], evidenceName: String, chain: [String]) throws(ArchiveError) {
        self.evidenceName = evidenceName
        self.chain = chain
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        memory = buffer
        guard let handle = archive_read_new() else {
            buffer.deallocate()
            throw ArchiveError(.unreadable, evidence: evidenceName, member: chain, message: "cannot allocate a reader")
        }
        archive = handle
        LibArchiveHandle.configure(handle)
        if archive_read_open_memory(handle, buffer.baseAddress, bytes.count) != ARCHIVE_OK {
            let reason = LibArchiveHandle.errorText(handle)
            archive_read_free(handle)
            buffer.deallocate()
            throw ArchiveError(
                .notAnArchive, evidence: evidenceName, member: chain, message: "cannot open nested archive: \(reason)")
        }
    }

    deinit {
        archive_read_free(archive)
        memory?.deallocate()
    }

    private static func configure(_ handle: OpaquePointer) {
        archive_read_support_filter_all(handle)
        archive_read_support_format_all(handle)
    }

    static func errorText(_ handle: OpaquePointer) -> String {
        if let text = archive_error_string(handle) { return String(cString: text) }
        return "unknown libarchive error"
    }

    /// Compressed bytes consumed from the underlying file or buffer.
    var compressedBytesRead: Int64 { archive_filter_bytes(archive, -1) }

    /// The next entry header, or nil at the end of the archive.
    func nextEntry() throws(ArchiveError) -> MemberInfo? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        if status < ARCHIVE_WARN || entry == nil {
            throw ArchiveError(
                .damaged, evidence: evidenceName, member: chain, locator: "offset \(compressedBytesRead)",
                message: "archive is damaged after the last good entry: \(LibArchiveHandle.errorText(archive))"
                    + " – the entries before this point were read")
        }
        guard let entry else { return nil }
        var findings: [String] = []
        let name: String
        if let utf8 = archive_entry_pathname_utf8(entry) {
            name = String(cString: utf8)
        } else if let rawName = archive_entry_pathname(entry) {
            let bytes = Array(UnsafeBufferPointer(start: rawName, count: strlen(rawName))).map { UInt8(bitPattern: $0) }
            name = String(decoding: bytes, as: UTF8.self)
            if String(validating: bytes, as: UTF8.self) == nil { findings.append("invalid-utf8") }
        } else {
            name = ""
        }
        findings += PathCheck.findings(for: name)
        let type: EntryType
        var link: String?
        if casebook_entry_is_regular(entry) != 0 {
            type = archive_entry_hardlink(entry) != nil ? .hardlink : .file
        } else if casebook_entry_is_directory(entry) != 0 {
            type = .directory
        } else if casebook_entry_is_symlink(entry) != 0 {
            type = .symlink
        } else {
            type = archive_entry_hardlink(entry) != nil ? .hardlink : .other
        }
        if let target = archive_entry_symlink_utf8(entry) ?? archive_entry_symlink(entry) {
            link = String(cString: target)
        } else if let target = archive_entry_hardlink_utf8(entry) ?? archive_entry_hardlink(entry) {
            link = String(cString: target)
        }
        let size: Int64? = archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil
        if let size, size < 0 { findings.append("negative-size") }
        currentMember = chain + [name]
        return MemberInfo(
            path: currentMember, type: type, declaredSize: size.map { max($0, 0) }, linkTarget: link,
            isEncrypted: archive_entry_is_encrypted(entry) > 0,
            modifiedSeconds: archive_entry_mtime_is_set(entry) != 0 ? Int64(archive_entry_mtime(entry)) : nil,
            pathFindings: findings)
    }

    private var memberOffset: Int64 = 0

    func resetMemberOffset() { memberOffset = 0 }

    func nextChunk() throws(ArchiveError) -> UnsafeRawBufferPointer? {
        var block: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        let status = archive_read_data_block(archive, &block, &size, &offset)
        if status == ARCHIVE_EOF { return nil }
        if status < ARCHIVE_WARN {
            let fatal = status == ARCHIVE_FATAL
            throw ArchiveError(
                fatal ? .damaged : (LibArchiveHandle.errorText(archive).lowercased().contains("encrypt") ? .encrypted : .damaged),
                evidence: evidenceName, member: currentMember, locator: "offset \(memberOffset)",
                message: "cannot read member data: \(LibArchiveHandle.errorText(archive))")
        }
        memberOffset += Int64(size)
        guard let block, size > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: block, count: size)
    }

    /// Skips the current entry's data without decoding it where the format allows.
    func skipData() throws(ArchiveError) {
        if archive_read_data_skip(archive) < ARCHIVE_WARN {
            throw ArchiveError(
                .damaged, evidence: evidenceName, member: currentMember,
                message: "cannot skip member data: \(LibArchiveHandle.errorText(archive))")
        }
    }

    var formatName: String {
        if let name = archive_format_name(archive) { return String(cString: name) }
        return "unknown"
    }
}

/// Reads a regular file in chunks, read-only.
final class FileChunkSource: ChunkSource {
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private let evidenceName: String
    private let member: [String]
    private var offset: Int64 = 0

    init(path: String, evidenceName: String, member: [String]) throws(ArchiveError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ArchiveError(
                .unreadable, evidence: evidenceName, member: member,
                message: "cannot open for reading: \(String(cString: strerror(errno))) – check permissions")
        }
        self.descriptor = descriptor
        self.buffer = .allocate(byteCount: 1 << 20, alignment: 16)
        self.evidenceName = evidenceName
        self.member = member
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    func nextChunk() throws(ArchiveError) -> UnsafeRawBufferPointer? {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw ArchiveError(
                    .unreadable, evidence: evidenceName, member: member, locator: "offset \(offset)",
                    message: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return nil }
            offset += Int64(count)
            return UnsafeRawBufferPointer(start: buffer.baseAddress, count: count)
        }
    }
}
