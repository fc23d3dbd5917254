import EvidenceModel
import Identifiers
import Testing

@Suite("Query candidates")
struct QueryCandidatesTests {
    let normalizer = IdentifierNormalizer(defaultRegion: "US")

    @Test func phoneInAnyFormAlsoFindsUnresolvedDigits() {
        #expect(
            normalizer.candidates(forQuery: "+1 (555) 010-4477") == [
                NormalizedIdentifier(kind: .phone, value: "+15550104477", notes: ["not-valid-per-metadata"]),
                NormalizedIdentifier(kind: .phone, value: "digits:15550104477"),
            ])
        #expect(normalizer.candidates(forQuery: "555-010-4477").map(\.value) == ["+15550104477", "digits:5550104477"])
    }

    @Test func handleOnEveryPlatform() {
        let candidates = normalizer.candidates(forQuery: "@JDoe")
        #expect(candidates.count == Platform.allCases.count + 1)
        #expect(candidates.allSatisfy { $0.kind == .handle })
        #expect(candidates.contains(NormalizedIdentifier(kind: .handle, value: "twitter:jdoe")))
        #expect(candidates.last == NormalizedIdentifier(kind: .handle, value: "@jdoe", notes: ["platform-unknown"]))
    }

    @Test func platformQualifiedValue() {
        #expect(
            normalizer.candidates(forQuery: "twitter:12345") == [
                NormalizedIdentifier(kind: .handle, value: "twitter:12345"),
                NormalizedIdentifier(kind: .userId, value: "twitter:12345"),
            ])
    }

    @Test func emailWithWeakForm() {
        #expect(
            normalizer.candidates(forQuery: " J.Doe@GMail.com ") == [
                NormalizedIdentifier(kind: .email, value: "j.doe@gmail.com"),
                NormalizedIdentifier(kind: .email, value: "jdoe@gmail.com", notes: ["weak:provider-folding"]),
            ])
    }

    @Test func addressesURLsAndDomains() {
        #expect(
            normalizer.candidates(forQuery: "[2001:DB8::7]:443") == [
                NormalizedIdentifier(kind: .ip, value: "2001:db8::7", notes: ["documentation", "port:443"])
            ])
        #expect(normalizer.candidates(forQuery: "203.0.113.7").map(\.value) == ["203.0.113.7"])
        #expect(
            normalizer.candidates(forQuery: "https://WWW.Example.com/x") == [
                NormalizedIdentifier(kind: .url, value: "https://www.example.com/x"),
                NormalizedIdentifier(kind: .domain, value: "example.com"),
            ])
        #expect(
            normalizer.candidates(forQuery: "Example.org") == [
                NormalizedIdentifier(kind: .domain, value: "example.org")
            ])
    }

    @Test func bareNumberIsAUserIdOrAPhone() {
        let candidates = normalizer.candidates(forQuery: "12345")
        #expect(candidates.count == Platform.allCases.count)
        #expect(candidates.allSatisfy { $0.kind == .userId })
        let long = normalizer.candidates(forQuery: "2025550143")
        #expect(long.first == NormalizedIdentifier(kind: .phone, value: "+12025550143", notes: ["region-assumed:US"]))
        #expect(long.contains(NormalizedIdentifier(kind: .userId, value: "twitter:2025550143")))
    }

    @Test func deviceLikeValue() {
        #expect(
            normalizer.candidates(forQuery: "6F1C2A7E-0D3B-4C5A-9E8F-1A2B3C4D5E6F") == [
                NormalizedIdentifier(kind: .device, value: "6f1c2a7e-0d3b-4c5a-9e8f-1a2b3c4d5e6f"),
                NormalizedIdentifier(kind: .advertisingId, value: "6f1c2a7e-0d3b-4c5a-9e8f-1a2b3c4d5e6f"),
            ])
        #expect(normalizer.candidates(forQuery: "   ").isEmpty)
    }
}
