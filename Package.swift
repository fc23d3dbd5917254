// swift-tools-version:6.1
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Casebook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casebook", targets: ["casebook"]),
        .library(name: "Casebook", targets: ["Casebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/console-kit.git", from: "4.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        /** libarchive, as a system library: zip, tar, gz/xz/bz2/zst, 7z streams */
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        /** libxml2, as a system library: the HTML parser for HTML exports */
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        /** zlib, as a system library: a large HTML page is held deflated between its two passes */
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        /** Plain Sendable values: platforms, accounts, events, identifiers, timestamps, provenance, warnings */
        .target(name: "EvidenceModel", swiftSettings: strict),
        /** libphonenumber (C++, Debian libphonenumber-dev) behind a plain C API that Swift imports */
        .target(
            name: "CPhoneNumber",
            linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("stdc++")]),
        /** Finding and normalizing identifiers: email, phone, IP, URL, handle, user id, device */
        .target(name: "Identifiers", dependencies: ["EvidenceModel", "CPhoneNumber"], swiftSettings: strict),
        /** Read-only evidence access: archives, folders, nested archives, hashes, limits, path checks */
        .target(
            name: "EvidenceArchive",
            dependencies: ["EvidenceModel", "CArchive", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        /** The parser protocol, the registry and one parser per export file type */
        .target(
            name: "ExportFormats",
            dependencies: ["EvidenceModel", "Identifiers", "EvidenceArchive", "CLibXML2", "CZlib"],
            swiftSettings: strict),
        /** The case database: SQLite through GRDB, migrations, bulk writer, FTS5, queries */
        .target(
            name: "CaseStore",
            dependencies: [
                "EvidenceModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        /** Renderers over plain values: tables, CSV (formula-safe), JSON, JSONL, HTML reports (Mustache), exports */
        .target(
            name: "CaseReports",
            dependencies: ["EvidenceModel", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict),
        /** The library facade: ingest sessions, search, timeline, correlation */
        .target(
            name: "Casebook",
            dependencies: [
                "EvidenceModel", "Identifiers", "EvidenceArchive", "ExportFormats", "CaseStore", "CaseReports",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        /** The command line as a library: subcommands, options, error presentation, progress */
        .target(
            name: "CasebookCLI",
            dependencies: [
                "Casebook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ConsoleKitTerminal", package: "console-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        /** The `casebook` executable: @main only */
        .executableTarget(name: "casebook", dependencies: ["CasebookCLI"], swiftSettings: strict),
        /** Test helpers: SampleExports locator, parser harness, temporary folders, running the binary */
        .target(
            name: "CasebookTestSupport",
            dependencies: [
                "EvidenceModel", "EvidenceArchive", "ExportFormats", "Casebook",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(name: "EvidenceModelTests", dependencies: ["EvidenceModel"]),
        .testTarget(name: "IdentifiersTests", dependencies: ["Identifiers"]),
        .testTarget(name: "EvidenceArchiveTests", dependencies: ["EvidenceArchive", "CasebookTestSupport"]),
        .testTarget(name: "ExportFormatsTests", dependencies: ["ExportFormats", "CasebookTestSupport"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "CasebookTestSupport"]),
        .testTarget(
            name: "CaseReportsTests", dependencies: ["CaseReports", "CLibXML2", "CasebookTestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(name: "CasebookTests", dependencies: ["Casebook", "CasebookTestSupport"]),
        .testTarget(
            name: "CasebookCLITests",
            dependencies: ["CasebookCLI", "CasebookTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

// libFuzzer targets (see `Scripts/fuzz` and docs/RELIABILITY.md, "Fuzzing"). Only added when CASEBOOK_FUZZ=1, so
// `swift build --build-tests` and CI never compile them: they need `-sanitize=fuzzer`, which links libFuzzer
// (each target's main.swift calls its driver).
if ProcessInfo.processInfo.environment["CASEBOOK_FUZZ"] == "1" {
    package.targets.append(.target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"))
    package.targets.append(
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzDriver", "EvidenceModel", "EvidenceArchive", "ExportFormats"],
            path: "Fuzz/FuzzSupport", swiftSettings: strict))
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzArchive", ["FuzzSupport", "EvidenceArchive"]),
        ("FuzzJSON", ["FuzzSupport", "ExportFormats"]),
        ("FuzzTwitter", ["FuzzSupport", "ExportFormats"]),
        ("FuzzMetaJSON", ["FuzzSupport", "ExportFormats"]),
        ("FuzzMetaHTML", ["FuzzSupport", "ExportFormats"]),
        ("FuzzText", ["FuzzSupport", "Identifiers", "EvidenceModel"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: dependencies, path: "Fuzz/\(name)", swiftSettings: strict))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
