import EvidenceModel
import Foundation

/// URLs and bare domains.
///
/// URL: scheme and host lowercased, host in IDNA form (or a canonical IP literal), default port dropped
/// (`http` 80, `https` 443, `ws` 80, `wss` 443, `ftp` 21), an empty `http(s)` path written `/`; user info, path,
/// query and fragment are kept as written (`https://twitter.com/#!/jdoe` needs its fragment). Without a scheme,
/// `http` is assumed and said so. Schemes without `//` (`mailto:`, `tel:`) keep everything after the scheme.
///
/// Domain: the host of the value (a URL is accepted), lowercased and IDNA-encoded, without port, trailing dot
/// or one leading `www.`.
enum URLNormalization {
    private static let defaultPorts: [String: String] = [
        "http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21",
    ]

    /// The parts of an absolute URL this normalizer cares about.
    struct Parts {
        var scheme: String
        var userInfo: Substring?
        var host: Substring
        var port: Substring?
        /// Path, query and fragment, as written.
        var rest: Substring
    }

    static func normalize(_ raw: String) -> NormalizationResult {
        let text = raw.trimmedWhitespace
        guard !text.isEmpty else { return .failure("empty value") }
        var assumption: String?
        var notes: [String] = []
        guard let parts = split(text, assumedScheme: &assumption) else {
            if let opaque = opaqueForm(text) { return NormalizationResult(identifier: opaque) }
            return .failure("not a URL (no host)")
        }
        if assumption != nil { notes.append("scheme-assumed") }
        let host: String
        switch canonicalHost(parts.host) {
        case .failure(let problem): return .failure(problem.message)
        case .success(let value): host = value
        }
        var value = parts.scheme + "://"
        if let userInfo = parts.userInfo { value += userInfo + "@" }
        value += host
        if let port = parts.port, defaultPorts[parts.scheme] != String(port) { value += ":" + port }
        if parts.rest.isEmpty, parts.scheme == "http" || parts.scheme == "https" {
            value += "/"
        } else {
            value += parts.rest
        }
        return NormalizationResult(
            identifier: NormalizedIdentifier(kind: .url, value: value, notes: notes), assumption: assumption)
    }

    static func normalizeDomain(_ raw: String) -> NormalizationResult {
        let text = raw.trimmedWhitespace
        guard !text.isEmpty else { return .failure("empty value") }
        var assumption: String?
        guard let parts = split(text, assumedScheme: &assumption) else { return .failure("not a domain") }
        guard !parts.host.hasPrefix("[") else { return .failure("not a domain (an IP address)") }
        switch DomainName.toASCII(String(parts.host)) {
        case .failure(let failure):
            return .failure("not a domain (\(failure.message))")
        case .success(let converted):
            var name = converted.name
            if name.hasPrefix("www."), name.dropFirst(4).contains(".") { name.removeFirst(4) }
            return NormalizationResult(identifier: NormalizedIdentifier(kind: .domain, value: name))
        }
    }

    /// Splits `scheme://userinfo@host:port/rest`; assumes `http` when the scheme is missing.
    ///
    /// Searches UTF-8 bytes: every delimiter is ASCII, so a byte index is also a character index, and
    /// character-by-character searching was most of a URL's normalization time.
    static func split(_ text: Substring, assumedScheme: inout String?) -> Parts? {
        var scheme = "http"
        var remainder = text
        let bytes = text.utf8
        if let separator = text.utf8Index(of: "://"), isScheme(text[..<separator]) {
            scheme = text[..<separator].lowercased()
            remainder = text[bytes.index(separator, offsetBy: 3)...]
        } else if text.hasPrefix("//") {
            remainder = text[bytes.index(text.startIndex, offsetBy: 2)...]
            assumedScheme = "scheme http assumed (none written)"
        } else {
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isScheme(text[..<colon]) {
                let afterColon = text[bytes.index(after: colon)...]
                if !afterColon.hasPrefix("/"), !(afterColon.first?.isNumber ?? false) {
                    return nil  // `mailto:x`, `tel:x`: no host
                }
            }
            assumedScheme = "scheme http assumed (none written)"
        }
        let remainderBytes = remainder.utf8
        let authorityEnd =
            remainderBytes.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            ?? remainder.endIndex
        var authority = remainder[..<authorityEnd]
        let rest = remainder[authorityEnd...]
        var userInfo: Substring?
        if let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) {
            userInfo = authority[..<at]
            authority = authority[authority.utf8.index(after: at)...]
        }
        var host = authority
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.utf8.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let afterClose = authority.utf8.index(after: close)
            host = authority[..<afterClose]
            let after = authority[afterClose...]
            if after.hasPrefix(":") { port = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.utf8.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon]
            port = authority[authority.utf8.index(after: colon)...]
        }
        if let digits = port {
            guard digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            port = digits.isEmpty ? nil : digits
        }
        guard !host.isEmpty else { return nil }
        return Parts(scheme: scheme, userInfo: userInfo, host: host, port: port, rest: rest)
    }

    /// `[v6]` and IPv4 hosts in canonical form, names in IDNA form.
    private static func canonicalHost(_ host: Substring) -> Result<String, HostProblem> {
        if host.hasPrefix("[") {
            guard case .success(let groups) = IPAddress.parseIPv6(host.dropFirst().dropLast()) else {
                return .failure(HostProblem(message: "not a URL (bad IPv6 host)"))
            }
            return .success("[" + IPAddress.v6(groups).canonicalText + "]")
        }
        if host.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }) {
            switch IPAddress.parseIPv4(host.utf8) {
            case .success(let value): return .success(IPAddress.v4(value).canonicalText)
            case .failure(.octetOutOfRange):
                return .failure(HostProblem(message: "not a URL (IPv4 host octet above 255)"))
            case .failure(.malformed): break
            }
        }
        switch DomainName.toASCII(String(host)) {
        case .failure(let failure): return .failure(HostProblem(message: "not a URL (\(failure.message))"))
        case .success(let converted): return .success(converted.name)
        }
    }

    /// Why a host was refused.
    struct HostProblem: Error {
        var message: String
    }

    /// `mailto:`/`tel:`-style URLs: the scheme lowercased, the rest kept.
    private static func opaqueForm(_ text: Substring) -> NormalizedIdentifier? {
        guard let colon = text.firstIndex(of: ":"), isScheme(text[..<colon]), text.index(after: colon) < text.endIndex,
            !text[text.index(after: colon)...].hasPrefix("/")
        else { return nil }
        return NormalizedIdentifier(kind: .url, value: text[..<colon].lowercased() + text[colon...])
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
        }
    }
}
