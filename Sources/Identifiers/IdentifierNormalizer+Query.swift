import EvidenceModel

extension IdentifierNormalizer {
    /// Guesses what a user typed (`casebook correlate VALUE`, `timeline --identifier VALUE`) and returns every
    /// plausible normalized candidate, deduplicated, in a stable order.
    ///
    /// - `twitter:jdoe`, `twitter:12345`: that platform's handle (and user id when it could be one).
    /// - `@jdoe`: the handle on every platform, and the platform-less `@jdoe`.
    /// - `j.doe+x@gmail.com`: the email and its weak provider-folded form.
    /// - `203.0.113.7:443`, `[2001:db8::1]`: the IP.
    /// - `https://example.com/x`: the URL and its domain; `example.com`: the domain.
    /// - `+1 (555) 010-4477`, `555-010-4477`: the phone (with `defaultRegion`) and its `digits:` form, so that
    ///   numbers stored unresolved are found too.
    /// - `12345`: a user id on every platform; hex or UUID-like text: a device and an advertising id.
    public func candidates(forQuery text: String) -> [NormalizedIdentifier] {
        let query = text.trimmedWhitespace
        guard !query.isEmpty else { return [] }
        var results: [NormalizedIdentifier] = []
        func add(_ result: NormalizationResult) {
            for identifier in [result.identifier].compactMap({ $0 }) + result.weakForms
            where !results.contains(identifier) {
                results.append(identifier)
            }
        }
        func observation(_ kind: IdentifierKind, _ raw: Substring, _ platform: Platform? = nil) -> NormalizationResult {
            normalize(IdentifierObservation(kind: kind, raw: String(raw), field: "query", platform: platform))
        }
        let platforms = Platform.allCases

        if let colon = query.firstIndex(of: ":"), let platform = Platform(rawValue: query[..<colon].lowercased()) {
            let rest = query[query.index(after: colon)...]
            add(observation(.handle, rest, platform))
            if !rest.hasPrefix("@") { add(observation(.userId, rest, platform)) }
            return results
        }
        let isDigitsOnly = query.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if query.hasPrefix("@") {
            for platform in platforms { add(observation(.handle, query, platform)) }
            add(observation(.handle, query))
            if query.dropFirst().contains("@") { add(observation(.email, query.dropFirst())) }
            return results
        }
        if query.contains("@") {
            add(observation(.email, query))
            return results
        }
        if case .success = IPNormalization.parse(query) {
            add(observation(.ip, query))
            return results
        }
        if query.contains("://") {
            add(observation(.url, query))
            add(observation(.domain, query))
            return results
        }
        let phoneCharacters = Set("0123456789+-(). /")
        let digits = PhoneNormalization.decimalDigits(of: query)
        if digits.count >= 7, query.allSatisfy({ phoneCharacters.contains($0) || $0.isNumber }) {
            add(observation(.phone, query))
            add(NormalizationResult(identifier: NormalizedIdentifier(kind: .phone, value: "digits:" + digits)))
        }
        if isDigitsOnly {
            for platform in platforms { add(observation(.userId, query, platform)) }
        }
        if !isDigitsOnly, query.contains("."), !query.contains(where: { $0 == " " || $0 == "/" }) {
            add(observation(.domain, query))
        }
        let isHexLike = query.utf8.allSatisfy {
            IPAddress.hexValue($0) != nil || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":")
        }
        let hasHexLetter = query.utf8.contains { (IPAddress.hexValue($0) ?? 0) >= 10 }
        if isHexLike, query.utf8.count >= 8, hasHexLetter || isDigitsOnly {
            add(observation(.device, query))
            add(observation(.advertisingId, query))
        }
        return results
    }
}
