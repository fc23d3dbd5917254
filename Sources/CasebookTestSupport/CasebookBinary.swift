import Foundation

/// Runs the built `casebook` executable, as a user would, for end-to-end tests.
public enum CasebookBinary {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built executable beside the test bundle (`swift build --build-tests` builds both).
    public static var path: String? {
        var candidates: [String] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("casebook").path)
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("casebook").path)
        candidates.append(SampleExportsLocator.repositoryRoot + "/.build/debug/casebook")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `casebook` with arguments; standard input is empty.
    public static func run(_ arguments: [String], in directory: String? = nil) throws -> Output {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs so that neither fills up.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// SHA-256, size and modification time of files, to prove evidence was not changed.
public enum FileFingerprint {
    public struct Fingerprint: Equatable, CustomStringConvertible {
        public var sha256: String
        public var size: Int64
        public var modified: Date
        public var description: String { "\(sha256) \(size) \(modified.timeIntervalSince1970)" }
    }

    /// Fingerprints every regular file under a path (or the file itself), keyed by path.
    public static func of(_ path: String) throws -> [String: Fingerprint] {
        var files: [String] = []
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { files.append(path + "/" + relative) }
            }
        } else {
            files = [path]
        }
        var result: [String: Fingerprint] = [:]
        for file in files {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            result[file] = Fingerprint(
                sha256: sha256Hex(data), size: (attributes[.size] as? NSNumber)?.int64Value ?? -1,
                modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return result
    }

    /// SHA-256 via the system's `sha256sum`, independent of Casebook's own hashing.
    public static func sha256Hex(_ data: Data) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
