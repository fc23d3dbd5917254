import EvidenceArchive
import EvidenceModel
import Testing

@testable import ExportFormats

@Suite struct MetaRecognitionTests {
    @Test func facebook2018Tree() {
        let layout = MetaRecognition.layout(
            ArchiveListing(paths: ["messages/inbox/a_1/message_1.json", "profile_information/profile_information.json"])
        )
        #expect(
            layout
                == MetaLayout(
                    platform: .facebook, format: .json, generation: .tree2018, recognition: .certain, note: ""))
    }

    @Test func facebook2022Tree() {
        let layout = MetaRecognition.layout(
            ArchiveListing(paths: ["your_facebook_activity/messages/inbox/a_1/message_1.json"]))
        #expect(
            layout
                == MetaLayout(
                    platform: .facebook, format: .json, generation: .tree2022, recognition: .certain, note: ""))
    }

    @Test func instagram2024Tree() {
        let listing = ArchiveListing(paths: ["your_instagram_activity/messages/inbox/a_1/message_1.json"])
        #expect(MetaRecognition.instagram(listing) == .certain)
        #expect(MetaRecognition.facebook(listing) == .no)
    }

    @Test func instagram2020Tree() {
        let listing = ArchiveListing(paths: [
            "account_information/personal_information.json", "login_and_account_creation/login_activity.json",
            "messages/inbox/a_1/message_1.json",
        ])
        #expect(MetaRecognition.layout(listing).generation == .tree2018)
        #expect(MetaRecognition.instagram(listing) == .certain)
        #expect(MetaRecognition.facebook(listing) == .no)
    }

    @Test func legacyHTML() {
        let layout = MetaRecognition.layout(ArchiveListing(paths: ["index.htm", "html/messages.htm", "html/wall.htm"]))
        #expect(
            layout
                == MetaLayout(
                    platform: .facebook, format: .html, generation: .legacyHTML, recognition: .certain, note: ""))
    }

    @Test func unknownFolderNamesArePossibleWithANote() {
        let listing = ArchiveListing(paths: ["berichten/postvak_in/anna_1/message_1.json"])
        let layout = MetaRecognition.layout(listing)
        #expect(layout.recognition == .possible)
        #expect(layout.note.contains("localized"))
        #expect(MetaRecognition.facebook(listing) == .possible)
        #expect(MetaRecognition.instagram(listing) == .possible)
    }

    @Test func otherExportsAreNotMeta() {
        #expect(MetaRecognition.facebook(ArchiveListing(paths: ["data/tweets.js", "data/account.js"])) == .no)
        #expect(MetaRecognition.instagram(ArchiveListing(paths: ["Takeout/archive_browser.html"])) == .no)
    }
}
