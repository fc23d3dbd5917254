import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

extension CaseStore {
    /// Writes a copy of the whole case to `destination` with `VACUUM INTO` (RELIABILITY.md R-44).
    ///
    /// The copy is read in one read transaction, so it is one consistent state of the case even while
    /// an ingest commits (an item being ingested appears as `ingesting` with the batches committed so
    /// far, exactly as a crash at that moment would leave it). A plain file copy of a WAL database
    /// can tear; this cannot. The copy goes to a temporary file beside `destination`, is synced, and
    /// is then renamed, so a failed copy never lies under the final name.
    public func copy(to destination: String) throws {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        unlink(temporary.path)
        do {
            try pool.unsafeRead { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [temporary.path])
            }
            // VACUUM INTO does not sync what it writes.
            let descriptor = open(temporary.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CaseStore.fileError("cannot reopen the copy", errno) }
            let synced = fsync(descriptor)
            let syncError = errno
            close(descriptor)
            if synced != 0 { throw CaseStore.fileError("cannot sync the copy", syncError) }
            if rename(temporary.path, url.path) != 0 { throw CaseStore.fileError("cannot rename the copy", errno) }
            let directory = open(folder.path, O_RDONLY | O_CLOEXEC)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        } catch {
            unlink(temporary.path)
            throw CaseStore.map(error, context: "cannot copy the case to '\(destination)' (nothing was left under that name)")
        }
    }

    static func fileError(_ what: String, _ code: Int32) -> StoreError {
        StoreError(.ioError, "\(what) (\(CaseLocation.reason(code)))")
    }
}
