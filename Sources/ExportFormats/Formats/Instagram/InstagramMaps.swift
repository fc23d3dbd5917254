import EvidenceModel

/// Reading Instagram's `{title, media_map_data, string_map_data {<Label>: {href, value, timestamp}}}`
/// records through the label table (`InstagramLabels`).
enum InstagramMaps {
    /// The `value` of a field, repaired, or nil.
    static func text(_ map: JSONValue?, _ field: InstagramLabels.Field, context: ParseContext) -> String? {
        guard let map, let entry = InstagramLabels.entry(map, field) else { return nil }
        return MetaText.text(entry.value["value"], context: context)
    }

    /// The JSON pointer of a field's `value` or `timestamp` below `locator` (`.../string_map_data/IP Address/value`).
    static func locator(_ base: String, _ map: JSONValue?, _ field: InstagramLabels.Field, _ leaf: String) -> String {
        guard let map, let entry = InstagramLabels.entry(map, field) else { return base + "/string_map_data" }
        return "\(base)/string_map_data/\(MetaJSON.escape(entry.label))/\(leaf)"
    }

    /// The field's `timestamp` (epoch seconds), nil when absent or 0.
    static func timestamp(_ map: JSONValue?, _ field: InstagramLabels.Field, base: String, context: ParseContext)
        -> Timestamp?
    {
        guard let map, let entry = InstagramLabels.entry(map, field) else { return nil }
        return MetaJSON.timestamp(
            entry.value["timestamp"], field: "\(entry.label).timestamp",
            locator: locator(base, map, field, "timestamp"),
            context: context)
    }
}
