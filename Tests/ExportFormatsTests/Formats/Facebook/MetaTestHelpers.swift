import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

/// Shared expectations for the Meta parser tests.
enum MetaTest {
    /// The provenance a harness run gives a record of a folder sample.
    static func provenance(
        _ result: ParserHarness.Result, _ member: String, _ locator: String, _ parser: any ExportParser.Type
    ) -> Provenance {
        Provenance(
            evidenceSHA256: result.evidenceSHA256, memberPath: [member], locator: locator,
            parser: parser.descriptor.identifier, parserVersion: parser.descriptor.version)
    }

    static func epochSeconds(_ value: Int64) -> Timestamp {
        Timestamp(microseconds: value * 1_000_000, raw: String(value), precision: .second, zoneSource: .epoch)
    }

    static func epochMilliseconds(_ value: Int64) -> Timestamp {
        Timestamp(microseconds: value * 1_000, raw: String(value), precision: .millisecond, zoneSource: .epoch)
    }

    /// A large list read as it arrives (`read` with a 4 KiB streaming threshold) and whole: the streamed read's
    /// result, after checking that it holds `count` events, no warnings, and the whole read's records.
    static func readBothWays(count: Int, _ read: (Int) throws -> ParserHarness.Result) throws -> ParserHarness.Result {
        let streamed = try read(4_096)
        let whole = try read(.max)
        #expect(streamed.events.count == count)
        #expect(streamed.warnings.isEmpty)
        let same = streamed.records == whole.records
        #expect(same, "streamed and whole reads give the same records")
        return streamed
    }
}
