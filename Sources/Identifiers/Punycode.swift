/// The Punycode encoder of RFC 3492 (Bootstring with the Punycode parameters), used for IDNA labels.
///
/// Only encoding is needed: Casebook stores `xn--` labels and never shows decoded ones in place of the raw value.
enum Punycode {
    private static let base: UInt32 = 36
    private static let thresholdMinimum: UInt32 = 1
    private static let thresholdMaximum: UInt32 = 26
    private static let skew: UInt32 = 38
    private static let damp: UInt32 = 700
    private static let initialBias: UInt32 = 72
    private static let initialCodePoint: UInt32 = 128

    /// Encodes the code points of one label (`bücher` → `bcher-kva`), without the `xn--` prefix.
    /// Returns nil when the arithmetic would overflow (absurdly long labels).
    static func encode(_ label: String) -> String? {
        let input = label.unicodeScalars.map(\.value)
        var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = UInt32(output.count)
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }

        var codePoint = initialCodePoint
        var delta: UInt32 = 0
        var bias = initialBias
        while handled < UInt32(input.count) {
            guard let next = input.filter({ $0 >= codePoint }).min() else { return nil }
            let (scaled, scaleOverflow) = (next - codePoint).multipliedReportingOverflow(by: handled + 1)
            let (sum, sumOverflow) = delta.addingReportingOverflow(scaled)
            if scaleOverflow || sumOverflow { return nil }
            delta = sum
            codePoint = next
            for value in input {
                if value < codePoint {
                    let (incremented, overflow) = delta.addingReportingOverflow(1)
                    if overflow { return nil }
                    delta = incremented
                }
                guard value == codePoint else { continue }
                var quotient = delta
                var position = base
                while true {
                    let threshold = self.threshold(position: position, bias: bias)
                    if quotient < threshold { break }
                    output.append(digit(threshold + (quotient - threshold) % (base - threshold)))
                    quotient = (quotient - threshold) / (base - threshold)
                    position += base
                }
                output.append(digit(quotient))
                bias = adapt(delta: delta, pointCount: handled + 1, isFirst: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            codePoint += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func threshold(position: UInt32, bias: UInt32) -> UInt32 {
        if position <= bias { return thresholdMinimum }
        if position >= bias + thresholdMaximum { return thresholdMaximum }
        return position - bias
    }

    private static func digit(_ value: UInt32) -> UInt8 {
        value < 26 ? UInt8(ascii: "a") + UInt8(value) : UInt8(ascii: "0") + UInt8(value - 26)
    }

    private static func adapt(delta: UInt32, pointCount: UInt32, isFirst: Bool) -> UInt32 {
        var delta = isFirst ? delta / damp : delta / 2
        delta += delta / pointCount
        var position: UInt32 = 0
        while delta > ((base - thresholdMinimum) * thresholdMaximum) / 2 {
            delta /= base - thresholdMinimum
            position += base
        }
        return position + (((base - thresholdMinimum + 1) * delta) / (delta + skew))
    }
}
