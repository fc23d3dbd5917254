import CLibXML2
import CasebookTestSupport
@testable import ExportFormats
import Foundation
import Testing

/// HTML locators are libxml2 node paths. `MetaHTML.nodePath` finds them in linear time; they must be
/// `xmlGetNodePath`'s byte for byte, or locators in cases already written would change.
@Suite struct MetaHTMLNodePathTests {
    /// Every node below `node`, elements and the rest (text, comments), in document order.
    static func allNodes(below node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            result += allNodes(below: current)
            child = current.pointee.next
        }
        return result
    }

    /// Compares the two paths for every node of `bytes` parsed as a page; returns how many were compared.
    static func compareEveryNode(_ bytes: [UInt8], name: String) throws -> Int {
        let page = try #require(MetaHTMLDocument.parse(bytes, name: name))
        let nodes = withExtendedLifetime(page) { allNodes(below: UnsafeMutableRawPointer(page.document).assumingMemoryBound(to: xmlNode.self)) }
        // Ask in reverse document order too, so that a number is first asked for from the last sibling.
        for node in nodes.reversed() + nodes {
            let fast = MetaHTML.nodePath(node)
            let libxml2 = MetaHTML.libxml2NodePath(node)
            #expect(fast == libxml2, "\(name): \(libxml2)")
            if fast != libxml2 { break }
        }
        withExtendedLifetime(page) {}
        return nodes.count
    }

    /// Every sample and fixture HTML page libxml2 is given (not empty, no entity declarations), with its bytes.
    static func readablePages() throws -> [(path: String, bytes: [UInt8])] {
        let pages = SampleExportsLocator.everyHTMLPage()
        #expect(pages.count >= 10)
        return try pages.map { ($0, try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))) }
            .filter { !$0.bytes.isEmpty && !MetaHTML.containsEntityDeclaration($0.bytes) }
    }

    @Test func pathsAreLibxml2sOnEverySampleAndFixturePage() throws {
        var compared = 0
        for (page, bytes) in try Self.readablePages() {
            compared += try Self.compareEveryNode(bytes, name: page)
        }
        #expect(compared > 1_000)
    }

    /// Same-named siblings among others, a lone one, text and comments between, tables, and a name
    /// repeated at several depths.
    @Test func pathsAreLibxml2sOnMixedSiblings() throws {
        let page = """
            <!DOCTYPE html><html><head><title>t</title></head><body>
            <div>a</div><p>x</p><div>b<span>1</span><span>2</span><b>only</b></div><!-- c --><div>c</div>
            <table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table><section><div><div>deep</div></div></section>
            text <br> more <br>
            </body></html>
            """
        #expect(try Self.compareEveryNode(Array(page.utf8), name: "mixed") > 30)
    }
}
