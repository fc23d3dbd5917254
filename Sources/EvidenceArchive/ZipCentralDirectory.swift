#if canImport(Glibc)
    import Glibc
#endif

/// Random access to the bytes of one archive level: the evidence file, or a nested archive in memory.
///
/// A file is opened read-only once, on first use, and closed when the value goes away.
final class ArchiveBytes {
    private enum Storage {
        case file(String)
        case memory([UInt8])
    }

    private let storage: Storage
    private var descriptor: Int32 = -1

    static func file(_ path: String) -> ArchiveBytes { ArchiveBytes(.file(path)) }
    static func memory(_ bytes: [UInt8]) -> ArchiveBytes { ArchiveBytes(.memory(bytes)) }

    private init(_ storage: Storage) { self.storage = storage }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Up to `count` bytes at `offset`; fewer at the end, empty on error.
    func read(offset: Int64, count: Int) -> [UInt8] {
        guard offset >= 0, count > 0 else { return [] }
        switch storage {
        case .memory(let bytes):
            guard offset < Int64(bytes.count) else { return [] }
            let start = Int(offset)
            return Array(bytes[start..<min(bytes.count, start + count)])
        case .file(let path):
            if descriptor < 0 { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
            guard descriptor >= 0 else { return [] }
            var buffer = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let got = buffer.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                }
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                filled += got
            }
            return Array(buffer.prefix(filled))
        }
    }

    var size: Int64 {
        switch storage {
        case .memory(let bytes): return Int64(bytes.count)
        case .file(let path):
            var status = stat()
            return stat(path, &status) == 0 ? Int64(status.st_size) : 0
        }
    }
}

/// An independent look at a zip's central directory, to catch what libarchive's listing hides.
///
/// libarchive's seekable zip reader keys entries by their local-header offset, so when many
/// central-directory records point at the same local data (Fifield's overlapping-file zip bomb:
/// 250 names, one 10 MiB stream, 2.4 GiB if expanded) it silently lists only one of them. It also
/// reads names from the local headers (a different name in the central directory goes unseen),
/// cuts names at a NUL byte, reads past bytes before the first entry (self-extractor stubs) and
/// after the end record, and converts DOS times with the machine's time zone. This reads the
/// central directory (classic or zip64) and each entry's local header so those facts can be
/// recorded instead of lost. Multi-disk archives are not read (libarchive does not read them either).
struct ZipCentralDirectory {
    struct Record {
        /// Name bytes exactly as the central directory holds them (a NUL byte included).
        var rawName: [UInt8]
        /// Local-header offset as written in the record (relative to the start of the zip data).
        var localHeaderOffset: Int64
        /// Where the local header really is in these bytes (`localHeaderOffset` plus any prefix).
        var absoluteOffset: Int64
        var compressedSize: Int64
        var uncompressedSize: Int64
        var crc32: UInt32
        var flags: Int
        var method: Int
        var dosTime: Int
        var dosDate: Int
        /// The central record's extra fields, as written.
        var extra: [UInt8]

        /// The name for messages (undecodable bytes replaced, NUL kept).
        var name: String { String(decoding: rawName, as: UTF8.self) }
    }

    /// The local file header of one entry, as written.
    struct LocalHeader {
        var rawName: [UInt8]
        var extra: [UInt8]
    }

    var records: [Record]
    /// Offset of the end-of-central-directory record.
    var endRecordOffset: Int64
    /// First byte after the end record and its comment.
    var endOfArchive: Int64
    /// Size of the bytes read.
    var size: Int64
    /// Where the zip data starts: the first local header (or the central directory when there are no
    /// entries). Bytes before it belong to no entry.
    var startOfArchive: Int64 {
        // Entries are stored before their directory; an offset past it is a lie, not a start.
        records.map(\.absoluteOffset).filter { $0 < directoryStart }.min() ?? directoryStart
    }
    /// Where the central directory starts in these bytes.
    var directoryStart: Int64

