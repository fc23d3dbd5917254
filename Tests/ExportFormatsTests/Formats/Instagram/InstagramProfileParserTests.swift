import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct InstagramProfileParserTests {
    static let member = "personal_information/personal_information/personal_information.json"

    @Test func sample2024Profile() throws {
        let result = try ParserHarness.run(InstagramProfileParser.self, sample: "instagram/json-2024")
        #expect(result.records.count == 5)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let owner = AccountKey.handle(.instagram, "frida.dahl")
        #expect(
            result.accounts == [
                Account(
                    key: owner, handle: "frida.dahl", displayName: "Frida Dahl Sørensen", isExportOwner: true,
                    provenance: MetaTest.provenance(result, Self.member, "/profile_user/0", InstagramProfileParser.self)
                )
            ])
        let email = try #require(
            result.records.first {
                if case .identifier(let observation, _) = $0 { observation.kind == .email } else { false }
            })
        #expect(
            email
                == .identifier(
                    IdentifierObservation(
                        kind: .email, raw: "frida.dahl@example.com", field: "personal_information.Email",
                        accountKey: owner),
                    MetaTest.provenance(
                        result, Self.member, "/profile_user/0/string_map_data/Email/value", InstagramProfileParser.self)
                ))
        #expect(result.identifierRecords.map(\.kind) == [.handle, .email, .phone])
        #expect(result.events.first?.details.contains(.init("bio", "Fotograf i Ålborg 📷")) == true)
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("instagram") != nil, "../shared/fixtures is absent"))
    func sharedPublicTestZip() throws {
        let zip = try #require(
            SampleExportsLocator.sharedFixture(
                "instagram/what-if-horizon__what-if-data-donation/pytests/public_testfiles/IG_public_test_file.zip"))
        let result = try ParserHarness.run(InstagramProfileParser.self, path: zip)
        // Account, Username + Email + Phone Number identifiers, profile event.
        #expect(result.records.count == 5)
        #expect(result.warnings.count == 0)
        #expect(result.accounts.first?.key == .handle(.instagram, "bla"))
    }
}
