import CasebookTestSupport
import Foundation
import Testing

/// The machine's time zone and locale never leak into what is stored or reported (RELIABILITY.md
/// the same evidence ingested under `TZ=UTC`, `TZ=Pacific/Apia` with a Turkish locale
/// (the dotted/dotless i trap) and `TZ=Asia/Kathmandu` gives byte-identical records, JSON report
/// (apart from its report and run times) and timelines.
@Suite(.serialized) struct ZoneAndLocaleDeterminismTests {
    /// Twitter, Facebook and Instagram samples, JSON and HTML (HTML times have no zone: the trap for a
    /// leaking TZ), `extra` (a zip: its DOS member times have no zone either), plus the hostile
    /// end-to-end export when the shared fixtures are present.
    static func evidence(extra: [String]) -> [String] {
        var paths = extra + [
            "twitter/modern-2022", "twitter/legacy-2020", "facebook/json-2021", "facebook/html-2021",
            "instagram/json-2024", "instagram/html-2024",
        ].map(SampleExportsLocator.path)
        if let zip = Content.fixturePath("archives/generated/e2e_export_like_hostile.zip") { paths.append(zip) }
        return paths
    }

    /// Compiles the tr_TR.UTF-8 locale into `folder` (the test machine may not have it installed);
    /// returns the extra environment, or nil when `localedef` cannot build it.
    static func turkishLocale(in folder: String) -> [String: String]? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/localedef") else { return nil }
        let output = folder + "/tr_TR.UTF-8"
        guard
            let run = try? CasebookBinary.execute(
                "/usr/bin/localedef", ["-i", "tr_TR", "-f", "UTF-8", output], timeout: 60), run.status == 0
        else { return nil }
        return ["LOCPATH": folder, "LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8"]
    }

    /// Report times and run times differ between runs by design; everything else must not.
    static func withoutRunTimes(_ json: String) -> String {
        var text = json
        for key in ["reportTime", "ingestedAt", "startedAt", "endedAt"] {
            text = text.replacing(try! Regex("\"\(key)\":\"[^\"]*\""), with: "\"\(key)\":\"…\"")
        }
        return text
    }

    struct Outputs: Equatable {
        var records: String
        var report: String
        var timelineUTC: String
        var timelineNewYork: String
    }

    static func ingestAndRead(casePath: String, extra: [String], environment: [String: String]) throws -> Outputs {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: casePath + suffix) }
        func casebook(_ arguments: [String]) throws -> String {
            let run = try CasebookBinary.run(arguments + ["--case", casePath], timeout: 120, environment: environment)
            #expect([0, 10].contains(run.status), "\(arguments.prefix(2)) \(environment): \(run.stderr.suffix(500))")
            return run.stdout
        }
        _ = try casebook(["ingest"] + evidence(extra: extra))
        return Outputs(
            records: try CaseDump.records(casePath),
            report: withoutRunTimes(try casebook(["report", "--format", "json"])),
            timelineUTC: try casebook(["timeline", "--format", "jsonl"]),
            timelineNewYork: try casebook(["timeline", "--tz", "America/New_York", "--format", "csv"]))
    }

    /// The first line where two texts differ, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "line \(index + 1):\n  \(l.prefix(400))\n  \(r.prefix(400))" }
        }
        return "equal"
    }

    @Test func sameEvidenceGivesIdenticalRecordsAndReportsWhateverTheMachineZoneAndLocale() throws {
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        let zip = try folder.zip(folder: SampleExportsLocator.path("facebook/json-2024"), name: "facebook-2024.zip")
        let reference = try Self.ingestAndRead(
            casePath: casePath, extra: [zip], environment: ["TZ": "UTC", "LC_ALL": "C.UTF-8"])
        #expect(reference.records.contains("|kind=\"message\"|"), "the samples gave messages")
        #expect(reference.records.split(separator: "\n").count > 200)
        #expect(reference.report.contains("\"reportTime\":\"…\""))

        var turkish = ["TZ": "Pacific/Apia"]
        if let locale = Self.turkishLocale(in: folder.path) {
            turkish.merge(locale) { _, new in new }
        } else {
            print("note: tr_TR.UTF-8 could not be compiled with localedef; LC_ALL=tr_TR.UTF-8 falls back to C")
            turkish["LC_ALL"] = "tr_TR.UTF-8"
        }
        for environment in [turkish, ["TZ": "Asia/Kathmandu", "LC_ALL": "C.UTF-8"]] {
            let other = try Self.ingestAndRead(casePath: casePath, extra: [zip], environment: environment)
            let outputs: [(String, KeyPath<Outputs, String>)] = [
                ("stored records", \.records), ("JSON report", \.report), ("timeline", \.timelineUTC),
                ("New York timeline", \.timelineNewYork),
            ]
            for (name, output) in outputs {
                #expect(
                    other[keyPath: output].hashValue == reference[keyPath: output].hashValue,
                    "\(name) differs under \(environment): \(Self.firstDifference(reference[keyPath: output], other[keyPath: output]))")
            }
        }
    }
}
