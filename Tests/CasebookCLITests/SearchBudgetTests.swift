import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// Search denial of service (RELIABILITY.md R-47): a broad prefix query over a big case, thousands of
/// OR terms and a huge query end with "too expensive – narrow it" and exit 64, or finish with the right
/// answer; never a hang, never SQLite text. Stops are asserted through the work limit (`--step-limit`),
/// which does not depend on the machine; no test asserts a duration.
@Suite(.serialized) struct SearchBudgetTests {
    static let events = 20_000

    /// A fresh case of 20,000 posts (written in process, about a second), removed with the folder.
    final class Fixture {
        let folder: TemporaryFolder
        let casePath: String
        init() throws {
            folder = try TemporaryFolder()
            casePath = folder.path + "/case.db"
            try SyntheticCase.makeLarge(in: folder, casePath: casePath, events: SearchBudgetTests.events)
        }
    }

    static func leaksSQLite(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("sqlite") || lower.contains("interrupt") || lower.contains("fts5") || lower.contains("select ")
    }

    @Test func broadPrefixOverABigCaseStopsAtTheWorkLimit() throws {
        let fixture = try Fixture()
        let stopped = try CasebookBinary.run(
            ["search", "a*", "--raw", "--step-limit", "200", "--case", fixture.casePath], timeout: 120)
        #expect(stopped.status == 64, "\(stopped.stderr)")
        #expect(stopped.stderr.hasPrefix("error: the query is too expensive"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("200 thousand steps"))
        #expect(stopped.stderr.contains("narrow it"))
        #expect(!Self.leaksSQLite(stopped.stderr), "\(stopped.stderr)")
        #expect(stopped.stdout.isEmpty, "no partial table on a stopped search")

        // The same work limit lets a narrow query through, with the one right event.
        let word = SyntheticCase.uniqueWord(12_345)
        let narrow = try CasebookBinary.run(
            ["search", word, "--step-limit", "200", "--format", "jsonl", "--case", fixture.casePath], timeout: 120)
        #expect(narrow.status == 0, "\(narrow.stderr)")
        let lines = narrow.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"locator\":\"/12345/tweet\"") == true, "\(narrow.stdout.prefix(300))")
    }

    @Test func timeLimitStopsWithTheSameMessage() throws {
        let fixture = try Fixture()
        // 20,000 matching rows take far longer than a millisecond to read in any build; the limit is
        // checked every 1,000 SQLite steps, so the stop is certain.
        let stopped = try CasebookBinary.run(
            ["search", "a*", "--raw", "--time-limit", "0.001", "--case", fixture.casePath], timeout: 120)
        #expect(stopped.status == 64, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("too expensive: stopped after 0.001 s (the time limit)"), "\(stopped.stderr)")
        #expect(!Self.leaksSQLite(stopped.stderr))
        let bad = try CasebookBinary.run(["search", "a*", "--time-limit", "-1", "--case", fixture.casePath])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--time-limit"))
    }

    /// 5,000 OR terms (about 45 KB) run to the end within the default limits and find exactly the
    /// events named by the terms that occur.
    @Test func fiveThousandOrTermsFinishWithTheRightAnswer() throws {
        let fixture = try Fixture()
        var terms = (0..<4_998).map { "n\($0)" }
        terms.insert(SyntheticCase.uniqueWord(7), at: 1_000)
        terms.insert(SyntheticCase.uniqueWord(19_999), at: 4_000)
        let query = terms.joined(separator: " OR ")
        #expect(terms.count == 5_000)
        let run = try CasebookBinary.run(
            ["search", query, "--raw", "--format", "jsonl", "--case", fixture.casePath], timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let locators = run.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "\"locator\":\"") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(locators.sorted() == ["/19999/tweet", "/7/tweet"])
    }

    /// A 1 MiB query is refused before SQLite sees it (in process: Linux caps one command-line
    /// argument at 128 KiB, so through the binary the test uses 100 KB, over the 64 KiB limit).
    @Test func hugeQueriesAreRefusedWithTheirSize() throws {
        let fixture = try Fixture()
        let store = try CaseStore(path: fixture.casePath, create: false)
        let megabyte = String(repeating: "station ", count: 131_072)
        for pattern in [try #require(SearchPattern(plain: megabyte)), SearchPattern(raw: megabyte)] {
            do {
                _ = try store.search(pattern, filter: EventFilter())
                Issue.record("a 1 MiB query ran")
            } catch let error as StoreError {
                #expect(error.code == .tooExpensive)
                #expect(error.message.contains("\(pattern.expression.utf8.count) bytes, more than the limit of 65536"))
                #expect(error.cause == nil, "refused before SQLite ran")
            }
        }
        let run = try CasebookBinary.run(
            ["search", String(repeating: "ticket ", count: 14_286), "--case", fixture.casePath], timeout: 120)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("too expensive"))
        #expect(run.stderr.contains("more than the limit of 65536"))
        #expect(!Self.leaksSQLite(run.stderr))
    }

    /// Without `--limit` a search returns at most the row cap; over it, a clear message instead of
    /// filling memory. With a limit the same query answers.
    @Test func rowCapWithoutLimit() throws {
        let fixture = try Fixture()
        let store = try CaseStore(path: fixture.casePath, create: false)
        let pattern = try #require(SearchPattern(plain: "station"))
        do {
            _ = try store.search(pattern, filter: EventFilter(), budget: SearchBudget(maxRows: 1_000))
            Issue.record("20,000 rows passed a cap of 1,000")
        } catch let error as StoreError {
            #expect(error.code == .tooExpensive)
            #expect(error.message.contains("more than 1000 events match"))
            #expect(error.message.contains("--limit"))
        }
        var limited = EventFilter()
        limited.limit = 25
        #expect(try store.search(pattern, filter: limited, budget: SearchBudget(maxRows: 1_000)).count == 25)
        #expect(try store.search(pattern, filter: EventFilter(), budget: SearchBudget(maxRows: 20_000)).count == 20_000)
        #expect(try store.integrityCheck() == "ok")
    }

    /// The limits are documented where a user looks (`search --help`, which used to exit 70 with an
    /// ArgumentParser dump instead of printing help).
    @Test func searchHelpNamesTheLimits() throws {
        let help = try CasebookBinary.run(["search", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("--time-limit"))
        #expect(help.stdout.contains("--step-limit"))
        #expect(help.stdout.contains("too expensive"))
        #expect(help.stderr.isEmpty)
        let top = try CasebookBinary.run(["--help"])
        #expect(top.status == 0)
        #expect(top.stdout.contains("SUBCOMMANDS"))
    }
}
