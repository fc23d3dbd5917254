import EvidenceArchive
import EvidenceModel

/// Twitter/X `data/manifest.js` (~2020+): the archive's own table of contents.
///
/// Layout: `window.__THAR_CONFIG = { "userInfo" : { "accountId", "userName", "displayName" },
/// "archiveInfo" : { "sizeBytes", "generationDate", "isPartialArchive", "maxPartSizeBytes" },
/// "readmeInfo" : {...}, "dataTypes" : { "<type>" : { "files" : [ { "fileName", "globalName", "count" } ] }
/// or { "mediaDirectory" } } }` — one object, not an array, read whole. Emits the owner `Account` from
/// `userInfo` (no events), keeps `archiveInfo.generationDate` in the export state
/// (`twitter.archiveGeneratedAt`), and warns `manifest-missing-file` for each listed `fileName` that
/// the archive does not hold (locator `/dataTypes/<type>/files/<n>`): a sign of a partial or edited copy.
public struct TwitterManifestParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.manifest", displayName: "Twitter archive manifest", platform: .twitter, version: 1,
        memberPatterns: ["data/manifest.js"],
        formatNotes: "manifest.js, ~2020+ archives (window.__THAR_CONFIG).",
        knownLimits:
            "Per-type counts are not compared with the files; partial archives (isPartialArchive) "
                + "list files held by other parts."
    )

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        let manifest = try TwitterArchive.readObject(member: member, context: context)
        guard manifest.object != nil else { throw ParseError(locator: "", "manifest is not an object") }
        if let userInfo = manifest["userInfo"], let accountId = userInfo["accountId"]?.nonEmptyString {
            context.state.values["twitter.ownerId"] = context.state.values["twitter.ownerId"] ?? accountId
            context.emit(
                .account(
                    Account(
                        key: .userId(.twitter, accountId), platformUserId: accountId,
                        handle: userInfo["userName"]?.nonEmptyString,
                        displayName: userInfo["displayName"]?.nonEmptyString,
                        isExportOwner: true, provenance: context.provenance("/userInfo"))))
        } else {
            context.warn("missing-field", "manifest has no userInfo.accountId", locator: "/userInfo")
        }
        if let generated = manifest["archiveInfo"]?["generationDate"]?.nonEmptyString {
            context.state.values["twitter.archiveGeneratedAt"] = generated
        }
        let listing = context.level.listing
        for member in manifest["dataTypes"]?.object?.members ?? [] {
            for (index, file) in TwitterArchive.objects(member.value["files"]) {
                guard let fileName = file["fileName"]?.nonEmptyString else { continue }
                let relative = fileName.hasPrefix("./") ? String(fileName.dropFirst(2)) : fileName
                if !listing.paths.contains(where: { PathPattern.matches(relative, path: $0) }) {
                    context.warn(
                        "manifest-missing-file",
                        "the file named by dataTypes.\(member.key).files[\(index)].fileName is not in the archive",
                        locator: "/dataTypes/\(member.key)/files/\(index)")
                }
            }
        }
    }
}
