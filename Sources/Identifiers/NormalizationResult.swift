import EvidenceModel

/// What normalizing one identifier observation produced.
///
/// The raw value is not repeated here: it stays on the `IdentifierObservation` and the store keeps it beside
/// `identifier.value`. `assumption` and `problem` travel with the occurrence, so that a reader can see why a
/// value was read the way it was, or why it could not be read.
public struct NormalizationResult: Sendable, Hashable {
    /// The canonical identifier (kind, value, notes); nil only when the value is empty or unusable.
    public var identifier: NormalizedIdentifier?
    /// Looser forms that may link to other values but are weak evidence, such as the Gmail form without dots
    /// and `+tag` (notes `weak:provider-folding`). Never a replacement for `identifier`.
    public var weakForms: [NormalizedIdentifier]
    /// How the value was interpreted when the evidence left it open (`region US from --default-region`).
    public var assumption: String?
    /// Why the value could not be normalized, or only partly (`redacted placeholder`); becomes a warning.
    /// Names the problem, never the value.
    public var problem: String?

    public init(
        identifier: NormalizedIdentifier?, weakForms: [NormalizedIdentifier] = [], assumption: String? = nil,
        problem: String? = nil
    ) {
        self.identifier = identifier
        self.weakForms = weakForms
        self.assumption = assumption
        self.problem = problem
    }

    /// A result without an identifier, carrying only the reason.
    static func failure(_ problem: String) -> NormalizationResult {
        NormalizationResult(identifier: nil, problem: problem)
    }
}
