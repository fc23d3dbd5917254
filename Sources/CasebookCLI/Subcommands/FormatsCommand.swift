import ArgumentParser
import CaseReports
import ExportFormats

extension CasebookCommand {
    /// `casebook formats`
    struct FormatsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "formats", abstract: "The export files Casebook understands, by parser identifier and version.")

        @Flag(help: "Print the table as Markdown (used to generate the README's supported-formats table).")
        var markdown = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let records = ParserRegistry.all.map { parser in
                let descriptor = parser.descriptor
                return ReportRecord([
                    ("identifier", .string(descriptor.identifier)), ("version", .integer(Int64(descriptor.version))),
                    ("platform", .string(descriptor.platform.displayName)), ("name", .string(descriptor.displayName)),
                    ("members", .array(descriptor.memberPatterns.map(ReportValue.string))),
                    ("notes", .string(descriptor.formatNotes)), ("knownLimits", .string(descriptor.knownLimits)),
                ])
            }
            if markdown {
                var text = "| parser | version | platform | reads | known limits |\n|---|---|---|---|---|\n"
                for record in records {
                    let members = record["members"]?.plainText.split(separator: ",").map { "`\($0.trimmingCharacters(in: .whitespaces))`" }
                        .joined(separator: ", ") ?? ""
                    text += "| `\(record["identifier"]!.plainText)` | \(record["version"]!.plainText) | \(record["platform"]!.plainText) | \(members) | \(record["knownLimits"]!.plainText.replacingOccurrences(of: "|", with: "\\|")) |\n"
                }
                Console.out(text)
                return
            }
            Console.out(
                ReportRenderer.render(
                    records,
                    columns: [
                        ReportColumn("PARSER", "identifier"), ReportColumn("VERSION", "version"), ReportColumn("PLATFORM", "platform"),
                        ReportColumn("NAME", "name", maxWidth: 30), ReportColumn("MEMBERS", "members", maxWidth: 70),
                    ], format: output.format))
        }
    }
}

typealias FormatsCommand = CasebookCommand.FormatsCommand
