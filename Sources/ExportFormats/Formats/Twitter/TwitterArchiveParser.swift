import EvidenceArchive

/// A parser of one Twitter/X archive file: recognized like every Twitter archive (see
/// `TwitterRecognition`), claiming its member patterns but never macOS zip debris.
public protocol TwitterArchiveParser: ExportParser {}

extension TwitterArchiveParser {
    public func recognize(_ listing: ArchiveListing) -> Recognition {
        TwitterRecognition.recognize(listing)
    }

    public func claims(_ path: String, in listing: ArchiveListing) -> Bool {
        TwitterArchive.claims(Self.descriptor, path: path)
    }
}
