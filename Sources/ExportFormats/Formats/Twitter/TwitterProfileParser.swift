import EvidenceArchive
import EvidenceModel

/// Twitter/X `profile.js`: the owner's current profile.
///
/// Layout: `window.YTD.profile.part0 = [ { "profile" : { "description" : { "bio", "website", "location" },
/// "avatarMediaUrl", "headerMediaUrl" } } ]`; `website` is usually a t.co link. The file gives no time.
/// Emits a `.profileChange` event (no `occurredAt`) with the bio as text, details website and location,
/// the website as a `.url` identifier, and the avatar and header images as attachments pointing at
/// `data/profile_media/<accountId>-<file name>` when the archive holds them.
public struct TwitterProfileParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.profile", displayName: "Twitter profile", platform: .twitter, version: 1,
        memberPatterns: ["profile.js"],
        formatNotes: "profile.js, 2019+ archives.",
        knownLimits: "expanded-profile.js is not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let mediaFiles = TwitterArchive.mediaFiles(in: context.level.listing)
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (profile, profileLocator) = TwitterArchive.record(
                    in: item, key: "profile", locator: locator, context: context)
            else { return }
            let owner = TwitterArchive.ownerOrPlaceholder(in: context)
            let ownerId = context.state.values["twitter.ownerId"]
            let description = profile["description"]
            var details: [Event.Detail] = []
            var identifiers: [IdentifierObservation] = []
            if let website = description?["website"]?.nonEmptyString {
                details.append(.init("website", website))
                identifiers.append(
                    IdentifierObservation(
                        kind: .url, raw: website, field: "profile.description.website", accountKey: owner))
            }
            if let location = description?["location"]?.nonEmptyString { details.append(.init("location", location)) }
            var attachments: [Attachment] = []
            for (field, mediaType) in [("avatarMediaUrl", "avatar"), ("headerMediaUrl", "header")] {
                guard let reference = profile[field]?.nonEmptyString else { continue }
                let fileName = "\(ownerId ?? "")-\(TwitterArchive.urlFileName(reference))"
                attachments.append(
                    Attachment(
                        memberPath: ownerId == nil ? nil : mediaFiles[fileName], reference: reference,
                        mediaType: mediaType))
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .profileChange, occurredAt: nil, actor: owner,
                    text: description?["bio"]?.string.map(HTMLEntities.decode), details: details,
                    identifiers: identifiers,
                    attachments: attachments, provenance: context.provenance(profileLocator)))
        }
    }
}
