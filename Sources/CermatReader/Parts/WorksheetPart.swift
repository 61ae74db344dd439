import CermatWorkbook

/// A worksheet part (`xl/worksheets/sheetN.xml`) read in one flat pass: cells, merges, columns, rows, panes.
struct WorksheetPart {
    var cells: [Cell] = []
    var mergedRanges: [CellRange] = []
    var columns: [ColumnInfo] = []
    var rows: [RowInfo] = []
    var defaultRowHeight: Double?
    var defaultColumnWidth: Double?
    var pane: Pane?
    var richText: [CellAddress: [RichTextRun]] = [:]
    var arrayFormulas: [CellAddress: CellRange] = [:]
    var showGridLines = true
    var features: Set<UnsupportedContent> = []

    /// Where the strings and styles the cells refer to come from.
    struct Context {
        let part: String
        let sheet: String
        let strings: SharedStringsPart
        let styleCount: Int
        let maxDepth: Int
    }

    /// Parses a worksheet part.
    static func parse(_ bytes: [UInt8], context: Context) throws(ReaderError) -> WorksheetPart {
        var parser = Parser(context: context)
        // A worksheet averages well over 32 bytes per cell; this bounds the first allocation by the real size, not a count.
        parser.result.cells.reserveCapacity(min(bytes.count / 48, 1 << 22))
        try bytes.withUnsafeBufferPointer { (buffer) throws(ReaderError) in
            var scanner = XMLScanner(buffer, part: context.part, maxDepth: context.maxDepth)
            try parser.run(&scanner)
        }
        return try parser.finish()
    }

    private struct Parser {
        let context: Context
        var result = WorksheetPart()
        var row = -1
        var column = -1
        var inSheetData = false
        var sawSheetView = false
        var ordered = true
        var sharedMasters: [Int: (anchor: CellAddress, text: String)] = [:]
        // Followers met before their master (out of order): resolved when the part ends.
        var pendingShared: [(index: Int, si: Int)] = []

        init(context: Context) {
            self.context = context
        }

        mutating func run(_ scanner: inout XMLScanner) throws(ReaderError) {
            while true {
                switch try scanner.next() {
                case .endOfDocument:
                    return
                case .endElement:
                    if inSheetData && scanner.isElement("sheetData") { inSheetData = false }
                case .text:
                    continue
                case .startElement:
                    if inSheetData {
                        if scanner.isElement("c") {
                            try readCell(&scanner)
                        } else if scanner.isElement("row") {
                            try readRow(scanner)
                        } else {
                            try scanner.skipElement()
                        }
                    } else {
                        try readOther(&scanner)
                    }
                }
            }
        }

        private mutating func readRow(_ scanner: XMLScanner) throws(ReaderError) {
            if let attribute = scanner.attribute("r") {
                guard let number = try scanner.intAttribute("r"), number >= 1 else {
                    throw located(.invalidContent("row number '\(scanner.rawValue(attribute))' is not a positive integer"),
                                  scanner)
                }
                guard number - 1 <= CellAddress.maxRow else { throw located(.outOfSheetLimits, scanner, cell: "row \(number)") }
                row = number - 1
            } else {
                row += 1
            }
            column = -1
            let custom = try scanner.boolAttribute("customFormat") ?? false
            let info = RowInfo(row: row, height: try scanner.doubleAttribute("ht"),
                               hidden: try scanner.boolAttribute("hidden") ?? false,
                               styleIndex: custom ? try styleIndex(scanner) : nil,
                               outlineLevel: try scanner.intAttribute("outlineLevel") ?? 0)
            if info.height != nil || info.hidden || info.styleIndex != nil || info.outlineLevel > 0 {
                if let last = result.rows.last, last.row >= row { ordered = false }
                result.rows.append(info)
            }
        }

