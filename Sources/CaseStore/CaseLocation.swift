import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What lies at a case path, found with plain file calls before SQLite opens (and so before it can
/// write) anything there (RELIABILITY.md ).
struct CaseLocation {
    enum Kind {
        /// Nothing there yet: a new case will be created.
        case absent
        /// A file of zero bytes (SQLite treats it as an empty database).
        case empty
        /// A file that starts with the SQLite header.
        case sqlite
    }

    let path: String
    let kind: Kind
    /// The case file or its folder cannot be written, so the case is opened read-only.
    let readOnly: Bool
    /// What SQLite opens: the path, or for a read-only case without pending WAL content an
    /// `immutable=1` URI (a WAL database otherwise needs to create its `-shm` file beside it).
    let sqlitePath: String

    /// Looks at `path` without changing anything.
    ///
    /// - Throws: `StoreError` `.missing` (no case and `create` is false), `.cannotOpen` (the case cannot
    ///   be created or written where it is), `.notACase` (a folder, an empty file for a query, or a
    ///   file that is not SQLite).
    static func inspect(_ path: String, create: Bool) throws -> CaseLocation {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var info = stat()
        if stat(path, &info) != 0 {
            let error = errno
            guard error == ENOENT else {
                throw StoreError(.cannotOpen, "cannot open case '\(path)' (\(reason(error))) – check the path and permissions")
            }
            guard create else {
                throw StoreError(.missing, "case '\(path)' does not exist – run 'casebook ingest' first or pass --case")
            }
            var folderInfo = stat()
            guard stat(folder, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError(
                    .cannotOpen,
                    "cannot create case database at '\(path)' (no such folder '\(folder)') – create the folder or choose another --case"
                )
            }
            guard access(folder, W_OK) == 0 else {
                throw StoreError(
                    .cannotOpen,
                    "cannot create case database at '\(path)' (\(reason(errno))) – choose a writable folder for --case")
            }
            return CaseLocation(path: path, kind: .absent, readOnly: false, sqlitePath: path)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError(.notACase, "'\(path)' is a folder, not a case database – give the case file with --case")
        }
        var writable = access(path, W_OK) == 0
        var writeError = writable ? 0 : errno
        if writable && access(folder, W_OK) != 0 {
            // SQLite creates `-wal` and `-shm` files beside the case when it writes.
            writable = false
            writeError = errno
        }
        if create && !writable {
            throw StoreError(
                .cannotOpen,
                "cannot write case database at '\(path)' (\(reason(writeError))) – copy the case to a writable folder")
        }
        if info.st_size == 0 {
            guard create else {
                throw StoreError(.notACase, "'\(path)' is an empty file, not a case database – check --case")
            }
            return CaseLocation(path: path, kind: .empty, readOnly: false, sqlitePath: path)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError(.cannotOpen, "cannot read case '\(path)' (\(reason(errno))) – check its permissions")
        }
        var header = [UInt8](repeating: 0, count: 16)
        let count = read(descriptor, &header, 16)
        close(descriptor)
        guard count == 16, header == Array("SQLite format 3\0".utf8) else {
            throw StoreError(
                .notACase,
                "'\(path)' is not a case database (it is not an SQLite file); nothing was written – check --case. "
                    + "If it was a case, its first page is damaged: restore it from a backup")
        }
        var sqlitePath = path
        if !writable {
            var walInfo = stat()
            let walIsEmpty = stat(path + "-wal", &walInfo) != 0 || walInfo.st_size == 0
            if walIsEmpty {
                sqlitePath = "file:" + uriEncoded(URL(fileURLWithPath: path).standardizedFileURL.path) + "?immutable=1"
            } else if access(path + "-shm", R_OK) != 0 {
                // SQLite reads pending WAL content through the -shm index, which it cannot create here.
                throw StoreError(
                    .cannotOpen,
                    "cannot open case '\(path)' read-only: its last changes are still in '\(path)-wal' and, the folder being "
                        + "read-only, SQLite cannot create '\(path)-shm' to read them – copy the case and its -wal file to a writable folder")
            }
        }
        return CaseLocation(path: path, kind: .sqlite, readOnly: !writable, sqlitePath: sqlitePath)
    }

    /// `strerror` text, starting lower-case ("read-only file system", "permission denied").
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// A path as the path part of an SQLite URI: everything but unreserved characters and `/` escaped.
    static func uriEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(Character(UnicodeScalar(byte)))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
