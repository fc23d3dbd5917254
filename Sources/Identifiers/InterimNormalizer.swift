import EvidenceModel

// Interim implementation so that the ingest path compiles; replaced by the full module.
public struct IdentifierNormalizer: Sendable {
    public var defaultRegion: String?
    public init(defaultRegion: String? = nil) { self.defaultRegion = defaultRegion }

    public func normalize(_ observation: IdentifierObservation, accountRegion: String? = nil) -> NormalizationResult {
        let raw = observation.raw.trimmingCharacters(in: " \t\n")
        guard !raw.isEmpty else { return NormalizationResult(problem: "empty value") }
        var value = raw.lowercased()
        switch observation.kind {
        case .phone: value = "+" + raw.filter(\.isNumber)
        case .handle, .userId:
            let bare = raw.hasPrefix("@") ? String(raw.dropFirst()) : raw
            value = "\(observation.platform?.rawValue ?? "unknown"):\(bare.lowercased())"
        default: break
        }
        return NormalizationResult(identifier: NormalizedIdentifier(kind: observation.kind, value: value))
    }

    public func candidates(forQuery text: String) -> [NormalizedIdentifier] {
        var result: [NormalizedIdentifier] = []
        for kind in IdentifierKind.allCases {
            var observation = IdentifierObservation(kind: kind, raw: text, field: "query")
            if kind == .handle || kind == .userId { observation.platform = .twitter }
            if let identifier = normalize(observation).identifier { result.append(identifier) }
        }
        return result
    }
}

public struct NormalizationResult: Sendable, Hashable {
    public var identifier: NormalizedIdentifier?
    public var weakForms: [NormalizedIdentifier]
    public var assumption: String?
    public var problem: String?

    public init(
        identifier: NormalizedIdentifier? = nil, weakForms: [NormalizedIdentifier] = [], assumption: String? = nil,
        problem: String? = nil
    ) {
        self.identifier = identifier
        self.weakForms = weakForms
        self.assumption = assumption
        self.problem = problem
    }
}

public struct TextMatch: Sendable, Hashable {
    public var kind: IdentifierKind
    public var raw: String
    public var utf8Range: Range<Int>
}

public enum TextIdentifierExtractor {
    public static func extract(from text: String, platform: Platform?) -> [TextMatch] { [] }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
