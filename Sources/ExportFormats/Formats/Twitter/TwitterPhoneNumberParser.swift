import EvidenceArchive
import EvidenceModel

/// Twitter/X `phone-number.js`: the phone number on the account.
///
/// Layout: `window.YTD.phone_number.part0 = [ { "device" : { "phoneNumber" : "+15550104477" } } ]`
/// (written as the user typed it in older archives, for example `+1 (555) 010-4477`); `[ ]` when none.
/// Emits an identifier record `.phone` (field `device.phoneNumber`) for the owner; normalization to E.164
/// happens at ingest.
public struct TwitterPhoneNumberParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.phone-number", displayName: "Twitter phone number", platform: .twitter, version: 1,
        memberPatterns: ["phone-number.js"],
        formatNotes: "phone-number.js, 2019+ archives.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (device, deviceLocator) = TwitterArchive.record(
                    in: item, key: "device", locator: locator, context: context)
            else { return }
            guard let phone = device["phoneNumber"]?.nonEmptyString else {
                context.warn("missing-field", "device entry has no phoneNumber", locator: deviceLocator)
                return
            }
            context.emit(
                .identifier(
                    IdentifierObservation(
                        kind: .phone, raw: phone, field: "device.phoneNumber",
                        accountKey: TwitterArchive.ownerOrPlaceholder(in: context)),
                    context.provenance(deviceLocator)))
        }
    }
}
