import Foundation

/// Runs the built `casebook` executable, as a user would, for end-to-end tests.
public enum CasebookBinary {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the process ran past the timeout and was killed.
        public var timedOut = false
        /// True when the process ended by a signal (then `status` is the signal number).
        public var signaled = false
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

    /// Runs `casebook` with arguments; standard input is empty. A run longer than `timeout` seconds is
    /// killed and reported as `timedOut`, so a hang fails a test instead of blocking CI.
    /// `environment` is added to (and overrides) the test process's own environment.
    public static func run(
        _ arguments: [String], in directory: String? = nil, timeout: TimeInterval = 300,
        environment: [String: String] = [:]
    ) throws -> Output {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        return try execute(path, arguments, in: directory, timeout: timeout, environment: environment)
    }

    /// Runs any executable the same way (used to wrap `casebook` in `/usr/bin/time`). On timeout the
    /// process and its direct children are killed.
    public static func execute(
        _ executable: String, _ arguments: [String], in directory: String? = nil, timeout: TimeInterval = 300,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs so that neither fills up.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            let children = try? Process.run(
                URL(fileURLWithPath: "/usr/bin/pkill"), arguments: ["-KILL", "-P", "\(process.processIdentifier)"])
            children?.waitUntilExit()
            kill(process.processIdentifier, SIGKILL)
            group.wait()
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self), timedOut: timedOut,
            signaled: process.terminationReason == .uncaughtSignal)
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