        private mutating func readCell(_ scanner: inout XMLScanner) throws(ReaderError) {
            guard row >= 0 else { throw located(.invalidContent("a cell outside any <row>"), scanner) }
            let address: CellAddress
            if let reference = scanner.attribute("r") {
                guard let parsed = scanner.cellAddress(reference) else {
                    throw located(.outOfSheetLimits, scanner, cell: scanner.rawValue(reference))
                }
                address = parsed
            } else {
                guard column + 1 <= CellAddress.maxColumn else { throw located(.outOfSheetLimits, scanner) }
                address = CellAddress(row: row, column: column + 1)
            }
            if address.row != row {
                // A reference outside its row: trust the reference, as Excel does.
                ordered = false
            } else if address.column <= column {
                ordered = false
            }
            column = address.column
            let style = try styleIndex(scanner) ?? 0
            let type = CellType(scanner)
            guard type != .unknown else {
                throw located(.invalidContent("unknown cell type t=\"\(scanner.rawValue(scanner.attribute("t")!))\""),
                              scanner, cell: address.a1)
            }
            var value = CellValue.empty
            var formula: String?
            var sharedFollower: Int?
            if !scanner.isEmptyElement {
                let cellDepth = scanner.depth - 1
                while true {
                    let event = try scanner.next()
                    if event == .endElement && scanner.depth == cellDepth { break }
                    guard event == .startElement else { continue }
                    if scanner.isElement("v") {
                        value = try readValue(&scanner, type: type, address: address)
                    } else if scanner.isElement("f") {
                        let kind = scanner.attribute("t")
                        let si = try scanner.intAttribute("si")
                        let ref = try scanner.stringAttribute("ref")
                        let text = try scanner.readText()
                        if let kind, scanner.attribute(kind, equals: "shared") {
                            guard let si else {
                                throw located(.invalidContent("a shared formula without si"), scanner, cell: address.a1)
                            }
                            if let ref, !text.isEmpty {
                                guard CellRange(a1: ref) != nil else {
                                    throw located(.invalidContent("shared formula range '\(ref)' is not a range"), scanner,
                                                  cell: address.a1)
                                }
                                sharedMasters[si] = (address, text)
                                formula = text
                            } else if let master = sharedMasters[si] {
                                formula = FormulaTranslator.translate(master.text, rows: address.row - master.anchor.row,
                                                                      columns: address.column - master.anchor.column)
                            } else {
                                sharedFollower = si
                            }
                        } else {
                            if let kind, scanner.attribute(kind, equals: "array"), let ref {
                                guard let range = CellRange(a1: ref) else {
                                    throw located(.invalidContent("array formula range '\(ref)' is not a range"), scanner,
                                                  cell: address.a1)
                                }
                                result.arrayFormulas[address] = range
                            }
                            formula = text
                        }
                    } else if scanner.isElement("is") {
                        let (text, runs) = try RichText.read(&scanner)
                        if type == .inlineString {
                            value = .string(text)
                            if let runs { result.richText[address] = runs }
                        }
                    } else {
                        try scanner.skipElement()
                    }
                }
            } else {
                _ = try scanner.next()
            }
            if type == .formulaString, formula != nil || sharedFollower != nil, value == .empty { value = .string("") }
            if let sharedFollower { pendingShared.append((result.cells.count, sharedFollower)) }
            result.cells.append(Cell(address: address, value: value, formula: formula, styleIndex: style))
        }

