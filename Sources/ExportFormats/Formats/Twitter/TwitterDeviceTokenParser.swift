import EvidenceArchive
import EvidenceModel

/// Twitter/X `device-token.js`: tokens of the apps and browsers used to sign in (last ~18 months).
///
/// Layout: `window.YTD.device_token.part0 = [ { "deviceToken" : { "clientApplicationId", "token",
/// "createdAt", "lastSeenAt", "clientApplicationName" } } ]`; older tokens may lack the application
/// fields. Emits a `.deviceRegistered` event at `createdAt` with the token as a `.device` identifier and
/// details clientApplicationName, clientApplicationId and lastSeenAt (as written).
public struct TwitterDeviceTokenParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.device-token", displayName: "Twitter device tokens", platform: .twitter, version: 1,
        memberPatterns: ["device-token.js"],
        formatNotes: "device-token.js, 2020+ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (token, tokenLocator) = TwitterArchive.record(
                    in: item, key: "deviceToken", locator: locator, context: context)
            else { return }
            let owner = TwitterArchive.ownerOrPlaceholder(in: context)
            let occurredAt = TwitterArchive.timestamp(
                token["createdAt"], field: "createdAt", locator: tokenLocator + "/createdAt", context: context)
            var details: [Event.Detail] = []
            for field in ["clientApplicationName", "clientApplicationId", "lastSeenAt"] {
                if let value = token[field]?.nonEmptyString { details.append(.init(field, value)) }
            }
            var identifiers: [IdentifierObservation] = []
            if let value = token["token"]?.nonEmptyString {
                identifiers.append(
                    IdentifierObservation(kind: .device, raw: value, field: "deviceToken.token", accountKey: owner))
            } else {
                context.warn("missing-field", "deviceToken entry has no token", locator: tokenLocator)
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .deviceRegistered, occurredAt: occurredAt, actor: owner,
                    text: token["clientApplicationName"]?.nonEmptyString, details: details, identifiers: identifiers,
                    provenance: context.provenance(tokenLocator)))
        }
    }
}
