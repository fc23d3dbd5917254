import CaseStore
import CasebookTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Damaged, foreign and unwritable case files (RELIABILITY.md ): a clear message, exit 65
/// (or 73 where the case cannot be created), and the case file byte for byte as it was.
@Suite(.serialized) struct CaseDatabaseTests {
    static var sample: String { SampleExportsLocator.path("twitter/modern-2022") }

    /// A case made by ingesting the sample Twitter export; the binary has closed it (no WAL left).
    func makeCase(_ folder: TemporaryFolder, name: String = "case.db") throws -> String {
        let casePath = folder.path + "/" + name
        let ingest = try CasebookBinary.run(["ingest", Self.sample, "--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        return casePath
    }

    func sha256(_ path: String) throws -> String {
        FileFingerprint.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Commands that write (ingest, tag) and that read (timeline, search, report) on a bad case.
    func everyCommand(_ casePath: String, _ folder: TemporaryFolder) throws -> [String: CasebookBinary.Output] {
        try folder.write("other/data/account.js", "window.YTD.account.part0 = []\n")
        return [
            "ingest": try CasebookBinary.run(["ingest", folder.path + "/other", "--case", casePath]),
            "tag": try CasebookBinary.run(["tag", "1", "--label", "x", "--case", casePath]),
            "timeline": try CasebookBinary.run(["timeline", "--case", casePath]),
            "search": try CasebookBinary.run(["search", "tweet", "--case", casePath]),
            "report": try CasebookBinary.run(["report", "--case", casePath, "--format", "json"]),
        ]
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "the sqlite3 shell is not installed (needed to find a table's page)"))
    func pageOverwrittenWithZerosIsCorruptExit65NothingWritten() throws {
        let folder = try TemporaryFolder()
        let casePath = try makeCase(folder)
        #expect(!FileManager.default.fileExists(atPath: casePath + "-wal"), "the ingest closed the case: every page is in the file")
        // Zero the root page of the event table: every command that reads events meets it.
        func number(_ sql: String) throws -> Int {
            try #require(Int(try SQLiteShell.run(casePath, sql).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let page = try number("SELECT rootpage FROM sqlite_master WHERE name = 'eventRow'")
        let pageSize = try number("PRAGMA page_size")
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: casePath))
        try handle.seek(toOffset: UInt64((page - 1) * pageSize))
        try handle.write(contentsOf: Data(count: pageSize))
        try handle.close()
        let before = try sha256(casePath)

        let runs = try everyCommand(casePath, folder)
        for (command, run) in runs {
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("case database is corrupt"), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("restore the case from a backup"), "\(command)")
            #expect(!run.stderr.contains("SQLite error") && !run.stderr.contains("SELECT"), "\(command): no raw SQLite text")
        }
        let ingest = try #require(runs["ingest"])
        #expect(ingest.stderr.contains("(quick_check: ") && ingest.stderr.contains("not writing"), "\(ingest.stderr)")
        #expect(try sha256(casePath) == before, "nothing was written to the damaged case")
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "the sqlite3 shell is not installed (needed to add a migration row)"))
    func schemaOfANewerCasebookIsRefusedExit65NothingWritten() throws {
        let folder = try TemporaryFolder()
        let casePath = try makeCase(folder)
        _ = try SQLiteShell.run(casePath, "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')", write: true)
        let before = try sha256(casePath)

        for (command, run) in try everyCommand(casePath, folder) {
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(
                run.stderr.contains("case schema v9-from-the-future of '\(casePath)' is newer than this casebook (which knows up to v"),
                "\(command): \(run.stderr)")
            #expect(run.stderr.contains("nothing was written"))
        }
        #expect(try sha256(casePath) == before)
    }

    @Test func fileThatIsNotACaseIsRefusedExit65Unchanged() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes.txt", "meeting notes, not a database\n")
        let text = folder.path + "/notes.txt"
        var files = [text]
        if SQLiteShell.path != nil {
            // An SQLite database of another program: valid SQLite, no Casebook schema.
            let foreign = folder.path + "/other-app.sqlite"
            _ = try SQLiteShell.run(foreign, "CREATE TABLE contact(name TEXT); INSERT INTO contact VALUES ('x');", write: true)
            files.append(foreign)
        } else {
            print("skipped the foreign-SQLite part: the sqlite3 shell is not installed")
        }
        for file in files {
            let before = try sha256(file)
            let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            for (command, run) in try everyCommand(file, folder) {
                #expect(run.status == 65, "\(file) \(command): \(run.stderr)")
                #expect(run.stderr.contains("not a case database"), "\(file) \(command): \(run.stderr)")
            }
            #expect(try sha256(file) == before, "\(file) unchanged")
            // Nothing was created beside it (no lock, no -wal/-shm); `other/` is the evidence folder.
            let after = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(Set(after).subtracting(listing).subtracting(["other"]).isEmpty, "\(after)")
        }
    }

    @Test func caseInAMissingFolderCannotBeCreatedExit73() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/no-such-folder"
        let run = try CasebookBinary.run(["ingest", Self.sample, "--case", missing + "/case.db"])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(
            run.stderr.contains("cannot create case database at '\(missing)/case.db' (no such folder '\(missing)')"),
            "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing), "nothing was created")
    }

    /// A read-only folder: a read-only bind mount when root (permissions do not stop root), else
    /// mode 0555. Creating or writing a case there fails with 73 and creates nothing; an existing
    /// case there can be searched, reported and exported (opened `immutable=1`, as no `-shm` can be made).
    @Test func readOnlyFolderRefusesWritesButServesQueries() throws {
        let folder = try TemporaryFolder()
        let source = folder.path + "/cases"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let casePath = try makeCase(folder, name: "cases/case.db")
        let expectedEvents = CaseState.items(casePath)?.first?.events ?? -1
        #expect(expectedEvents > 0)
        let readOnly: String
        var cleanup: () -> Void = {}
        if getuid() == 0 {
            readOnly = folder.path + "/mounted"
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
            guard Self.command(["mount", "--bind", source, readOnly]) == 0 else {
                print("skipped: cannot bind-mount here (a container without CAP_SYS_ADMIN?)")
                return
            }
            cleanup = { _ = Self.command(["umount", readOnly]) }
            guard Self.command(["mount", "-o", "remount,bind,ro", readOnly]) == 0 else {
                cleanup()
                print("skipped: cannot remount read-only here")
                return
            }
        } else {
            readOnly = source
            chmod(source, 0o555)
            cleanup = { chmod(source, 0o755) }
        }
        defer { cleanup() }
        let listing = try FileManager.default.contentsOfDirectory(atPath: readOnly).sorted()
        let roCase = readOnly + "/case.db"
        let before = try sha256(roCase)
        let reason = getuid() == 0 ? "read-only file system" : "permission denied"

        let create = try CasebookBinary.run(["ingest", Self.sample, "--case", readOnly + "/new.db"])
        #expect(create.status == 73, "\(create.stderr)")
        #expect(create.stderr.contains("cannot create case database at '\(readOnly)/new.db' (\(reason))"), "\(create.stderr)")
        let add = try CasebookBinary.run(["ingest", Self.sample, "--case", roCase])
        #expect(add.status == 73, "\(add.stderr)")
        #expect(add.stderr.contains("cannot write case database at '\(roCase)' (\(reason))"), "\(add.stderr)")
        let tag = try CasebookBinary.run(["tag", "1", "--label", "x", "--case", roCase])
        #expect(tag.status == 73, "\(tag.stderr)")

        let timeline = try CasebookBinary.run(["timeline", "--case", roCase, "--format", "jsonl"])
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.split(separator: "\n").count == expectedEvents)
        let search = try CasebookBinary.run(["search", "tweet", "--case", roCase])
        #expect(search.status == 0, "\(search.stderr)")
        let report = try CasebookBinary.run(["report", "--case", roCase, "--out", folder.path + "/report.html"])
        #expect(report.status == 0, "\(report.stderr)")
        let copy = try CasebookBinary.run(["export", "--case", roCase, "--format", "sqlite", "--out", folder.path + "/copy.db"])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(CaseState.items(folder.path + "/copy.db")?.first?.events == expectedEvents)

        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly).sorted() == listing, "nothing created in the folder")
        #expect(try sha256(roCase) == before)
    }

    static func command(_ arguments: [String]) -> Int32 {
        (try? CasebookBinary.execute("/usr/bin/env", arguments, timeout: 30).status) ?? -1
    }
}
