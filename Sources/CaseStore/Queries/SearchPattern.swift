/// Turns what a person typed into an FTS5 `MATCH` expression that cannot be misread as syntax.
///
/// Plain words become quoted terms (`"station"`), text in double quotes stays a phrase, and every
/// quote inside a term is doubled. Only `--raw` passes FTS5 syntax through (AND/OR/NOT, NEAR, `*`).
///
/// Related SQLite documentation: <https://www.sqlite.org/fts5.html#full_text_query_syntax>
public struct SearchPattern: Sendable, Hashable {
    /// The expression bound to `MATCH ?`.
    public let expression: String
    public let isRaw: Bool

    /// Builds a pattern from plain text: every word must occur; `"..."` keeps a phrase together.
    /// Returns nil when nothing searchable is left (only punctuation, say).
    public init?(plain text: String) {
        var terms: [String] = []
        var current = ""
        var inPhrase = false
        func flush() {
            let term = current
            current = ""
            guard term.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                return
            }
            terms.append("\"" + term.replacingDoubleQuotes() + "\"")
        }
        for character in text {
            if character == "\"" {
                flush()
                inPhrase.toggle()
            } else if !inPhrase && (character.isWhitespace) {
                flush()
            } else {
                current.append(character)
            }
        }
        flush()
        guard !terms.isEmpty else { return nil }
        expression = terms.joined(separator: " ")
        isRaw = false
    }

    /// Passes FTS5 syntax through unchanged; errors surface as `StoreError.querySyntax`.
    public init(raw text: String) {
        expression = text
        isRaw = true
    }
}

extension String {
    fileprivate func replacingDoubleQuotes() -> String {
        var output = ""
        for character in self {
            output.append(character)
            if character == "\"" { output.append("\"") }
        }
        return output
    }
}
