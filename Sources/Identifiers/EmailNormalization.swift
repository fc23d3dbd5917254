import EvidenceModel
import Foundation

/// Email addresses: trimmed, lowercased, domain in IDNA form; provider folding only as a weak form.
///
/// Rules:
/// - `mailto:` and enclosing `<` `>` are dropped; redaction marks (`***`, `REDACTED`) are a problem, not a value.
/// - The shape is RFC 5322's dot-atom: one `@`, a local part of at most 64 bytes without spaces, quotes or
///   specials and without a leading, trailing or doubled dot, and a domain with at least two labels.
/// - The local part is lowercased (no mainstream provider treats case as significant).
/// - Gmail and Googlemail ignore dots and `+tag` in the local part, and several providers ignore `+tag`; the
///   folded address (`jdoe@gmail.com`) is a weak form labelled `weak:provider-folding`, produced for every
///   address on such a provider so that all variants share it, and never replaces the main value.
enum EmailNormalization {
    /// Providers that ignore dots in the local part; `googlemail.com` folds to `gmail.com`.
    private static let dotIgnoringDomains: [String: String] = ["gmail.com": "gmail.com", "googlemail.com": "gmail.com"]
    /// Providers that deliver `name+tag@` to `name@`.
    private static let subaddressDomains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "icloud.com", "me.com",
        "fastmail.com", "proton.me", "protonmail.com",
    ]
    /// The note on every folded form.
    static let weakNote = "weak:provider-folding"

    static func normalize(_ raw: String) -> NormalizationResult {
        var text = raw.trimmedWhitespace
        if text.lowercased().hasPrefix("mailto:") { text = text.dropFirst(7) }
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard !text.isEmpty else { return .failure("empty value") }
        if let problem = PlaceholderValue.problem(in: String(text), lettersAreMasks: false) { return .failure(problem) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure("not an email address (expected exactly one '@')") }
        let local = parts[0].precomposedLowercased
        if let problem = localPartProblem(local) { return .failure(problem) }
        let domain: String
        switch DomainName.toASCII(String(parts[1])) {
        case .failure(let failure): return .failure("not an email address (\(failure.message))")
        case .success(let converted): domain = converted.name
        }
        guard domain.contains("."), let topLevel = domain.split(separator: ".").last,
            !topLevel.allSatisfy(\.isNumber)
        else {
            return .failure("not an email address (domain needs a dot and a top-level name)")
        }
        let identifier = NormalizedIdentifier(kind: .email, value: "\(local)@\(domain)")
        return NormalizationResult(identifier: identifier, weakForms: foldedForms(local: local, domain: domain))
    }

    private static func localPartProblem(_ local: String) -> String? {
        if local.isEmpty { return "not an email address (empty local part)" }
        if local.utf8.count > 64 { return "not an email address (local part longer than 64 bytes)" }
        let forbidden = Set("\"(),:;<>[\\]")
        if local.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
            || local.contains(where: { forbidden.contains($0) })
        {
            return "not an email address (local part has spaces, quotes or special characters)"
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "not an email address (misplaced dot in the local part)"
        }
        return nil
    }

    /// The provider-folded forms of an address, empty when the provider does not fold.
    static func foldedForms(local: String, domain: String) -> [NormalizedIdentifier] {
        guard subaddressDomains.contains(domain) else { return [] }
        var folded = local
        if let plus = folded.firstIndex(of: "+") { folded = String(folded[..<plus]) }
        var foldedDomain = domain
        if let canonical = dotIgnoringDomains[domain] {
            folded.removeAll { $0 == "." }
            foldedDomain = canonical
        }
        guard !folded.isEmpty else { return [] }
        return [NormalizedIdentifier(kind: .email, value: "\(folded)@\(foldedDomain)", notes: [weakNote])]
    }
}

extension StringProtocol {
    /// NFC, then lowercased.
    /// NFC then lowercase; ASCII (most handles and emails) skips Foundation's normalization, which was a
    /// measured hot spot at ingest.
    var precomposedLowercased: String {
        let text = String(self)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.precomposedStringWithCanonicalMapping.lowercased()
    }
}