        private mutating func readValue(_ scanner: inout XMLScanner, type: CellType, address: CellAddress)
            throws(ReaderError) -> CellValue {
            if scanner.isEmptyElement {
                _ = try scanner.next()
                return type == .number || type == .sharedString ? .empty : .string("")
            }
            let valueDepth = scanner.depth - 1
            var event = try scanner.next()
            if event == .endElement { return type == .number || type == .sharedString ? .empty : .string("") }
            var fast: CellValue?
            if event == .text {
                switch type {
                case .number:
                    if let number = scanner.textNumber() { fast = .number(number) }
                case .sharedString:
                    if let index = scanner.textInt() { fast = try sharedString(index, scanner, address) }
                default:
                    break
                }
                if fast == nil { fast = .string(try scanner.text()) }
                event = try scanner.next()
                if event == .endElement && scanner.depth == valueDepth {
                    return try convert(fast!, type: type, scanner, address)
                }
            }
            // Rare: the value is split by a comment or CDATA section; gather all of it and convert from text.
            var text = fast.flatMap { value -> String? in
                if case .number(let number) = value { return String(number) }
                return value.text
            } ?? ""
            while !(event == .endElement && scanner.depth == valueDepth) {
                if event == .text { text += try scanner.text() }
                if event == .startElement { throw located(.invalidContent("an element inside <v>"), scanner, cell: address.a1) }
                event = try scanner.next()
            }
            return try convert(.string(text), type: type, scanner, address)
        }

        private func convert(_ raw: CellValue, type: CellType, _ scanner: XMLScanner, _ address: CellAddress)
            throws(ReaderError) -> CellValue {
            guard case .string(let text) = raw else { return raw }
            switch type {
            case .number:
                guard let number = Double(text.trimmingSpaces) else {
                    throw located(.invalidContent("numeric cell value '\(text)' is not a number"), scanner, cell: address.a1)
                }
                return .number(number)
            case .sharedString:
                guard let index = Int(text.trimmingSpaces) else {
                    throw located(.invalidContent("shared string index '\(text)' is not an integer"), scanner,
                                  cell: address.a1)
                }
                return try sharedString(index, scanner, address)
            case .boolean:
                switch text.trimmingSpaces {
                case "1", "true": return .boolean(true)
                case "0", "false": return .boolean(false)
                default:
                    throw located(.invalidContent("boolean cell value '\(text)' is not 0 or 1"), scanner, cell: address.a1)
                }
            case .error:
                return .error(text)
            case .date:
                return .date(text)
            case .formulaString, .inlineString, .unknown:
                return .string(OOXMLEscapes.unescape(text))
            }
        }

        private func sharedString(_ index: Int, _ scanner: XMLScanner, _ address: CellAddress) throws(ReaderError) -> CellValue {
            guard index >= 0, index < context.strings.strings.count else {
                throw located(.invalidContent("shared string \(index) does not exist (the table holds \(context.strings.strings.count))"),
                              scanner, cell: address.a1)
            }
            return .string(context.strings.strings[index])
        }

        private func styleIndex(_ scanner: XMLScanner, attribute: StaticString = "s") throws(ReaderError) -> Int? {
            guard let index = try scanner.intAttribute(attribute) else { return nil }
            guard index >= 0, index < max(context.styleCount, 1) else {
                throw located(.invalidContent("style \(index) does not exist (the workbook defines \(context.styleCount))"),
                              scanner)
            }
            return index
        }

