import EvidenceModel

/// Repairs the mojibake in Meta (Facebook, Instagram, Messenger) JSON exports.
///
/// Meta writes every UTF-8 byte of a string as its own `\u00XX` escape, so `tænkt` arrives as
/// `tÃ¦nkt` and 👍 as four code points `ð\u{9F}\u{91}\u{8D}`. The repair works per string: when every
/// scalar is at most U+00FF and those scalars, taken as bytes, are valid UTF-8 that differs from the
/// input, the decoded text is used; otherwise the string stays exactly as it is (already correct
/// text, plain ASCII, or genuine Latin-1 that is not valid UTF-8).
public enum MetaText {
    /// Key of the repair counter in `ExportState.values` (a decimal integer as text).
    public static let repairCounterKey = "meta.repairs"

    /// The outcome of repairing one string.
    public struct Repair: Sendable, Hashable {
        /// The text to use: decoded when repaired, else the input.
        public var text: String
        /// The input exactly as the evidence wrote it.
        public var raw: String
        /// True when `text` differs from `raw`.
        public var isRepaired: Bool
    }

    /// Repairs one string (see the type's documentation for the rule).
    public static func repair(_ raw: String) -> Repair {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.unicodeScalars.count)
        var sawHighByte = false
        for scalar in raw.unicodeScalars {
            guard scalar.value <= 0xFF else { return Repair(text: raw, raw: raw, isRepaired: false) }
            if scalar.value >= 0x80 { sawHighByte = true }
            bytes.append(UInt8(scalar.value))
        }
        guard sawHighByte, let decoded = String(validating: bytes, as: UTF8.self), decoded != raw else {
            return Repair(text: raw, raw: raw, isRepaired: false)
        }
        return Repair(text: decoded, raw: raw, isRepaired: true)
    }

    /// Adds one to the export's repair counter.
    public static func countRepair(in context: ParseContext) {
        let current = Int(context.state.values[repairCounterKey] ?? "0") ?? 0
        context.state.values[repairCounterKey] = String(current + 1)
    }

    /// The export's repair counter so far.
    public static func repairCount(in context: ParseContext) -> Int {
        Int(context.state.values[repairCounterKey] ?? "0") ?? 0
    }

    /// Reports the repairs made since `start` (a `repairCount` taken when the member began) as one
    /// `text-repaired` warning of the member, so that ingest summaries and `evidence --warnings` show
    /// how many strings were changed; nothing when there were none.
    public static func warnRepairs(since start: Int, in context: ParseContext) {
        let count = repairCount(in: context) - start
        guard count > 0 else { return }
        context.warn(
            "text-repaired",
            "\(count) strings were Meta mojibake (UTF-8 bytes as Latin-1) and were repaired; raw values are kept",
            locator: "")
    }

    /// The repaired text of a JSON string value, or nil when the value is absent or blank.
    ///
    /// When a repair happened, the raw value is appended to `details` as `rawDetail` (for example
    /// `rawText`) and the export's repair counter goes up by one.
    public static func text(
        _ value: JSONValue?, rawDetail: String, details: inout [Event.Detail], context: ParseContext
    ) -> String? {
        guard let raw = value?.nonEmptyString else { return nil }
        let result = repair(raw)
        if result.isRepaired {
            details.append(Event.Detail(rawDetail, raw))
            countRepair(in: context)
        }
        return result.text
    }

    /// The repaired text of a JSON string value for places without details (names, labels);
    /// repairs are still counted.
    public static func text(_ value: JSONValue?, context: ParseContext) -> String? {
        guard let raw = value?.nonEmptyString else { return nil }
        let result = repair(raw)
        if result.isRepaired { countRepair(in: context) }
        return result.text
    }
}
