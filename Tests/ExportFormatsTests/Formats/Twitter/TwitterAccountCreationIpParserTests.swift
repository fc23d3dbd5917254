import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterAccountCreationIpParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveRegistrationAddress() throws {
        let result = try ParserHarness.run(TwitterAccountCreationIpParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.records.first
                == .identifier(
                    IdentifierObservation(
                        kind: .ip, raw: "198.51.100.14", field: "accountCreationIp.userCreationIp",
                        accountKey: Support.ada),
                    Support.provenance(
                        result, "data/account-creation-ip.js", "/0/accountCreationIp", "twitter.account-creation-ip")))
    }

    @Test func entryWithoutAddressIsWarned() throws {
        let result = try ParserHarness.run(
            TwitterAccountCreationIpParser.self,
            files: Support.archive([
                "data/account-creation-ip.js":
                    "window.YTD.account_creation_ip.part0 = [ { \"accountCreationIp\" : { \"accountId\" : \"1\" } } ]"
            ]))
        #expect(result.records.count == 0)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.code == "missing-field")
    }
}
