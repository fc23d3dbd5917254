import CaseStore
import Foundation

/// Writing a report or export file: never inside an evidence folder, never left half-written under
/// its final name (written to a temporary file beside it, synced, then renamed).
enum OutputFile {
    /// Refuses an output path inside a folder that is evidence of this case (exit 64), so that the
    /// evidence tree is never written to.
    static func checkOutsideEvidence(_ path: String, store: CaseStore) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for item in try store.evidenceList() where item.kind == "folder" {
            let root = URL(fileURLWithPath: item.sourcePath).standardizedFileURL.resolvingSymlinksInPath().path
            if target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                throw CommandError(
                    message: "output path '\(path)' is inside evidence root '\(item.sourcePath)' – write it elsewhere", status: 64)
            }
        }
    }

    /// Writes `text` to `path` atomically; `-` writes to standard output.
    static func write(_ text: String, to path: String) throws {
        if path == "-" {
            Console.out(text)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError(message: "cannot create '\(path)': the folder '\(directory.path)' does not exist", status: 73)
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CommandError(message: "cannot create '\(path)' – check the folder's permissions", status: 73)
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: url.path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary) }
            else { try FileManager.default.moveItem(at: temporary, to: url) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandError(message: "cannot write '\(path)': \(error.localizedDescription) (nothing was left under that name)", status: 74)
        }
    }
}
