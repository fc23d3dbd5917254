import EvidenceModel
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(1_616_419_370_000_000), "2021-03-22T13:22:50Z"),
        (Int64(-1_000_000), "1969-12-31T23:59:59Z"),
        (Int64(951_782_400_000_000), "2000-02-29T00:00:00Z"),
    ])
    func formatsUTC(microseconds: Int64, expected: String) {
        #expect(Timestamp.iso8601(microseconds: microseconds) == expected)
    }

    @Test func civilRoundTripsAcrossLeapYears() throws {
        for year in [1900, 1999, 2000, 2024, 2100] {
            let civil = CivilTime(year: year, month: 2, day: CivilTime.daysInMonth(year: year, month: 2), hour: 23, minute: 59, second: 59)
            let value = try #require(civil.microseconds())
            #expect(CivilTime(microseconds: value, offsetSeconds: 0) == civil)
        }
    }

    @Test func rejectsImpossibleDates() {
        #expect(CivilTime(year: 2023, month: 2, day: 29).microseconds() == nil)
        #expect(CivilTime(year: 2023, month: 13, day: 1).microseconds() == nil)
    }

    @Test func millisecondPrecisionKeepsFraction() {
        #expect(Timestamp.iso8601(microseconds: 1_616_419_370_123_456, precision: .millisecond) == "2021-03-22T13:22:50.123Z")
    }

    @Test func jsonTextEscapesControlAndSeparators() {
        #expect(JSONText.quote("a\"b\\c\n\u{01}\u{2028}") == "\"a\\\"b\\\\c\\n\\u0001\\u2028\"")
    }
}
