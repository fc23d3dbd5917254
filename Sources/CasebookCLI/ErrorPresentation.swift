import CaseStore
import Casebook
import EvidenceArchive
import Foundation

/// Maps errors to what the user sees and to exit statuses (the only place that does).
enum ErrorPresentation {
    struct Presented {
        var message: String
        var status: Int32
    }

    static func present(_ error: any Error) -> Presented {
        switch error {
        case let error as StoreError:
            switch error.code {
            case .missing: return Presented(message: error.message, status: 66)
            case .busy: return Presented(message: error.message, status: 75)
            case .querySyntax, .emptyQuery, .notFound, .tooExpensive: return Presented(message: error.message, status: 64)
            case .ioError: return Presented(message: error.message, status: 74)
            case .cannotOpen: return Presented(message: error.message, status: 73)
            case .corrupt, .notACase, .newerSchema: return Presented(message: error.message, status: 65)
            default: return Presented(message: error.message, status: 74)
            }
        case let error as ArchiveError:
            return Presented(message: error.description, status: error.code == .unreadable ? 66 : 65)
        case let error as CommandError:
            return Presented(message: error.message, status: error.status)
        case let error as IngestInterrupted:
            return Presented(message: error.description, status: error.exitStatus)
        default:
            return Presented(message: "\(error)", status: 70)
        }
    }

    static func printError(_ message: String) {
        Console.err("error: \(message)\n")
    }
}

/// A failure a command reports with a specific exit status.
struct CommandError: Error {
    var message: String
    var status: Int32
}
