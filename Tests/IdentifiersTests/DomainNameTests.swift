import Foundation
@testable import Identifiers
import Testing

/// `DomainName.toASCII` takes a one-pass path for hosts of ASCII letters, digits, `-`, `_` and `.`
/// (`plainASCII`). It must give what the general path gives, name or failure, for every such host.
@Suite struct DomainNameTests {
    /// The outcome as a comparable text: the name and whether it was internationalized, or the failure.
    static func outcome(_ result: Result<(name: String, isInternationalized: Bool), DomainName.Failure>) -> String {
        switch result {
        case .success(let converted): "ok \(converted.name) \(converted.isInternationalized)"
        case .failure(let failure): "failure \(failure)"
        }
    }

    @Test func plainHostsGiveWhatTheGeneralPathGives() throws {
        let edges = [
            "Example.COM", "example.com.", "example.com..", ".example.com", "a..b", ".", "", "-a.com", "a-.com", "a.-b",
            "under_score.example", "xn--bcher-kva.example", String(repeating: "a", count: 63) + ".com",
            String(repeating: "a", count: 64) + ".com", String(repeating: "abcdefghi.", count: 25) + "com",
            String(repeating: "abcdefghi.", count: 26) + "com", "-", "a", "A.", "..", "0.0.0.0", "a.b-c.d_e",
        ]
        let alphabet = Array("aZz09-_.Q".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var hosts = edges
        for _ in 0..<3000 {
            let length = next(3) == 0 ? 60 + next(220) : 1 + next(20)
            hosts.append(String(decoding: (0..<length).map { _ in alphabet[next(alphabet.count)] }, as: UTF8.self))
        }
        var failures = 0, successes = 0
        for host in hosts {
            let fast = try #require(DomainName.plainASCII(host), "\(host) is plain ASCII")
            #expect(Self.outcome(fast) == Self.outcome(DomainName.general(host)), "\(host)")
            if case .success = fast { successes += 1 } else { failures += 1 }
        }
        // Both kinds of outcome are compared many times.
        #expect(successes > 300 && failures > 300, "\(successes) names, \(failures) failures")
    }

    @Test func otherHostsTakeTheGeneralPath() {
        for host in ["bücher.example", "a b.com", "例え.テスト", "a%20b.com", "a:b", "ＥＸＡＭＰＬＥ.com"] {
            #expect(DomainName.plainASCII(host) == nil, "\(host)")
        }
        #expect(Self.outcome(DomainName.toASCII("Bücher.Example")) == "ok xn--bcher-kva.example true")
        #expect(Self.outcome(DomainName.toASCII("WWW.Example.COM.")) == "ok www.example.com false")
    }
}
