import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Foundation
import Testing

/// Each parser knows the unit of its time fields (RELIABILITY.md R-52, R-53, R-55): the values of
/// `hostile/timezones/timestamp_formats_with_expected_utc.csv` that a Casebook parser reads come to
/// the expected UTC instant through the real parsers; zone-less and ambiguous forms are flagged.
@Suite struct TimestampUnitsTests {
    /// `format → (raw value, expected)` from the fixture (RFC 4180, quoted fields with commas).
    static func rows() -> [String: (raw: String, expected: String)]? {
        guard let path = SampleExportsLocator.sharedFixture("hostile/timezones/timestamp_formats_with_expected_utc.csv"),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        var result: [String: (String, String)] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            var fields: [String] = []
            var field = ""
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                } else if character == "," && !quoted {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            if fields.count == 3 { result[fields[0]] = (fields[1], fields[2]) }
        }
        return result
    }

    /// The instant an expected ISO value names (the CSV's third column), in microseconds.
    static func micros(_ iso: String) throws -> Int64 {
        try #require(TimestampParsing.iso8601(iso), "not ISO: \(iso)").microseconds
    }

    /// Messenger `timestamp_ms` is milliseconds; a reaction's `timestamp` is seconds (also negative,
    /// past 2^31, and fractional); `0` means "no time" in Meta exports (a documented Casebook policy,
    /// not 1970).
    @Test func facebookMessagesKnowMillisecondsAndSeconds() throws {
        guard let rows = Self.rows() else { return print("skipped: ../shared/fixtures is absent") }
        let ms = try #require(rows["milliseconds"])
        let seconds = ["seconds", "negative", "y2038", "seconds_float", "zero"]
        var messages: [String] = []
        for (index, format) in seconds.enumerated() {
            let raw = try #require(rows[format]).raw
            messages.append(
                #"{"sender_name": "Ann", "timestamp_ms": \#(ms.raw), "content": "m\#(index)", "reactions": [{"reaction": "x", "actor": "Bo", "timestamp": \#(raw)}]}"#
            )
        }
        let thread = #"{"participants": [{"name": "Ann"}], "messages": ["# + messages.joined(separator: ",") + "]}"
        let result = try ParserHarness.run(
            FacebookMessagesParser.self, files: ["messages/inbox/ann_1/message_1.json": thread])
        let sent = result.events.filter { $0.kind == .message }
        #expect(sent.count == seconds.count)
        for message in sent {
            #expect(message.occurredAt?.microseconds == (try Self.micros(ms.expected)))
            #expect(message.occurredAt?.precision == .millisecond)
            #expect(message.occurredAt?.zoneSource == .epoch)
            #expect(message.occurredAt?.raw == ms.raw)
        }
        let reactions = result.events.filter { $0.kind == .reaction }
        #expect(reactions.count == seconds.count)
        for (reaction, format) in zip(reactions, seconds) {
            let row = try #require(rows[format])
            if format == "zero" {
                #expect(reaction.occurredAt == nil, "0 is Meta's 'no time'")
            } else {
                #expect(reaction.occurredAt?.microseconds == (try Self.micros(row.expected)), "\(format)")
                #expect(reaction.occurredAt?.raw == row.raw, "\(format): the lexeme is kept")
            }
        }
        #expect(!result.warnings.contains { $0.code == "bad-timestamp" })
    }

    /// Instagram `string_map_data` timestamps are epoch seconds.
    @Test func instagramStringMapTimestampsAreSeconds() throws {
        guard let rows = Self.rows() else { return print("skipped: ../shared/fixtures is absent") }
        let formats = ["seconds", "negative", "y2038"]
        var entries: [String] = []
        for format in formats {
            let raw = try #require(rows[format]).raw
            entries.append(
                #"{"title": "", "string_map_data": {"IP Address": {"value": "192.0.2.5"}, "Time": {"timestamp": \#(raw)}}}"#)
        }
        let result = try ParserHarness.run(
            InstagramLoginsParser.self,
            files: [
                "security_and_login_information/login_and_profile_creation/login_activity.json":
                    #"{"account_history_login_history": ["# + entries.joined(separator: ",") + "]}",
                "personal_information/personal_information/personal_information.json":
                    #"{"profile_user": [{"string_map_data": {"Username": {"value": "me"}}}]}"#,
            ])
        #expect(result.events.count == formats.count)
        for (event, format) in zip(result.events, formats) {
            let row = try #require(rows[format])
            #expect(event.occurredAt?.microseconds == (try Self.micros(row.expected)), "\(format)")
            #expect(event.occurredAt?.zoneSource == .epoch)
        }
    }

    /// Twitter `created_at`: the archive's own form and ISO with an offset come to the expected instant;
    /// ISO without a zone is stored as documented UTC (flagged in `timeZoneSource`, raw kept); RFC 2822
    /// and the ambiguous `IST` are not guessed: a `bad-timestamp` warning and no time; the leap second
    /// does not crash and keeps its lexeme.
    @Test func twitterTimesAreReadOrFlagged() throws {
        guard let rows = Self.rows() else { return print("skipped: ../shared/fixtures is absent") }
        let inputs: [(String, String)] = [
            ("archive form", "Sun Mar 14 01:30:00 +0000 2021"),
            ("iso_with_offset", try #require(rows["iso_with_offset"]).raw),
            ("iso_no_zone", try #require(rows["iso_no_zone"]).raw),
            ("rfc2822", try #require(rows["rfc2822"]).raw),
            ("abbreviation_ambiguous", try #require(rows["abbreviation_ambiguous"]).raw),
            ("leap_second", try #require(rows["leap_second"]).raw),
        ]
        let items = inputs.enumerated().map { index, input in
            #"{ "tweet" : { "id_str" : "\#(index + 1)", "created_at" : "\#(input.1)", "full_text" : "t\#(index)" } }"#
        }
        let result = try ParserHarness.run(
            TwitterTweetsParser.self,
            files: [
                "data/manifest.js": "window.__THAR_CONFIG = {}",
                "data/tweets.js": "window.YTD.tweets.part0 = [ " + items.joined(separator: ",\n") + " ]",
            ])
        let times = Dictionary(uniqueKeysWithValues: result.events.map { ($0.text ?? "", $0.occurredAt) })
        #expect(times["t0"]??.microseconds == (try Self.micros(try #require(rows["seconds"]).expected)))
        #expect(times["t0"]??.zoneSource == .explicit)
        #expect(times["t1"]??.microseconds == (try Self.micros(try #require(rows["iso_with_offset"]).expected)))
        #expect(times["t1"]??.raw == rows["iso_with_offset"]?.raw)
        let noZone = try #require(times["t2"] ?? nil)
        #expect(noZone.zoneSource == .documentedUTC, "no zone in the text: recorded as an assumption")
        #expect(noZone.raw == rows["iso_no_zone"]?.raw)
        // The leap second is kept as written and placed on the next second (as POSIX time does).
        let leap = try #require(times["t5"] ?? nil)
        #expect(leap.raw == "2016-12-31T23:59:60Z")
        #expect(leap.microseconds == (try Self.micros("2017-01-01T00:00:00Z")))
        for index in 3...4 {
            #expect(times["t\(index)"] == .some(nil), "\(inputs[index].0) must not be guessed")
            #expect(
                result.warnings.contains { $0.code == "bad-timestamp" && $0.provenance.locator == "/\(index)/tweet/created_at" },
                "\(inputs[index].0) is flagged")
        }
        #expect(result.events.count == inputs.count, "no tweet is lost over its time")
    }
}
