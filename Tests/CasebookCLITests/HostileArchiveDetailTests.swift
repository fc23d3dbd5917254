import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// What a user checks after ingesting one hostile archive, beyond the table in `HostileArchiveTests`:
/// the exact finding (text, member, locator), the exit status and what the case database holds
/// (RELIABILITY.md R-04, R-06, R-08, R-11, R-18, R-20, R-21, R-33).
///
/// Known answers come from the fixture itself (its bytes, read here or by Python's `zipfile` in
/// memory: nothing is ever extracted to disk) or from `hostile/MANIFEST.md`.
@Suite(.serialized) struct HostileArchiveDetailTests {
    static var archives: String? { SampleExportsLocator.sharedFixture("hostile/archives") }

    /// Ingests one fixture into a new case; nil (and a note) when the fixtures are absent.
    struct Ingested {
        var folder: TemporaryFolder
        var casePath: String
        var evidence: String
        var run: HostileRunner.Result
        var store: CaseStore
    }

    static func ingest(_ relative: String, environment: [String] = []) throws -> Ingested? {
        guard let root = archives else {
            print("skipped: ../shared/fixtures is absent")
            return nil
        }
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let evidence = root + "/" + relative
        let binary = try #require(CasebookBinary.path)
        let output = try CasebookBinary.execute(
            "/usr/bin/env", environment + [binary, "ingest", evidence, "--case", casePath], timeout: 120)
        let run = HostileRunner.Result(
            status: output.status, signal: output.signaled ? output.status : nil, timedOut: output.timedOut,
            stdout: output.stdout, stderr: output.stderr, peakKilobytes: nil)
        return Ingested(
            folder: folder, casePath: casePath, evidence: evidence, run: run, store: try CaseStore(path: casePath, create: false))
    }

    static func members(_ casePath: String) throws -> [[String: Any]] {
        try HostileRunner.json(["evidence", "--members", "--format", "json", "--case", casePath])
    }

    /// Member rows of the case's only evidence item, read from the database.
    static func storedMembers(_ store: CaseStore) throws -> [MemberRow] {
        try store.members(evidenceId: try #require(try store.evidenceList().first?.id))
    }

    static func fileBytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func sha256(_ bytes: some Sequence<UInt8>) -> String { FileFingerprint.sha256Hex(Data(bytes)) }

    static func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }

    /// Offset of the last end-of-central-directory signature.
    static func endRecord(_ bytes: [UInt8]) -> Int? {
        var index = bytes.count - 22
        while index >= 0 {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 { return index }
            index -= 1
        }
        return nil
    }

    // MARK: R-08 header inconsistencies

    /// `zip_bad_crc.zip`: one byte of the stored `b.txt` was changed after the archive was written.
    @Test func crcMismatchIsFlaggedAndTheBytesReadAreKept() throws {
        guard let ingested = try Self.ingest("generated/zip_bad_crc.zip") else { return }
        #expect(ingested.run.status == 10, "\(ingested.run.stderr)")
        // The MANIFEST's `unzip` line: "bad CRC 4e0c2c93 (should be 588ab7b0)".
        #expect(
            ingested.run.stdout.contains(
                "finding: zip_bad_crc.zip › b.txt @offset 78: CRC-32 of the 500 bytes read is 4e0c2c93 but the central "
                    + "directory declares 588ab7b0"), "\(ingested.run.stdout)")
        let warnings = try ingested.store.warnings(code: "crc-mismatch")
        #expect(warnings.count == 1)
        #expect(warnings.first?.memberPath == "b.txt", "the finding belongs to b.txt's row")
        #expect(warnings.first?.locator == "offset 78")
        #expect(try ingested.store.evidenceList().first?.status == "partial")

