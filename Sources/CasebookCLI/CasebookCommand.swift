import ArgumentParser
import Casebook
import Foundation

/// The `casebook` command: ingest platform data exports into a case and question them.
public struct CasebookCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Offline forensic indexer for platform data exports (Twitter/X, Facebook, Instagram, ...).",
        discussion: """
            Evidence is read in place, never modified and never unpacked to disk. Every record keeps its \
            provenance: evidence SHA-256 › member path @ locator.

            Exit status: 0 done · 10 done with findings · 64 usage or query syntax · 65 input rejected, case \
            damaged, foreign or newer, or verify mismatch · 66 evidence or case missing · 73 cannot create or write \
            case or output · 74 I/O error · 75 case busy · 130 interrupted (143 SIGTERM).
            """,
        version: CasebookVersion.version,
        subcommands: [
            IngestCommand.self, SearchCommand.self, TimelineCommand.self, AccountsCommand.self, IdentifiersCommand.self,
            CorrelateCommand.self, EvidenceCommand.self, TagCommand.self, VerifyCommand.self, ReportCommand.self,
            ExportCommand.self, LogCommand.self, FormatsCommand.self,
        ])

    public init() {}

    /// Parses the arguments, runs the command and exits with Casebook's exit codes.
    public static func runAndExit(arguments: [String]? = nil) -> Never {
        // libarchive turns zone-less archive times (zip DOS dates) into instants with the C library's
        // local zone, so the examiner's TZ changed stored member times. Casebook never uses the
        // machine's zone: pin the process to UTC before any evidence is read (RELIABILITY.md R-54).
        setenv("TZ", "UTC", 1)
        tzset()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
            exit(withError: nil)
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error as ValidationError {
            ErrorPresentation.printError(error.message)
            Foundation.exit(64)
        } catch where exitCode(for: error) == .success {
            // `--help` on a subcommand parses to ArgumentParser's help command, whose run() throws a
            // help request: ArgumentParser prints the help and exits 0.
            exit(withError: error)
        } catch {
            let presented = ErrorPresentation.present(error)
            ErrorPresentation.printError(presented.message)
            Foundation.exit(presented.status)
        }
    }
}

/// Writes to standard output and error (only the CLI does).
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }
}
