import EvidenceModel

/// Turns identifiers as exports write them into canonical values that link sightings across exports.
///
/// One normalizer serves a whole ingest run; it is a plain value and safe to share between tasks.
///
/// | kind | canonical value | example |
/// |---|---|---|
/// | email | lowercased, IDNA domain | `jdoe@xn--bcher-kva.example` |
/// | phone | E.164 (libphonenumber) | `+15550104477`, unresolved: `digits:5550104477` |
/// | ip | dotted quad or RFC 5952 IPv6, port and zone as notes | `2001:db8::1` |
/// | url | lowercased scheme and host, no default port | `https://example.com/Path?q=1` |
/// | domain | lowercased IDNA host without `www.` | `example.com` |
/// | handle | platform and lowercased handle | `twitter:jdoe`, without platform `@jdoe` |
/// | userId | platform-qualified id, case kept | `twitter:12345` |
/// | device, advertisingId | trimmed, hex and UUID forms lowercased | `6f1c2a...` |
///
/// Notes on the result explain why a value may be weak evidence (`private`, `region-assumed:US`,
/// `weak:provider-folding`); see the kind-specific rules in `EmailNormalization`, `PhoneNormalization`,
/// `IPNormalization` and `URLNormalization`.
public struct IdentifierNormalizer: Sendable {
    /// The region for national phone numbers when neither the number nor the account says (`--default-region`).
    public let defaultRegion: String?

    /// - Parameter defaultRegion: ISO 3166 alpha-2 code such as `US` or `DE` (any case); nil when none.
    public init(defaultRegion: String? = nil) {
        self.defaultRegion = defaultRegion.map { String($0.trimmedWhitespace).uppercased() }.flatMap {
            $0.isEmpty ? nil : $0
        }
    }

    /// Normalizes one observation.
    ///
    /// - Parameters:
    ///   - observation: the value as the parser read it, with its kind and platform.
    ///   - accountRegion: the account's or export's country (ISO 3166 alpha-2), used for national phone numbers
    ///     before `defaultRegion`.
    /// - Returns: the canonical identifier, weak forms, the assumption made and any problem. The identifier is nil
    ///   only when the value is empty or unusable, and then `problem` says why.
    public func normalize(_ observation: IdentifierObservation, accountRegion: String? = nil) -> NormalizationResult {
        switch observation.kind {
        case .email:
            return EmailNormalization.normalize(observation.raw)
        case .phone:
            return PhoneNormalization.normalize(observation.raw, regions: phoneRegions(accountRegion: accountRegion))
        case .ip:
            return IPNormalization.normalize(observation.raw)
        case .url:
            return URLNormalization.normalize(observation.raw)
        case .domain:
            return URLNormalization.normalizeDomain(observation.raw)
        case .handle:
            return Self.normalizeHandle(observation.raw, platform: observation.platform)
        case .userId:
            return Self.normalizeUserId(observation.raw, platform: observation.platform)
        case .device, .advertisingId:
            return Self.normalizeDevice(observation.raw, kind: observation.kind)
        }
    }

    /// True when `code` (ISO 3166 alpha-2, any case) is a region libphonenumber can read national numbers for;
    /// for validating `--default-region` and account countries before use (unknown regions are otherwise skipped).
    public static func isSupportedRegion(_ code: String) -> Bool {
        PhoneNormalization.isSupportedRegion(String(code.trimmedWhitespace).uppercased())
    }

    /// The regions to try for national phone numbers, in order, without duplicates or unknown codes.
    func phoneRegions(accountRegion: String?) -> [(code: String, source: PhoneNormalization.RegionSource)] {
        var regions: [(code: String, source: PhoneNormalization.RegionSource)] = []
        if let account = accountRegion.map({ String($0.trimmedWhitespace).uppercased() }),
            PhoneNormalization.isSupportedRegion(account)
        {
            regions.append((account, .account))
        }
        if let defaultRegion, PhoneNormalization.isSupportedRegion(defaultRegion),
            !regions.contains(where: { $0.code == defaultRegion })
        {
            regions.append((defaultRegion, .defaultRegion))
        }
        return regions
    }

    // MARK: Platform-scoped and opaque identifiers

    /// `@JDoe` on Twitter → `twitter:jdoe`; Fediverse `@jdoe@mastodon.example` keeps its instance.
    static func normalizeHandle(_ raw: String, platform: Platform?) -> NormalizationResult {
        var text = raw.trimmedWhitespace
        if text.hasPrefix("@") { text = text.dropFirst() }
        guard !text.isEmpty else { return .failure("empty value") }
        guard !text.containsWhitespaceOrControl else {
            return .failure("not a handle (contains white space)")
        }
        let handle = text.precomposedLowercased
        guard let platform else {
            return NormalizationResult(
                identifier: NormalizedIdentifier(kind: .handle, value: "@" + handle, notes: ["platform-unknown"]))
        }
        return NormalizationResult(
            identifier: NormalizedIdentifier(kind: .handle, value: "\(platform.rawValue):\(handle)"))
    }

    /// `12345` on Twitter → `twitter:12345`. Case is kept: some platforms' ids are case-sensitive.
    static func normalizeUserId(_ raw: String, platform: Platform?) -> NormalizationResult {
        let text = raw.trimmedWhitespace
        guard !text.isEmpty else { return .failure("empty value") }
        if let problem = PlaceholderValue.problem(in: String(text), lettersAreMasks: false) { return .failure(problem) }
        guard !text.containsWhitespaceOrControl else {
            return .failure("not a user id (contains white space)")
        }
        guard let platform else {
            return NormalizationResult(
                identifier: NormalizedIdentifier(kind: .userId, value: String(text), notes: ["platform-unknown"]))
        }
        return NormalizationResult(
            identifier: NormalizedIdentifier(kind: .userId, value: "\(platform.rawValue):\(text)"))
    }

    /// Device and advertising ids: trimmed; hex, UUID and MAC-like forms lowercased; an all-zero advertising id
    /// (what iOS and Android report when ad tracking is limited) is not an identifier.
    static func normalizeDevice(_ raw: String, kind: IdentifierKind) -> NormalizationResult {
        let text = raw.trimmedWhitespace
        guard !text.isEmpty else { return .failure("empty value") }
        if let problem = PlaceholderValue.problem(in: String(text), lettersAreMasks: false) { return .failure(problem) }
        let isHexLike = text.utf8.allSatisfy {
            IPAddress.hexValue($0) != nil || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":")
        }
        let value = isHexLike ? text.lowercased() : String(text)
        if isHexLike,
            value.utf8.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") })
        {
            return .failure(
                kind == .advertisingId ? "zeroed advertising id (ad tracking limited)" : "zeroed device id")
        }
        return NormalizationResult(identifier: NormalizedIdentifier(kind: kind, value: value))
    }
}
