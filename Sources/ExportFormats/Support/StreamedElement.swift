/// An array element read as its bytes arrive, for elements too large to hold (a Twitter DM
/// conversation of hundreds of megabytes): see `TwitterArchive.forEachItem(in:…divertAbove:divert:_:)`.
///
/// The element was opened with its head (the bytes up to the threshold); it reads the rest piece by
/// piece and reports what it finds, bad values included, through its parse context. The pieces share
/// the member's `JSONItemReader`, whose parser's notes (repaired strings, repeated keys) count for the
/// member.
public protocol StreamedElement: AnyObject {
    /// The element's next bytes.
    func feed(_ bytes: UnsafeRawBufferPointer, reader: inout JSONItemReader)
    /// The element ended; `complete` is false when the member ended inside it.
    func finish(complete: Bool, reader: inout JSONItemReader)
}