        // Kept and hashed as read: the stored member's SHA-256 is that of the 500 stored bytes in the
        // file (local header at 78, 30 fixed bytes and the 5-byte name before the data).
        let bytes = try Self.fileBytes(ingested.evidence)
        let members = try Self.storedMembers(ingested.store)
        let stored = try #require(members.first { $0.path == "b.txt" })
        #expect(stored.size == 500)
        #expect(stored.sha256 == Self.sha256(bytes[(78 + 30 + 5)..<(78 + 30 + 5 + 500)]))
        #expect(members.first { $0.path == "a.json" }?.sha256 != nil)
    }

    /// `zip_local_vs_central_name_mismatch.zip`: the local header says `c.txt`, the central directory `b.txt`.
    @Test func localAndCentralNamesThatDifferAreBothRecorded() throws {
        guard let ingested = try Self.ingest("generated/zip_local_vs_central_name_mismatch.zip") else { return }
        #expect(ingested.run.status == 10)
        #expect(
            ingested.run.stdout.contains(
                "zip_local_vs_central_name_mismatch.zip › c.txt @offset 78: the local header names this member 'c.txt' "
                    + "but the central directory names it 'b.txt'"), "\(ingested.run.stdout)")
        let warnings = try ingested.store.warnings(code: "name-mismatch")
        #expect(warnings.map(\.memberPath) == ["c.txt"])
        #expect(try ingested.store.warnings(code: "crc-mismatch").isEmpty, "the data itself is intact")
        #expect(try ingested.store.evidenceList().first?.status == "complete")
    }

    // MARK: R-18 bytes outside the archive structure

    @Test func bytesBeforeAZipAreReportedAndItsMembersIngested() throws {
        guard let ingested = try Self.ingest("generated/zip_with_html_prefix.zip") else { return }
        let bytes = try Self.fileBytes(ingested.evidence)
        // The HTML ends where the first local header starts.
        let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let found = (0..<(bytes.count - 4)).first { (offset: Int) -> Bool in Array(bytes[offset..<(offset + 4)]) == signature }
        let prefix = try #require(found)
        #expect(prefix > 0)
        #expect(ingested.run.status == 10)
        #expect(
            ingested.run.stdout.contains(
                "zip_with_html_prefix.zip @offset 0: \(prefix) bytes before the first zip entry (offsets 0 to \(prefix - 1))"),
            "\(ingested.run.stdout)")
        let warnings = try ingested.store.warnings(code: "bytes-before-archive")
        #expect(warnings.count == 1 && warnings.first?.memberPath == nil && warnings.first?.locator == "offset 0")
        let members = try Self.members(ingested.casePath)
        #expect(Set(members.compactMap { $0["path"] as? String }) == ["a.json", "big.json", "z.txt"])
        #expect(members.allSatisfy { $0["sha256"] is String })
    }

    @Test func bytesAfterAZipEndRecordAreReported() throws {
        guard let ingested = try Self.ingest("generated/zip_trailing_garbage.zip") else { return }
        let bytes = try Self.fileBytes(ingested.evidence)
        let end = try #require(Self.endRecord(bytes))
        let after = end + 22 + Self.u16(bytes, end + 20)
        #expect(after < bytes.count)
        #expect(ingested.run.status == 10)
        #expect(
            ingested.run.stdout.contains(
                "zip_trailing_garbage.zip @offset \(after): \(bytes.count - after) bytes after the zip's "
                    + "end-of-central-directory record (offsets \(after) to \(bytes.count - 1))"), "\(ingested.run.stdout)")
        #expect(try ingested.store.warnings(code: "after-end-of-archive").map(\.locator) == ["offset \(after)"])
        #expect(try Self.members(ingested.casePath).filter { $0["sha256"] is String }.count == 3)
    }

    @Test func bytesAfterAGzipStreamAreReported() throws {
        guard let ingested = try Self.ingest("generated/targz_trailing_garbage.tar.gz") else { return }
        // MANIFEST: "700 B of garbage after it".
        let size = try Self.fileBytes(ingested.evidence).count
        let end = size - 700
        #expect(ingested.run.status == 10)
        #expect(
            ingested.run.stdout.contains(
                "targz_trailing_garbage.tar.gz @offset \(end): 700 bytes after the end of the gzip stream (offsets \(end) "
                    + "to \(size - 1))"), "\(ingested.run.stdout)")
        #expect(try ingested.store.warnings(code: "after-end-of-archive").map(\.locator) == ["offset \(end)"])
        #expect(try Self.members(ingested.casePath).filter { $0["sha256"] is String }.count == 3)
    }

    // MARK: R-20 a NUL byte inside a name

    @Test func nameCutAtANulByteKeepsItsRawBytes() throws {
        guard let ingested = try Self.ingest("generated/zip_nul_in_name.zip") else { return }
        #expect(ingested.run.status == 10)
        // MANIFEST: the name is `visible.json\0hidden.exe`.
        let raw = Array("visible.json".utf8) + [0] + Array("hidden.exe".utf8)
        #expect(
            ingested.run.stdout.contains(
                "zip_nul_in_name.zip › visible.json: member name contains a NUL byte: the archive names it "
                    + "'visible.json\\x00hidden.exe' (23 bytes) but libarchive and most tools see only 'visible.json'; the "
                    + "11 bytes from the NUL on were cut"), "\(ingested.run.stdout)")
        let warning = try #require(try ingested.store.warnings(code: "path-nul").first)
        #expect(warning.memberPath == "visible.json")
        #expect(warning.message.contains("bytes in hex \(Self.hex(raw))"))
        let member = try #require(try Self.storedMembers(ingested.store).first)
        #expect(member.pathFindings.contains("nul"))
        #expect(member.sha256 != nil)
        #expect(!ingested.run.stdout.unicodeScalars.contains("\u{0}"), "no raw NUL reaches the terminal")
    }

    // MARK: R-11 special files and modes

    @Test func specialFilesKeepTheirTypeAndMode() throws {
        guard let ingested = try Self.ingest("generated/tar_special_files.tar") else { return }
        #expect(ingested.run.status == 10)
        let special = try ingested.store.warnings(code: "special-file")
        func message(_ member: String) -> String { special.first { $0.memberPath == member }?.message ?? "" }
        #expect(message("dev_null").hasPrefix("member is a character device (mode 20666 octal, device 0,0)"))
        #expect(message("dev_sda").hasPrefix("member is a block device (mode 60660 octal"))
        #expect(message("fifo").hasPrefix("member is a FIFO (mode 10644 octal)"))
        // MANIFEST: "setuid 04755 file".
        let setuid = try ingested.store.warnings(code: "special-permissions")
        #expect(setuid.map(\.memberPath) == ["setuid_root_shell"])
        #expect(setuid.first?.message.contains("setuid bit set (permissions 4755, mode 104755 octal)") == true)
        #expect(ingested.run.stdout.contains("tar_special_files.tar › fifo: member is a FIFO"))
        // Metadata only: the FIFO was not read (no hash), the setuid file's 21 bytes were.
        let members = try Self.storedMembers(ingested.store)
        #expect(members.first { $0.path == "fifo" }?.sha256 == nil)
        #expect(members.first { $0.path == "setuid_root_shell" }?.size == 21)
    }

    // MARK: R-21 names that differ only in normalization

    @Test func nfcAndNfdMembersAreBothListed() throws {
        guard let ingested = try Self.ingest("generated/zip_unicode_normalization_collision.zip") else { return }
        #expect(ingested.run.status == 10)
        let members = try Self.members(ingested.casePath)
        let names = members.compactMap { $0["path"] as? String }
        // Compared as bytes: Swift's `==` would call the two spellings equal.
        #expect(Set(names.map { Self.hex($0.utf8) }) == [Self.hex("caf\u{E9}.json".utf8), Self.hex("cafe\u{301}.json".utf8)])
        #expect(Set(members.compactMap { $0["sha256"] as? String }).count == 2, "two members, two contents")
        #expect(try ingested.store.warnings(code: "name-collision").count == 1)
        #expect(try ingested.store.warnings(code: "duplicate-name").isEmpty)
    }

    /// Search normalizes the index, not the evidence: either spelling finds both records, and each
    /// record keeps its text as written.
    @Test func searchFindsBothNormalizationForms() throws {
        let folder = try TemporaryFolder()
        let export = folder.path + "/export"
        try FileManager.default.copyItem(atPath: SampleExportsLocator.path("twitter/modern-2022"), toPath: export)
        let spellings = ["caf\u{E9}", "cafe\u{301}"]
        var tweets = "window.YTD.tweets.part0 = [ "
        for (index, spelling) in spellings.enumerated() {
            if index > 0 { tweets += ", " }
            let identifier = 1_700_000_000_000_000_000 + index
            tweets += """
                { "tweet" : { "id_str" : "\(identifier)", "id" : "\(identifier)", \
                "created_at" : "Sat Mar 18 15:0\(index):12 +0000 2023", "full_text" : "meet at the \(spelling) tonight", \
                "lang" : "en", "favorite_count" : "0", "retweet_count" : "0", \
                "entities" : { "hashtags" : [ ], "user_mentions" : [ ], "urls" : [ ] } } }
                """
        }
        try (tweets + " ]\n").write(toFile: export + "/data/tweets.js", atomically: true, encoding: .utf8)
        let casePath = folder.path + "/case.db"
        let ingest = try CasebookBinary.run(["ingest", export, "--case", casePath])
        #expect([0, 10].contains(ingest.status), "\(ingest.stderr)")
        for query in spellings {
            let rows = try HostileRunner.json(["search", query, "--case", casePath, "--format", "json"])
            let texts = rows.compactMap { $0["text"] as? String }.filter { $0.hasPrefix("meet at the") }
            #expect(texts.count == 2, "search '\(Self.hex(query.utf8))' found \(texts)")
            #expect(
                Set(texts.map { Self.hex($0.utf8) }) == Set(spellings.map { Self.hex("meet at the \($0) tonight".utf8) }),
                "each record keeps its own bytes")
        }
    }

    // MARK: R-33 zip DOS times

    /// DOS times carry no zone: stored as written whatever the machine's zone, and shown as
    /// "zone unknown", never as UTC. UTC times from zip extra fields and tar times are shown with `Z`.
    @Test func dosTimesAreWallClockWithZoneUnknown() throws {
        var shown: [[String: String]] = []
        for zone in ["UTC", "Pacific/Apia"] {
            guard let ingested = try Self.ingest("generated/zip_odd_dos_timestamps.zip", environment: ["TZ=\(zone)"]) else {
                return
            }
            #expect(ingested.run.status == 10)
            var times: [String: String] = [:]
            for member in try Self.members(ingested.casePath) {
                times[member["path"] as? String ?? ""] = member["modified"] as? String
            }
            shown.append(times)
        }
        // MANIFEST: DOS 1980-01-01 and 2107-12-31 (DOS seconds are even: :58) and 02:30 in the DST gap.
        #expect(
            shown[0] == [
                "dos_min_1980.json": "1980-01-01 00:00:00 (zone unknown)",
                "dos_max_2107.json": "2107-12-31 23:59:58 (zone unknown)",
                "dst_gap_local.json": "2021-03-14 02:30:00 (zone unknown)",
            ])
        #expect(shown[0] == shown[1], "the machine's zone changed what was stored")

        // A zip64 end record (the classic one is invalid): its directory is read too.
        guard let zip64 = try Self.ingest("libarchive/test_read_format_zip_with_invalid_traditional_eocd.zip", environment: ["TZ=Pacific/Apia"])
        else { return }
        #expect(
            try Self.members(zip64.casePath).compactMap { $0["modified"] as? String }
                == ["2017-04-02 14:38:52 (zone unknown)", "2017-04-02 14:38:52 (zone unknown)"])

        // UTC times from extra fields win over the DOS time and are shown as UTC (values read with
        // Python from the fixtures): extended timestamp (UT) in the nested-zip fixture, NTFS in 7075.
        guard let ut = try Self.ingest("libarchive/test_read_format_zip_nested.zip", environment: ["TZ=Pacific/Apia"]),
            let ntfs = try Self.ingest("libarchive/test_read_format_zip_7075_utf8_paths.zip", environment: ["TZ=Pacific/Apia"])
        else { return }
        var utTimes: [String: String] = [:]
        for member in try Self.members(ut.casePath) { utTimes[member["path"] as? String ?? ""] = member["modified"] as? String }
        #expect(utTimes["file.txt"] == "2014-09-25 23:04:50Z" && utTimes["small.zip"] == "2014-09-25 23:04:25Z", "\(utTimes)")
        #expect(Set(try Self.members(ntfs.casePath).compactMap { $0["modified"] as? String }) == ["2014-11-06 06:54:03Z"])

        guard let tar = try Self.ingest("generated/tar_odd_mtimes.tar", environment: ["TZ=Pacific/Apia"]) else { return }
        let times = try Self.members(tar.casePath).compactMap { $0["modified"] as? String }
        // MANIFEST: tar mtime 0, 2^31, −1, 8^11−1 (seconds since the epoch, UTC).
        #expect(
            Set(times) == ["1970-01-01 00:00:00Z", "2038-01-19 03:14:08Z", "1969-12-31 23:59:59Z", "2242-03-16 12:56:31Z"])
    }
}