        private mutating func readOther(_ scanner: inout XMLScanner) throws(ReaderError) {
            if scanner.isElement("sheetData") {
                inSheetData = !scanner.isEmptyElement
            } else if scanner.isElement("mergeCell") {
                let ref = try scanner.stringAttribute("ref") ?? ""
                guard let range = CellRange(a1: ref) else {
                    throw located(.invalidContent("merged range '\(ref)' is not a range"), scanner)
                }
                result.mergedRanges.append(range)
            } else if scanner.isElement("col") {
                guard let min = try scanner.intAttribute("min"), let max = try scanner.intAttribute("max"),
                      min >= 1, min <= max, max - 1 <= CellAddress.maxColumn else {
                    throw located(.invalidContent("a <col> with an invalid min/max"), scanner)
                }
                let width = try scanner.doubleAttribute("width")
                let custom = try scanner.boolAttribute("customWidth")
                result.columns.append(ColumnInfo(first: min - 1, last: max - 1,
                                                 width: custom == false && width == nil ? nil : width,
                                                 hidden: try scanner.boolAttribute("hidden") ?? false,
                                                 styleIndex: try styleIndex(scanner, attribute: "style"),
                                                 outlineLevel: try scanner.intAttribute("outlineLevel") ?? 0))
            } else if scanner.isElement("sheetView") {
                if !sawSheetView { result.showGridLines = try scanner.boolAttribute("showGridLines") ?? true }
                sawSheetView = true
            } else if scanner.isElement("pane") {
                guard result.pane == nil else { return }
                let state = try scanner.stringAttribute("state") ?? "split"
                let frozen = state == "frozen" || state == "frozenSplit"
                let xSplit = try scanner.doubleAttribute("xSplit") ?? 0
                let ySplit = try scanner.doubleAttribute("ySplit") ?? 0
                let topLeft = try scanner.stringAttribute("topLeftCell").flatMap { CellAddress(a1: $0) }
                result.pane = Pane(rows: Int(ySplit), columns: Int(xSplit), topLeftCell: topLeft, frozen: frozen)
            } else if scanner.isElement("sheetFormatPr") {
                result.defaultRowHeight = try scanner.doubleAttribute("defaultRowHeight")
                result.defaultColumnWidth = try scanner.doubleAttribute("defaultColWidth")
            } else if scanner.isElement("hyperlinks") {
                result.features.insert(.hyperlinks)
                try scanner.skipElement()
            } else if scanner.isElement("conditionalFormatting") {
                result.features.insert(.conditionalFormatting)
                try scanner.skipElement()
            } else if scanner.isElement("dataValidations") {
                result.features.insert(.dataValidation)
                try scanner.skipElement()
            } else if scanner.isElement("extLst") {
                try scanner.skipElement()
            }
        }

        mutating func finish() throws(ReaderError) -> WorksheetPart {
            for (index, si) in pendingShared {
                let address = result.cells[index].address
                guard let master = sharedMasters[si] else {
                    throw ReaderError(.invalidContent("shared formula si=\(si) has no master cell"), part: context.part,
                                      sheet: context.sheet, cell: address.a1)
                }
                result.cells[index].formula = FormulaTranslator.translate(master.text, rows: address.row - master.anchor.row,
                                                                          columns: address.column - master.anchor.column)
            }
            if !ordered {
                // Out-of-order rows or cells: sort, and where an address repeats keep the last one written.
                let sorted = result.cells.enumerated().sorted {
                    $0.element.address != $1.element.address ? $0.element.address < $1.element.address : $0.offset < $1.offset
                }
                var cells: [Cell] = []
                cells.reserveCapacity(sorted.count)
                for (_, cell) in sorted {
                    if cells.last?.address == cell.address { cells[cells.count - 1] = cell } else { cells.append(cell) }
                }
                result.cells = cells
                var rows: [RowInfo] = []
                for info in result.rows.sorted(by: { $0.row < $1.row }) {
                    if rows.last?.row == info.row { rows[rows.count - 1] = info } else { rows.append(info) }
                }
                result.rows = rows
            }
            return result
        }

        private func located(_ kind: ReaderError.Kind, _ scanner: XMLScanner, cell: String? = nil) -> ReaderError {
            ReaderError(kind, part: context.part, sheet: context.sheet, cell: cell, offset: scanner.position)
        }
    }

    /// The `t` attribute of a cell.
    private enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, date, unknown

        init(_ scanner: XMLScanner) {
            guard let attribute = scanner.attribute("t") else { self = .number; return }
            if scanner.attribute(attribute, equals: "s") { self = .sharedString }
            else if scanner.attribute(attribute, equals: "n") { self = .number }
            else if scanner.attribute(attribute, equals: "str") { self = .formulaString }
            else if scanner.attribute(attribute, equals: "inlineStr") { self = .inlineString }
            else if scanner.attribute(attribute, equals: "b") { self = .boolean }
            else if scanner.attribute(attribute, equals: "e") { self = .error }
            else if scanner.attribute(attribute, equals: "d") { self = .date }
            else { self = .unknown }
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.properties.isWhitespace }.map { scalars.index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
