import CasebookTestSupport
import Foundation
import Testing

/// R-01 and R-58: evidence on a read-only bind mount, or readable only as another user, ingests fully;
/// no file is opened for writing under the evidence (strace); nothing is left in the temporary folder.
/// The mount and user tests need root (permissions do not stop root) and skip, saying why, otherwise.
@Suite(.serialized) struct ReadOnlyEvidenceTests {
    static let sample = SampleExportsLocator.path("twitter/modern-2022")

    static func command(_ arguments: [String]) -> Int32 {
        guard let process = try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: arguments) else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A zip of the sample and a copy of its folder, under `folder/evidence`.
    static func evidence(in folder: TemporaryFolder) throws -> String {
        let evidence = folder.path + "/evidence"
        try FileManager.default.createDirectory(atPath: evidence, withIntermediateDirectories: true)
        _ = try folder.zip(folder: sample, name: "evidence/modern.zip")
        try FileManager.default.copyItem(atPath: sample, toPath: evidence + "/modern-folder")
        return evidence
    }

    @Test func readOnlyBindMountIngestsAndNothingOpensEvidenceForWriting() throws {
        guard getuid() == 0 else {
            print("skipped: a read-only bind mount needs root")
            return
        }
        let folder = try TemporaryFolder()
        let source = try Self.evidence(in: folder)
        let mounted = folder.path + "/mounted"
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        guard Self.command(["mount", "--bind", source, mounted]) == 0 else {
            print("skipped: cannot bind-mount here (a container without CAP_SYS_ADMIN?)")
            return
        }
        defer { _ = Self.command(["umount", mounted]) }
        guard Self.command(["mount", "-o", "remount,bind,ro", mounted]) == 0 else {
            print("skipped: cannot remount read-only here")
            return
        }
        let before = try FileFingerprint.of(mounted)
        let casePath = folder.path + "/case.db"
        let arguments = ["ingest", mounted + "/modern.zip", mounted + "/modern-folder", "--case", casePath]
        let traced = FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")
        let trace = folder.path + "/opens.txt"
        let run: CasebookBinary.Output
        if traced, let binary = CasebookBinary.path {
            run = try CasebookBinary.execute(
                "/usr/bin/strace", ["-f", "-qq", "-e", "trace=open,openat,creat", "-o", trace, binary] + arguments)
        } else {
            print("note: strace is absent; write-mode opens are not checked")
            run = try CasebookBinary.run(arguments)
        }
        #expect(run.status == 0 || run.status == 10, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "status: complete").count == 3, "both items complete: \(run.stdout)")
        #expect(try FileFingerprint.of(mounted) == before, "evidence unchanged (SHA-256, size, mtime)")
        if traced {
            let opens = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            let evidenceOpens = opens.filter { $0.contains("\"\(mounted)") }
            #expect(!evidenceOpens.isEmpty, "strace saw the evidence being opened")
            let writing = evidenceOpens.filter { $0.contains("O_WRONLY") || $0.contains("O_RDWR") || $0.contains("O_CREAT") || $0.contains("creat(") }
            #expect(writing.isEmpty, "opened for writing: \(writing)")
        }
    }

    @Test func evidenceReadableOnlyAsAnotherUserIngests() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), let binary = CasebookBinary.path else {
            print("skipped: running as another user needs root and setpriv")
            return
        }
        let folder = try TemporaryFolder()
        chmod(folder.path, 0o755)
        let evidence = try Self.evidence(in: folder)
        // Owned by root, readable by all, writable by nobody; the case folder belongs to `nobody`.
        _ = Self.command(["chmod", "-R", "a-w,a+rX", evidence])
        defer { _ = Self.command(["chmod", "-R", "u+w", evidence]) }
        let cases = folder.path + "/cases"
        try FileManager.default.createDirectory(atPath: cases, withIntermediateDirectories: true)
        guard Self.command(["chown", "nobody", cases]) == 0 else {
            print("skipped: no user 'nobody' here")
            return
        }
        let before = try FileFingerprint.of(evidence)
        let run = try CasebookBinary.execute(
            "/usr/bin/setpriv",
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary, "ingest", evidence + "/modern.zip",
             evidence + "/modern-folder", "--case", cases + "/case.db"])
        #expect(run.status == 0 || run.status == 10, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "status: complete").count == 3, "both items complete: \(run.stdout)")
        #expect(try FileFingerprint.of(evidence) == before, "evidence unchanged (SHA-256, size, mtime)")
        let search = try CasebookBinary.run(["search", "station", "--case", cases + "/case.db", "--format", "jsonl"])
        #expect(search.status == 0 && !search.stdout.isEmpty, "\(search.stderr)")
    }

    /// R-58: an ingest, a report and an export write nothing into the temporary folder (TMPDIR) and
    /// nothing beside the evidence.
    @Test func nothingIsLeftInTheTemporaryFolder() throws {
        let folder = try TemporaryFolder()
        let evidence = try Self.evidence(in: folder)
        let scratch = folder.path + "/tmpdir"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let before = try FileManager.default.contentsOfDirectory(atPath: evidence).sorted()
        let casePath = folder.path + "/case.db"
        let environment = ["TMPDIR": scratch, "TMP": scratch, "TEMP": scratch]
        let ingest = try CasebookBinary.run(["ingest", evidence + "/modern.zip", "--case", casePath], environment: environment)
        #expect(ingest.status == 0 || ingest.status == 10, "\(ingest.stderr)")
        let report = try CasebookBinary.run(["report", "--case", casePath, "--out", folder.path + "/report.html"], environment: environment)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "nothing left in TMPDIR")
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidence).sorted() == before, "nothing beside the evidence")
    }
}
