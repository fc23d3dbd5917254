import EvidenceModel
import Identifiers
import Testing

@Suite("Phone normalization")
struct PhoneNormalizationTests {
    static let cases: [NormalizationCase] = [
        // The number's own country code wins; fictional 555 numbers are kept but flagged.
        NormalizationCase(
            kind: .phone, raw: "+1 (555) 010-4477", value: "+15550104477", notes: ["not-valid-per-metadata"]),
        NormalizationCase(
            kind: .phone, raw: "555-010-4477", defaultRegion: "US", value: "+15550104477",
            notes: ["region-assumed:US", "not-valid-per-metadata"], assumption: "region US from --default-region"),
        NormalizationCase(
            kind: .phone, raw: "0151 23456789", accountRegion: "DE", value: "+4915123456789",
            notes: ["region-assumed:DE"], assumption: "region DE from account country"),
        // The account's country comes before the default region.
        NormalizationCase(
            kind: .phone, raw: "0151 23456789", accountRegion: "de", defaultRegion: "US", value: "+4915123456789",
            notes: ["region-assumed:DE"], assumption: "region DE from account country"),
        // A region that makes the number valid is preferred over one that only makes it plausible.
        NormalizationCase(
            kind: .phone, raw: "(202) 555-0143", accountRegion: "GB", defaultRegion: "US", value: "+12025550143",
            notes: ["region-assumed:US"], assumption: "region US from --default-region"),
        // No region anywhere: kept as digits, with a problem.
        NormalizationCase(
            kind: .phone, raw: "5550104477", value: "digits:5550104477", notes: ["unresolved"], hasProblem: true),
        NormalizationCase(
            kind: .phone, raw: "0151 23456789", defaultRegion: "US", value: "digits:015123456789",
            notes: ["unresolved"],
            hasProblem: true),
        // Ten more countries, national and international, tidy and messy.
        NormalizationCase(
            kind: .phone, raw: "020 7946 0958", accountRegion: "GB", value: "+442079460958",
            notes: ["region-assumed:GB"],
            assumption: "region GB from account country"),
        NormalizationCase(
            kind: .phone, raw: "01 99 00 12 34", accountRegion: "FR", value: "+33199001234",
            notes: ["region-assumed:FR"],
            assumption: "region FR from account country"),
        NormalizationCase(kind: .phone, raw: "+33 6 12 34 56 78", value: "+33612345678"),
        NormalizationCase(
            kind: .phone, raw: "0491 570 156", accountRegion: "AU", value: "+61491570156", notes: ["region-assumed:AU"],
            assumption: "region AU from account country"),
        NormalizationCase(
            kind: .phone, raw: "03-1234-5678", defaultRegion: "JP", value: "+81312345678", notes: ["region-assumed:JP"],
            assumption: "region JP from --default-region"),
        NormalizationCase(kind: .phone, raw: "+91 98765 43210", value: "+919876543210"),
        NormalizationCase(
            kind: .phone, raw: "(11) 91234-5678", accountRegion: "BR", value: "+5511912345678",
            notes: ["region-assumed:BR"], assumption: "region BR from account country"),
        NormalizationCase(
            kind: .phone, raw: "044 123 45 67", accountRegion: "CH", value: "+41441234567",
            notes: ["region-assumed:CH"],
            assumption: "region CH from account country"),
        NormalizationCase(
            kind: .phone, raw: "06 12345678", accountRegion: "NL", value: "+31612345678", notes: ["region-assumed:NL"],
            assumption: "region NL from account country"),
        NormalizationCase(
            kind: .phone, raw: "612 34 56 78", accountRegion: "ES", value: "+34612345678", notes: ["region-assumed:ES"],
            assumption: "region ES from account country"),
        NormalizationCase(kind: .phone, raw: "+39 06 1234 5678", value: "+390612345678"),
        NormalizationCase(
            kind: .phone, raw: "8 (912) 345-67-89", accountRegion: "RU", value: "+79123456789",
            notes: ["region-assumed:RU"], assumption: "region RU from account country"),
        NormalizationCase(
            kind: .phone, raw: "010 1234 5678", accountRegion: "CN", value: "+861012345678",
            notes: ["region-assumed:CN"], assumption: "region CN from account country"),
        NormalizationCase(kind: .phone, raw: "+82 2-312-3456", value: "+8223123456"),
        NormalizationCase(kind: .phone, raw: "+52 55 1234 5678", value: "+525512345678"),
        NormalizationCase(kind: .phone, raw: "+49 (0) 151 23456789", value: "+4915123456789"),
        // International prefixes: read with the region's prefix, or `00` when there is no region.
        NormalizationCase(
            kind: .phone, raw: "011 49 151 23456789", defaultRegion: "US", value: "+4915123456789",
            assumption: "international prefix read with region US from --default-region"),
        NormalizationCase(
            kind: .phone, raw: "00 44 20 7946 0958", value: "+442079460958", notes: ["idd-assumed:00"],
            assumption: "international prefix 00 read as +"),
        // Extensions, `tel:`, fullwidth and Arabic-Indic digits.
        NormalizationCase(
            kind: .phone, raw: "+1 202-555-0143 ext. 12", value: "+12025550143", notes: ["extension:12"]),
        NormalizationCase(kind: .phone, raw: "tel:+1-202-555-0143", value: "+12025550143"),
        NormalizationCase(kind: .phone, raw: "＋１ ２０２ ５５５ ０１４３", value: "+12025550143"),
        NormalizationCase(
            kind: .phone, raw: "٠١٥١ ٢٣٤٥٦٧٨٩", accountRegion: "DE", value: "+4915123456789",
            notes: ["region-assumed:DE"], assumption: "region DE from account country"),
        // Unusable values.
        NormalizationCase(kind: .phone, raw: "+1 555-***-4477", value: nil, hasProblem: true),
        NormalizationCase(kind: .phone, raw: "xxx-xxx-4477", value: nil, hasProblem: true),
        NormalizationCase(kind: .phone, raw: "  ", value: nil, hasProblem: true),
        NormalizationCase(kind: .phone, raw: "call me", value: nil, hasProblem: true),
        NormalizationCase(kind: .phone, raw: String(repeating: "1", count: 40), value: nil, hasProblem: true),
    ]

