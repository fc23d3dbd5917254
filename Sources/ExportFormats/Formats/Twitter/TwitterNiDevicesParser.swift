import EvidenceArchive
import EvidenceModel

/// Twitter/X `ni-devices.js`: phones and push devices tied to the account (notifications, two-factor).
///
/// Layout: `window.YTD.ni_devices.part0 = [ { "niDeviceResponse" : { "pushDevice" : { "deviceVersion",
/// "deviceType", "udid", "createdDate", "updatedDate" } } }, { "niDeviceResponse" : { "messagingDevice" : {
/// "phoneNumber", "carrier", "deviceType" ("Auth" or "Full"), "createdDate", "updatedDate" } } } ]`, dates
/// written `2021.03.23` (no time, no zone: read as a UTC day). Usually `[ ]`. Emits a `.deviceRegistered`
/// event at `createdDate` with details deviceCategory, deviceType, carrier, deviceVersion, updatedDate, and
/// identifiers `.phone` (phoneNumber) and `.device` (udid or deviceId).
public struct TwitterNiDevicesParser: TwitterArchiveParser {
    public static let descriptor = ParserDescriptor(
        identifier: "twitter.ni-devices", displayName: "Twitter notification devices", platform: .twitter, version: 1,
        memberPatterns: ["ni-devices.js"],
        formatNotes: "ni-devices.js, 2019+ archives; dates as YYYY.MM.DD.",
        knownLimits: "")

    public init() {}

    public func parse(_ member: ArchiveMember, in context: ParseContext) throws {
        try TwitterArchive.forEachItem(in: member, context: context) { _, item, locator in
            guard
                let (response, responseLocator) = TwitterArchive.record(
                    in: item, key: "niDeviceResponse", locator: locator, context: context)
            else { return }
            guard let category = response.object?.members.first(where: { $0.value.object != nil }) else {
                context.warn("unexpected-shape", "niDeviceResponse holds no device object", locator: responseLocator)
                return
            }
            let device = category.value
            let deviceLocator = responseLocator + "/" + category.key
            let owner = TwitterArchive.ownerOrPlaceholder(in: context)
            let occurredAt = Self.day(device["createdDate"], locator: deviceLocator + "/createdDate", context: context)
            var details = [Event.Detail("deviceCategory", category.key)]
            for field in ["deviceType", "carrier", "deviceVersion", "updatedDate"] {
                if let value = device[field]?.nonEmptyString { details.append(.init(field, value)) }
            }
            var identifiers: [IdentifierObservation] = []
            for field in ["phoneNumber", "phone_number"] {
                if let phone = device[field]?.nonEmptyString {
                    identifiers.append(
                        IdentifierObservation(
                            kind: .phone, raw: phone, field: "niDeviceResponse.\(category.key).\(field)",
                            accountKey: owner))
                }
            }
            for field in ["udid", "deviceId"] {
                if let value = device[field]?.nonEmptyString {
                    identifiers.append(
                        IdentifierObservation(
                            kind: .device, raw: value, field: "niDeviceResponse.\(category.key).\(field)",
                            accountKey: owner))
                }
            }
            context.emit(
                Event(
                    platform: .twitter, kind: .deviceRegistered, occurredAt: occurredAt, actor: owner, details: details,
                    identifiers: identifiers, provenance: context.provenance(deviceLocator)))
        }
    }

    /// `2021.03.23` (or any form `TwitterArchive.timestamp` reads), as a UTC day.
    static func day(_ value: JSONValue?, locator: String, context: ParseContext) -> Timestamp? {
        guard let raw = value?.nonEmptyString else { return nil }
        let dotted = raw.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 3, dotted.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            var stamp = TimestampParsing.iso8601(dotted.joined(separator: "-"), withoutOffset: .assumedUTC)
        {
            stamp.raw = raw
            return stamp
        }
        return TwitterArchive.timestamp(value, field: "createdDate", locator: locator, context: context)
    }
}
