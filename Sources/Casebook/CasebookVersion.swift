/// The tool's identity, recorded in every run and report.
public enum CasebookVersion {
    public static let name = "Casebook"
    public static let version = "0.1.0"
}
