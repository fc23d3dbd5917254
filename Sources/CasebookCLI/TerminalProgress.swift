import Casebook
import ConsoleKitTerminal
import Foundation

/// A progress bar on a terminal (console-kit), showing bytes and records.
final class TerminalProgress: IngestProgress {
    private let terminal = Terminal()
    private var bar: ActivityIndicator<ProgressBar>?
    private var expected: Int64 = 1
    private var name = ""

    func evidenceStarted(name: String, index: Int, count: Int, expectedBytes: Int64) {
        self.name = count > 1 ? "[\(index + 1)/\(count)] \(name)" : name
        expected = max(expectedBytes, 1)
        let bar = terminal.progressBar(title: self.name)
        bar.start()
        self.bar = bar
    }

    func progressed(bytes: Int64, records: Int) {
        guard let bar else { return }
        bar.activity.title = "\(name): \(bytes / 1_048_576) MB read, \(records) records"
        // Expanded bytes run ahead of the archive size; the bar shows a saturating estimate.
        let ratio = Double(bytes) / Double(expected * 8)
        bar.activity.currentProgress = min(0.99, ratio)
    }

    func evidenceFinished(_ summary: IngestSummary) {
        guard let bar else { return }
        bar.activity.currentProgress = 1
        if summary.outcome == .failed { bar.fail() } else { bar.succeed() }
        self.bar = nil
    }

    func note(_ text: String) {
        Console.err(text + "\n")
    }
}

/// Plain progress lines on standard error, for logs and pipes.
final class PlainProgress: IngestProgress {
    private var lastLine = Date()

    func evidenceStarted(name: String, index: Int, count: Int, expectedBytes: Int64) {
        Console.err("ingesting \(name) (\(index + 1) of \(count), \(expectedBytes) bytes)\n")
    }

    func progressed(bytes: Int64, records: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastLine) >= 5 else { return }
        lastLine = now
        Console.err("  \(bytes / 1_048_576) MB read, \(records) records\n")
    }

    func evidenceFinished(_ summary: IngestSummary) {}

    func note(_ text: String) { Console.err(text + "\n") }
}
