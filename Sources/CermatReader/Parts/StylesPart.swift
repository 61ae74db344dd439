import CermatWorkbook

/// `xl/styles.xml`: number formats, fonts, fills, borders and the cell formats (`cellXfs`) that cells point to.
struct StylesPart {
    /// One resolved style per `cellXfs/xf`, in order.
    var styles: [CellStyle] = []
    /// The workbook's own palette (`colors/indexedColors`), empty when it uses the default.
    var indexedColors: [UInt32] = []

    private struct RawFormat {
        var numFmtId = 0, fontId = 0, fillId = 0, borderId = 0
        var alignment = Alignment()
    }

    /// Parses the styles part.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int) throws(ReaderError) -> StylesPart {
        var customFormats: [Int: String] = [:]
        var fonts: [Font] = []
        var fills: [Fill] = []
        var borders: [Border] = []
        var formats: [RawFormat] = []
        var palette: [UInt32] = []
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            var section = ""
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                if event == .endElement {
                    if scanner.isElement("cellXfs") || scanner.isElement("cellStyleXfs") || scanner.isElement("dxfs") {
                        section = ""
                    }
                    continue
                }
                guard event == .startElement else { continue }
                if scanner.isElement("numFmt") {
                    if let id = try scanner.intAttribute("numFmtId"), let code = try scanner.stringAttribute("formatCode") {
                        customFormats[id] = code
                    }
                } else if scanner.isElement("cellXfs") {
                    section = "cellXfs"
                } else if scanner.isElement("cellStyleXfs") {
                    section = "cellStyleXfs"
                } else if scanner.isElement("dxfs") {
                    // Differential formats belong to conditional formatting; their fonts and fills are not cell styles.
                    try scanner.skipElement()
                } else if scanner.isElement("font") {
                    fonts.append(try readFont(&scanner))
                } else if scanner.isElement("fill") {
                    fills.append(try readFill(&scanner))
                } else if scanner.isElement("border") {
                    borders.append(try readBorder(&scanner))
                } else if scanner.isElement("xf") && section == "cellXfs" {
                    var format = RawFormat()
                    format.numFmtId = try scanner.intAttribute("numFmtId") ?? 0
                    format.fontId = try scanner.intAttribute("fontId") ?? 0
                    format.fillId = try scanner.intAttribute("fillId") ?? 0
                    format.borderId = try scanner.intAttribute("borderId") ?? 0
                    if !scanner.isEmptyElement {
                        let depth = scanner.depth - 1
                        while true {
                            let inner = try scanner.next()
                            if inner == .endElement && scanner.depth == depth { break }
                            if inner == .startElement && scanner.isElement("alignment") {
                                format.alignment = try readAlignment(scanner)
                            }
                        }
                    }
                    formats.append(format)
                } else if scanner.isElement("rgbColor") {
                    if let rgb = try scanner.stringAttribute("rgb"), let value = UInt32(rgb.suffix(6), radix: 16) {
                        palette.append(value)
                    }
                }
            }
        }
        var result = StylesPart()
        result.indexedColors = palette
        result.styles = formats.map { format in
            let numberFormat = customFormats[format.numFmtId].map { NumberFormat(id: format.numFmtId, code: $0) }
                ?? NumberFormat.builtIn(format.numFmtId) ?? NumberFormat(id: format.numFmtId, code: "General")
            // Out-of-range ids fall back to the first entry, as Excel and LibreOffice do.
            return CellStyle(numberFormat: numberFormat,
                             font: fonts.indices.contains(format.fontId) ? fonts[format.fontId] : fonts.first ?? Font(),
                             fill: fills.indices.contains(format.fillId) ? fills[format.fillId] : Fill(),
                             border: borders.indices.contains(format.borderId) ? borders[format.borderId] : Border(),
                             alignment: format.alignment)
        }
        return result
    }

    /// After a `<font>` or `<rPr>` start tag: the font it describes; consumes the end tag.
    static func readFont(_ scanner: inout XMLScanner) throws(ReaderError) -> Font {
        var font = Font()
        if scanner.isEmptyElement {
            _ = try scanner.next()
            return font
        }
        let depth = scanner.depth - 1
        while true {
            let event = try scanner.next()
            if event == .endElement && scanner.depth == depth { break }
            guard event == .startElement else { continue }
            if scanner.isElement("b") {
                font.bold = try scanner.boolAttribute("val") ?? true
            } else if scanner.isElement("i") {
                font.italic = try scanner.boolAttribute("val") ?? true
            } else if scanner.isElement("strike") {
                font.strike = try scanner.boolAttribute("val") ?? true
            } else if scanner.isElement("u") {
                let style = try scanner.stringAttribute("val") ?? "single"
                font.underline = style == "none" ? nil : style
            } else if scanner.isElement("sz") {
                font.size = try scanner.doubleAttribute("val")
            } else if scanner.isElement("name") || scanner.isElement("rFont") {
                font.name = try scanner.stringAttribute("val")
            } else if scanner.isElement("color") {
                font.color = try readColor(scanner)
            } else if scanner.isElement("vertAlign") {
                let align = try scanner.stringAttribute("val")
                font.verticalAlign = align == "baseline" ? nil : align
            }
        }
        return font
    }

    /// The colour described by the current element's attributes (`rgb`, `theme`+`tint`, `indexed`, `auto`).
    static func readColor(_ scanner: borrowing XMLScanner) throws(ReaderError) -> Color? {
        if let rgb = try scanner.stringAttribute("rgb") {
            let digits = rgb.count == 6 ? "FF" + rgb : rgb
            guard let value = UInt32(digits, radix: 16) else {
                throw scanner.error("colour '\(rgb)' is not hexadecimal ARGB")
            }
            return .argb(value)
        }
        if let theme = try scanner.intAttribute("theme") {
            return .theme(theme, tint: try scanner.doubleAttribute("tint") ?? 0)
        }
        if let indexed = try scanner.intAttribute("indexed") {
            return .indexed(indexed)
        }
        if try scanner.boolAttribute("auto") == true {
            return .automatic
        }
        return nil
    }

    private static func readFill(_ scanner: inout XMLScanner) throws(ReaderError) -> Fill {
        var fill = Fill()
        if scanner.isEmptyElement {
            _ = try scanner.next()
            return fill
        }
        let depth = scanner.depth - 1
        while true {
            let event = try scanner.next()
            if event == .endElement && scanner.depth == depth { break }
            guard event == .startElement else { continue }
            if scanner.isElement("patternFill") {
                fill.pattern = try scanner.stringAttribute("patternType") ?? "none"
            } else if scanner.isElement("gradientFill") {
                fill.pattern = "gradient"
            } else if scanner.isElement("fgColor") {
                fill.foreground = try readColor(scanner)
            } else if scanner.isElement("bgColor") {
                fill.background = try readColor(scanner)
            } else if scanner.isElement("stop") && fill.foreground == nil {
                // A gradient is kept as its first colour: the closest solid fill a copy can show.
                let stopDepth = scanner.depth
                while true {
                    let inner = try scanner.next()
                    if inner == .startElement && scanner.isElement("color") { fill.foreground = try readColor(scanner) }
                    if inner == .endElement && scanner.depth < stopDepth { break }
                }
            }
        }
        return fill
    }

    private static func readBorder(_ scanner: inout XMLScanner) throws(ReaderError) -> Border {
        var border = Border()
        border.diagonalUp = try scanner.boolAttribute("diagonalUp") ?? false
        border.diagonalDown = try scanner.boolAttribute("diagonalDown") ?? false
        if scanner.isEmptyElement {
            _ = try scanner.next()
            return border
        }
        let depth = scanner.depth - 1
        while true {
            let event = try scanner.next()
            if event == .endElement && scanner.depth == depth { break }
            guard event == .startElement else { continue }
            let side: WritableKeyPath<Border, Border.Edge?>?
            if scanner.isElement("left") || scanner.isElement("start") { side = \.left }
            else if scanner.isElement("right") || scanner.isElement("end") { side = \.right }
            else if scanner.isElement("top") { side = \.top }
            else if scanner.isElement("bottom") { side = \.bottom }
            else if scanner.isElement("diagonal") { side = \.diagonal }
            else { side = nil }
            guard let side else { continue }
            let style = try scanner.stringAttribute("style")
            var color: Color?
            if !scanner.isEmptyElement {
                let edgeDepth = scanner.depth - 1
                while true {
                    let inner = try scanner.next()
                    if inner == .endElement && scanner.depth == edgeDepth { break }
                    if inner == .startElement && scanner.isElement("color") { color = try readColor(scanner) }
                }
            } else {
                _ = try scanner.next()
            }
            if let style, style != "none" { border[keyPath: side] = Border.Edge(style: style, color: color) }
        }
        return border
    }

    private static func readAlignment(_ scanner: borrowing XMLScanner) throws(ReaderError) -> Alignment {
        Alignment(horizontal: try scanner.stringAttribute("horizontal").flatMap { $0 == "general" ? nil : $0 },
                  vertical: try scanner.stringAttribute("vertical").flatMap { $0 == "bottom" ? nil : $0 },
                  wrapText: try scanner.boolAttribute("wrapText") ?? false,
                  indent: try scanner.intAttribute("indent") ?? 0,
                  textRotation: try scanner.intAttribute("textRotation") ?? 0,
                  shrinkToFit: try scanner.boolAttribute("shrinkToFit") ?? false)
    }
}
