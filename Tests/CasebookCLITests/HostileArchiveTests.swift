import CasebookTestSupport
import Foundation
import Testing

/// One hostile archive and what `casebook ingest` must make of it (RELIABILITY.md R-07..R-22, R-33).
struct HostileArchiveCase: CustomStringConvertible, Sendable {
    /// Path under `hostile/archives/`.
    var file: String
    /// Allowed exit statuses (10 done with findings, 65 rejected as a whole, 0 clean).
    var statuses: Set<Int32> = [10]
    /// Warning codes that must be stored in the case.
    var codes: [String] = []
    /// Warning codes that must not be stored (no false alarm on a well-formed variant).
    var absentCodes: [String] = []
    /// Members (normalized stored paths, `!/` between nesting levels) that must be read and hashed.
    var intact: [String] = []
    /// Lowest number of member rows the case must hold.
    var minimumMembers = 0
    /// Evidence status expected in the case (`complete`, `partial`, `failed`), when it matters.
    var evidenceStatus: String?
    var description: String { file }
}

/// Runs the real binary on `../shared/fixtures/hostile/archives/*`: never a crash or a hang, the
/// expected findings stored, benign members still ingested, nothing written outside the case folder,
/// peak memory under 512 MiB, and the fixtures unchanged afterwards (G1, G5, G7).
@Suite(.serialized) struct HostileArchiveTests {
    static let cases: [HostileArchiveCase] = [
        // R-12 decompression bombs: flagged, bounded, and the run ends quickly.
        .init(
            file: "generated/bomb_zip_full_overlap_distinct_names.zip",
            codes: ["overlapping-entries", "entries-not-listed"], evidenceStatus: "partial"),
        .init(
            file: "generated/bomb_zip_full_overlap_same_name.zip", codes: ["overlapping-entries"],
            evidenceStatus: "partial"),
        .init(
            file: "generated/bomb_nested_overlap_in_zip.zip", codes: ["overlapping-entries"],
            intact: ["inner/export.zip"], evidenceStatus: "partial"),
        .init(file: "generated/bomb_recursive_16x4_of_64MiB.zip", codes: ["limit-exceeded"], evidenceStatus: "partial"),
        .init(file: "generated/bomb_zip_single_entry_200MiB.zip", minimumMembers: 1),
        .init(file: "generated/bomb_targz_256MiB.tar.gz", minimumMembers: 1),
        // R-13 nesting.
        .init(file: "generated/zip_nested_depth20.zip", codes: ["limit-exceeded"], evidenceStatus: "partial"),
        .init(file: "generated/zip_containing_targz_containing_zip.zip", minimumMembers: 3),
        .init(file: "generated/zip_contains_same_name.zip", minimumMembers: 2),
        .init(file: "libarchive/test_read_format_zip_nested.zip", minimumMembers: 3),
        .init(file: "libarchive/test_read_filter_gzip_recursive.gz", statuses: [65], codes: ["not-an-archive"]),
        .init(file: "libarchive/test_read_too_many_filters.gz", statuses: [65], codes: ["not-an-archive"]),
        // traversal, links, special files: names only, never paths.
        .init(file: "generated/zip_slip_relative.zip", codes: ["path-parent-traversal"], minimumMembers: 2),
        .init(file: "generated/zip_slip_windows_backslash.zip", codes: ["path-parent-traversal"], minimumMembers: 2),
        .init(file: "generated/zip_absolute_paths.zip", codes: ["path-absolute"], minimumMembers: 5),
        .init(file: "generated/zip_nonleading_dotdot.zip", codes: ["path-parent-traversal"], minimumMembers: 3),
        .init(file: "generated/zip_symlink_escape.zip", codes: ["link-member"], minimumMembers: 3),
        .init(file: "generated/tar_slip_relative.tar", codes: ["path-parent-traversal"], minimumMembers: 3),
        .init(file: "generated/tar_absolute_path.tar", codes: ["path-absolute"], minimumMembers: 2),
        .init(file: "generated/tar_pax_path_override.tar", codes: ["path-parent-traversal"], minimumMembers: 2),
        .init(file: "generated/tar_symlink_file_escape.tar", codes: ["link-member", "duplicate-name"], minimumMembers: 2),
        .init(file: "generated/tar_symlink_dir_escape.tar", codes: ["link-member"], minimumMembers: 2),
        .init(file: "generated/tar_symlink_dir2a.tar", codes: ["link-member"], minimumMembers: 3),
        .init(file: "generated/tar_symlink_dir2b.tar", codes: ["link-member"], minimumMembers: 3),
        .init(file: "generated/tar_hardlink_escape.tar", codes: ["link-member"], minimumMembers: 3),
        .init(
            file: "generated/tar_special_files.tar", codes: ["special-file", "special-permissions"], intact: ["good.json"],
            minimumMembers: 5),
        .init(file: "libarchive/test_read_format_zip_symlink.zip", codes: ["link-member"], minimumMembers: 2),
        .init(file: "libarchive/test_compat_tar_hardlink_1.tar", minimumMembers: 1),
        // duplicate and colliding names: both kept.
        .init(file: "generated/zip_duplicate_entry_names.zip", codes: ["duplicate-name"], minimumMembers: 2),
        .init(file: "generated/tar_duplicate_entry_names.tar", codes: ["duplicate-name"], minimumMembers: 2),
        .init(file: "generated/zip_case_collision.zip", codes: ["name-collision"], absentCodes: ["duplicate-name"], minimumMembers: 2),
        .init(
            file: "generated/zip_unicode_normalization_collision.zip", codes: ["name-collision"],
            absentCodes: ["duplicate-name", "path-undecodable-name"], minimumMembers: 2),
        // many entries and hostile names.
        .init(file: "generated/zip_10000_entries.zip", minimumMembers: 10_000, evidenceStatus: "complete"),
        .init(
            file: "generated/zip_hostile_entry_names.zip", codes: ["path-control-character", "path-bidi-control"],
            absentCodes: ["path-undecodable-name"], minimumMembers: 11),
        .init(file: "generated/zip_invalid_utf8_name_with_utf8_flag.zip", codes: ["path-undecodable-name"]),
        .init(file: "generated/zip_nul_in_name.zip", codes: ["path-nul"], intact: ["visible.json"]),
        .init(file: "libarchive/test_read_format_zip_filename_cp866.zip", codes: ["path-invalid-utf8"], minimumMembers: 2),
        .init(file: "libarchive/test_read_format_zip_filename_cp932.zip", codes: ["path-invalid-utf8"], minimumMembers: 2),
        .init(file: "libarchive/test_read_format_zip_7075_utf8_paths.zip", codes: ["name-mismatch"], minimumMembers: 4),
        .init(file: "libarchive/test_read_format_tar_empty_filename.tar", codes: ["path-empty-name"], minimumMembers: 1),
        // truncated and damaged: what was intact is kept, status partial or failed.
        .init(file: "generated/zip_truncated_60pct.zip", codes: ["damaged"], minimumMembers: 1, evidenceStatus: "partial"),
        .init(file: "generated/zip_truncated_in_central_directory.zip", minimumMembers: 3),
        .init(file: "generated/zip_missing_eocd.zip", minimumMembers: 3),
        .init(file: "generated/tar_truncated_mid_member.tar", codes: ["damaged"], evidenceStatus: "partial"),
        .init(file: "generated/tar_bad_header_checksum.tar", statuses: [65], codes: ["not-an-archive"], evidenceStatus: "failed"),
        .init(file: "generated/targz_truncated.tar.gz", statuses: [10, 65], evidenceStatus: "failed"),
        .init(file: "libarchive/test_read_format_zip_malformed1.zip", statuses: [10, 65], codes: ["damaged"]),
        .init(file: "libarchive/test_read_format_zip_with_invalid_traditional_eocd.zip", minimumMembers: 2),
        .init(file: "libarchive/test_read_format_tar_V_negative_size.tar", minimumMembers: 1),
        .init(file: "libarchive/test_read_format_tar_invalid_pax_size.tar", minimumMembers: 1),
        .init(file: "libarchive/test_read_format_zip_bz2_hang.zip", codes: ["damaged"], evidenceStatus: "partial"),
        // R-08 header inconsistencies; nothing allocated from declared sizes.
        .init(
            file: "generated/zip_bad_crc.zip", codes: ["crc-mismatch"], intact: ["a.json", "b.txt"],
            evidenceStatus: "partial"),
        .init(
            file: "generated/zip_local_vs_central_name_mismatch.zip", codes: ["name-mismatch"],
            absentCodes: ["crc-mismatch"], intact: ["a.json", "c.txt"], evidenceStatus: "complete"),
        .init(file: "libarchive/test_read_format_zip_size_exceeds_declared_deflate.zip", codes: ["size-mismatch"]),
        .init(file: "libarchive/test_read_format_zip_size_exceeds_declared_stored.zip", codes: ["size-mismatch"]),
        .init(file: "libarchive/test_read_format_zip_uncompressed_size_off_by_4gib.zip", codes: ["size-mismatch"]),
        // R-18 bytes outside the structure: every gzip member and the tar after its end marker.
        .init(file: "generated/tar_data_after_end_marker.tar", codes: ["after-end-of-archive"], intact: ["hidden_after_eof.json"]),
        .init(file: "libarchive/test_read_format_tar_concatenated.tar", codes: ["after-end-of-archive"], intact: ["file2"]),
        .init(file: "generated/targz_multimember.tar.gz", absentCodes: ["after-end-of-archive"], minimumMembers: 3),
        .init(file: "generated/targz_trailing_garbage.tar.gz", codes: ["after-end-of-archive"], minimumMembers: 3),
        .init(file: "libarchive/test_compat_gzip_1.tgz", absentCodes: ["after-end-of-archive"], minimumMembers: 6),
        .init(
            file: "generated/zip_trailing_garbage.zip", codes: ["after-end-of-archive"], absentCodes: ["bytes-before-archive"],
            intact: ["a.json", "big.json", "z.txt"]),
        .init(
            file: "generated/zip_with_html_prefix.zip", codes: ["bytes-before-archive"], absentCodes: ["after-end-of-archive"],
            intact: ["a.json", "big.json", "z.txt"]),
        // R-19 encryption: recorded and flagged, plain members ingested, never a prompt.
        .init(file: "libarchive/test_read_format_zip_traditional_encryption_data.zip", codes: ["encrypted"], minimumMembers: 2),
        .init(file: "libarchive/test_read_format_zip_winzip_aes256.zip", codes: ["encrypted"], minimumMembers: 1),
        .init(file: "libarchive/test_read_format_zip_encryption_partially.zip", codes: ["encrypted"], minimumMembers: 2),
        .init(file: "libarchive/test_read_format_zip_encryption_header.zip", codes: ["damaged"], evidenceStatus: "partial"),
        // R-22 type from content; empty inputs; R-33 odd dates.
        .init(file: "generated/not_a_zip_html_renamed.zip", minimumMembers: 1),
        .init(file: "generated/zero_bytes.zip", minimumMembers: 1),
        .init(file: "generated/empty_eocd_only.zip", statuses: [0], evidenceStatus: "complete"),
        .init(file: "generated/empty.tar", statuses: [0], evidenceStatus: "complete"),
        .init(file: "generated/zip_odd_dos_timestamps.zip", minimumMembers: 3),
        .init(file: "generated/tar_odd_mtimes.tar", minimumMembers: 4),
        .init(file: "libarchive/test_read_format_tar_timestamp_overflow.tar", minimumMembers: 1),
        .init(file: "libarchive/test_read_format_tar_pax_negative_time.tar", minimumMembers: 1),
        .init(file: "libarchive/test_read_format_zip_comment_stored_1.zip", minimumMembers: 2),
        .init(file: "libarchive/test_read_format_zip_length_at_end.zip", minimumMembers: 1),
        .init(file: "libarchive/test_read_format_zip_zip64a.zip", minimumMembers: 1),
        // R-29 a 64 MiB line: memory stays bounded.
        .init(file: "generated/zip_huge_single_line_64MiB.zip", minimumMembers: 2),
        // The export-like ground truth: benign content in, traversal and duplicates flagged.
        .init(
            file: "generated/e2e_export_like_hostile.zip", codes: ["path-parent-traversal", "duplicate-name"],
            minimumMembers: 11),
    ]

