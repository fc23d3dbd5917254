#if canImport(Glibc)
    import Glibc
#endif

/// Random access to the bytes of one archive level: the evidence file, or a nested archive in memory.
enum ArchiveBytes {
    case file(String)
    case memory([UInt8])

    /// Up to `count` bytes at `offset`; fewer at the end, empty on error.
    func read(offset: Int64, count: Int) -> [UInt8] {
        guard offset >= 0, count > 0 else { return [] }
        switch self {
        case .memory(let bytes):
            guard offset < Int64(bytes.count) else { return [] }
            let start = Int(offset)
            return Array(bytes[start..<min(bytes.count, start + count)])
        case .file(let path):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return [] }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: count)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got > 0 ? Array(buffer.prefix(got)) : []
        }
    }

    var size: Int64 {
        switch self {
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
/// 250 names, one 10 MiB stream, 2.4 GiB if expanded) it silently lists only one of them. This
/// reads the classic (non-zip64) central directory, counts its records and reports overlapping
/// data ranges, so the bomb is flagged and the hidden names are counted rather than lost.
struct ZipCentralDirectory {
    struct Record {
        var name: String
        var localHeaderOffset: Int64
        var compressedSize: Int64
    }

    var records: [Record]

    /// Overlaps: (later record, earlier record it overlaps), in local-header order.
    var overlaps: [(Record, Record)] {
        let sorted = records.enumerated().sorted {
            ($0.element.localHeaderOffset, $0.offset) < ($1.element.localHeaderOffset, $1.offset)
        }.map(\.element)
        var result: [(Record, Record)] = []
        guard var previous = sorted.first else { return [] }
        for record in sorted.dropFirst() {
            // A local header is at least 30 bytes; data of the previous entry follows its header.
            if record.localHeaderOffset < previous.localHeaderOffset + 30 + previous.compressedSize {
                result.append((record, previous))
            } else {
                previous = record
            }
        }
        return result
    }

    /// Reads the central directory; nil when the bytes are not a classic zip with an end record.
    static func read(_ bytes: ArchiveBytes, maxRecords: Int) -> ZipCentralDirectory? {
        let size = bytes.size
        guard size >= 22 else { return nil }
        let tailLength = Int(min(size, 22 + 65_535))
        let tail = bytes.read(offset: size - Int64(tailLength), count: tailLength)
        guard tail.count == tailLength else { return nil }
        func u16(_ data: [UInt8], _ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        func u32(_ data: [UInt8], _ at: Int) -> Int64 { Int64(u16(data, at)) | Int64(u16(data, at + 2)) << 16 }
        var end: Int?
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                end = index
                break
            }
            index -= 1
        }
        guard let end else { return nil }
        let count = u16(tail, end + 10)
        let directorySize = u32(tail, end + 12)
        let directoryOffset = u32(tail, end + 16)
        // Zip64 markers: leave those archives to libarchive.
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF { return nil }
        guard directorySize <= 64 << 20, directoryOffset + directorySize <= size else { return nil }
        let directory = bytes.read(offset: directoryOffset, count: Int(directorySize))
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
            records.append(
                Record(
                    name: String(decoding: directory[(position + 46)..<nameEnd], as: UTF8.self),
                    localHeaderOffset: u32(directory, position + 42), compressedSize: u32(directory, position + 20)))
            position += 46 + nameLength + extraLength + commentLength
        }
        return ZipCentralDirectory(records: records)
    }
}
