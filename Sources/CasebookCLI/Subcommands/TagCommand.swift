import ArgumentParser
import CaseReports
import CaseStore
import Casebook
import Foundation

extension CasebookCommand {
    /// `casebook tag EVENT --label L [--note N] [--examiner NAME]`
    struct TagCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag",
            abstract: "Tag an event (an id from search or timeline output) with a label and an examiner's note.",
            discussion: """
                Tags are stored with the examiner and the time, recorded in the audit log (casebook log), listed \
                in reports, and select what 'casebook report --tagged-only' shows. An event can carry several tags.
                """)

        @Argument(help: "The event id (the ID column of search and timeline output).")
        var event: Int64

        @Option(help: "A short label, e.g. key-evidence.")
        var label: String

        @Option(help: "The examiner's note on why the event matters.")
        var note: String?

        @Option(help: "The examiner's name (default: the case's examiner).")
        var examiner: String?

        @OptionGroup var caseOptions: CaseOptions

        func validate() throws {
            if label.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--label must not be empty") }
            if event <= 0 { throw ValidationError("the event id is a positive number from search or timeline output") }
        }

        func run() throws {
            let store = try caseOptions.openForWriting()
            let recorded = try store.caseInfo()["examiner"]
            let examinerName = examiner ?? recorded
            var tagId: Int64 = 0
            _ = try AuditedRun.perform(store, command: "tag", examiner: examinerName) { run in
                tagId = try store.tag(
                    eventId: event, label: label, note: note, examiner: examinerName, createdAt: AuditedRun.now(),
                    runId: run.id)
                return (0, [("tagged", 1), ("tag", Int(tagId))])
            }
            let row = try store.event(id: event)
            var line = "tagged event \(event) as '\(TerminalText.sanitize(label))' (tag \(tagId))"
            if let row {
                line += ": \(row.platform) \(row.kind)"
                if let account = row.account { line += " by \(TerminalText.sanitize(account))" }
                if let time = row.occurredAt { line += " at \(TimeInput.display(time, zone: nil))" }
                line +=
                    " – \(row.evidenceSHA256.prefix(8)) › \(TerminalText.sanitize(row.memberPath)) @ \(TerminalText.sanitize(row.locator))"
            }
            Console.out(line + "\n")
        }
    }
}

typealias TagCommand = CasebookCommand.TagCommand