    static var fixtures: String? { SampleExportsLocator.sharedFixture("hostile/archives") }

    @Test(arguments: cases) func ingestHostileArchive(_ item: HostileArchiveCase) throws {
        guard let root = Self.fixtures else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let evidence = root + "/" + item.file
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let tmpBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? [])
        let fixtureBefore = try FileManager.default.contentsOfDirectory(atPath: (evidence as NSString).deletingLastPathComponent)

        let run = try HostileRunner.run(["ingest", evidence, "--case", casePath], timeout: 120)
        #expect(!run.timedOut, "ingest of \(item.file) hung")
        #expect(run.signal == nil, "ingest of \(item.file) crashed with signal \(run.signal ?? 0): \(run.stderr.suffix(2000))")
        #expect(item.statuses.contains(run.status), "exit \(run.status): \(run.stdout) \(run.stderr.suffix(2000))")
        if let peak = run.peakKilobytes { #expect(peak < 512 * 1024, "peak RSS \(peak) KB") }
        #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}"), "escape characters reach the terminal")

        // Nothing new outside the case folder: no extracted `moo`, `evil.txt` or sidecar files.
        let fixtureAfter = try FileManager.default.contentsOfDirectory(atPath: (evidence as NSString).deletingLastPathComponent)
        #expect(fixtureBefore.sorted() == fixtureAfter.sorted())
        let tmpAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? [])
        let suspicious = tmpAfter.subtracting(tmpBefore).filter {
            $0.hasPrefix("moo") || $0.contains("evil") || $0.contains("escape") || $0.hasPrefix("pax_")
        }
        #expect(suspicious.isEmpty, "created in /tmp: \(suspicious)")
        let caseFolder = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(caseFolder.allSatisfy { $0.hasPrefix("case.db") }, "only the case files: \(caseFolder)")

