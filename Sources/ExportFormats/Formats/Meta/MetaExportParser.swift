import EvidenceArchive

/// A parser of one Facebook "Download Your Information" file, recognized by `MetaRecognition.facebook`.
public protocol FacebookExportParser: ExportParser {}

extension FacebookExportParser {
    public func recognize(_ listing: ArchiveListing) -> Recognition {
        MetaRecognition.facebook(listing)
    }
}

/// A parser of one Instagram "Download Your Information" file, recognized by `MetaRecognition.instagram`.
public protocol InstagramExportParser: ExportParser {}

extension InstagramExportParser {
    public func recognize(_ listing: ArchiveListing) -> Recognition {
        MetaRecognition.instagram(listing)
    }
}
