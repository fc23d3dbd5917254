import CaseReports
import CaseStore
import Casebook
import EvidenceModel
import CasebookTestSupport
import Foundation
import Testing

@Suite struct ReportBuilderTests {
    @Test func orBetweenWordsFindsEitherSideAndStaysQuoted() throws {
        let pattern = try #require(ReportBuilder.searchPattern("station OR ticket \"x", raw: false))
        #expect(pattern.expression == "(\"station\") OR (\"ticket\" \"x\")")
        #expect(ReportBuilder.searchPattern("!!!", raw: false) == nil)
        #expect(ReportBuilder.searchPattern("near(a b)", raw: true)?.expression == "near(a b)")
    }

    @Test func activityIsBucketedByDayWeekOrMonthInTheDisplayZone() throws {
        let day: Int64 = 86_400_000_000
        // 2021-03-22 was a Monday; 23:30 UTC is already the 23rd in Berlin.
        let monday = try #require(CivilTime(year: 2021, month: 3, day: 22, hour: 23, minute: 30).microseconds())
        let daily = ReportBuilder.activityCounts([(monday, "twitter"), (monday + 2 * day, "facebook")], zone: TimeZone(identifier: "Europe/Berlin"))
        #expect(daily.unit == "day")
        #expect(daily.platforms == ["facebook", "twitter"])
        #expect(daily.buckets.map(\.label) == ["2021-03-23", "2021-03-24", "2021-03-25"])
        #expect(daily.buckets.map(\.counts) == [[0, 1], [0, 0], [1, 0]])
        #expect(daily.hours[0] == [1, 1])
        let weekly = ReportBuilder.activityCounts([(monday, "twitter"), (monday + 200 * day, "twitter")], zone: nil)
        #expect(weekly.unit == "week")
        #expect(weekly.buckets.first?.label == "2021-03-22")
        #expect(weekly.total == 2)
        let monthly = ReportBuilder.activityCounts([(monday, "twitter"), (monday + 800 * day, "twitter")], zone: nil)
        #expect(monthly.unit == "month")
        #expect(monthly.buckets.first?.label == "2021-03")
        #expect(monthly.buckets.count == 27)
        #expect(ReportBuilder.activityCounts([], zone: nil).buckets.isEmpty)
    }

    @Test func sameCaseAndOptionsGiveTheSameReport() throws {
        let folder = try TemporaryFolder()
        let store = try SyntheticCase.make(in: folder, casePath: folder.path + "/case.db")
        var options = ReportOptions()
        options.query = "station"
        options.reportTime = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try HTMLReportRenderer.render(try ReportBuilder.build(store: store, options: options))
        options.reportTime = Date(timeIntervalSince1970: 1_800_000_000)
        let second = try HTMLReportRenderer.render(try ReportBuilder.build(store: store, options: options))
        let strip = { (html: String) in
            html.split(separator: "\n").filter { !$0.contains(HTMLReportRenderer.reportTimeMarker) }.joined(separator: "\n")
        }
        #expect(first != second)
        #expect(strip(first) == strip(second))
        let document = try ReportBuilder.build(store: store, options: options)
        #expect(document.timeline.total == 6)
        #expect(document.search?.total == 2)
        #expect(document.sharedIdentifiers.map(\.value) == ["203.0.113.7"])
        #expect(document.evidence.first?.unparsedMembers.map(\.path) == ["data/manifest.js"])
        #expect(document.verifications.map(\.result) == ["NOT VERIFIED"])
        #expect(document.parsers.map(\.identifier).contains("twitter.account"))
    }

    @Test func tzdataVersionIsReadFromTheFirstLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("tzdata.zi", "# version 2024a\n# more\n")
        try folder.write("other.zi", "Z Europe/Berlin\n")
        #expect(ReportBuilder.tzdataVersion(path: folder.path + "/tzdata.zi") == "2024a")
        #expect(ReportBuilder.tzdataVersion(path: folder.path + "/other.zi") == "unknown")
        #expect(ReportBuilder.tzdataVersion(path: folder.path + "/absent.zi") == "unknown")
    }
}
