/// The member names of one archive level, used by parsers to recognize an export from paths alone.
public struct ArchiveListing: Sendable {
    /// Normalized member paths (see `PathCheck.normalized`) of regular files, in archive order.
    public let paths: [String]
    private let pathSet: Set<String>

    public init(paths: [String]) {
        self.paths = paths
        self.pathSet = Set(paths)
    }

    public func contains(_ path: String) -> Bool { pathSet.contains(path) }

    /// Paths that match a pattern (see `PathPattern`).
    public func paths(matching pattern: String) -> [String] {
        paths.filter { PathPattern.matches(pattern, path: $0) }
    }

    /// True if any path matches any of the patterns.
    public func containsAny(matching patterns: [String]) -> Bool {
        paths.contains { path in patterns.contains { PathPattern.matches($0, path: path) } }
    }
}

/// Matches member paths against parser patterns such as `data/tweets-part*.js`.
///
/// A pattern matches the whole path, or its tail after a `/` (so `data/tweets.js` also matches
/// `twitter-2022-05-12/data/tweets.js`, an export zipped with its folder). `*` matches within one path
/// component; `**/` matches any number of leading components. Matching is case-sensitive.
public enum PathPattern {
    public static func matches(_ pattern: String, path: String) -> Bool {
        let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let pathParts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if patternParts.first == "**" {
            let rest = Array(patternParts.dropFirst())
            guard pathParts.count >= rest.count else { return false }
            return matchComponents(rest, Array(pathParts.suffix(rest.count)))
        }
        guard pathParts.count >= patternParts.count else { return false }
        return matchComponents(patternParts, Array(pathParts.suffix(patternParts.count)))
    }

    private static func matchComponents(_ pattern: [String], _ path: [String]) -> Bool {
        zip(pattern, path).allSatisfy { glob($0.0, $0.1) }
    }

    /// `*` and `?` within one component.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
