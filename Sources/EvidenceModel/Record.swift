/// Everything a parser can emit.
public enum Record: Sendable, Hashable {
    case account(Account)
    case conversation(Conversation)
    case event(Event)
    /// An identifier that belongs to an account but to no particular event (a profile email, say).
    case identifier(IdentifierObservation, Provenance)
}

/// A bad value in a good member: stored with its locator and counted, never fatal.
public struct ExtractionWarning: Sendable, Hashable, Codable {
    /// A stable code (`bad-timestamp`, `unexpected-shape`, `duplicate-key`).
    public var code: String
    /// What was wrong, naming the field; never evidence content beyond what locates the problem.
    public var message: String
    public var provenance: Provenance

    public init(code: String, message: String, provenance: Provenance) {
        self.code = code
        self.message = message
        self.provenance = provenance
    }
}