    /// Overlaps: (later record, earlier record it overlaps), in local-header order.
    var overlaps: [(Record, Record)] {
        let sorted = records.enumerated().sorted {
            ($0.element.absoluteOffset, $0.offset) < ($1.element.absoluteOffset, $1.offset)
        }.map(\.element)
        var result: [(Record, Record)] = []
        guard var previous = sorted.first else { return [] }
        for record in sorted.dropFirst() {
            // A local header is at least 30 bytes; data of the previous entry follows its header.
            if record.absoluteOffset < previous.absoluteOffset + 30 + previous.compressedSize {
                result.append((record, previous))
            } else {
                previous = record
            }
        }
        return result
    }

    /// The records in the order libarchive's seekable reader returns entries: by local-header
    /// offset, one entry per offset (records sharing an offset are listed once).
    var readOrder: [Record] {
        let sorted = records.enumerated().sorted {
            ($0.element.absoluteOffset, $0.offset) < ($1.element.absoluteOffset, $1.offset)
        }.map(\.element)
        var result: [Record] = []
        for record in sorted where result.last?.absoluteOffset != record.absoluteOffset { result.append(record) }
        return result
    }

    private static func u16(_ data: [UInt8], _ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
    private static func u32(_ data: [UInt8], _ at: Int) -> Int64 { Int64(u16(data, at)) | Int64(u16(data, at + 2)) << 16 }

    /// The modification time (seconds since the epoch, UTC) from extra fields that carry one in UTC:
    /// extended timestamp (`UT`, 0x5455), NTFS (0x000a), Info-ZIP Unix (`UX`, 0x5855), in that order.
    static func utcModified(extra: [UInt8]) -> Int64? {
        func i32(_ data: [UInt8], _ at: Int) -> Int64 { Int64(Int32(truncatingIfNeeded: u32(data, at))) }
        if let ut = extraField(0x5455, in: extra[...]), ut.count >= 5, ut[0] & 1 != 0 { return i32(ut, 1) }
        if let ntfs = extraField(0x000A, in: extra[...]) {
            // Reserved (4), then attributes: tag 1 (24 bytes) holds modification, access and creation
            // times as 100-ns ticks since 1601-01-01.
            var position = 4
            while position + 4 <= ntfs.count {
                let tag = u16(ntfs, position), length = u16(ntfs, position + 2)
                if tag == 1, length >= 8, position + 12 <= ntfs.count {
                    let ticks = UInt64(u32(ntfs, position + 4)) | UInt64(u32(ntfs, position + 8)) << 32
                    return Int64(ticks / 10_000_000) - 11_644_473_600
                }
                position += 4 + length
            }
        }
        if let ux = extraField(0x5855, in: extra[...]), ux.count >= 8 { return i32(ux, 4) }
        return nil
    }

    /// Reads the central directory (classic or zip64); nil when no end record leads to one.
    static func read(_ bytes: ArchiveBytes, maxRecords: Int) -> ZipCentralDirectory? {
        let size = bytes.size
        guard size >= 22 else { return nil }
        let tailLength = Int(min(size, 22 + 65_535))
        let tailStart = size - Int64(tailLength)
        let tail = bytes.read(offset: tailStart, count: tailLength)
        guard tail.count == tailLength else { return nil }
        // The last end record that describes a central directory really present; a signature inside
        // an archive comment or in trailing bytes does not.
        var index = tail.count - 22
        while index >= 0 {
            defer { index -= 1 }
            guard tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 else {
                continue
            }
            let endOffset = tailStart + Int64(index)
            let commentLength = Int64(u16(tail, index + 20))
            guard endOffset + 22 + commentLength <= size else { continue }
            let isZip64 =
                index >= 20 && tail[index - 20] == 0x50 && tail[index - 19] == 0x4B && tail[index - 18] == 0x06
                && tail[index - 17] == 0x07
            guard let end = isZip64 ? zip64End(bytes, locator: Array(tail[(index - 20)..<index]), locatorOffset: endOffset - 20)
                : classicEnd(Array(tail[index..<(index + 22)]), at: endOffset)
            else { continue }
            guard end.directorySize <= 64 << 20 else { return nil }
            let directory = bytes.read(offset: end.directoryOffset + end.base, count: Int(end.directorySize))
            guard directory.count == Int(end.directorySize) else { continue }
            if end.count > 0, !(directory.count >= 4 && directory[0] == 0x50 && directory[1] == 0x4B && directory[2] == 0x01
                && directory[3] == 0x02)
            {
                continue
            }
            var records: [Record] = []
            var position = 0
            while position + 46 <= directory.count, records.count < maxRecords {
                guard directory[position] == 0x50, directory[position + 1] == 0x4B, directory[position + 2] == 0x01,
                    directory[position + 3] == 0x02
                else { break }
                let nameLength = u16(directory, position + 28)
                let extraLength = u16(directory, position + 30)
                let commentLength = u16(directory, position + 32)
                let nameEnd = min(directory.count, position + 46 + nameLength)
                let extraEnd = min(directory.count, nameEnd + extraLength)
                var uncompressed = u32(directory, position + 24)
                var compressed = u32(directory, position + 20)
                var offset = u32(directory, position + 42)
                // Zip64 extended information (0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in order.
                if let extended = extraField(0x0001, in: directory[nameEnd..<extraEnd]) {
                    var at = 0
                    for field in [0, 1, 2] {
                        let value = [uncompressed, compressed, offset][field]
                        guard value == 0xFFFF_FFFF, at + 8 <= extended.count else { continue }
                        let wide = clamped(u64(extended, at))
                        at += 8
                        switch field {
                        case 0: uncompressed = wide
                        case 1: compressed = wide
                        default: offset = wide
                        }
                    }
                }
                records.append(
                    Record(
                        rawName: Array(directory[(position + 46)..<nameEnd]), localHeaderOffset: offset,
                        absoluteOffset: offset + end.base, compressedSize: compressed, uncompressedSize: uncompressed,
                        crc32: UInt32(u32(directory, position + 16)), flags: u16(directory, position + 8),
                        method: u16(directory, position + 10), dosTime: u16(directory, position + 12),
                        dosDate: u16(directory, position + 14), extra: Array(directory[nameEnd..<extraEnd])))
                position += 46 + nameLength + extraLength + commentLength
            }
            return ZipCentralDirectory(
                records: records, endRecordOffset: endOffset, endOfArchive: endOffset + 22 + commentLength, size: size,
                directoryStart: end.directoryOffset + end.base)
        }
        return nil
    }

    /// Where the central directory is, from an end record.
    private struct End {
        var count: Int64
        var directorySize: Int64
        var directoryOffset: Int64
        /// Bytes before the zip data (a self-extractor stub, HTML) shift every offset when the writer
        /// did not adjust them; `base` is that shift.
        var base: Int64
    }

    /// The classic end record (22 bytes at `at`).
    private static func classicEnd(_ record: [UInt8], at: Int64) -> End? {
        let count = Int64(u16(record, 10))
        let directorySize = u32(record, 12), directoryOffset = u32(record, 16)
        // Values saturated for zip64 without the zip64 locator: not a directory we can read.
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF { return nil }
        guard u16(record, 4) == 0, u16(record, 6) == 0, Int64(u16(record, 8)) == count else { return nil }
        // The directory ends where the end record starts.
        let base = at - directorySize - directoryOffset
        guard base >= 0 else { return nil }
        return End(count: count, directorySize: directorySize, directoryOffset: directoryOffset, base: base)
    }

    /// The zip64 end record the locator (20 bytes before the classic end record) points to.
    private static func zip64End(_ bytes: ArchiveBytes, locator: [UInt8], locatorOffset: Int64) -> End? {
        let declared = u64(locator, 8)
        // The zip64 end record directly precedes the locator; where the locator says it is tells the shift.
        for (position, base) in [(declared, Int64(0)), (locatorOffset - 56, locatorOffset - 56 - declared)] where base >= 0 {
            let record = bytes.read(offset: position, count: 56)
            guard record.count == 56, record[0] == 0x50, record[1] == 0x4B, record[2] == 0x06, record[3] == 0x06 else {
                continue
            }
            let count = clamped(u64(record, 32)), directorySize = clamped(u64(record, 40))
            let directoryOffset = clamped(u64(record, 48))
            guard directoryOffset <= position - base - directorySize else { continue }
            return End(count: count, directorySize: directorySize, directoryOffset: directoryOffset, base: base)
        }
        return nil
    }

    /// A 64-bit value from an untrusted header, bounded so that sums of a few never overflow.
    private static func clamped(_ value: Int64) -> Int64 { min(max(value, 0), 1 << 60) }

    private static func u64(_ data: [UInt8], _ at: Int) -> Int64 {
        let low = UInt64(u32(data, at)), high = UInt64(u32(data, at + 4))
        return Int64(bitPattern: high << 32 | low)
    }

    /// The payload of the first extra field with `id`.
    private static func extraField(_ id: Int, in data: ArraySlice<UInt8>) -> [UInt8]? {
        let bytes = Array(data)
        var position = 0
        while position + 4 <= bytes.count {
            let length = u16(bytes, position + 2)
            if u16(bytes, position) == id { return Array(bytes[(position + 4)..<min(bytes.count, position + 4 + length)]) }
            position += 4 + length
        }
        return nil
    }

    /// The local header of a record; nil when there is none at its offset.
    static func localHeader(of record: Record, in bytes: ArchiveBytes) -> LocalHeader? {
        let fixed = bytes.read(offset: record.absoluteOffset, count: 30)
        guard fixed.count == 30, fixed[0] == 0x50, fixed[1] == 0x4B, fixed[2] == 0x03, fixed[3] == 0x04 else { return nil }
        let nameLength = u16(fixed, 26), extraLength = u16(fixed, 28)
        let variable = bytes.read(offset: record.absoluteOffset + 30, count: nameLength + extraLength)
        guard variable.count == nameLength + extraLength else { return nil }
        return LocalHeader(rawName: Array(variable[0..<nameLength]), extra: Array(variable[nameLength...]))
    }

    /// A DOS date and time read as a wall clock, in seconds as if it were UTC (DOS times carry no
    /// zone); nil for an impossible date (month 0, day 0).
    static func wallClockSeconds(dosDate: Int, dosTime: Int) -> Int64? {
        let year = 1980 + (dosDate >> 9), month = (dosDate >> 5) & 0x0F, day = dosDate & 0x1F
        let hour = dosTime >> 11, minute = (dosTime >> 5) & 0x3F, second = (dosTime & 0x1F) * 2
        guard (1...12).contains(month), day >= 1, hour < 24, minute < 60, second < 60 else { return nil }
        // Days from 1970-01-01 to the civil date (proleptic Gregorian).
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }
}

extension Array where Element == UInt8 {
    /// Bytes shown safely: valid UTF-8 as text, other bytes as `\xNN`, control characters escaped.
    var escapedText: String {
        var text = ""
        var index = 0
        while index < count {
            // The longest valid UTF-8 sequence starting here (1 to 4 bytes).
            var decoded: String?
            var length = 1
            for candidate in 1...4 where index + candidate <= count {
                if let valid = String(validating: self[index..<(index + candidate)], as: UTF8.self) {
                    decoded = valid
                    length = candidate
                    break
                }
            }
            if let decoded {
                text += PathCheck.escaped(decoded)
            } else {
                let hex = String(self[index], radix: 16)
                text += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
            index += length
        }
        return text
    }
}
