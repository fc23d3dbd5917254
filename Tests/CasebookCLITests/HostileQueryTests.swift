import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// Bad queries (RELIABILITY.md R-45, R-46): every line of the Big List of Naughty Strings as a search,
/// plain and `--raw`. No crash, no SQL text in any message, the case unchanged, exit 0 or 64.
@Suite(.serialized) struct HostileQueryTests {
    static func naughtyLines() -> [String] {
        guard let path = SampleExportsLocator.sharedFixture("hostile/strings/blns.txt"),
            let data = FileManager.default.contents(atPath: path)
        else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init).filter { !$0.hasPrefix("#") }
            + ["'; DROP TABLE event;--", "\" OR 1=1 --", "') UNION SELECT sqlite_version()--", "%", "_", "\\",
               "AND", "\"unbalanced", "OPS-306", "foo:bar", "NEAR(", "(", "x OR", "*", "it's", "cats NOT dogs",
               String(repeating: "(", count: 10_000), "NEAR/99999", "^"]
    }

    static func leaksSQL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("sqlite") || lower.contains("sql") || lower.contains("fts5:") || lower.contains("no such column")
    }

    @Test func everyNaughtyStringInProcess() throws {
        let lines = Self.naughtyLines()
        if lines.isEmpty {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let folder = try TemporaryFolder()
        let store = try SyntheticCase.make(in: folder, casePath: folder.path + "/case.db")
        let before = try store.counts()
        var plainRejected = 0, rawRejected = 0, searched = 0
        for line in lines {
            if let pattern = SearchPattern(plain: line) {
                do {
                    _ = try store.search(pattern, filter: EventFilter())
                    searched += 1
                } catch let error as StoreError {
                    // Plain text is always quoted: it may only fail as a query the user must simplify.
                    #expect(error.code == .querySyntax, "plain \(line.debugDescription): \(error.code)")
                    #expect(!Self.leaksSQL(error.message), "plain \(line.debugDescription): \(error.message)")
                    plainRejected += 1
                }
            } else {
                plainRejected += 1
            }
            do {
                _ = try store.search(SearchPattern(raw: line), filter: EventFilter())
            } catch let error as StoreError {
                #expect(error.code == .querySyntax, "raw \(line.debugDescription): \(error.code)")
                #expect(!Self.leaksSQL(error.message), "raw \(line.debugDescription): \(error.message)")
                rawRejected += 1
            }
        }
        #expect(searched > lines.count / 2, "most naughty strings are searchable as plain text")
        #expect(rawRejected > 0)
        #expect(try store.counts() == before, "queries never change the case")
        #expect(try store.integrityCheck() == "ok")
    }

    /// Plain mode quotes every word: `cats NOT dogs` searches for the word NOT, never excludes.
    @Test func plainModeNeverInterpretsOperators() throws {
        for text in ["AND", "cats NOT dogs", "x OR", "NEAR(", "foo:bar", "OPS-306", "it's"] {
            let pattern = try #require(SearchPattern(plain: text))
            for term in pattern.expression.split(separator: " ") {
                #expect(term.hasPrefix("\"") && term.hasSuffix("\""), "\(text) → \(pattern.expression)")
            }
        }
    }

    /// About twenty of them through the real binary: exit 0 or 64, stderr free of SQL.
    @Test func naughtyStringsThroughTheBinary() throws {
        let lines = Self.naughtyLines()
        if lines.isEmpty {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let folder = try TemporaryFolder()
        let casePath = folder.path + "/case.db"
        try SyntheticCase.make(in: folder, casePath: casePath)
        let step = max(1, lines.count / 12)
        let sample = stride(from: 0, to: lines.count, by: step).map { lines[$0] } + Array(lines.suffix(8))
        for line in sample {
            for raw in [false, true] {
                let arguments = ["search", line, "--case", casePath] + (raw ? ["--raw"] : [])
                let run = try CasebookBinary.run(arguments)
                #expect([0, 64].contains(run.status), "\(line.debugDescription) raw=\(raw): \(run.status) \(run.stderr)")
                #expect(!Self.leaksSQL(run.stderr), "\(line.debugDescription): \(run.stderr)")
            }
        }
    }
}
