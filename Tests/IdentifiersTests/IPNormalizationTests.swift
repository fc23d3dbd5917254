import EvidenceModel
import Identifiers
import Testing

@Suite("IP normalization")
struct IPNormalizationTests {
    static let ipv4Cases: [NormalizationCase] = [
        NormalizationCase(kind: .ip, raw: "8.8.8.8", value: "8.8.8.8"),
        NormalizationCase(kind: .ip, raw: " 203.0.113.7 ", value: "203.0.113.7", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "010.001.002.003", value: "10.1.2.3", notes: ["private"]),
        NormalizationCase(kind: .ip, raw: "1.2.3.4:443", value: "1.2.3.4", notes: ["port:443"]),
        NormalizationCase(kind: .ip, raw: "172.16.5.4", value: "172.16.5.4", notes: ["private"]),
        NormalizationCase(kind: .ip, raw: "172.32.0.1", value: "172.32.0.1"),
        NormalizationCase(kind: .ip, raw: "192.168.1.20:8080", value: "192.168.1.20", notes: ["private", "port:8080"]),
        NormalizationCase(kind: .ip, raw: "127.0.0.1", value: "127.0.0.1", notes: ["loopback"]),
        NormalizationCase(kind: .ip, raw: "169.254.10.1", value: "169.254.10.1", notes: ["link-local"]),
        NormalizationCase(kind: .ip, raw: "100.64.0.1", value: "100.64.0.1", notes: ["cgnat"]),
        NormalizationCase(kind: .ip, raw: "100.128.0.1", value: "100.128.0.1"),
        NormalizationCase(kind: .ip, raw: "198.51.100.20", value: "198.51.100.20", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "224.0.0.251", value: "224.0.0.251", notes: ["multicast"]),
        NormalizationCase(kind: .ip, raw: "240.0.0.1", value: "240.0.0.1", notes: ["reserved"]),
        NormalizationCase(kind: .ip, raw: "255.255.255.255", value: "255.255.255.255", notes: ["reserved"]),
        NormalizationCase(kind: .ip, raw: "0.0.0.0", value: "0.0.0.0", notes: ["unspecified"]),
        // Redacted or mistyped octets, and shapes that are not addresses.
        NormalizationCase(kind: .ip, raw: "84.818.12.1", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "84.818.xxx.xxx", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "1.2.3", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "1.2.3.4.5", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "1.2.3.0004", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "1.2.3.4:99999", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "REDACTED", value: nil, hasProblem: true),
    ]

    static let ipv6Cases: [NormalizationCase] = [
        NormalizationCase(
            kind: .ip, raw: "2001:0db8:0000:0000:0000:0000:0000:0001", value: "2001:db8::1", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "2001:db8:0:0:1:0:0:1", value: "2001:db8::1:0:0:1", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "2001:DB8::0:1", value: "2001:db8::1", notes: ["documentation"]),
        NormalizationCase(
            kind: .ip, raw: "2001:db8:0:1:1:1:1:1", value: "2001:db8:0:1:1:1:1:1", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "2001:db8:0:0:0:0:2:1", value: "2001:db8::2:1", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "2001:0:0:1:0:0:0:1", value: "2001:0:0:1::1"),
        NormalizationCase(kind: .ip, raw: "2001:db8::", value: "2001:db8::", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "2a00:1450:4001:080b:0000:0000:0000:200e", value: "2a00:1450:4001:80b::200e"),
        NormalizationCase(
            kind: .ip, raw: "::ffff:192.0.2.1", value: "192.0.2.1", notes: ["ipv4-mapped", "documentation"]),
        NormalizationCase(
            kind: .ip, raw: "::FFFF:C000:0201", value: "192.0.2.1", notes: ["ipv4-mapped", "documentation"]),
        NormalizationCase(kind: .ip, raw: "::ffff:10.0.0.1", value: "10.0.0.1", notes: ["ipv4-mapped", "private"]),
        NormalizationCase(
            kind: .ip, raw: "[2001:db8::1]:443", value: "2001:db8::1", notes: ["documentation", "port:443"]),
        NormalizationCase(kind: .ip, raw: "[2001:db8::1]", value: "2001:db8::1", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "fe80::1%eth0", value: "fe80::1", notes: ["link-local", "zone:eth0"]),
        NormalizationCase(kind: .ip, raw: "fd12:3456::1", value: "fd12:3456::1", notes: ["private"]),
        NormalizationCase(kind: .ip, raw: "::1", value: "::1", notes: ["loopback"]),
        NormalizationCase(kind: .ip, raw: "::", value: "::", notes: ["unspecified"]),
        NormalizationCase(kind: .ip, raw: "ff02::1", value: "ff02::1", notes: ["multicast"]),
        NormalizationCase(kind: .ip, raw: "3fff:0fff::1", value: "3fff:fff::1", notes: ["documentation"]),
        NormalizationCase(kind: .ip, raw: "::0102:0304", value: "::102:304", notes: ["reserved"]),
        NormalizationCase(kind: .ip, raw: "1:2:3:4:5:6:7:8:9", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "2001:db8:::1", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "1::2::3", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "12345::1", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "2001:db8::g", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "1:2:3:4:5:6:7", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: "2001:db8::1:", value: nil, hasProblem: true),
        NormalizationCase(kind: .ip, raw: ":2001:db8::1", value: nil, hasProblem: true),
    ]

    @Test(arguments: ipv4Cases)
    func normalizesIPv4(_ testCase: NormalizationCase) {
        testCase.check()
    }

    @Test(arguments: ipv6Cases)
    func normalizesIPv6(_ testCase: NormalizationCase) {
        testCase.check()
    }

    @Test func outOfRangeOctetIsExplained() {
        let result = IdentifierNormalizer().normalize(IdentifierObservation(kind: .ip, raw: "84.818.12.1", field: "f"))
        #expect(result.problem == "IPv4 octet above 255 (mistyped or redacted address)")
    }
}
