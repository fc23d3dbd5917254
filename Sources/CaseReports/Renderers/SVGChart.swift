/// Inline SVG bar charts for reports, written as text.
///
/// Only numbers, dates and platform names that the report builder made go into a chart, never
/// evidence text; every label is escaped all the same. The SVG has no scripts, links or external
/// references, so it works offline and prints.
public enum SVGChart {
    /// Fixed colours, one per series in order (colour-blind-friendly enough, distinct in greyscale print).
    static let palette = [
        "#1b6ca8", "#e07b00", "#2e8b57", "#c0392b", "#7d3c98", "#8d6e63", "#d81b60", "#616161", "#9e9d24", "#00838f",
    ]

    public static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// A stacked bar chart: one bar per label, one stack segment per series.
    ///
    /// - Parameters:
    ///   - caption: the accessible name of the chart.
    ///   - labels: bar labels (x axis).
    ///   - series: series names (the legend), matching the inner arrays of `values`.
    ///   - values: `values[bar][series]`.
    public static func stackedBars(caption: String, labels: [String], series: [String], values: [[Int]]) -> String {
        let width = 960
        let height = 240
        let left = 48
        let right = 12
        let top = 28
        let bottom = 44
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let totals = values.map { $0.reduce(0, +) }
        let maximum = max(totals.max() ?? 0, 1)
        let scaleTop = max(niceCeiling(maximum), 2)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\""
        svg += " aria-label=\"\(escape(caption))\">\n"
        svg += "<title>\(escape(caption))</title>\n"
        // Grid lines and y labels at 0, 1/2 and the top.
        for fraction in scaleTop % 2 == 0 ? [0, 1, 2] : [0, 2] {
            let value = scaleTop * fraction / 2
            let y = top + plotHeight - plotHeight * fraction / 2
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" class=\"axis\">\(value)</text>\n"
        }
        let count = max(labels.count, 1)
        let slot = Double(plotWidth) / Double(count)
        let barWidth = min(max(slot * 0.8, 1), 48)
        for (index, label) in labels.enumerated() {
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            var base = Double(top + plotHeight)
            let counts = index < values.count ? values[index] : []
            for (seriesIndex, value) in counts.enumerated() where value > 0 {
                let barHeight = Double(plotHeight) * Double(value) / Double(scaleTop)
                base -= barHeight
                svg +=
                    "<rect x=\"\(format(x))\" y=\"\(format(base))\" width=\"\(format(barWidth))\" height=\"\(format(barHeight))\""
                svg +=
                    " fill=\"\(colour(seriesIndex))\"><title>\(escape(label)) · \(escape(series[seriesIndex])): \(value)</title></rect>\n"
            }
        }
        // X labels: at most about 12, evenly spaced from the first.
        let step = max(1, Int((Double(labels.count) / 12).rounded(.up)))
        for (index, label) in labels.enumerated() where index % step == 0 {
            let x = Double(left) + slot * (Double(index) + 0.5)
            svg +=
                "<text x=\"\(format(x))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\" class=\"axis\">\(escape(label))</text>\n"
        }
        svg +=
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" class=\"baseline\"/>\n"
        // Legend along the top.
        var legendX = left
        for (index, name) in series.enumerated() {
            svg += "<rect x=\"\(legendX)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(colour(index))\"/>"
            svg += "<text x=\"\(legendX + 16)\" y=\"18\" class=\"legend\">\(escape(name))</text>\n"
            legendX += 24 + 8 * name.count
        }
        svg +=
            "<text x=\"\(width - right)\" y=\"\(height - 6)\" text-anchor=\"end\" class=\"axis\">\(escape(caption))</text>\n"
        svg += "</svg>"
        return svg
    }

    /// 1, 2, 5 × 10ⁿ at or above `value`.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// Escapes text for SVG/XML content and attribute values.
    public static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
