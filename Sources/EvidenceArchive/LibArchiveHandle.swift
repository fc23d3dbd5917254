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
    /// - Parameter concatenated: read tar members after an end-of-archive marker too (see `configure`).
    init(path: String, evidenceName: String, concatenated: Bool = true) throws(ArchiveError) {
        self.evidenceName = evidenceName
        self.chain = []
        self.memory = nil
        guard let handle = archive_read_new() else {
            throw ArchiveError(.unreadable, evidence: evidenceName, message: "cannot allocate an archive reader")
        }
        archive = handle
        // Every stored property is set from here on, so `deinit` runs if this initializer throws:
        // freeing the reader here as well was a double free (a crash on damaged tar and gzip files).
        if let layers = LibArchiveHandle.excessCompressionLayers({ (probe) in
            archive_read_open_filename(probe, path, 1 << 16)
        }) {
            throw ArchiveError(
                .notAnArchive, evidence: evidenceName, locator: "offset 0",
                message: "more than \(layers) nested compression layers (limit maxCompressionLayers); not opened"
                    + " – a compression bomb or a damaged file")
        }
        LibArchiveHandle.configure(handle, concatenated: concatenated)
        if archive_read_open_filename(handle, path, 1 << 20) != ARCHIVE_OK {
            let reason = LibArchiveHandle.errorText(handle)
            throw ArchiveError(
                .notAnArchive, evidence: evidenceName,
                message: "cannot open as an archive: \(reason) – check that the file is a complete zip, tar or 7z")
        }
    }

    /// Opens a nested archive from bytes already read (the reader never writes them to disk).
    init(bytes: [UInt8], evidenceName: String, chain: [String], concatenated: Bool = true) throws(ArchiveError) {
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
        // As above: once initialized, `deinit` frees the reader and the buffer if this throws.
        if let layers = LibArchiveHandle.excessCompressionLayers({ (probe) in
            archive_read_open_memory(probe, buffer.baseAddress, bytes.count)
        }) {
            throw ArchiveError(
                .notAnArchive, evidence: evidenceName, member: chain, locator: "offset 0",
                message: "more than \(layers) nested compression layers (limit maxCompressionLayers); not opened"
                    + " – a compression bomb or a damaged file")
        }
        LibArchiveHandle.configure(handle, concatenated: concatenated)
        if archive_read_open_memory(handle, buffer.baseAddress, bytes.count) != ARCHIVE_OK {
            let reason = LibArchiveHandle.errorText(handle)
            throw ArchiveError(
                .notAnArchive, evidence: evidenceName, member: chain, message: "cannot open nested archive: \(reason)")
        }
    }

    deinit {
        archive_read_free(archive)
        memory?.deallocate()
    }

    private static func configure(_ handle: OpaquePointer, concatenated: Bool) {
        archive_read_support_filter_all(handle)
        archive_read_support_format_all(handle)
        guard concatenated else { return }
        // Tar readers normally stop at the first end-of-archive marker; anything after it (a second
        // tar appended to the first) would be silently ignored. Read on, and flag those members.
        archive_read_set_format_option(handle, "tar", "read_concatenated_archives", "1")
    }

    /// Compression layers (gzip in gzip in ...) opened before libarchive is allowed to bid.
    ///
    /// libarchive stacks up to 25 decompression filters while it bids, and on a self-reproducing
    /// gzip (libarchive's `test_read_filter_gzip_recursive.gz`) its look-ahead buffers grew past
    /// 8 GB without end. No export is compressed more than twice, so the layers are peeled one at a
    /// time here with explicitly appended filters (no bidding), reading only a few hundred bytes.
    static let maxCompressionLayers = 3

    /// nil when the data has at most `maxCompressionLayers` layers, else that limit.
    static func excessCompressionLayers(_ open: (OpaquePointer) -> Int32) -> Int? {
        var filters: [Int32] = []
        while true {
            guard let probe = archive_read_new() else { return nil }
            defer { archive_read_free(probe) }
            for filter in filters { archive_read_append_filter(probe, filter) }
            archive_read_support_format_raw(probe)
            var head: [UInt8] = []
            if open(probe) == ARCHIVE_OK {
                var entry: OpaquePointer?
                if archive_read_next_header(probe, &entry) >= ARCHIVE_WARN {
                    var buffer = [UInt8](repeating: 0, count: 512)
                    let count = buffer.withUnsafeMutableBytes { archive_read_data(probe, $0.baseAddress, 512) }
                    if count > 0 { head = Array(buffer.prefix(count)) }
                }
            }
            guard let next = compressionFilter(head) else { return nil }
            filters.append(next)
            if filters.count > maxCompressionLayers { return maxCompressionLayers }
        }
    }

    /// The libarchive filter for a compressed stream's magic bytes, if any.
    static func compressionFilter(_ head: [UInt8]) -> Int32? {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x1F, 0x8B]) { return ARCHIVE_FILTER_GZIP }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return ARCHIVE_FILTER_XZ }
        if starts([0x42, 0x5A, 0x68]) { return ARCHIVE_FILTER_BZIP2 }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return ARCHIVE_FILTER_ZSTD }
        return nil
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
        // The name's bytes as libarchive holds them (before any conversion), for the record.
        let rawName = archive_entry_pathname(entry).map {
            Array(UnsafeBufferPointer(start: $0, count: strlen($0))).map { UInt8(bitPattern: $0) }
        }
        if let utf8 = archive_entry_pathname_utf8(entry) {
            name = String(cString: utf8)
        } else if let rawName = archive_entry_pathname(entry) {
            let bytes = Array(UnsafeBufferPointer(start: rawName, count: strlen(rawName))).map { UInt8(bitPattern: $0) }
            name = String(decoding: bytes, as: UTF8.self)
            if String(validating: bytes, as: UTF8.self) == nil { findings.append("invalid-utf8") }
        } else {
            // libarchive could not convert the name (invalid UTF-8 under the UTF-8 flag, some NFD
            // names): it gives no bytes at all. An empty name would collide with every other such
            // member, so give it a synthetic, unique one and say so.
            name = "<undecodable name #\(entryNumber + 1)>"
            findings.append("undecodable-name")
        }
        entryNumber += 1
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
        var info = MemberInfo(
            path: currentMember, type: type, declaredSize: size.map { max($0, 0) }, linkTarget: link,
            isEncrypted: archive_entry_is_encrypted(entry) > 0,
            modifiedSeconds: archive_entry_mtime_is_set(entry) != 0 ? Int64(archive_entry_mtime(entry)) : nil,
            pathFindings: findings, rawName: rawName, mode: UInt32(archive_entry_mode(entry)))
        if info.specialKind == "character device" || info.specialKind == "block device" {
            info.device = (Int64(archive_entry_rdevmajor(entry)), Int64(archive_entry_rdevminor(entry)))
        }
        return info
    }

    private var memberOffset: Int64 = 0
    /// Entries returned so far by `nextEntry()`.
    private var entryNumber = 0

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

    /// True when the archive being read is a zip.
    var isZip: Bool { archive_format(archive) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_ZIP }

    /// True when the outermost compression is gzip (`.tar.gz`, `.tgz`, `.gz`).
    var isGzip: Bool { archive_filter_count(archive) > 1 && archive_filter_code(archive, Int32(archive_filter_count(archive) - 2)) == ARCHIVE_FILTER_GZIP }

    /// True when the archive being read is a tar (plain or compressed).
    var isTar: Bool { archive_format(archive) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_TAR }

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
