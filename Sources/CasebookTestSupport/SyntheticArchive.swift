import CaseStore
import Foundation

/// A synthetic Twitter archive big enough that an ingest takes about a second: the sample export
/// with `data/tweets.js` replaced by `count` generated tweets (synthetic text, example.com links).
public enum SyntheticArchive {
    public static func make(in folder: TemporaryFolder, name: String, tweets count: Int, seed: Int = 0) throws -> String {
        let export = folder.path + "/" + name + "-export"
        try FileManager.default.copyItem(atPath: SampleExportsLocator.path("twitter/modern-2022"), toPath: export)
        var text = "window.YTD.tweets.part0 = [ "
        for index in 0..<count {
            if index > 0 { text += ", " }
            let identifier = 1_600_000_000_000_000_000 + seed * 1_000_000 + index
            text += """
                { "tweet" : { "id_str" : "\(identifier)", "id" : "\(identifier)", \
                "created_at" : "Sat Mar 18 15:\(String(format: "%02d", index % 60)):12 +0000 2023", \
                "full_text" : "synthetic tweet \(index) of run \(seed), see https://www.example.com/p/\(index)", \
                "lang" : "en", "favorite_count" : "0", "retweet_count" : "0", \
                "entities" : { "hashtags" : [ ], "user_mentions" : [ ], "urls" : [ ] } } }
                """
        }
        text += " ]\n"
        try text.write(toFile: export + "/data/tweets.js", atomically: true, encoding: .utf8)
        return try folder.zip(folder: export, name: name + ".zip")
    }

    /// Two archives (`first`, then a bigger `second` that an ingest can be caught in) and a case that
    /// already holds `first`: the setting of the concurrency and fault tests.
    public static func caseWithFirstOfTwo(
        _ folder: TemporaryFolder, first firstCount: Int, second secondCount: Int, casePath: String
    ) throws -> (first: String, second: String) {
        let first = try make(in: folder, name: "first", tweets: firstCount, seed: 1)
        let second = try make(in: folder, name: "second", tweets: secondCount, seed: 2)
        _ = try CasebookBinary.run(["ingest", first, "--case", casePath])
        return (first, second)
    }

    /// A case `reference.db` in `folder` holding `archives` as one uninterrupted ingest leaves them:
    /// what a test that interrupts, kills or reads during an ingest compares its case with.
    public static func referenceCase(_ folder: TemporaryFolder, ingesting archives: [String]) throws -> String {
        let path = folder.path + "/reference.db"
        _ = try CasebookBinary.run(["ingest"] + archives + ["--case", path])
        return path
    }

    /// Row counts of every table except the audit log (runs differ by design).
    public static func counts(_ casePath: String) throws -> [String: Int] {
        var counts = try CaseStore(path: casePath, create: false).counts()
        counts["run"] = nil
        return counts
    }
}
