import ExportFormats

/// Reading back the details an event was stored with (a flat JSON object of strings, in the
/// parser's order), for output.
public enum EventDetails {
    /// The name/value pairs, in stored order; empty when the text is not a JSON object.
    public static func pairs(_ json: String) -> [(name: String, value: String)] {
        var parser = JSONParser()
        guard let object = (try? parser.parse(Array(json.utf8)))?.object else { return [] }
        return object.members.map { ($0.key, $0.value.string ?? "") }
    }
}
