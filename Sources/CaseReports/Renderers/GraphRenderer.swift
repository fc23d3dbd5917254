import EvidenceModel

/// A graph of accounts and identifiers: nodes, and edges that each carry the provenance of one occurrence.
public struct LinkGraph: Sendable {
    public struct Node: Sendable, Hashable {
        public var identifier: String
        /// `account` or `identifier`.
        public var type: String
        public var label: String
        public init(identifier: String, type: String, label: String) {
            self.identifier = identifier
            self.type = type
            self.label = label
        }
    }

    public struct Edge: Sendable, Hashable {
        public var source: String
        public var target: String
        public var rawValue: String
        public var field: String
        public var provenance: String
        public var observedAt: String?
        public init(source: String, target: String, rawValue: String, field: String, provenance: String, observedAt: String?) {
            self.source = source
            self.target = target
            self.rawValue = rawValue
            self.field = field
            self.provenance = provenance
            self.observedAt = observedAt
        }
    }

    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public init() {}
}

/// Renders a `LinkGraph` as Graphviz DOT or GraphML; every label is escaped for its format.
public enum GraphRenderer {
    public static func dot(_ graph: LinkGraph) -> String {
        func quote(_ text: String) -> String {
            var output = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                default: output.unicodeScalars.append(scalar.value < 0x20 ? "\u{FFFD}" : scalar)
                }
            }
            return output + "\""
        }
        var text = "graph casebook {\n  graph [overlap=false];\n"
        for node in graph.nodes {
            let shape = node.type == "account" ? "box" : "ellipse"
            text += "  \(quote(node.identifier)) [label=\(quote(node.label)), shape=\(shape)];\n"
        }
        for edge in graph.edges {
            text += "  \(quote(edge.source)) -- \(quote(edge.target)) [label=\(quote(edge.field)), "
            text += "tooltip=\(quote(edge.provenance + (edge.observedAt.map { " at " + $0 } ?? "")))];\n"
        }
        return text + "}\n"
    }

    public static func graphML(_ graph: LinkGraph) -> String {
        func escape(_ text: String) -> String {
            var output = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                case "'": output += "&apos;"
                default:
                    // XML 1.0 forbids most control characters even as references.
                    if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                        output += "\u{FFFD}"
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
            return output
        }
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="type" for="node" attr.name="type" attr.type="string"/>
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="raw" for="edge" attr.name="rawValue" attr.type="string"/>
              <key id="field" for="edge" attr.name="field" attr.type="string"/>
              <key id="provenance" for="edge" attr.name="provenance" attr.type="string"/>
              <key id="observedAt" for="edge" attr.name="observedAt" attr.type="string"/>
              <graph id="casebook" edgedefault="undirected">

            """
        for node in graph.nodes {
            text += "    <node id=\"\(escape(node.identifier))\"><data key=\"type\">\(node.type)</data>"
            text += "<data key=\"label\">\(escape(node.label))</data></node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            text += "    <edge id=\"e\(index)\" source=\"\(escape(edge.source))\" target=\"\(escape(edge.target))\">"
            text += "<data key=\"raw\">\(escape(edge.rawValue))</data><data key=\"field\">\(escape(edge.field))</data>"
            text += "<data key=\"provenance\">\(escape(edge.provenance))</data>"
            if let observedAt = edge.observedAt { text += "<data key=\"observedAt\">\(escape(observedAt))</data>" }
            text += "</edge>\n"
        }
        return text + "  </graph>\n</graphml>\n"
    }
}