/// Known answers from an independent reader: Python's `zipfile` and `tarfile`, reading every member
/// (and members of nested archives) into memory – never to disk, as the fixtures' handling note
/// requires (R-04, R-06).
@Suite(.serialized) struct HostileKnownAnswerTests {
    /// `python3 -c script ARCHIVE [REQUESTS]`: without requests, a JSON list of every regular member
    /// (`path` with `!/` between nesting levels, `sha256`, `size`); with a JSON list of
    /// `[member path, JSON pointer]`, for each one the candidates `{sha256, target}`.
    static let script = """
        import hashlib, io, json, sys, tarfile, zipfile

        NESTED = ('.zip', '.tar', '.tgz', '.tar.gz', '.tar.xz', '.txz', '.tar.bz2', '.tbz2')

        def walk(data, prefix):
            buffer = io.BytesIO(data)
            if zipfile.is_zipfile(buffer):
                archive = zipfile.ZipFile(buffer)
                entries = [(info.filename, lambda info=info: archive.read(info))
                           for info in archive.infolist() if not info.is_dir()]
            else:
                try:
                    archive = tarfile.open(fileobj=io.BytesIO(data))
                except tarfile.TarError:
                    return
                entries = [(member.name, lambda member=member: archive.extractfile(member).read())
                           for member in archive.getmembers() if member.isreg()]
            for name, read in entries:
                member = read()
                path = prefix + name
                yield path, member
                if name.lower().endswith(NESTED):
                    yield from walk(member, path + '!/')

        def resolve(data, pointer):
            try:
                document = json.loads(data.decode('utf-8-sig'))
                for part in pointer.split('/')[1:]:
                    part = part.replace('~1', '/').replace('~0', '~')
                    document = document[int(part)] if isinstance(document, list) else document[part]
                return document
            except Exception:
                return None

        with open(sys.argv[1], 'rb') as evidence:
            members = list(walk(evidence.read(), ''))
        if len(sys.argv) == 2:
            print(json.dumps([{'path': p, 'sha256': hashlib.sha256(d).hexdigest(), 'size': len(d)} for p, d in members]))
        else:
            answers = []
            for member, pointer in json.loads(sys.argv[2]):
                answers.append([{'sha256': hashlib.sha256(d).hexdigest(), 'target': resolve(d, pointer)}
                                for p, d in members if p == member])
            print(json.dumps(answers))
        """

    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func python(_ arguments: [String]) throws -> Any {
        let python = try #require(Self.python)
        let output = try CasebookBinary.execute(python, ["-c", script] + arguments, timeout: 60)
        #expect(output.status == 0, "\(output.stderr)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    /// A multiset key that compares names by their bytes.
    static func key(_ path: String, _ sha256: String) -> String { HostileArchiveDetailTests.hex(path.utf8) + " " + sha256 }

    /// The stored evidence SHA-256 is the one `SHA256SUMS` lists, `verify` finds the file unchanged,
    /// and every regular member's SHA-256 (nested archives included) equals what Python's readers
    /// get (R-04).
    @Test(arguments: [
        "generated/e2e_export_like_hostile.zip", "generated/zip_duplicate_entry_names.zip",
        "generated/zip_case_collision.zip", "generated/zip_unicode_normalization_collision.zip",
        "generated/zip_slip_relative.zip", "generated/zip_hostile_entry_names.zip", "generated/zip_trailing_garbage.zip",
        "generated/zip_with_html_prefix.zip", "generated/zip_contains_same_name.zip", "generated/zip_nested_depth20.zip",
        "generated/zip_containing_targz_containing_zip.zip", "generated/tar_duplicate_entry_names.tar",
        "generated/tar_slip_relative.tar", "generated/tar_pax_path_override.tar", "generated/tar_special_files.tar",
        "generated/targz_multimember.tar.gz", "libarchive/test_read_format_zip_nested.zip",
    ])
    func memberHashesMatchAnIndependentReader(_ relative: String) throws {
        guard Self.python != nil else {
            print("skipped: python3 is absent")
            return
        }
        guard let ingested = try HostileArchiveDetailTests.ingest(relative) else { return }
        #expect([0, 10].contains(ingested.run.status), "\(ingested.run.stderr)")
        let sums = try String(contentsOfFile: try #require(SampleExportsLocator.sharedFixture("hostile/SHA256SUMS")), encoding: .utf8)
        let listed = sums.split(separator: "\n").first { $0.hasSuffix("  ./archives/" + relative) }?.prefix(64)
        let evidenceHash = try ingested.store.evidenceList().first?.sha256
        #expect(listed != nil && evidenceHash == listed.map(String.init), "stored \(evidenceHash ?? "-"), SHA256SUMS \(listed ?? "-")")
        let verify = try HostileRunner.run(["verify", "--case", ingested.casePath], timeout: 60)
        #expect(verify.status == 0 && verify.stdout.contains("OK"), "\(verify.stdout)\(verify.stderr)")

        let reference = try #require(try Self.python([ingested.evidence]) as? [[String: Any]])
        let expected = reference.map { Self.key($0["path"] as? String ?? "", $0["sha256"] as? String ?? "") }.sorted()
        let depthLimited = relative.hasSuffix("zip_nested_depth20.zip")
        let members = try HostileArchiveDetailTests.members(ingested.casePath).filter { $0["type"] as? String == "file" }
        let stored = members.map { Self.key($0["path"] as? String ?? "", $0["sha256"] as? String ?? "-") }.sorted()
        #expect(!expected.isEmpty)
        if depthLimited {
            // Levels past the nesting limit are stored as opaque members, not opened: every stored
            // member is one Python saw, with the same bytes.
            #expect(Set(stored).isSubset(of: Set(expected)), "\(Set(stored).subtracting(expected))")
            #expect(stored.count >= 4)
        } else {
            #expect(stored == expected, "casebook: \(stored)\npython: \(expected)")
        }
    }

    /// Each record's provenance leads back to its bytes (R-06): evidence SHA-256 → the file; member
    /// path → the member's bytes (read in memory, their SHA-256 equal to the stored one); locator (a
    /// JSON Pointer) → the object whose content and time the record shows.
    @Test func recordsLeadBackToTheirBytes() throws {
        guard Self.python != nil else {
            print("skipped: python3 is absent")
            return
        }
        guard let ingested = try HostileArchiveDetailTests.ingest("generated/e2e_export_like_hostile.zip") else { return }
        let fileHash = FileFingerprint.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: ingested.evidence)))
        let memberHashes = Dictionary(
            try HostileArchiveDetailTests.members(ingested.casePath).map { ($0["path"] as? String ?? "", $0["sha256"] as? String ?? "") },
            uniquingKeysWith: { first, _ in first })

