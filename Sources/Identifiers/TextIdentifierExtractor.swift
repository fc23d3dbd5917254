import EvidenceModel

/// Finds emails, phone numbers, IPv4 and IPv6 addresses, URLs and `@handles` in free text (messages, posts, bios).
///
/// Matches carry the raw text and its UTF-8 byte range; they are not normalized here (the ingest session
/// normalizes them like structured values and labels them `IdentifierSource.text`). Every scanner is a hand-written,
/// forward-only pass over the UTF-8 bytes with bounded look-back, so time is linear in the text length whatever the
/// input (no regular expressions, no backtracking).
///
/// Rules, in priority order (a match that overlaps a higher-priority match is dropped):
/// 1. URL: `http://`, `https://` or `www.` at a word start, up to white space or `<>"` and the like; trailing
///    sentence punctuation, unbalanced `)` `]` and a truncation `…` are left out.
/// 2. Email: `local@domain` with a dot-atom local part of at most 64 bytes and a domain of two or more labels whose
///    last label has a letter; internationalized domains are matched. `@user@instance` is a handle, not an email.
/// 3. IPv6: two or more colons, parsed strictly, optionally `[...]` with `:port`; at a word boundary.
/// 4. IPv4: a dotted quad with octets up to 255, optionally `:port`; not part of a longer dotted or alphanumeric run.
/// 5. Phone: an optional `+`, then two or more digit groups separated by single spaces, `-`, `.`, `/` or
///    parentheses (one group is enough after `+`); 9 to 15 digits (8 after `+`); not a date, dotted quad or part of
///    a longer number. Bare digit runs are never phones (they are ids and timestamps).
/// 6. Handle: `@` at a word start followed by the platform's handle characters and length (Twitter 1–15 of
///    `[A-Za-z0-9_]`, Instagram 1–30 with dots, TikTok 2–24 with dots, Telegram 5–32, otherwise 1–30), optionally
///    `@instance.domain` for Fediverse handles.
public enum TextIdentifierExtractor {
    /// Finds identifiers in `text`.
    ///
    /// - Parameters:
    ///   - text: the free text.
    ///   - platform: the platform the text comes from, which decides what a handle looks like; nil for generic.
    /// - Returns: matches in text order, none overlapping.
    public static func extract(from text: String, platform: Platform?) -> [TextMatch] {
        if let matches = text.utf8.withContiguousStorageIfAvailable({ scan($0, platform: platform) }) {
            return matches
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { scan($0, platform: platform) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, platform: Platform?) -> [TextMatch] {
        let scanner = TextScanner(bytes: bytes, handleRule: HandleRule(platform: platform))
        var accepted: [TextScanner.Candidate] = []
        for batch in [
            scanner.urls(), scanner.emails(), scanner.ipv6(), scanner.ipv4(), scanner.phones(), scanner.handles(),
        ] {
            accepted = merge(accepted, adding: batch)
        }
        return accepted.map {
            TextMatch(kind: $0.kind, raw: String(decoding: bytes[$0.range], as: UTF8.self), utf8Range: $0.range)
        }
    }

    /// Adds the candidates of `batch` that overlap nothing in `accepted`; both are sorted and non-overlapping.
    private static func merge(
        _ accepted: [TextScanner.Candidate], adding batch: [TextScanner.Candidate]
    ) -> [TextScanner.Candidate] {
        var kept: [TextScanner.Candidate] = []
        var index = 0
        for candidate in batch {
            while index < accepted.count, accepted[index].range.upperBound <= candidate.range.lowerBound { index += 1 }
            if index < accepted.count, accepted[index].range.lowerBound < candidate.range.upperBound { continue }
            kept.append(candidate)
        }
        var merged: [TextScanner.Candidate] = []
        merged.reserveCapacity(accepted.count + kept.count)
        var left = 0
        var right = 0
        while left < accepted.count || right < kept.count {
            if right == kept.count
                || (left < accepted.count && accepted[left].range.lowerBound < kept[right].range.lowerBound)
            {
                merged.append(accepted[left])
                left += 1
            } else {
                merged.append(kept[right])
                right += 1
            }
        }
        return merged
    }
}

/// What a handle looks like on a platform.
struct HandleRule {
    var allowsDot: Bool
    var minimumLength: Int
    var maximumLength: Int

    init(platform: Platform?) {
        switch platform {
        case .twitter: (allowsDot, minimumLength, maximumLength) = (false, 1, 15)
        case .instagram: (allowsDot, minimumLength, maximumLength) = (true, 1, 30)
        case .tiktok: (allowsDot, minimumLength, maximumLength) = (true, 2, 24)
        case .telegram: (allowsDot, minimumLength, maximumLength) = (false, 5, 32)
        default: (allowsDot, minimumLength, maximumLength) = (false, 1, 30)
        }
    }
}

/// The byte scanners behind `TextIdentifierExtractor`. Each returns sorted, non-overlapping candidates.
struct TextScanner {
    struct Candidate {
        var kind: IdentifierKind
        var range: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let handleRule: HandleRule
    var count: Int { bytes.count }

    // MARK: Byte classes

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    static func isHex(_ byte: UInt8) -> Bool { IPAddress.hexValue(byte) != nil }

    /// Dot-atom characters commonly seen in local parts (a conservative subset of RFC 5322 `atext`).
    static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    func isHandleByte(_ byte: UInt8) -> Bool {
        Self.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || (handleRule.allowsDot && byte == UInt8(ascii: "."))
    }

    /// The scalar starting at `index` and its length in bytes; nil for invalid or truncated UTF-8.
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// True at the lead byte of a non-ASCII space, ideographic full stop or comma, or a horizontal ellipsis.
    func isNonASCIIBreak(at index: Int) -> Bool {
        guard bytes[index] >= 0xC2, let (scalar, _) = scalar(at: index) else { return false }
        return scalar.properties.isWhitespace || scalar == "\u{3001}" || scalar == "\u{3002}" || scalar == "\u{2026}"
            || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }

    /// True at the lead byte of a non-ASCII letter or digit (text that continues a word).
    func isLetterOrDigitScalar(at index: Int) -> Bool {
        guard bytes[index] >= 0x80, let (scalar, _) = scalar(at: index) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// When the bytes just before `end` are a non-ASCII letter or digit, the index of its lead byte.
    func letterOrDigitScalarStart(endingAt end: Int) -> Int? {
        var lead = end - 1
        while lead >= 0, end - lead <= 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0, lead < end - 1, let (scalar, length) = scalar(at: lead), lead + length == end,
            scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
        else { return nil }
        return lead
    }

    private func nextIndex(of target: UInt8, from start: Int) -> Int? {
        var index = start
        while index < count {
            if bytes[index] == target { return index }
            index += 1
        }
        return nil
    }

    private func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= count else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<length where bytes[index + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    // MARK: URLs

    func urls() -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < count {
            let byte = bytes[index] | 0x20
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") else {
                index += 1
                continue
            }
            if index > 0 {
                let previous = bytes[index - 1]
                if Self.isAlphanumeric(previous) || previous == UInt8(ascii: "_") || previous == UInt8(ascii: "@")
                    || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "-")
                {
                    index += 1
                    continue
                }
            }
            let prefixLength: Int
            if hasPrefix("https://", at: index) {
                prefixLength = 8
            } else if hasPrefix("http://", at: index) {
                prefixLength = 7
            } else if hasPrefix("www.", at: index) {
                prefixLength = 4
            } else {
                index += 1
                continue
            }
            var end = index + prefixLength
            while end < count, !isURLStop(at: end) { end += 1 }
            end = trimmedURLEnd(start: index, end: end)
            let hostStart = index + prefixLength
            if end > hostStart,
                Self.isAlphanumeric(bytes[hostStart]) || bytes[hostStart] >= 0x80
                    || bytes[hostStart] == UInt8(ascii: "[")
            {
                found.append(Candidate(kind: .url, range: index..<end))
            }
            index = max(end, index + 1)
        }
        return found
    }

    private func isURLStop(at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case 0x00...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"):
            return true
        case 0x80...0xFF:
            return isNonASCIIBreak(at: index)
        default:
            return false
        }
    }

    /// Leaves out trailing sentence punctuation, unbalanced closing brackets and a truncation ellipsis.
    private func trimmedURLEnd(start: Int, end: Int) -> Int {
        var openParens = 0
        var closeParens = 0
        var openBrackets = 0
        var closeBrackets = 0
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "("): openParens += 1
            case UInt8(ascii: ")"): closeParens += 1
            case UInt8(ascii: "["): openBrackets += 1
            case UInt8(ascii: "]"): closeBrackets += 1
            default: break
            }
        }
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if ".,;:!?'*".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")"), closeParens > openParens {
                closeParens -= 1
                end -= 1
            } else if last == UInt8(ascii: "]"), closeBrackets > openBrackets {
                closeBrackets -= 1
                end -= 1
            } else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, last == 0xA6 {
                end -= 3
            } else {
                break
            }
        }
        return end
    }

    // MARK: Emails

    func emails() -> [Candidate] {
        var found: [Candidate] = []
        var floor = 0
        var searchFrom = 0
        while let at = nextIndex(of: UInt8(ascii: "@"), from: searchFrom) {
            searchFrom = at + 1
            var start = at
            while start > floor, at - start <= 64 {
                if Self.isLocalPartByte(bytes[start - 1]) {
                    start -= 1
                } else if let lead = letterOrDigitScalarStart(endingAt: start), lead >= floor {
                    start = lead  // internationalized local part (RFC 6531)
                } else {
                    break
                }
            }
            guard at - start <= 64 else { continue }
            while start < at, bytes[start] == UInt8(ascii: ".") { start += 1 }
            guard start < at, bytes[at - 1] != UInt8(ascii: ".") else { continue }
            // `@user@instance.example` is a Fediverse handle.
            if start > 0, bytes[start - 1] == UInt8(ascii: "@") { continue }
            guard let end = domainEnd(from: at + 1) else { continue }
            found.append(Candidate(kind: .email, range: start..<end))
            floor = end
            searchFrom = end
        }
        return found
    }

    /// The end of a host name of two or more labels starting at `start` (letters, digits, hyphens, international
    /// letters), whose last label has at least two characters and a letter; nil when there is none.
    func domainEnd(from start: Int) -> Int? {
        var index = start
        var labelStart = start
        var lastLabelStart = start
        var dotCount = 0
        while index < count, index - start <= 253 {
            let byte = bytes[index]
            if Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                index += 1
            } else if byte == UInt8(ascii: ".") {
                guard index > labelStart, index + 1 < count, bytes[index + 1] != UInt8(ascii: ".") else { break }
                dotCount += 1
                index += 1
                lastLabelStart = labelStart
                labelStart = index
            } else if byte >= 0x80, let (scalar, length) = scalar(at: index),
                DomainName.isAllowedInternationalScalar(scalar)
            {
                index += length
            } else {
                break
            }
        }
        guard index - start <= 253 else { return nil }
        var end = index
        // A trailing hyphen or dot belongs to the sentence.
        while end > start, bytes[end - 1] == UInt8(ascii: "-") || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        if labelStart >= end {
            // The last label was emptied by trimming; fall back to the previous one.
            dotCount -= 1
            labelStart = lastLabelStart
        }
        guard dotCount >= 1, end - labelStart >= 2 else { return nil }
        var hasLetter = false
        for index in labelStart..<end where Self.isLetter(bytes[index]) || bytes[index] >= 0x80 {
            hasLetter = true
            break
        }
        return hasLetter ? end : nil
    }

    // MARK: IP addresses

    func ipv4() -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < count {
            guard Self.isDigit(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            var end = start
            while end < count, Self.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
            index = end
            if start > 0 {
                let previous = bytes[start - 1]
                if Self.isLetter(previous) || previous == UInt8(ascii: "_") || previous == UInt8(ascii: ".") {
                    continue
                }
            }
            var addressEnd = end
            while addressEnd > start, bytes[addressEnd - 1] == UInt8(ascii: ".") { addressEnd -= 1 }
            guard addressEnd - start <= 15, addressEnd - start >= 7 else { continue }
            if end < count {
                let next = bytes[end]
                // `1.2.3.4.example` is a host name; `1.2.3.4x` is something else.
                if Self.isAlphanumeric(next) || next == UInt8(ascii: "_") || isLetterOrDigitScalar(at: end) { continue }
            }
            guard case .success = IPAddress.parseIPv4(UnsafeBufferPointer(rebasing: bytes[start..<addressEnd])) else {
                continue
            }
            var matchEnd = addressEnd
            if addressEnd == end, let portEnd = portEnd(afterColonAt: end) { matchEnd = portEnd }
            found.append(Candidate(kind: .ip, range: start..<matchEnd))
            index = max(index, matchEnd)
        }
        return found
    }

    func ipv6() -> [Candidate] {
        // A candidate needs two colons (below); text with fewer has none. Most posts have one at most
        // (`https:`), and the scan passed over every run of hex letters (55 M instructions on small.zip).
        var colons = 0
        for byte in bytes where byte == UInt8(ascii: ":") {
            colons += 1
            if colons == 2 { break }
        }
        guard colons == 2 else { return [] }
        var found: [Candidate] = []
        var index = 0
        while index < count {
            let first = bytes[index]
            guard Self.isHex(first) || first == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            let start = index
            var end = start
            while end < count,
                Self.isHex(bytes[end]) || bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: ".")
            {
                end += 1
            }
            index = end
            if start > 0 {
                let previous = bytes[start - 1]
                if Self.isAlphanumeric(previous) || previous == UInt8(ascii: "_") || previous == UInt8(ascii: ".") {
                    continue
                }
            }
            if end < count {
                let next = bytes[end]
                if Self.isAlphanumeric(next) || next == UInt8(ascii: "_") || isLetterOrDigitScalar(at: end) { continue }
            }
            var addressEnd = end
            while addressEnd > start, bytes[addressEnd - 1] == UInt8(ascii: ".") { addressEnd -= 1 }
            if addressEnd - start >= 2, bytes[addressEnd - 1] == UInt8(ascii: ":"),
                bytes[addressEnd - 2] != UInt8(ascii: ":")
            {
                addressEnd -= 1
            }
            guard addressEnd - start <= 45 else { continue }
            var colons = 0
            var hexDigits = 0
            for position in start..<addressEnd {
                if bytes[position] == UInt8(ascii: ":") {
                    colons += 1
                } else if Self.isHex(bytes[position]) {
                    hexDigits += 1
                }
            }
            guard colons >= 2, hexDigits >= 1,
                case .success = IPAddress.parseIPv6(bytes: bytes[start..<addressEnd])
            else {
                continue
            }
            var range = start..<addressEnd
            if start > 0, bytes[start - 1] == UInt8(ascii: "["), addressEnd < count,
                bytes[addressEnd] == UInt8(ascii: "]")
            {
                range = (start - 1)..<(addressEnd + 1)
                if let portEnd = portEnd(afterColonAt: addressEnd + 1) { range = range.lowerBound..<portEnd }
            }
            found.append(Candidate(kind: .ip, range: range))
            index = max(index, range.upperBound)
        }
        return found
    }

    /// When `index` holds `:` followed by one to five digits and no further alphanumeric, the end of those digits.
    private func portEnd(afterColonAt index: Int) -> Int? {
        guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
        var end = index + 1
        while end < count, end - index <= 6, Self.isDigit(bytes[end]) { end += 1 }
        guard end - index >= 2, end - index <= 6 else { return nil }
        if end < count, Self.isAlphanumeric(bytes[end]) { return nil }
        return end
    }

    // MARK: Phones

    func phones() -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") || Self.isDigit(byte),
                isPhoneBoundary(before: index)
            else {
                index += 1
                continue
            }
            let (consumed, match) = consumePhone(from: index)
            if let match {
                found.append(Candidate(kind: .phone, range: match))
                index = match.upperBound
            } else {
                index = max(consumed, index + 1)
            }
        }
        return found
    }

    private func isPhoneBoundary(before index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        if Self.isAlphanumeric(previous) { return false }
        // `Tel:+1` starts a number; `10:30` does not.
        if previous == UInt8(ascii: ":") { return index >= 2 && Self.isLetter(bytes[index - 2]) }
        return !".-/+_@$#%&,\\".utf8.contains(previous)
    }

    /// Reads the longest phone-shaped text from `start`; returns how far it read and the accepted range, if any.
    private func consumePhone(from start: Int) -> (consumed: Int, match: Range<Int>?) {
        var index = start
        var digitCount = 0
        var groupSizes: [Int] = []
        var separators: [UInt8] = []  // the separator before each group; 0 for the first
        var pendingSeparator: UInt8 = 0
        let hasPlus = bytes[index] == UInt8(ascii: "+")
        if hasPlus { index += 1 }
        var lastGoodEnd = -1
        /// The state just before the latest space separator.
        var lastSpaceCut: (end: Int, groupCount: Int, digitCount: Int)?
        while index < count {
            let groupStart = index
            var inParentheses = false
            if bytes[index] == UInt8(ascii: "(") {
                inParentheses = true
                index += 1
            }
            let digitStart = index
            while index < count, index - digitStart <= 15, Self.isDigit(bytes[index]) { index += 1 }
            let size = index - digitStart
            if size == 0 { break }
            let overflows = digitCount + size > 15 || groupSizes.count == 6
            if overflows, pendingSeparator == UInt8(ascii: " ") || pendingSeparator == UInt8(ascii: ")") {
                // After a space the text may simply go on.
                index = groupStart
                break
            }
            if overflows || (inParentheses && (index == count || bytes[index] != UInt8(ascii: ")"))) {
                // A longer tight run (`203.0.113.7`, `1234-5678-9012`) or an unclosed parenthesis: the number, if
                // any, ended at the last space before it.
                guard let cut = lastSpaceCut else { return (index, nil) }
                (lastGoodEnd, digitCount) = (cut.end, cut.digitCount)
                groupSizes.removeLast(groupSizes.count - cut.groupCount)
                separators.removeLast(separators.count - cut.groupCount)
                break
            }
            if inParentheses { index += 1 }
            digitCount += size
            groupSizes.append(size)
            separators.append(pendingSeparator)
            lastGoodEnd = index
            guard index < count else { break }
            let next = bytes[index]
            if next == UInt8(ascii: " ") || next == UInt8(ascii: "-") || next == UInt8(ascii: ".")
                || next == UInt8(ascii: "/")
            {
                guard index + 1 < count, Self.isDigit(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "(") else {
                    break
                }
                if next == UInt8(ascii: " ") {
                    lastSpaceCut = (index, groupSizes.count, digitCount)
                }
                pendingSeparator = next
                index += 1
            } else if bytes[index - 1] == UInt8(ascii: ")"), Self.isDigit(next) || next == UInt8(ascii: "(") {
                pendingSeparator = UInt8(ascii: ")")
            } else if inParentheses == false, Self.isDigit(bytes[index - 1]), next == UInt8(ascii: "(") {
                pendingSeparator = UInt8(ascii: ")")
            } else {
                break
            }
        }
        let consumed = max(index, start + 1)
        guard lastGoodEnd > start else { return (consumed, nil) }
        guard digitCount >= (hasPlus ? 8 : 9), hasPlus || groupSizes.count >= 2 else { return (consumed, nil) }
        if lastGoodEnd < count {
            let next = bytes[lastGoodEnd]
            if Self.isAlphanumeric(next) || next == UInt8(ascii: "@") || next == UInt8(ascii: "_") {
                return (consumed, nil)
            }
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "-") || next == UInt8(ascii: "/"),
                lastGoodEnd + 1 < count, Self.isDigit(bytes[lastGoodEnd + 1])
            {
                return (consumed, nil)
            }
        }
        if !hasPlus, looksLikeDateOrAddress(groupSizes: groupSizes, separators: separators) {
            return (consumed, nil)
        }
        return (consumed, start..<lastGoodEnd)
    }

    /// Dotted quads (`10.20.30.40`), dates (`2024-01-15 10`, `15.01.2024 10`) and amounts (`1 000 000.00`) are not
    /// phone numbers.
    private func looksLikeDateOrAddress(groupSizes: [Int], separators: [UInt8]) -> Bool {
        if let last = separators.last, last == UInt8(ascii: "."), groupSizes.last == 2, separators.count >= 3,
            separators[separators.count - 2] != UInt8(ascii: ".")
        {
            return true
        }
        if groupSizes.count == 4, separators.dropFirst().allSatisfy({ $0 == UInt8(ascii: ".") }),
            groupSizes.allSatisfy({ $0 <= 3 })
        {
            return true
        }
        guard groupSizes.count >= 3 else { return false }
        let dateSeparator = separators[1]
        guard dateSeparator != UInt8(ascii: " "), dateSeparator != UInt8(ascii: ")"), separators[2] == dateSeparator
        else {
            return false
        }
        let shape = Array(groupSizes.prefix(3))
        return shape == [4, 2, 2] || shape == [2, 2, 4] || shape == [1, 2, 4] || shape == [2, 1, 4]
            || shape == [4, 1, 2]
            || shape == [4, 2, 1] || shape == [1, 1, 4]
    }

    // MARK: Handles

    func handles() -> [Candidate] {
        var found: [Candidate] = []
        var searchFrom = 0
        while let at = nextIndex(of: UInt8(ascii: "@"), from: searchFrom) {
            searchFrom = at + 1
            if at > 0 {
                let previous = bytes[at - 1]
                if Self.isAlphanumeric(previous) || "_.@-+=&%`/".utf8.contains(previous) { continue }
            }
            let nameStart = at + 1
            var index = nameStart
            while index < count, index - nameStart <= handleRule.maximumLength, isHandleByte(bytes[index]) {
                index += 1
            }
            var end = index
            while end > nameStart, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            let length = end - nameStart
            guard length >= handleRule.minimumLength, length <= handleRule.maximumLength else { continue }
            if end == index, index < count {
                let next = bytes[index]
                if next == UInt8(ascii: "@") {
                    // Fediverse: `@user@instance.example`.
                    guard let domainEnd = domainEnd(from: index + 1) else { continue }
                    end = domainEnd
                } else if isHandleByte(next) || isLetterOrDigitScalar(at: index) || next == UInt8(ascii: "-") {
                    continue
                } else if next == UInt8(ascii: "."), index + 1 < count, Self.isAlphanumeric(bytes[index + 1]) {
                    continue  // `@example.com` is a domain fragment
                }
            }
            found.append(Candidate(kind: .handle, range: at..<end))
            searchFrom = end
        }
        return found
    }
}
