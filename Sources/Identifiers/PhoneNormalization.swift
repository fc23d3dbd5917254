import CPhoneNumber
import EvidenceModel

/// Phone numbers in E.164 through libphonenumber (the `CPhoneNumber` shim).
///
/// The region used to read a national number is, in order: the number's own country code (`+49`, or an
/// international prefix), the account's or export's country, then `--default-region`. When a region had to be
/// assumed the result says which and why (`region US from --default-region`) and notes `region-assumed:US`.
/// A number that libphonenumber's metadata lists as assigned is preferred over one of merely plausible length
/// (fictional 555 numbers, new ranges), which is kept with the note `not-valid-per-metadata`.
/// Without any region, a number written with the `00` international prefix is read as `+` and said so.
/// A number that cannot be resolved stays as its digits (`digits:5550104477`, note `unresolved`) with a problem.
enum PhoneNormalization {
    /// Where a region came from, for the assumption text.
    enum RegionSource: Sendable {
        case account
        case defaultRegion

        var phrase: String {
            switch self {
            case .account: "account country"
            case .defaultRegion: "--default-region"
            }
        }
    }

    /// One libphonenumber reading.
    private struct Reading {
        var status: Int32
        var e164: String
        var region: String
        var extensionText: String
        var countryCodeFromNumber: Bool
    }

    static func normalize(_ raw: String, regions: [(code: String, source: RegionSource)]) -> NormalizationResult {
        var text = raw.trimmedWhitespace
        if text.lowercased().hasPrefix("tel:") { text = text.dropFirst(4) }
        guard !text.isEmpty else { return .failure("empty value") }
        if let problem = PlaceholderValue.problem(in: String(text), lettersAreMasks: true) { return .failure(problem) }
        let digits = decimalDigits(of: text)
        guard digits.count >= 3 else { return .failure("not a phone number (fewer than 3 digits)") }
        guard digits.count <= 20, text.utf8.count <= 250 else {
            return .failure("not a phone number (more than 20 digits)")
        }

        var attempts: [(reading: Reading, assumption: String?, notes: [String])] = []
        if let reading = read(text, region: "ZZ") {
            attempts.append((reading, nil, []))
        } else {
            for (code, source) in regions {
                guard let reading = read(text, region: code) else { continue }
                if reading.countryCodeFromNumber {
                    attempts.append(
                        (reading, "international prefix read with region \(code) from \(source.phrase)", []))
                } else {
                    attempts.append(
                        (reading, "region \(code) from \(source.phrase)", ["region-assumed:\(code)"]))
                }
            }
            if regions.isEmpty, digits.hasPrefix("00"), text.trimmedWhitespace.hasPrefix("00"),
                let reading = read("+" + digits.dropFirst(2), region: "ZZ")
            {
                attempts.append((reading, "international prefix 00 read as +", ["idd-assumed:00"]))
            }
        }
        let chosen = attempts.first { $0.reading.status == CASEBOOK_PHONE_VALID } ?? attempts.first
        guard let chosen else {
            let reason =
                regions.isEmpty
                ? "phone number without country code and no region to read it with (set --default-region)"
                : "phone number not valid for region \(regions.map(\.code).joined(separator: " or "))"
            return NormalizationResult(
                identifier: NormalizedIdentifier(kind: .phone, value: "digits:" + digits, notes: ["unresolved"]),
                problem: reason)
        }
        var notes = chosen.notes
        if chosen.reading.status != CASEBOOK_PHONE_VALID { notes.append("not-valid-per-metadata") }
        if !chosen.reading.extensionText.isEmpty { notes.append("extension:" + chosen.reading.extensionText) }
        return NormalizationResult(
            identifier: NormalizedIdentifier(kind: .phone, value: chosen.reading.e164, notes: notes),
            assumption: chosen.assumption)
    }

    /// True when libphonenumber knows the ISO 3166 alpha-2 region.
    static func isSupportedRegion(_ code: String) -> Bool {
        code.withCString { casebook_phone_region_is_supported($0) } == 1
    }

    /// A successful (valid or possible) reading of `text` with `region`, else nil.
    private static func read<Text: StringProtocol>(_ text: Text, region: String) -> Reading? {
        var result = casebook_phone_result()
        let status = String(text).withCString { rawPointer in
            region.withCString { regionPointer in casebook_phone_normalize(rawPointer, regionPointer, &result) }
        }
        guard status >= 0 else { return nil }
        return Reading(
            status: status,
            e164: cString(&result.e164),
            region: cString(&result.region),
            extensionText: cString(&result.extension),
            countryCodeFromNumber: result.countryCodeFromNumber != 0)
    }

    private static func cString<Tuple>(_ tuple: inout Tuple) -> String {
        withUnsafeBytes(of: &tuple) { buffer in
            let bytes = buffer.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The decimal digits of `text` as ASCII, including non-ASCII decimal digits (Arabic-Indic, fullwidth).
    static func decimalDigits<Text: StringProtocol>(of text: Text) -> String {
        var digits = ""
        for scalar in text.unicodeScalars {
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else {
                continue
            }
            digits.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(value)))
        }
        return digits
    }
}
