import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct InstagramLoginsParserTests {
    static let folder = "security_and_login_information/login_and_profile_creation/"

    @Test func sample2024LoginsAndSignup() throws {
        let result = try ParserHarness.run(InstagramLoginsParser.self, sample: "instagram/json-2024")
        #expect(result.records.count == 3)
        #expect(result.warnings.count == 0)
        let owner = AccountKey.handle(.instagram, "frida.dahl")
        let time = Timestamp(
            microseconds: 1_709_288_102_000_000, raw: "2024-03-01T10:15:02+00:00", precision: .second,
            zoneSource: .explicit)
        let expected = Event(
            platform: .instagram, kind: .login, occurredAt: time, actor: owner,
            details: [
                .init("userAgent", "Instagram 320.0.0.0 Android (33/13; 420dpi; 1080x2400; synthetic)"),
                .init("languageCode", "da"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .ip, raw: "203.0.113.7", field: "account_history_login_history.IP Address", observedAt: time,
                    accountKey: owner),
                IdentifierObservation(
                    kind: .device, raw: "SyNtHeTiCcOoKiE01", field: "account_history_login_history.Cookie Name",
                    observedAt: time,
                    accountKey: owner),
            ],
            provenance: MetaTest.provenance(
                result, Self.folder + "login_activity.json", "/account_history_login_history/0",
                InstagramLoginsParser.self))
        #expect(result.events.first == expected)
        let signup = try #require(result.events.first { $0.kind == .accountCreated })
        #expect(signup.occurredAt == MetaTest.epochSeconds(1_420_070_400))
        #expect(signup.identifiers.map(\.kind) == [.handle, .ip, .device, .email])
    }

    @Test(.enabled(if: SampleExportsLocator.sharedFixture("instagram") != nil, "../shared/fixtures is absent"))
    func sharedPublicTestZip() throws {
        let zip = try #require(
            SampleExportsLocator.sharedFixture(
                "instagram/what-if-horizon__what-if-data-donation/pytests/public_testfiles/IG_public_test_file.zip"))
        let result = try ParserHarness.run(InstagramLoginsParser.self, path: zip)
        // Two logins and one sign-up; the sample's Time.timestamp values disagree with the ISO titles.
        #expect(result.records.count == 3)
        #expect(result.warnings.map(\.code) == ["time-mismatch", "time-mismatch"])
        #expect(result.events.first?.occurredAt?.raw == "2025-02-18T10:48:24+00:00")
        #expect(result.events.first?.identifiers.first?.raw == "84.818")
    }

    @Test func localizedLabelsAreRead() throws {
        let text =
            #"{"account_history_logout_history": [{"title": "", "string_map_data": {"#
            + #""Direcci\u00c3\u00b3n IP": {"value": "192.0.2.5"}, "Hora": {"timestamp": 1700000000}}}]}"#
        let result = try ParserHarness.run(
            InstagramLoginsParser.self,
            files: [
                Self.folder + "logout_activity.json": text,
                "personal_information/personal_information/personal_information.json":
                    #"{"profile_user": [{"string_map_data": {"Username": {"value": "me"}}}]}"#,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(result.events.first?.kind == .logout)
        #expect(result.events.first?.occurredAt == MetaTest.epochSeconds(1_700_000_000))
        #expect(result.events.first?.identifiers.map(\.raw) == ["192.0.2.5"])
    }
}
