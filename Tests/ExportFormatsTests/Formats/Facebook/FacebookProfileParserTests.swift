import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct FacebookProfileParserTests {
    static let member = "profile_information/profile_information.json"

    @Test func sample2021Profile() throws {
        let result = try ParserHarness.run(FacebookProfileParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 7)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        let owner = AccountKey.handle(.facebook, "Søren Testesen")
        #expect(
            result.accounts == [
                Account(
                    key: owner, handle: "soren.testesen", displayName: "Søren Testesen", isExportOwner: true,
                    provenance: MetaTest.provenance(result, Self.member, "/profile_v2", FacebookProfileParser.self))
            ])
        #expect(
            result.identifierRecords.map { "\($0.kind.rawValue) \($0.field) \($0.raw)" } == [
                "email profile.emails.emails soren.testesen@example.com",
                "email profile.emails.previous_emails s.testesen@example.org",
                "phone profile.phone_numbers +12025550142",
                "handle profile.username soren.testesen",
                "url profile.profile_uri https://www.facebook.com/soren.testesen",
            ])
        let expected = Event(
            platform: .facebook, kind: .accountCreated, occurredAt: MetaTest.epochSeconds(1_262_304_000), actor: owner,
            text: "Account Søren Testesen registered",
            details: [
                .init("rawName", "S\u{00C3}\u{00B8}ren Testesen"), .init("birthday", "1990-04-02"),
                .init("gender", "MALE"),
                .init("currentCity", "Århus, Denmark"),
            ],
            provenance: MetaTest.provenance(result, Self.member, "/profile_v2", FacebookProfileParser.self))
        #expect(result.events == [expected])
    }

    @Test func sample2024ProfileUnderPersonalInformation() throws {
        let result = try ParserHarness.run(FacebookProfileParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 5)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        #expect(result.events.first?.details.contains(.init("previousName", "Lærke Holm")) == true)
        #expect(result.identifierRecords.map(\.kind) == [.email, .phone, .url])
        #expect(
            result.members == ["personal_information/profile_information/profile_information.json"])
    }

    @Test func missingNameWarns() throws {
        let result = try ParserHarness.run(
            FacebookProfileParser.self,
            files: [
                "profile_information/profile_information.json":
                    #"{"profile": {"emails": {"emails": ["a@example.com"]}}}"#
            ])
        #expect(result.records.count == 3)
        #expect(result.warnings.map(\.code) == ["missing-field"])
    }
}
