import CasebookTestSupport
import EvidenceModel
import Testing

@testable import ExportFormats

@Suite struct FacebookSecurityParserTests {
    @Test func sample2021AccountActivity() throws {
        let result = try ParserHarness.run(FacebookSecurityParser.self, sample: "facebook/json-2021")
        #expect(result.records.count == 3)
        #expect(result.warnings.map(\.code) == ["text-repaired"])
        #expect(result.events.map(\.kind) == [.login, .passwordChange, .logout])
        let owner = AccountKey.handle(.facebook, "Søren Testesen")
        let time = MetaTest.epochSeconds(1_612_340_000)
        let expected = Event(
            platform: .facebook, kind: .login, occurredAt: time, actor: owner, text: "Login",
            details: [
                .init("action", "Login"),
                .init("userAgent", "Mozilla/5.0 (X11; Linux x86_64; rv:85.0) Gecko/20100101 Firefox/85.0"),
                .init("site", "www.facebook.com"), .init("location", "Aarhus, Central Jutland, DK"),
            ],
            identifiers: [
                IdentifierObservation(
                    kind: .ip, raw: "203.0.113.7", field: "account_activity.ip_address", observedAt: time,
                    accountKey: owner),
                IdentifierObservation(
                    kind: .device, raw: "SyNtHeTiCdAtR0001", field: "account_activity.datr_cookie", observedAt: time,
                    accountKey: owner),
            ],
            provenance: MetaTest.provenance(
                result, "security_and_login_information/account_activity.json", "/account_activity_v2/0",
                FacebookSecurityParser.self))
        #expect(result.events.first == expected)
    }

    @Test func sample2024SecurityFiles() throws {
        let result = try ParserHarness.run(FacebookSecurityParser.self, sample: "facebook/json-2024")
        #expect(result.records.count == 6)
        #expect(result.warnings.count == 0)
        #expect(
            result.events.map(\.kind).sorted()
                == [.emailChange, .login, .login, .login, .logout, .passwordChange].sorted())
        let session = try #require(result.events.first { $0.details.contains(.init("sessionType", "web")) })
        #expect(session.details.contains(.init("updated", "2024-03-01T10:46:40Z")))
        #expect(session.identifiers.map(\.kind) == [.ip, .device])
    }

    @Test func actionWords() {
        #expect(FacebookSecurityParser.kind(forAction: "Web Session Terminated", fallback: .activity) == .logout)
        #expect(FacebookSecurityParser.kind(forAction: "Session updated", fallback: .activity) == .login)
        #expect(FacebookSecurityParser.kind(forAction: "Checkpoint", fallback: .activity) == .activity)
    }

    @Test func entryWithoutTimeWarns() throws {
        let result = try ParserHarness.run(
            FacebookSecurityParser.self,
            files: [
                "security_and_login_information/logins_and_logouts.json":
                    #"{"account_accesses_v2": [{"action": "Login", "ip_address": "192.0.2.1"}]}"#,
                "profile_information/profile_information.json": #"{"profile_v2": {"name": {"full_name": "A B"}}}"#,
            ])
        #expect(result.records.count == 1)
        #expect(result.warnings.map(\.code) == ["missing-field"])
    }
}
