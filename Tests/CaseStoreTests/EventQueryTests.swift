@testable import CaseStore
import CasebookTestSupport
import GRDB
import Testing

/// Event queries read their columns by position: the positions must name the columns selected.
@Suite struct EventQueryTests {
    @Test func columnPositionsNameTheSelectedColumns() throws {
        let folder = try TemporaryFolder()
        let store = try SearchPlanTests.makeCase(folder)
        let names = try store.read { db in
            try db.makeStatement(sql: "SELECT \(CaseStore.eventColumns), NULL AS snippet FROM event e \(CaseStore.eventJoins)").columnNames
        }
        #expect(names == CaseStore.EventColumn.allCases.map { "\($0)" })
    }

    /// One search row read by position, every field checked against what was written.
    @Test func aSearchRowCarriesItsEvent() throws {
        let folder = try TemporaryFolder()
        let store = try SearchPlanTests.makeCase(folder)
        var filter = EventFilter()
        filter.limit = 1
        for plan in [CaseStore.SearchPlan.byMatches, .byTime] {
            let rows = try store.search(try #require(SearchPattern(plain: "post7")), filter: filter, plan: plan)
            let row = try #require(rows.first)
            #expect(rows.count == 1)
            #expect(row.text == "post7 scarce")
            #expect(row.snippet == "«post7» scarce")
            #expect(row.platform == "twitter" && row.kind == "post")
            #expect(row.occurredAt == 1_600_000_000_000_000 + Int64((7 * 7_919) % 4_000 / 2) * 1_000_000)
            #expect(row.timeRaw == "t" && row.timePrecision == "second" && row.timeZoneSource == "explicit")
            #expect(row.memberPath == "data/tweets.js" && row.locator == "/7" && row.evidenceName == "plans")
            #expect(row.parser == "t" && row.parserVersion == 1 && row.details == "{}")
            #expect(row.account == nil && row.actorAccountId == nil && row.conversation == nil && row.conversationId == nil)
            #expect(row.evidenceSHA256.count == 64)
        }
    }
}
