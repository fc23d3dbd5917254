import EvidenceModel

/// IP addresses as exports write them: bare, with a port, bracketed IPv6, IPv6 with a zone.
///
/// Forms read: `1.2.3.4`, `1.2.3.4:443`, `2001:db8::1`, `[2001:db8::1]`, `[2001:db8::1]:443`, `fe80::1%eth0`.
/// The port and zone are split off as notes (`port:443`, `zone:eth0`); special-purpose ranges are flagged
/// (`private`, `loopback`, `link-local`, `cgnat`, `documentation`, `multicast`, `reserved`, `unspecified`),
/// because a shared 10.0.0.1 is not evidence of anything. IPv4-mapped IPv6 is folded to IPv4 (`ipv4-mapped`).
enum IPNormalization {
    static func normalize(_ raw: String) -> NormalizationResult {
        let text = raw.trimmedWhitespace
        guard !text.isEmpty else { return .failure("empty value") }
        if let problem = PlaceholderValue.problem(in: String(text), lettersAreMasks: false) { return .failure(problem) }
        switch parse(text) {
        case .failure(let failure):
            return .failure(failure.message)
        case .success(let parsed):
            var notes: [String] = []
            var address = parsed.address
            let folded = address.foldingMappedIPv4
            if folded != address {
                notes.append("ipv4-mapped")
                address = folded
            }
            notes += address.rangeNotes
            if let port = parsed.port { notes.append("port:\(port)") }
            if let zone = parsed.zone { notes.append("zone:\(zone)") }
            return NormalizationResult(
                identifier: NormalizedIdentifier(kind: .ip, value: address.canonicalText, notes: notes))
        }
    }

    /// An address with what was written around it.
    struct Parsed: Equatable {
        var address: IPAddress
        var port: Int?
        var zone: String?
    }

    /// Parses an address with an optional port (bracketed for IPv6) and an optional IPv6 zone.
    static func parse(_ text: Substring) -> Result<Parsed, IPAddress.Failure> {
        var body = text
        var port: Int?
        if body.hasPrefix("[") {
            guard let close = body.firstIndex(of: "]") else { return .failure(.malformed) }
            let after = body[body.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = parsePort(after.dropFirst()) else {
                    return .failure(.malformed)
                }
                port = number
            }
            body = body[body.index(after: body.startIndex)..<close]
        } else if body.contains("."), let colon = body.firstIndex(of: ":"),
            body[body.index(after: colon)...].allSatisfy({ $0 != ":" }), !body[..<colon].contains(":")
        {
            // `1.2.3.4:443`: one colon after a dotted quad.
            guard let number = parsePort(body[body.index(after: colon)...]) else { return .failure(.malformed) }
            port = number
            body = body[..<colon]
        }
        if body.contains(":") {
            var zone: String?
            if let percent = body.firstIndex(of: "%") {
                let name = body[body.index(after: percent)...]
                guard !name.isEmpty else { return .failure(.malformed) }
                zone = String(name)
                body = body[..<percent]
            }
            return IPAddress.parseIPv6(body).map { Parsed(address: .v6($0), port: port, zone: zone) }
        }
        return IPAddress.parseIPv4(body.utf8).map { Parsed(address: .v4($0), port: port, zone: nil) }
    }

    private static func parsePort(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int(text), value <= 65535
        else { return nil }
        return value
    }
}