    @Test(arguments: cases)
    func normalizes(_ testCase: NormalizationCase) {
        testCase.check()
    }

    /// Ingest normalizes on all cores; libphonenumber's shared instance must give the same answers there.
    @Test func concurrentUseGivesTheSameResults() async {
        let normalizer = IdentifierNormalizer(defaultRegion: "US")
        let inputs = Self.cases.map { IdentifierObservation(kind: .phone, raw: $0.raw, field: "test") }
        let expected = inputs.map { normalizer.normalize($0, accountRegion: "DE") }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for _ in 0..<20 {
                        for (input, result) in zip(inputs, expected)
                        where normalizer.normalize(input, accountRegion: "DE") != result {
                            mismatches += 1
                        }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test func supportedRegions() {
        #expect(IdentifierNormalizer.isSupportedRegion("us"))
        #expect(IdentifierNormalizer.isSupportedRegion("DE"))
        #expect(!IdentifierNormalizer.isSupportedRegion("XX"))
        #expect(!IdentifierNormalizer.isSupportedRegion("United States"))
    }

    @Test func unknownRegionsAreIgnored() {
        let normalizer = IdentifierNormalizer(defaultRegion: "United States")
        let result = normalizer.normalize(
            IdentifierObservation(kind: .phone, raw: "555-010-4477", field: "test"), accountRegion: "XX")
        #expect(
            result.identifier == NormalizedIdentifier(kind: .phone, value: "digits:5550104477", notes: ["unresolved"]))
        #expect(
            result.problem
                == "phone number without country code and no region to read it with (set --default-region)")
    }

    @Test func problemsNameTheRegionsTried() {
        let normalizer = IdentifierNormalizer(defaultRegion: "US")
        let result = normalizer.normalize(IdentifierObservation(kind: .phone, raw: "0151 23456789", field: "test"))
        #expect(result.problem == "phone number not valid for region US")
    }
}
