import EvidenceModel
import Testing

@testable import ExportFormats

@Suite struct MetaTextTests {
    @Test func repairsDoubleEncodedDanish() {
        let result = MetaText.repair("t\u{00C3}\u{00A6}nkt")
        #expect(result == MetaText.Repair(text: "tænkt", raw: "t\u{00C3}\u{00A6}nkt", isRepaired: true))
    }

    @Test func repairsFourByteEmoji() {
        let result = MetaText.repair("\u{00F0}\u{009F}\u{0091}\u{008D} ok")
        #expect(result.text == "👍 ok")
        #expect(result.isRepaired)
    }

    @Test func leavesCorrectTextAlone() {
        for text in ["tænkt", "plain ascii", "👍", "Ørsted 🎉", ""] {
            #expect(MetaText.repair(text) == MetaText.Repair(text: text, raw: text, isRepaired: false))
        }
    }

    @Test func leavesLatin1ThatIsNotUTF8Alone() {
        // "é" followed by "t": 0xE9 0x74 is not a valid UTF-8 sequence.
        let text = "caf\u{00E9} t\u{00EA}te"
        #expect(MetaText.repair(text) == MetaText.Repair(text: text, raw: text, isRepaired: false))
    }

    @Test func leavesMixedScriptsAlone() {
        // A scalar above U+00FF means the string was not byte-wise mojibake.
        let text = "t\u{00C3}\u{00A6}nkt 一"
        #expect(MetaText.repair(text).isRepaired == false)
    }
}