        // A search sample and the whole timeline.
        let timeline = try HostileRunner.run(["timeline", "--case", ingested.casePath, "--format", "jsonl"], timeout: 60)
        let search = try HostileRunner.run(["search", "HYPERLINK", "--case", ingested.casePath, "--format", "jsonl"], timeout: 60)
        #expect(timeline.status == 0 && search.status == 0)
        let records = try (timeline.stdout + "\n" + search.stdout).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count >= 4, "three messages in the timeline and one search hit")
        var requests: [[String]] = []
        for record in records {
            let provenance = try #require(record["provenance"] as? [String: Any])
            #expect(provenance["evidence"] as? String == fileHash, "evidence SHA-256 is the file's")
            requests.append([provenance["member"] as? String ?? "", provenance["locator"] as? String ?? ""])
        }
        let requestText = String(decoding: try JSONSerialization.data(withJSONObject: requests), as: UTF8.self)
        let answers = try #require(try Self.python([ingested.evidence, requestText]) as? [[[String: Any]]])
        #expect(answers.count == records.count)
        for (record, (request, candidates)) in zip(records, zip(requests, answers)) {
            // The member the path names, with the bytes the case says it has.
            let stored = try #require(memberHashes[request[0]], "\(request[0]) is not a stored member")
            let match = try #require(candidates.first { $0["sha256"] as? String == stored }, "no member \(request[0]) with SHA-256 \(stored)")
            if record["kind"] as? String == "unparsedText" {
                // Raw text of a document that is not JSON: located by byte offset and length, not by a pointer.
                let details = try #require(record["details"] as? [String: Any])
                #expect(Int(details["byteOffset"] as? String ?? "") != nil && Int(details["byteLength"] as? String ?? "") != nil)
                continue
            }
            let target = try #require(match["target"] as? [String: Any], "\(request[1]) does not point at an object")
            // The text as written at that pointer: the record's text, or its raw text when the
            // record shows a repaired form (mojibake) and keeps the original beside it.
            let written = target["content"] as? String
            let details = record["details"] as? [String: Any]
            #expect(written != nil && (record["text"] as? String == written || details?["rawText"] as? String == written))
            if let milliseconds = target["timestamp_ms"] as? NSNumber {
                #expect(record["timeRaw"] as? String == milliseconds.stringValue)
            }
        }
    }
}
