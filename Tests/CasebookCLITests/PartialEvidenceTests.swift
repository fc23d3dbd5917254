import CaseStore
import CasebookTestSupport
import Foundation
import Testing

/// A member whose parser fails leaves the evidence `partial` (policy in docs/RELIABILITY.md: what
/// could not be read is missing from the case, as with a damaged archive), exit 10.
@Suite struct PartialEvidenceTests {
    @Test func memberWhoseParserFailsMakesTheEvidencePartial() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "twitter-ada/data/account.js",
            """
            window.YTD.account.part0 = [ { "account" : { "email" : "ada@example.com", "username" : "ada_l", \
            "accountId" : "1001", "createdAt" : "2019-03-04T10:11:12.000Z", "accountDisplayName" : "Ada" } } ]

            """)
        // Not the `window.YTD.tweets.part0 = [ … ]` form: the tweets parser cannot read the member.
        try folder.write("twitter-ada/data/tweets.js", "<html>this is not a tweets file</html>\n")
        let casePath = folder.path + "/case.db"
        let run = try CasebookBinary.run(["ingest", folder.path + "/twitter-ada", "--case", casePath])
        #expect(run.status == 10, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("  status: partial"), "\(run.stdout)")
        #expect(run.stdout.contains("finding: twitter-ada › data/tweets.js: @byte 0: no JSON array found"), "\(run.stdout)")

        let store = try CaseStore(path: casePath, create: false)
        #expect(try store.evidenceList().map(\.status) == ["partial"])
        let members = try store.members(evidenceId: 1)
        #expect(members.first { $0.path == "data/tweets.js" }?.status == "failed")
        #expect(members.first { $0.path == "data/account.js" }?.status == "parsed", "what could be read is kept")
        #expect(try store.warningSummary().contains { $0.code == "member-failed" })
    }
}
