import EvidenceArchive
import EvidenceModel

/// Twitter/X `connected-application.js`: third-party apps the account authorized.
///
/// Layout: `window.YTD.connected_application.part0 = [ { "connectedApplication" : { "organization" : {
/// "name", "url", "privacyPolicyUrl" }, "name", "description", "permissions" : [ "read", ... ], "approvedAt",
/// "id" } } ]`. Emits an `.appConnected` event at `approvedAt` with the app name as text, details
/// applicationId, name, organization and permissions, and the organization URL as a `.url` identifier.
public struct TwitterConnectedApplicationParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.connected-application", displayName: "Twitter connected applications", platform: .twitter,
        version: 1,
        memberPatterns: ["connected-application.js"],
        formatNotes: "connected-application.js, 2020+ archives.",
        knownLimits: "The older app.js (appId, appNames) is not read.")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (application, applicationLocator) = TwitterArchive.record(
                    in: item, key: "connectedApplication", locator: locator, context: context)
            else { return }
            let occurredAt = TwitterArchive.timestamp(
                application["approvedAt"], field: "approvedAt", locator: applicationLocator + "/approvedAt",
                context: context)
            let name = application["name"]?.nonEmptyString
            var details: [Event.Detail] = []
            if let identifier = application["id"]?.nonEmptyString { details.append(.init("applicationId", identifier)) }
            if let name { details.append(.init("name", name)) }
            if let organization = application["organization"]?["name"]?.nonEmptyString {
                details.append(.init("organization", organization))
            }
            let permissions = (application["permissions"]?.array ?? []).compactMap(\.nonEmptyString)
            if !permissions.isEmpty { details.append(.init("permissions", permissions.joined(separator: ","))) }
            var identifiers: [IdentifierObservation] = []
            if let url = application["organization"]?["url"]?.nonEmptyString {
                identifiers.append(
                    IdentifierObservation(kind: .url, raw: url, field: "connectedApplication.organization.url"))
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .appConnected, occurredAt: occurredAt,
                    actor: TwitterArchive.ownerOrPlaceholder(in: context), text: name, details: details,
                    identifiers: identifiers, provenance: context.provenance(applicationLocator)))
        }
    }
}
