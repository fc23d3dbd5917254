// libFuzzer target: identifier normalization of every kind (email, phone through libphonenumber, IP, URL, domain,
// handle, user id, device) and the free-text identifier extractor, over the bytes decoded as UTF-8 (invalid
// sequences become U+FFFD, as member text does).
import EvidenceModel
import Identifiers

let normalizer = IdentifierNormalizer(defaultRegion: "US")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for kind in IdentifierKind.allCases {
        for platform in [Platform.twitter, .facebook] {
            let observation = IdentifierObservation(kind: kind, raw: text, field: "fuzz", platform: platform)
            _ = normalizer.normalize(observation, accountRegion: "DE")
        }
    }
    _ = normalizer.candidates(forQuery: text)
    _ = TextIdentifierExtractor.extract(from: text, platform: nil)
    _ = TextIdentifierExtractor.extract(from: text, platform: .twitter)
    return 0
}
