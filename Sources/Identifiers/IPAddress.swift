/// An IPv4 or IPv6 address, parsed by hand so that canonical text never depends on the platform's resolver.
///
/// Text forms: IPv4 as four decimal octets without leading zeros; IPv6 per RFC 5952 (lowercase hex, no
/// leading zeros, the longest run of two or more zero groups, the first on a tie, written `::`). IPv4-mapped
/// IPv6 (`::ffff:192.0.2.1`) is folded to IPv4 by `normalize`, so both forms link.
enum IPAddress: Hashable {
    case v4(UInt32)
    /// Eight 16-bit groups, most significant first.
    case v6([UInt16])

    /// Why a text is not an address.
    enum Failure: Error, Equatable {
        case malformed
        /// An IPv4 octet above 255: often a redacted or mistyped address.
        case octetOutOfRange

        var message: String {
            switch self {
            case .malformed: "not an IP address"
            case .octetOutOfRange: "IPv4 octet above 255 (mistyped or redacted address)"
            }
        }
    }

    // MARK: Parsing

    /// Parses dotted-quad IPv4: four decimal parts of one to three digits (leading zeros read as decimal).
    static func parseIPv4<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Result<UInt32, Failure> {
        var value: UInt32 = 0
        var part: UInt32 = 0
        var digitCount = 0
        var partCount = 0
        var outOfRange = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digitCount > 0, partCount < 3 else { return .failure(.malformed) }
                if part > 255 { outOfRange = true }
                value = value << 8 | (part & 0xFF)
                partCount += 1
                part = 0
                digitCount = 0
            } else if let digit = decimalValue(byte) {
                digitCount += 1
                guard digitCount <= 3 else { return .failure(.malformed) }
                part = part * 10 + digit
            } else {
                return .failure(.malformed)
            }
        }
        guard digitCount > 0, partCount == 3 else { return .failure(.malformed) }
        if part > 255 { outOfRange = true }
        if outOfRange { return .failure(.octetOutOfRange) }
        return .success(value << 8 | part)
    }

    /// Parses IPv6 text: hex groups, at most one `::`, optionally ending in a dotted IPv4 address. No zone.
    static func parseIPv6(_ text: Substring) -> Result<[UInt16], Failure> {
        parseIPv6(bytes: text.utf8)
    }

    /// `parseIPv6(_:)` over UTF-8 bytes.
    static func parseIPv6<Bytes: Collection<UInt8>>(bytes text: Bytes) -> Result<[UInt16], Failure> {
        guard text.count >= 2, text.count <= 45 else { return .failure(.malformed) }
        let bytes = Array(text)
        guard bytes.count >= 2, bytes.count <= 45 else { return .failure(.malformed) }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawDoubleColon = false
        var index = 0
        if bytes.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            sawDoubleColon = true
            index = 2
        } else if bytes[0] == UInt8(ascii: ":") {
            return .failure(.malformed)
        }
        while index < bytes.count {
            // Read one group: hex digits, or the rest as dotted IPv4.
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: ":") { end += 1 }
            let group = bytes[index..<end]
            if group.contains(UInt8(ascii: ".")) {
                guard end == bytes.count, case .success(let v4) = parseIPv4(group) else { return .failure(.malformed) }
                let pair = [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                if sawDoubleColon { tail += pair } else { head += pair }
                index = end
                break
            }
            guard !group.isEmpty, group.count <= 4 else { return .failure(.malformed) }
            var value: UInt16 = 0
            for byte in group {
                guard let digit = hexValue(byte) else { return .failure(.malformed) }
                value = value << 4 | UInt16(digit)
            }
            if sawDoubleColon { tail.append(value) } else { head.append(value) }
            index = end
            guard index < bytes.count else { break }
            // At a colon: `::` starts the tail, `:` continues; a trailing single colon is malformed.
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                guard !sawDoubleColon else { return .failure(.malformed) }
                sawDoubleColon = true
                index += 2
            } else {
                index += 1
                guard index < bytes.count else { return .failure(.malformed) }
            }
        }
        if sawDoubleColon {
            guard head.count + tail.count <= 7 else { return .failure(.malformed) }
            return .success(head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail)
        }
        guard head.count == 8 else { return .failure(.malformed) }
        return .success(head)
    }

    static func decimalValue(_ byte: UInt8) -> UInt32? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? UInt32(byte - UInt8(ascii: "0")) : nil
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: Canonical text

    /// IPv4-mapped IPv6 becomes IPv4; everything else is unchanged.
    var foldingMappedIPv4: IPAddress {
        if case .v6(let groups) = self, groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return .v4(UInt32(groups[6]) << 16 | UInt32(groups[7]))
        }
        return self
    }

    /// The canonical text (dotted quad, or RFC 5952 IPv6).
    var canonicalText: String {
        switch self {
        case .v4(let value):
            return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
        case .v6(let groups):
            // The longest run of zero groups of length two or more; the first one wins a tie.
            var bestStart = -1
            var bestLength = 0
            var runStart = -1
            for index in 0...8 {
                if index < 8, groups[index] == 0 {
                    if runStart < 0 { runStart = index }
                } else if runStart >= 0 {
                    if index - runStart > bestLength {
                        bestStart = runStart
                        bestLength = index - runStart
                    }
                    runStart = -1
                }
            }
            let hex = groups.map { String($0, radix: 16) }
            guard bestLength >= 2 else { return hex.joined(separator: ":") }
            let before = hex[..<bestStart].joined(separator: ":")
            let after = hex[(bestStart + bestLength)...].joined(separator: ":")
            return before + "::" + after
        }
    }

    // MARK: Ranges

    /// Notes for special-purpose ranges (`private`, `loopback`, ...), empty for ordinary public addresses.
    var rangeNotes: [String] {
        switch self {
        case .v4(let value): return Self.ipv4Notes(value)
        case .v6(let groups): return Self.ipv6Notes(groups)
        }
    }

    private static func ipv4Notes(_ value: UInt32) -> [String] {
        func within(_ network: UInt32, _ prefix: UInt32) -> Bool {
            prefix == 0 || value >> (32 - prefix) == network >> (32 - prefix)
        }
        if value == 0 { return ["unspecified"] }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return ["private"] }
        if within(0x7F00_0000, 8) { return ["loopback"] }
        if within(0xA9FE_0000, 16) { return ["link-local"] }
        if within(0x6440_0000, 10) { return ["cgnat"] }
        if within(0xC000_0200, 24) || within(0xC633_6400, 24) || within(0xCB00_7100, 24) { return ["documentation"] }
        if within(0xE000_0000, 4) { return ["multicast"] }
        // 0/8 "this network", 192.0.0/24 protocol assignments, 198.18/15 benchmarking, 240/4 and broadcast.
        if within(0x0000_0000, 8) || within(0xC000_0000, 24) || within(0xC612_0000, 15) || within(0xF000_0000, 4) {
            return ["reserved"]
        }
        return []
    }

    private static func ipv6Notes(_ groups: [UInt16]) -> [String] {
        if groups.allSatisfy({ $0 == 0 }) { return ["unspecified"] }
        if groups[0..<7].allSatisfy({ $0 == 0 }), groups[7] == 1 { return ["loopback"] }
        let first = groups[0]
        if first & 0xFFC0 == 0xFE80 { return ["link-local"] }
        if first & 0xFE00 == 0xFC00 { return ["private"] }
        if first & 0xFF00 == 0xFF00 { return ["multicast"] }
        // 2001:db8::/32 (RFC 3849) and 3fff::/20 (RFC 9637).
        if (first == 0x2001 && groups[1] == 0x0DB8) || (first == 0x3FFF && groups[1] & 0xF000 == 0) {
            return ["documentation"]
        }
        // ::/8 (other than the above and mapped addresses), fec0::/10 (old site-local), 100::/64 (discard).
        if first & 0xFF00 == 0 || first & 0xFFC0 == 0xFEC0 || (first == 0x0100 && groups[1...3].allSatisfy { $0 == 0 })
        {
            return ["reserved"]
        }
        return []
    }
}
