import CasebookTestSupport
import EvidenceModel
import ExportFormats

/// Shared values for the Twitter parser tests.
enum TwitterTestSupport {
    static let adaId = "1400000000000000001"
    static let ada = AccountKey.userId(.twitter, adaId)
    static let bram = AccountKey.userId(.twitter, "900000000000000002")

    /// A one-account `data/account.js`, so that inline archives are recognized and have an owner.
    static let accountFile = """
        window.YTD.account.part0 = [ {
          "account" : {
            "email" : "ada.kestrel@example.com",
            "createdVia" : "web",
            "username" : "ada_kestrel",
            "accountId" : "1400000000000000001",
            "createdAt" : "2019-06-03T10:21:07.000Z",
            "accountDisplayName" : "Ada Kestrel"
          }
        } ]
        """

    /// Inline archive files plus `data/account.js`.
    static func archive(_ files: [String: String]) -> [String: String] {
        files.merging(["data/account.js": accountFile]) { first, _ in first }
    }

    static func provenance(
        _ result: ParserHarness.Result, _ member: String, _ locator: String, _ parser: String
    ) -> Provenance {
        Provenance(
            evidenceSHA256: result.evidenceSHA256, memberPath: [member], locator: locator, parser: parser,
            parserVersion: 1)
    }

    static func stamp(_ microseconds: Int64, _ raw: String, _ precision: Timestamp.Precision = .millisecond)
        -> Timestamp
    {
        Timestamp(microseconds: microseconds, raw: raw, precision: precision, zoneSource: .explicit)
    }
}
