import EvidenceModel
import Identifiers
import Testing

/// One row of a normalization table: input, context, and the complete expected result.
struct NormalizationCase: Sendable, CustomTestStringConvertible {
    var kind: IdentifierKind
    var raw: String
    var platform: Platform? = nil
    var accountRegion: String? = nil
    var defaultRegion: String? = nil
    /// Nil when no identifier is expected.
    var value: String?
    var notes: [String] = []
    var weakValues: [String] = []
    var assumption: String? = nil
    /// True when a problem must be reported; its wording is checked where it matters.
    var hasProblem = false

    var testDescription: String { "\(kind.rawValue) '\(raw)'" }

    /// Runs the case and checks every field of the result.
    func check() {
        let normalizer = IdentifierNormalizer(defaultRegion: defaultRegion)
        let observation = IdentifierObservation(kind: kind, raw: raw, field: "test", platform: platform)
        let result = normalizer.normalize(observation, accountRegion: accountRegion)
        let expected = value.map { NormalizedIdentifier(kind: kind, value: $0, notes: notes) }
        #expect(result.identifier == expected)
        #expect(result.weakForms.map(\.value) == weakValues)
        #expect(result.weakForms.allSatisfy { $0.notes == ["weak:provider-folding"] && $0.kind == kind })
        #expect(result.assumption == assumption)
        #expect((result.problem != nil) == hasProblem, "problem: \(result.problem ?? "none")")
    }
}
