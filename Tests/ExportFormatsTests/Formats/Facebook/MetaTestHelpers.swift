import CasebookTestSupport
import EvidenceModel
import ExportFormats

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
}
