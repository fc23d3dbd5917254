import EvidenceModel
import Identifiers
import Testing

@Suite("URL, domain, handle, user id and device normalization")
struct OtherKindsNormalizationTests {
    static let cases: [NormalizationCase] = [
        NormalizationCase(kind: .url, raw: "HTTPS://Example.COM:443/Path?Q=1", value: "https://example.com/Path?Q=1"),
        NormalizationCase(kind: .url, raw: "http://example.com:8080", value: "http://example.com:8080/"),
        NormalizationCase(kind: .url, raw: "http://example.com:80/a#frag", value: "http://example.com/a#frag"),
        NormalizationCase(kind: .url, raw: "https://twitter.com/#!/jdoe", value: "https://twitter.com/#!/jdoe"),
        NormalizationCase(
            kind: .url, raw: "https://user@Bücher.example/x", value: "https://user@xn--bcher-kva.example/x"),
        NormalizationCase(kind: .url, raw: "http://[2001:DB8::1]:80/", value: "http://[2001:db8::1]/"),
        NormalizationCase(kind: .url, raw: "http://203.0.113.007/x", value: "http://203.0.113.7/x"),
        NormalizationCase(
            kind: .url, raw: "www.Example.com/x", value: "http://www.example.com/x", notes: ["scheme-assumed"],
            assumption: "scheme http assumed (none written)"),
        NormalizationCase(kind: .url, raw: "MAILTO:JDoe@example.com", value: "mailto:JDoe@example.com"),
        NormalizationCase(kind: .url, raw: "https://", value: nil, hasProblem: true),
        // The split searches bytes: the last `@` ends the user info, the last `:` of the authority starts the port.
        NormalizationCase(
            kind: .url, raw: "https://a@b:pw@Exämple.COM:8443?q=ü#f", value: "https://a@b:pw@xn--exmple-cua.com:8443?q=ü#f"),
        NormalizationCase(
            kind: .url, raw: "Exämple.com:8080", value: "http://xn--exmple-cua.com:8080/", notes: ["scheme-assumed"],
            assumption: "scheme http assumed (none written)"),
        NormalizationCase(kind: .url, raw: "http://example.com:8o/", value: nil, hasProblem: true),
        NormalizationCase(kind: .url, raw: "http://[2001:db8::1/", value: nil, hasProblem: true),
        NormalizationCase(kind: .url, raw: "https://exa mple.com/", value: nil, hasProblem: true),
        NormalizationCase(kind: .domain, raw: "WWW.Example.COM.", value: "example.com"),
        NormalizationCase(kind: .domain, raw: "https://www.bücher.example/x", value: "xn--bcher-kva.example"),
        NormalizationCase(kind: .domain, raw: "example.com:8080", value: "example.com"),
        NormalizationCase(kind: .domain, raw: "www.com", value: "www.com"),
        NormalizationCase(kind: .domain, raw: "mail.example.org", value: "mail.example.org"),
        NormalizationCase(kind: .domain, raw: "bad_domain!.com", value: nil, hasProblem: true),
        NormalizationCase(kind: .handle, raw: "@JDoe", platform: .twitter, value: "twitter:jdoe"),
        NormalizationCase(kind: .handle, raw: "JDoe_55", platform: .instagram, value: "instagram:jdoe_55"),
        NormalizationCase(kind: .handle, raw: "@JDoe", value: "@jdoe", notes: ["platform-unknown"]),
        NormalizationCase(
            kind: .handle, raw: "@jdoe@Mastodon.Example", platform: .mastodon, value: "mastodon:jdoe@mastodon.example"),
        NormalizationCase(kind: .handle, raw: "@", platform: .twitter, value: nil, hasProblem: true),
        NormalizationCase(kind: .handle, raw: "j doe", platform: .twitter, value: nil, hasProblem: true),
        // White space is checked by bytes for ASCII values and by Unicode properties otherwise.
        NormalizationCase(kind: .handle, raw: "jdoe\u{3000}x", platform: .twitter, value: nil, hasProblem: true),
        NormalizationCase(kind: .handle, raw: "j\u{0007}doe", platform: .twitter, value: nil, hasProblem: true),
        NormalizationCase(kind: .handle, raw: "\u{2003}@Jörg\u{00A0}", platform: .twitter, value: "twitter:jörg"),
        NormalizationCase(kind: .userId, raw: "12\u{2028}34", platform: .twitter, value: nil, hasProblem: true),
        NormalizationCase(kind: .userId, raw: " 12345 ", platform: .twitter, value: "twitter:12345"),
        NormalizationCase(kind: .userId, raw: "UCabcDEF", platform: .google, value: "google:UCabcDEF"),
        NormalizationCase(kind: .userId, raw: "12345", value: "12345", notes: ["platform-unknown"]),
        NormalizationCase(kind: .userId, raw: "", platform: .twitter, value: nil, hasProblem: true),
        NormalizationCase(
            kind: .device, raw: " 6F1C2A7E-0D3B-4C5A-9E8F-1A2B3C4D5E6F ",
            value: "6f1c2a7e-0d3b-4c5a-9e8f-1a2b3c4d5e6f"),
        NormalizationCase(kind: .device, raw: "iPhone14,2", value: "iPhone14,2"),
        NormalizationCase(kind: .device, raw: "00:1A:2B:3C:4D:5E", value: "00:1a:2b:3c:4d:5e"),
        NormalizationCase(kind: .device, raw: "unknown", value: nil, hasProblem: true),
        NormalizationCase(
            kind: .advertisingId, raw: "EA7583CD-A667-48BC-B806-42ECB2B48606",
            value: "ea7583cd-a667-48bc-b806-42ecb2b48606"),
        NormalizationCase(
            kind: .advertisingId, raw: "00000000-0000-0000-0000-000000000000", value: nil, hasProblem: true),
    ]

    @Test(arguments: cases)
    func normalizes(_ testCase: NormalizationCase) {
        testCase.check()
    }
}
