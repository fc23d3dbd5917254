@testable import CaseStore
import EvidenceModel
import Testing

/// `ExactText` compares bytes where Swift's `==` compares canonical equivalence.
@Suite struct ExactTextTests {
    @Test func equalMeansTheSameBytes() {
        #expect(ExactText.equal("tweet.K", "tweet.K"))
        #expect(ExactText.equal("", ""))
        #expect("K" == "\u{212A}" && !ExactText.equal("K", "\u{212A}"))  // KELVIN SIGN
        #expect("\u{E9}" == "e\u{301}" && !ExactText.equal("\u{E9}", "e\u{301}"))  // NFC, NFD
        // Combining marks in either order: canonically equal, the same length, other bytes.
        let dotThenAcute = "a\u{323}\u{301}", acuteThenDot = "a\u{301}\u{323}"
        #expect(dotThenAcute == acuteThenDot && dotThenAcute.utf8.count == acuteThenDot.utf8.count)
        #expect(!ExactText.equal(dotThenAcute, acuteThenDot))
        #expect(!ExactText.equal("abc", "abcd") && !ExactText.equal("abcd", "abc"))
        // A substring of a longer string (not the whole storage) compares by its own bytes.
        let long = String("xx/0/tweet".dropFirst(2))
        #expect(ExactText.equal(long, "/0/tweet"))
    }

    @Test func suffixComparison() {
        #expect(ExactText.equal("jdoe", "twitter:jdoe", suffixOf: 8))
        #expect(!ExactText.equal("jdoe", "twitter:jdoe", suffixOf: 7))
        #expect(ExactText.equal("", "twitter:", suffixOf: 8))
        #expect(!ExactText.equal("", "twitter:", suffixOf: 9), "an offset past the end matches nothing")
    }

    @Test func impliedRawValues() {
        let handle = NormalizedIdentifier(kind: .handle, value: "twitter:jdoe")
        #expect(EvidenceWriter.rawValueIsImplied("jdoe", by: handle))
        #expect(!EvidenceWriter.rawValueIsImplied("JDoe", by: handle))
        #expect(!EvidenceWriter.rawValueIsImplied("@jdoe", by: handle))
        #expect(!EvidenceWriter.rawValueIsImplied("twitter:jdoe", by: handle))
        let url = NormalizedIdentifier(kind: .url, value: "https://a.example/x")
        #expect(EvidenceWriter.rawValueIsImplied("https://a.example/x", by: url))
        #expect(!EvidenceWriter.rawValueIsImplied("//a.example/x", by: url), "the colon rule is for handles and user ids")
        let colonless = NormalizedIdentifier(kind: .userId, value: "12345")
        #expect(EvidenceWriter.rawValueIsImplied("12345", by: colonless))
    }
}
