import CasebookTestSupport
import EvidenceModel
import ExportFormats
import Testing

@Suite struct TwitterManifestParserTests {
    typealias Support = TwitterTestSupport

    @Test func modernArchiveManifestNamesTheOwner() throws {
        let result = try ParserHarness.run(TwitterManifestParser.self, sample: "twitter/modern-2022")
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 0)
        #expect(
            result.records.first
                == .account(
                    Account(
                        key: Support.ada, platformUserId: Support.adaId, handle: "ada_kestrel",
                        displayName: "Ada Kestrel",
                        isExportOwner: true,
                        provenance: Support.provenance(result, "data/manifest.js", "/userInfo", "twitter.manifest"))))
    }

    @Test func filesListedButAbsentAreWarned() throws {
        let manifest = """
            window.__THAR_CONFIG = {
              "userInfo" : { "accountId" : "1400000000000000001", "userName" : "ada_kestrel",
                "displayName" : "Ada Kestrel" },
              "archiveInfo" : { "generationDate" : "2023-05-03T09:12:44.000Z" },
              "dataTypes" : {
                "account" : { "files" : [ { "fileName" : "data/account.js", "globalName" : "YTD.account.part0",
                  "count" : "1" } ] },
                "tweets" : { "files" : [ { "fileName" : "data/tweets.js", "globalName" : "YTD.tweets.part0",
                  "count" : "9" },
                  { "fileName" : "data/tweets-part1.js", "globalName" : "YTD.tweets.part1", "count" : "9" } ] },
                "tweetsMedia" : { "mediaDirectory" : "data/tweets_media" }
              }
            };
            """
        let result = try ParserHarness.run(
            TwitterManifestParser.self,
            files: Support.archive(["data/manifest.js": manifest, "data/tweets.js": "window.YTD.tweets.part0 = [ ]"]))
        #expect(result.records.count == 1)
        #expect(result.warnings.count == 1)
        #expect(
            result.warnings.first
                == ExtractionWarning(
                    code: "manifest-missing-file",
                    message: "the file named by dataTypes.tweets.files[1].fileName is not in the archive",
                    provenance: Support.provenance(
                        result, "data/manifest.js", "/dataTypes/tweets/files/1", "twitter.manifest")))
    }

    @Test func manifestThatIsNotJSONCannotBeUsed() throws {
        #expect(throws: ParseError.self) {
            try ParserHarness.run(
                TwitterManifestParser.self,
                files: Support.archive(["data/manifest.js": "window.__THAR_CONFIG = { broken"]))
        }
    }
}
