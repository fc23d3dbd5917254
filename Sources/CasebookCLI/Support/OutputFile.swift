import CaseStore
import Foundation

/// Writing a report or export file: never inside an evidence folder, never left half-written under
/// its final name (written to a temporary file beside it, synced, then renamed).
enum OutputFile {
    /// Refuses an output path inside a folder that is evidence of this case (exit 64), so that the
    /// evidence tree is never written to.
    static func checkOutsideEvidence(_ path: String, store: CaseStore) throws {
        for item in try store.evidenceList() where item.kind == "folder" {
            if isInside(path, root: item.sourcePath) {
                throw CommandError(
                    message: "output path '\(path)' is inside evidence root '\(item.sourcePath)' – write it elsewhere",
                    status: 64)
            }
        }
    }

    /// True when `path` is `root` or lies below it, after resolving `.`, `..` and symbolic links.
    static func isInside(_ path: String, root: String) -> Bool {
        func resolved(_ text: String) -> String {
            URL(fileURLWithPath: text).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let target = resolved(path), base = resolved(root)
        return target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Moves the finished temporary file over the final name in one step (POSIX rename).
    static func rename(_ temporary: URL, to url: URL) throws {
        if Foundation.rename(temporary.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Writes `text` to `path` atomically; `-` writes to standard output.
    static func write(_ text: String, to path: String) throws {
        try stream(to: path) { $0.write(text) }
    }

    /// Collects output in chunks and writes it to a file handle, remembering the first error.
    final class Writer {
        let handle: FileHandle?
        private var buffer = Data()
        private(set) var failure: (any Error)?

        init(handle: FileHandle?) { self.handle = handle }

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 20 { flush() }
        }

        func flush() {
            guard !buffer.isEmpty, failure == nil else { return }
            if let handle {
                do { try handle.write(contentsOf: buffer) } catch { failure = error }
            } else {
                FileHandle.standardOutput.write(buffer)
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Streams output produced by `body` to `path` atomically (temporary file, sync, rename); `-` is
    /// standard output.
    static func stream<T>(to path: String, _ body: (Writer) throws -> T) throws -> T {
        if path == "-" {
            let writer = Writer(handle: nil)
            let result = try body(writer)
            writer.flush()
            return result
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CommandError(
                message: "cannot create '\(path)': the folder '\(directory.path)' does not exist", status: 73)
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else {
            throw CommandError(message: "cannot create '\(path)' – check the folder's permissions", status: 73)
        }
        let writer = Writer(handle: handle)
        do {
            let result = try body(writer)
            writer.flush()
            if let failure = writer.failure { throw failure }
            try handle.synchronize()
            try handle.close()
            try rename(temporary, to: url)
            return result
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            if error is CommandError || error is StoreError { throw error }
            throw CommandError(
                message: "cannot write '\(path)': \(error.localizedDescription) (nothing was left under that name)",
                status: 74)
        }
    }
}