        let warnings = try HostileRunner.json(["evidence", "--warnings", "--format", "json", "--case", casePath])
        let codes = Set(warnings.compactMap { $0["code"] as? String })
        for code in item.codes { #expect(codes.contains(code), "finding \(code) missing; stored: \(codes.sorted())") }
        for code in item.absentCodes { #expect(!codes.contains(code), "unexpected finding \(code); stored: \(codes.sorted())") }

        let members = try HostileRunner.json(["evidence", "--members", "--format", "json", "--case", casePath])
        #expect(members.count >= item.minimumMembers, "members: \(members.count)")
        let hashed = Set(members.filter { $0["sha256"] is String }.compactMap { $0["path"] as? String })
        for path in item.intact { #expect(hashed.contains(path), "\(path) not ingested; hashed: \(hashed.sorted())") }

        if let expected = item.evidenceStatus {
            let rows = try HostileRunner.json(["evidence", "--format", "json", "--case", casePath])
            #expect(rows.first?["status"] as? String == expected)
        }
    }

    /// Duplicate entries keep both members with their own content.
    @Test func duplicateNamesKeepBothMembers() throws {
        guard let root = Self.fixtures else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let run = try HostileRunner.run(["ingest", root + "/generated/zip_duplicate_entry_names.zip", "--case", casePath])
        #expect(run.status == 10)
        #expect(run.stdout.contains("same name; both are kept"))
        let members = try HostileRunner.json(["evidence", "--members", "--format", "json", "--case", casePath])
        #expect(members.count == 2)
        let hashes = Set(members.compactMap { $0["sha256"] as? String })
        #expect(hashes.count == 2, "two different contents under one name")
        #expect(Set(members.compactMap { $0["path"] as? String }).count == 1)
    }

    /// Names with control characters are shown escaped in the summary.
    @Test func controlCharactersInNamesAreEscaped() throws {
        guard let root = Self.fixtures else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let folder = try TemporaryFolder()
        let run = try HostileRunner.run(["ingest", root + "/generated/zip_hostile_entry_names.zip", "--case", folder.path + "/c.db"])
        #expect(run.status == 10)
        #expect(run.stdout.contains("line\\nbreak.json"))
        #expect(run.stdout.contains("\\x1b[31mRED"))
        let controls = run.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }
        #expect(controls.isEmpty)
    }
}

/// The fixture tree is read-only evidence: after every test above has run, each file still has the
/// SHA-256 listed in `SHA256SUMS` (G1). Runs after the archive suite in the same target.
@Suite struct HostileFixtureIntegrityTests {
    @Test func fixturesStillMatchSHA256SUMS() throws {
        guard let root = SampleExportsLocator.sharedFixture("hostile") else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let sums = try String(contentsOfFile: root + "/SHA256SUMS", encoding: .utf8)
        var checked = 0
        for line in sums.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let relative = parts[1].trimmingCharacters(in: .whitespaces)
            let path = root + "/" + relative.replacingOccurrences(of: "./", with: "", options: .anchored)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(FileFingerprint.sha256Hex(data) == String(parts[0]), "\(relative) changed")
            checked += 1
        }
        #expect(checked >= 160)
    }
}

