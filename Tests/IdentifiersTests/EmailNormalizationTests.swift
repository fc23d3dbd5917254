import EvidenceModel
import Testing

@testable import Identifiers

@Suite("Email normalization")
struct EmailNormalizationTests {
    static let cases: [NormalizationCase] = [
        NormalizationCase(kind: .email, raw: "  JDoe@Example.COM ", value: "jdoe@example.com"),
        NormalizationCase(kind: .email, raw: "mailto:jdoe@example.com", value: "jdoe@example.com"),
        NormalizationCase(kind: .email, raw: "<jdoe@example.org>", value: "jdoe@example.org"),
        NormalizationCase(kind: .email, raw: "jdoe@example.com.", value: "jdoe@example.com"),
        // IDNA: non-ASCII domains become xn-- labels; local parts stay Unicode (lowercased, NFC).
        NormalizationCase(kind: .email, raw: "jdoe@bücher.example", value: "jdoe@xn--bcher-kva.example"),
        NormalizationCase(kind: .email, raw: "José@Bücher.Example", value: "josé@xn--bcher-kva.example"),
        NormalizationCase(kind: .email, raw: "jdoe@bu\u{308}cher.example", value: "jdoe@xn--bcher-kva.example"),
        NormalizationCase(kind: .email, raw: "jdoe@例え.テスト", value: "jdoe@xn--r8jz45g.xn--zckzah"),
        // Provider folding is a weak form beside the main value, never instead of it.
        NormalizationCase(
            kind: .email, raw: "J.Doe+News@GMail.com", value: "j.doe+news@gmail.com", weakValues: ["jdoe@gmail.com"]),
        NormalizationCase(kind: .email, raw: "jdoe@gmail.com", value: "jdoe@gmail.com", weakValues: ["jdoe@gmail.com"]),
        NormalizationCase(
            kind: .email, raw: "j.doe@googlemail.com", value: "j.doe@googlemail.com", weakValues: ["jdoe@gmail.com"]),
        NormalizationCase(
            kind: .email, raw: "j.doe+shop@outlook.com", value: "j.doe+shop@outlook.com",
            weakValues: ["j.doe@outlook.com"]),
        NormalizationCase(kind: .email, raw: "j.doe+shop@example.com", value: "j.doe+shop@example.com"),
        // Redactions and bad shapes are problems, not values.
        NormalizationCase(kind: .email, raw: "REDACTED", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "***@example.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "j•••e@example.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "jdoe", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "jdoe@localhost", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "jdoe@@example.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "j doe@example.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "jdoe@exa mple.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: ".jdoe@example.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "jdoe@-example.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "jdoe@example.123", value: nil, hasProblem: true),
        NormalizationCase(kind: .email, raw: "", value: nil, hasProblem: true),
    ]

    @Test(arguments: cases)
    func normalizes(_ testCase: NormalizationCase) {
        testCase.check()
    }

    @Test func redactionIsNamedAsSuch() {
        let result = IdentifierNormalizer().normalize(
            IdentifierObservation(kind: .email, raw: "[REDACTED]", field: "f"))
        #expect(result.problem == "redacted placeholder")
    }
}

@Suite("Punycode (RFC 3492)")
struct PunycodeTests {
    /// RFC 3492 section 7.1 samples (A), (B) and (L), and common labels.
    @Test(arguments: [
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("bücher", "bcher-kva"),
        ("münchen", "mnchen-3ya"),
        ("josé", "jos-dma"),
        ("テスト", "zckzah"),
    ])
    func encodesLabels(_ label: String, _ expected: String) {
        #expect(Punycode.encode(label) == expected)
    }

    /// Host names: each non-ASCII label becomes `xn--` + Punycode, after lowercasing; punctuation is refused.
    @Test(arguments: [
        ("Bücher.Example", "xn--bcher-kva.example"),
        ("他们为什么不说中文.example", "xn--ihqwcrb4cv8a8dqg056pqjye.example"),
        ("ليهمابتكلموشعربي.example", "xn--mgbcah9ar9a4efegftvvn.example"),
        ("例え。テスト", "xn--r8jz45g.xn--zckzah"),
        ("ليهمابتكلموشعربي؟.example", nil),
    ])
    func encodesDomains(_ domain: String, _ expected: String?) {
        let result = IdentifierNormalizer().normalize(IdentifierObservation(kind: .domain, raw: domain, field: "f"))
        #expect(result.identifier?.value == expected)
    }
}
