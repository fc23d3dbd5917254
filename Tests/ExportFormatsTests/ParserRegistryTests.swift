import CasebookTestSupport
import EvidenceArchive
import ExportFormats
import Foundation
import Testing

@Suite struct ParserRegistryTests {
    /// Parsers allowed to have no sample member, with the reason. Keep empty unless unavoidable.
    static let parsersWithoutSample: [String: String] = [:]
    /// Sample cases recognized only as `.possible` by design, with the reason.
    static let samplesRecognizedAsPossible: [String: String] = [
        "facebook/json-localized-de": "folder names Casebook does not know: reported as uncertain-layout, not ignored"
    ]

    /// Every `SampleExports/<platform>/<case>/` folder that has a FIXTURE.md, with its listing.
    static func sampleCases() throws -> [(name: String, listing: ArchiveListing)] {
        let root = SampleExportsLocator.repositoryRoot + "/SampleExports"
        let manager = FileManager.default
        var cases: [(String, ArchiveListing)] = []
        for platform in try manager.contentsOfDirectory(atPath: root).sorted() {
            let platformPath = root + "/" + platform
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: platformPath, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for name in try manager.contentsOfDirectory(atPath: platformPath).sorted() {
                let casePath = platformPath + "/" + name
                guard manager.fileExists(atPath: casePath + "/FIXTURE.md") else { continue }
                let enumerator = manager.enumerator(atPath: casePath)
                var paths: [String] = []
                while let relative = enumerator?.nextObject() as? String {
                    var isDirectory: ObjCBool = false
                    if manager.fileExists(atPath: casePath + "/" + relative, isDirectory: &isDirectory),
                        !isDirectory.boolValue
                    {
                        paths.append(relative)
                    }
                }
                cases.append(("\(platform)/\(name)", ArchiveListing(paths: paths.sorted())))
            }
        }
        return cases
    }

    @Test func identifiersAreUniqueAndSorted() {
        let identifiers = ParserRegistry.all.map { $0.descriptor.identifier }
        #expect(Set(identifiers).count == identifiers.count)
        #expect(identifiers == identifiers.sorted())
    }

    @Test func identifiersStartWithTheirPlatform() {
        for parser in ParserRegistry.all {
            let descriptor = parser.descriptor
            #expect(descriptor.identifier.hasPrefix(descriptor.platform.rawValue + "."), "\(descriptor.identifier)")
        }
    }

    @Test func everySampleCaseIsRecognizedForCertain() throws {
        let cases = try Self.sampleCases()
        #expect(!cases.isEmpty)
        for sample in cases {
            let best = ParserRegistry.all.map { $0.init().recognize(sample.listing) }.max() ?? .no
            let expected: Recognition = Self.samplesRecognizedAsPossible[sample.name] == nil ? .certain : .possible
            #expect(best == expected, "\(sample.name) is not recognized as \(expected) by any parser")
        }
    }

    @Test func everyParserClaimsAMemberOfSomeSampleCase() throws {
        let cases = try Self.sampleCases()
        for type in ParserRegistry.all where Self.parsersWithoutSample[type.descriptor.identifier] == nil {
            let parser = type.init()
            let claimed = cases.contains { sample in
                parser.recognize(sample.listing) > .no
                    && sample.listing.paths.contains { parser.claims($0, in: sample.listing) }
            }
            #expect(claimed, "\(type.descriptor.identifier) claims no member of any SampleExports case")
        }
    }
}