/// Runs the binary with a hard timeout (a hang fails the test instead of blocking CI) and, when
/// `/usr/bin/time` exists, measures peak RSS.
enum HostileRunner {
    struct Result {
        var status: Int32
        var signal: Int32?
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var peakKilobytes: Int?
    }

    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Result {
        let binary = try #require(CasebookBinary.path)
        let timeFile = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-time-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: timeFile) }
        let measured = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let output =
            measured
            ? try CasebookBinary.execute("/usr/bin/time", ["-o", timeFile, "-f", "%M %x", binary] + arguments, timeout: timeout)
            : try CasebookBinary.execute(binary, arguments, timeout: timeout)
        let timedOut = output.timedOut
        var status = output.status
        var signal: Int32? = output.signaled ? status : nil
        var peak: Int?
        if measured, let text = try? String(contentsOfFile: timeFile, encoding: .utf8) {
            // "Command terminated by signal N" precedes the numbers when the child was killed.
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Command terminated by signal") }),
                let number = Int32(line.split(separator: " ").last ?? "")
            {
                signal = number
            }
            let numbers = text.split(separator: "\n").last?.split(separator: " ") ?? []
            if numbers.count == 2 {
                peak = Int(numbers[0])
                if let exit = Int32(numbers[1]), signal == nil { status = exit }
            }
        }
        return Result(
            status: status, signal: signal, timedOut: timedOut, stdout: output.stdout, stderr: output.stderr,
            peakKilobytes: peak)
    }

    /// Runs a query command and parses its JSON array output.
    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try run(arguments, timeout: 60)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }
}
