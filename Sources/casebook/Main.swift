import CasebookCLI

/// The `casebook` executable: parse, run, exit with Casebook's status codes.
@main
struct Main {
    static func main() {
        CasebookCommand.runAndExit()
    }
}
