import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// Disk full (RELIABILITY.md R-38, CFTT DA-17): the case on a 2 MiB tmpfs. The ingest must end with
/// exit 74 and a clear message, the case must stay consistent, and nothing half-done is `complete`.
/// Needs root (to mount); skipped otherwise.
@Suite(.serialized) struct DiskFullTests {
    static func command(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func ingestOnAFullDiskExits74AndStaysConsistent() throws {
        guard getuid() == 0 else {
            print("skipped: mounting a tmpfs needs root")
            return
        }
        let folder = try TemporaryFolder()
        let archive = try SyntheticArchive.make(in: folder, name: "big", tweets: 6_000)
        let mountPoint = folder.path + "/small"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard Self.command(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint]) == 0 else {
            print("skipped: cannot mount a tmpfs here")
            return
        }
        defer { _ = Self.command(["umount", mountPoint]) }
        let casePath = mountPoint + "/case.db"

        let run = try CasebookBinary.run(["ingest", archive, "--case", casePath])
        #expect(run.status == 74, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("disk is full"), "\(run.stderr)")
        #expect(!run.stderr.lowercased().contains("sqlite"))

        let store = try CaseStore(path: casePath, create: false)
        #expect(try store.integrityCheck() == "ok")
        #expect(!(try store.evidenceList().map(\.status)).contains("complete"))
    }
}
