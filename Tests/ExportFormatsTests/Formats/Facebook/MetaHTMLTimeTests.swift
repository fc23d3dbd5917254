import EvidenceModel
import ExportFormats
import Testing

@Suite struct MetaHTMLTimeTests {
    @Test func legacyFacebookWithAbbreviation() throws {
        let result = try #require(MetaHTMLTime.parse("Friday, October 4, 2013 at 10:05pm PDT"))
        #expect(result.timestamp.iso8601 == "2013-10-05T05:05:00Z")
        #expect(result.timestamp.zoneSource == .abbreviation)
        #expect(result.timestamp.precision == .minute)
        #expect(result.problem == nil)
    }

    @Test func newerFormWithoutZoneIsAssumedUTC() throws {
        let result = try #require(MetaHTMLTime.parse("Mar 01, 2024 10:15:02 am"))
        #expect(result.timestamp.iso8601 == "2024-03-01T10:15:02Z")
        #expect(result.timestamp.zoneSource == .assumedUTC)
        #expect(result.problem != nil)
    }

    @Test func noonAndMidnight() throws {
        #expect(
            try #require(MetaHTMLTime.parse("Mar 1, 2024, 12:00 AM UTC")).timestamp.iso8601 == "2024-03-01T00:00:00Z")
        #expect(
            try #require(MetaHTMLTime.parse("Mar 1, 2024, 12:30 PM GMT")).timestamp.iso8601 == "2024-03-01T12:30:00Z")
    }

    @Test func ambiguousAndExplicitZones() throws {
        let ambiguous = try #require(MetaHTMLTime.parse("Friday, October 4, 2013 at 10:05pm CST"))
        #expect(ambiguous.timestamp.zoneSource == .assumedUTC)
        #expect(ambiguous.problem?.contains("ambiguous") == true)
        let explicit = try #require(MetaHTMLTime.parse("Oct 4, 2013 10:05pm UTC+02"))
        #expect(explicit.timestamp.iso8601 == "2013-10-04T20:05:00Z")
        #expect(explicit.timestamp.zoneSource == .explicit)
    }

    @Test func rejectsOtherText() {
        #expect(MetaHTMLTime.parse("yesterday") == nil)
        #expect(MetaHTMLTime.parse("Sep 92, 2023 02:31:01pm") == nil)
        #expect(MetaHTMLTime.parse("4. Oktober 2013 um 22:05") == nil)
    }
}
