import EvidenceModel
import Testing

@Suite struct ProvenanceTests {
    /// Stored member paths join nested members with `!/`; people read ` › `. Only the pair is
    /// replaced, left to right, and everything else is kept byte for byte.
    @Test(arguments: [
        ("data/tweets.js", "data/tweets.js"),
        ("outer.zip!/inner.zip!/data/tweets.js", "outer.zip › inner.zip › data/tweets.js"),
        ("wow!!/x", "wow! › x"),
        ("a!/!/b", "a ›  › b"),
        ("bang! and /slash", "bang! and /slash"),
        ("café.zip!/\u{301}odd", "café.zip › \u{301}odd"),
        ("end!/", "end › "),
        ("!", "!"),
    ])
    func storedPathsAreShownWithArrows(stored: String, shown: String) {
        #expect(Provenance.displayPath(stored: stored) == shown)
    }

    @Test func displayPathMatchesTheMemberChain() {
        let provenance = Provenance(
            evidenceSHA256: "00", memberPath: ["a.zip", "b.zip", "c.json"], locator: "/0", parser: "p", parserVersion: 1)
        #expect(Provenance.displayPath(stored: provenance.memberStoredPath) == provenance.memberDisplayPath)
    }
}
