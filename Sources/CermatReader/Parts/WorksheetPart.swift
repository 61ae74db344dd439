import CermatWorkbook
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A worksheet part (`xl/worksheets/sheetN.xml`) read in one flat pass: cells, merges, columns, rows, panes.
struct WorksheetPart {
    /// Cells of the pieces before the current one, each in row-major order.
    var earlierSegments: [[Cell]] = []
    /// Cells of the current (last) piece.
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

    /// All cells, one segment per piece parsed.
    var store: CellStore { CellStore(segments: earlierSegments + [cells]) }

    /// Where the strings and styles the cells refer to come from.
    struct Context {
        let part: String
        let sheet: String
        let strings: SharedStringsPart
        let styleCount: Int
        let maxDepth: Int
        /// Whether plain rows take the fast path (off only to prove that both paths agree).
        var fastRows = true
        /// Parts at least this large are split and parsed on every core (lowered only to test the splitting).
        var parallelThreshold = 8 << 20
        /// The size of the blocks a streamed part is inflated and parsed in (`WorksheetStream`).
        var streamBlock = 4 << 20
    }

    /// The cores to parse on.
    static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Parses a worksheet part; a large `sheetData` is split at row boundaries and its pieces parsed on every core.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, context: Context) throws(ReaderError) -> WorksheetPart {
        var scanner = XMLScanner(buffer, part: context.part, maxDepth: context.maxDepth)
        var first = Parser(context: context)
        reserveCells(&first.result.cells, bytes: buffer.count)
        if processors > 1 && buffer.count >= context.parallelThreshold {
            _ = try first.run(&scanner, until: .sheetData)
            let cuts = cutPoints(scanner, pieces: processors, end: buffer.count)
            if !cuts.isEmpty {
                let plan = Pieces(buffer: buffer, context: context, first: first, cuts: [scanner.position] + cuts,
                                  open: scanner.openElements)
                return try plan.parse()
            }
        }
        _ = try first.run(&scanner, until: .end)
        return try first.finish()
    }

    // Reserves room for the cells of `bytes` of sheet XML. A worksheet averages well over 32 bytes per cell; this bounds
    // the allocation by the real size, not by a count in the file. A large reservation is backed by huge pages.
    static func reserveCells(_ cells: inout [Cell], bytes: Int) {
        HugePages.reserve(&cells, capacity: min(bytes / 48, 1 << 24))
    }

    // Row starts near equal fractions of the rest of the part. They are only candidates: the piece before each cut
    // confirms it is a real row boundary (the text "<row" could sit inside a CDATA section).
    private static func cutPoints(_ scanner: borrowing XMLScanner, pieces: Int, end: Int) -> [Int] {
        guard scanner.depth == 2 else { return [] }
        let start = scanner.position
        var cuts: [Int] = []
        for piece in 1..<pieces {
            let target = start + (end - start) * piece / pieces
            guard let cut = scanner.findStartTag("row", from: max(target, (cuts.last ?? start) + 1), limit: 1 << 20) else {
                break
            }
            cuts.append(cut)
        }
        return cuts
    }

    /// The pieces of one `sheetData`, parsed concurrently and joined in order. A piece whose start the piece before it
    /// did not confirm is discarded; that earlier piece has then parsed on to the end of the part by itself.
    private final class Pieces: @unchecked Sendable {
        enum Entry {
            case parsed(Parser, Parser.Outcome)
            case failed(ReaderError)
        }

        let buffer: UnsafeBufferPointer<UInt8>
        let context: Context
        let first: Parser
        /// Where each piece starts; piece 0 starts right after `<sheetData>`.
        let starts: [Int]
        let open: [XMLScanner.OpenElement]
        // Plain memory rather than an Array: threads write distinct slots, and nothing may reallocate under them.
        private let entries: UnsafeMutableBufferPointer<Entry?>

        init(buffer: UnsafeBufferPointer<UInt8>, context: Context, first: Parser, cuts: [Int], open: [XMLScanner.OpenElement]) {
            self.buffer = buffer
            self.context = context
            self.first = first
            self.starts = cuts
            self.open = open
            entries = .allocate(capacity: cuts.count)
            entries.initialize(repeating: nil)
        }

        deinit {
            entries.deinitialize()
            entries.deallocate()
        }

        func scanner(from start: Int) -> XMLScanner {
            XMLScanner(buffer, part: context.part, maxDepth: context.maxDepth, at: start, inside: open)
        }

        func parse() throws(ReaderError) -> WorksheetPart {
            DispatchQueue.concurrentPerform(iterations: starts.count) { index in
                var parser = first
                if index > 0 {
                    parser = Parser.piece(context: context)
                    let end = index + 1 < starts.count ? starts[index + 1] : buffer.count
                    WorksheetPart.reserveCells(&parser.result.cells, bytes: end - starts[index])
                }
                var scanner = scanner(from: starts[index])
                let stop: Parser.Stop = index + 1 < starts.count ? .offset(starts[index + 1]) : .end
                do throws(ReaderError) {
                    let outcome = try parser.run(&scanner, until: stop)
                    entries[index] = .parsed(parser, outcome)
                } catch {
                    entries[index] = .failed(error)
                }
            }
            var joined = first
            for index in starts.indices {
                switch entries[index] {
                case .failed(let error):
                    throw error
                case .parsed(let parser, let outcome):
                    if outcome == .needsSerial {
                        // This piece could not stand alone (its first row has no number): go on serially from its start.
                        var resumed = scanner(from: starts[index])
                        _ = try joined.run(&resumed, until: .end)
                        return try joined.finish()
                    }
                    if index == 0 { joined = parser } else { joined.append(consuming: parser) }
                    if outcome == .reachedEnd { return try joined.finish() }
                case nil:
                    break
                }
            }
            return try joined.finish()
        }
    }

    struct Parser {
        /// Where `run` stops.
        enum Stop {
            /// After the `<sheetData>` start tag.
            case sheetData
            /// At a byte offset between two rows of `sheetData`.
            case offset(Int)
            /// At the end of the part.
            case end
        }

        /// How `run` ended.
        enum Outcome {
            case reachedStop, reachedEnd, needsSerial
        }

        let context: Context
        var result = WorksheetPart()
        var row = -1
        var column = -1
        var inSheetData = false
        // A piece that starts mid-sheet cannot number a row that lacks `r`; it gives up instead of guessing.
        var requiresRowNumbers = false
        // While the fast path parses a row: how to undo the shared-formula state it changed, should it give the row up.
        var journal: [Undo]?
        // Inline texts seen lately, made into one string each (`RecentStrings`).
        var recentStrings = RecentStrings()

        /// One change to shared-formula state, recorded so that it can be undone.
        enum Undo {
            case master(si: Int, previous: (anchor: CellAddress, text: String)?)
            case array(CellAddress)
        }
        var sawSheetView = false
        var ordered = true
        var sharedMasters: [Int: (anchor: CellAddress, text: String)] = [:]
        // Followers met before their master (out of order), by index in the current segment: resolved when the part ends.
        var pendingShared: [(index: Int, si: Int)] = []
        // The same for followers of earlier segments: (segment, index in it, si).
        var pendingFollowers: [(segment: Int, index: Int, si: Int)] = []

        init(context: Context) {
            self.context = context
        }

        /// A parser for a piece that starts between two rows of `sheetData`, after the part's start was read elsewhere.
        static func piece(context: Context) -> Parser {
            var parser = Parser(context: context)
            parser.inSheetData = true
            parser.requiresRowNumbers = true
            return parser
        }

        mutating func run(_ scanner: inout XMLScanner, until stop: Stop) throws(ReaderError) -> Outcome {
            var cut: Int?
            if case .offset(let offset) = stop { cut = offset }
            while true {
                if inSheetData && scanner.depth == 2 && !scanner.owesEndEvent {
                    // Between two rows: the only place a piece may stop, and where the fast path takes over.
                    let next = scanner.skippingSpaces(from: scanner.position)
                    if let offset = cut {
                        if next == offset { return .reachedStop }
                        // Passed the cut without meeting a row boundary there: it was not one. Parse on to the end.
                        if next > offset { cut = nil }
                    }
                    if context.fastRows && scanner.byte(at: next + 1) == UInt8(ascii: "r") {
                        scanner.rewind(to: next)
                        if try readRowFast(&scanner) { continue }
                    }
                } else if let offset = cut, scanner.position > offset {
                    cut = nil
                }
                switch try scanner.next() {
                case .endOfDocument:
                    return .reachedEnd
                case .endElement:
                    if inSheetData && scanner.isElement("sheetData") { inSheetData = false }
                case .text:
                    continue
                case .startElement:
                    if inSheetData {
                        if scanner.isElement("c") {
                            try readCell(&scanner)
                        } else if scanner.isElement("row") {
                            if requiresRowNumbers && row < 0 && scanner.attribute("r") == nil { return .needsSerial }
                            try readRow(&scanner)
                        } else {
                            try scanner.skipElement()
                        }
                    } else {
                        try readOther(&scanner)
                        if case .sheetData = stop, inSheetData { return .reachedStop }
                    }
                }
            }
        }

        /// Appends the piece that follows this one in the part; its cells become a new segment, nothing is copied.
        mutating func append(consuming next: Parser) {
            var next = next
            if let last = result.cells.last, let following = next.result.cells.first, !(last.address < following.address) {
                ordered = false
            }
            if let last = result.rows.last, let following = next.result.rows.first, last.row >= following.row {
                ordered = false
            }
            ordered = ordered && next.ordered
            // A follower whose master came in an earlier piece takes the latest master defined before it.
            var unresolved: [(index: Int, si: Int)] = []
            for (index, si) in next.pendingShared {
                if let master = sharedMasters[si] {
                    let address = next.result.cells[index].address
                    next.result.cells[index].formula = FormulaTranslator.translate(
                        master.text, rows: address.row - master.anchor.row, columns: address.column - master.anchor.column)
                } else {
                    unresolved.append((index, si))
                }
            }
            // The current segment becomes an earlier one, and so do its pending followers.
            let current = result.earlierSegments.count
            pendingFollowers += pendingShared.map { (current, $0.index, $0.si) }
            pendingShared = unresolved
            result.earlierSegments.append(result.cells)
            result.cells = next.result.cells
            result.rows.append(contentsOf: next.result.rows)
            result.columns.append(contentsOf: next.result.columns)
            result.mergedRanges.append(contentsOf: next.result.mergedRanges)
            result.richText.merge(next.result.richText) { _, later in later }
            result.arrayFormulas.merge(next.result.arrayFormulas) { _, later in later }
            result.features.formUnion(next.result.features)
            result.pane = result.pane ?? next.result.pane
            result.defaultRowHeight = result.defaultRowHeight ?? next.result.defaultRowHeight
            result.defaultColumnWidth = result.defaultColumnWidth ?? next.result.defaultColumnWidth
            if !sawSheetView { result.showGridLines = next.result.showGridLines }
            sawSheetView = sawSheetView || next.sawSheetView
            sharedMasters.merge(next.sharedMasters) { _, later in later }
        }

        mutating func readRow(_ scanner: inout XMLScanner) throws(ReaderError) {
            if let attribute = scanner.attribute("r") {
                guard let number = try scanner.intAttribute("r"), number >= 1 else {
                    throw located(.invalidContent("row number '\(scanner.rawValue(attribute))' is not a positive integer"),
                                  scanner)
                }
                guard number - 1 <= CellAddress.maxRow else { throw located(.outOfSheetLimits("row \(number)"), scanner) }
                // A row number that does not increase (a repeated or backwards row) needs the final sort and de-duplication.
                if number - 1 <= row { ordered = false }
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
            let (address, style, type) = try cellHeader(&scanner)
            var value = CellValue.empty
            var effect: FormulaEffect?
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
                        let shared = kind.map { scanner.attribute($0, equals: "shared") } ?? false
                        let array = kind.map { scanner.attribute($0, equals: "array") } ?? false
                        let si = try scanner.intAttribute("si")
                        let ref = try scanner.stringAttribute("ref")
                        let text = try scanner.readText()
                        effect = try formulaEffect(shared: shared, array: array, si: si, ref: ref, text: text,
                                                   address: address, at: scanner.position)
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
            append(Cell(address: address, value: value, styleIndex: style), type: type, effect: effect)
        }

        /// What a cell's `<f>` element means, before it touches the parser's shared-formula state.
        enum FormulaEffect {
            /// An ordinary formula, or the anchor of an array formula with the range it fills.
            case plain(String, array: CellRange?)
            /// The master of a shared formula.
            case master(si: Int, text: String)
            /// A follower of a shared formula.
            case follower(si: Int)
        }

        /// A cell's position, style and type from its attributes; advances the row's column.
        mutating func cellHeader(_ scanner: inout XMLScanner) throws(ReaderError) -> (CellAddress, Int, CellType) {
            guard row >= 0 else { throw located(.invalidContent("a cell outside any <row>"), scanner) }
            // One pass over the attributes: this runs once per cell.
            var reference: XMLScanner.Attribute?
            var styleAttribute: XMLScanner.Attribute?
            var typeAttribute: XMLScanner.Attribute?
            for attribute in scanner.attributes {
                switch scanner.shortName(of: attribute) {
                case UInt8(ascii: "r"): reference = attribute
                case UInt8(ascii: "s"): styleAttribute = attribute
                case UInt8(ascii: "t"): typeAttribute = attribute
                default: break
                }
            }
            let address: CellAddress
            if let reference {
                guard let parsed = scanner.cellAddress(reference) else {
                    throw located(.outOfSheetLimits(scanner.rawValue(reference)), scanner)
                }
                address = parsed
            } else {
                guard column + 1 <= CellAddress.maxColumn else {
                    throw located(.outOfSheetLimits("column after XFD in row \(row + 1)"), scanner)
                }
                address = CellAddress(row: row, column: column + 1)
            }
            if address.row != row || address.column <= column {
                // A reference outside its row or going backwards: trust the reference, as Excel does, and sort later.
                ordered = false
            }
            column = address.column
            var style = 0
            if let styleAttribute {
                guard let index = scanner.intValue(of: styleAttribute), index >= 0, index < max(context.styleCount, 1) else {
                    throw located(.invalidContent("style '\(scanner.rawValue(styleAttribute))' does not exist (the workbook defines \(context.styleCount))"),
                                  scanner, cell: address.a1)
                }
                style = index
            }
            let type = CellType.of(scanner, typeAttribute)
            guard type != .unknown else {
                throw located(.invalidContent("unknown cell type t=\"\(scanner.rawValue(typeAttribute!))\""),
                              scanner, cell: address.a1)
            }
            return (address, style, type)
        }

        // `mutating` though it changes nothing, like `leafValue`: a non-mutating call would copy the whole parser.
        mutating func formulaEffect(shared: Bool, array: Bool, si: Int?, ref: String?, text: String, address: CellAddress,
                                    at offset: Int) throws(ReaderError) -> FormulaEffect {
            if shared {
                guard let si else { throw located(.invalidContent("a shared formula without si"), at: offset, cell: address.a1) }
                guard let ref, !text.isEmpty else { return .follower(si: si) }
                guard CellRange(a1: ref) != nil else {
                    throw located(.invalidContent("shared formula range '\(ref)' is not a range"), at: offset, cell: address.a1)
                }
                return .master(si: si, text: text)
            }
            if array, let ref {
                guard let range = CellRange(a1: ref) else {
                    throw located(.invalidContent("array formula range '\(ref)' is not a range"), at: offset, cell: address.a1)
                }
                return .plain(text, array: range)
            }
            return .plain(text, array: nil)
        }

        /// Adds a finished cell, applying its formula to the shared-formula state in document order.
        mutating func append(_ cell: consuming Cell, type: CellType, effect: FormulaEffect?) {
            switch effect {
            case .plain(let text, let array)?:
                cell.formula = text
                if let array {
                    journal?.append(.array(cell.address))
                    result.arrayFormulas[cell.address] = array
                }
            case .master(let si, let text)?:
                journal?.append(.master(si: si, previous: sharedMasters[si]))
                sharedMasters[si] = (cell.address, text)
                cell.formula = text
            case .follower(let si)?:
                if let master = sharedMasters[si] {
                    cell.formula = FormulaTranslator.translate(master.text, rows: cell.address.row - master.anchor.row,
                                                               columns: cell.address.column - master.anchor.column)
                } else {
                    pendingShared.append((result.cells.count, si))
                }
            case nil:
                break
            }
            if type == .formulaString, effect != nil, case .empty = cell.value { cell.value = .string("") }
            result.cells.append(cell)
        }

        /// The value of a `<v>` whose text is the scanner's current text.
        // `mutating` though it changes nothing: called once per cell, a non-mutating call would copy the whole parser.
        mutating func leafValue(_ scanner: inout XMLScanner, type: CellType, address: CellAddress) throws(ReaderError) -> CellValue {
            switch type {
            case .number:
                if let number = scanner.textNumber() { return .number(number) }
            case .sharedString:
                if let index = scanner.textInt() { return try sharedString(index, at: scanner.position, address) }
            default:
                break
            }
            let text = try scanner.text()
            if text.isEmpty && (type == .number || type == .sharedString) { return .empty }
            return try convert(.string(text), type: type, at: scanner.position, address)
        }

        private mutating func readValue(_ scanner: inout XMLScanner, type: CellType, address: CellAddress)
            throws(ReaderError) -> CellValue {
            if scanner.isEmptyElement {
                _ = try scanner.next()
                return type == .number || type == .sharedString ? .empty : .string("")
            }
            // The usual case: nothing but text up to </v>.
            if try scanner.takeLeafText() { return try leafValue(&scanner, type: type, address: address) }
            // Rare: the value is split by a comment or a CDATA section; gather all of its text, then convert once.
            let valueDepth = scanner.depth - 1
            var text = ""
            while true {
                let event = try scanner.next()
                if event == .endElement && scanner.depth == valueDepth { break }
                if event == .text { text += try scanner.text() }
                if event == .startElement { throw located(.invalidContent("an element inside <v>"), scanner, cell: address.a1) }
            }
            if text.isEmpty && (type == .number || type == .sharedString) { return .empty }
            return try convert(.string(text), type: type, at: scanner.position, address)
        }

        func convert(_ raw: CellValue, type: CellType, at offset: Int, _ address: CellAddress)
            throws(ReaderError) -> CellValue {
            guard case .string(let text) = raw else { return raw }
            switch type {
            case .number:
                guard let number = Double(text.trimmingSpaces) else {
                    throw located(.invalidContent("numeric cell value '\(text)' is not a number"), at: offset, cell: address.a1)
                }
                return .number(number)
            case .sharedString:
                guard let index = Int(text.trimmingSpaces) else {
                    throw located(.invalidContent("shared string index '\(text)' is not an integer"), at: offset,
                                  cell: address.a1)
                }
                return try sharedString(index, at: offset, address)
            case .boolean:
                switch text.trimmingSpaces {
                case "1", "true": return .boolean(true)
                case "0", "false": return .boolean(false)
                default:
                    throw located(.invalidContent("boolean cell value '\(text)' is not 0 or 1"), at: offset, cell: address.a1)
                }
            case .error:
                return .error(text)
            case .date:
                return .date(text)
            case .formulaString, .inlineString, .unknown:
                return .string(OOXMLEscapes.unescape(text))
            }
        }

        @inline(__always)
        func sharedString(_ index: Int, at offset: Int, _ address: CellAddress) throws(ReaderError) -> CellValue {
            guard index >= 0, index < context.strings.strings.count else {
                throw located(.invalidContent("shared string \(index) does not exist (the table holds \(context.strings.strings.count))"),
                              at: offset, cell: address.a1)
            }
            return .string(context.strings.strings[index])
        }

        private func styleIndex(_ scanner: borrowing XMLScanner, attribute: StaticString = "s") throws(ReaderError) -> Int? {
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
                result.cells[index].formula = try followerFormula(result.cells[index].address, si)
            }
            for (segment, index, si) in pendingFollowers {
                result.earlierSegments[segment][index].formula = try followerFormula(
                    result.earlierSegments[segment][index].address, si)
            }
            if !ordered {
                // Out-of-order rows or cells: sort, and where an address repeats keep the last one written.
                let all = result.earlierSegments.flatMap { $0 } + result.cells
                let sorted = all.enumerated().sorted {
                    $0.element.address != $1.element.address ? $0.element.address < $1.element.address : $0.offset < $1.offset
                }
                var cells: [Cell] = []
                cells.reserveCapacity(sorted.count)
                for (_, cell) in sorted {
                    if cells.last?.address == cell.address { cells[cells.count - 1] = cell } else { cells.append(cell) }
                }
                result.earlierSegments = []
                result.cells = cells
                var rows: [RowInfo] = []
                for info in result.rows.sorted(by: { $0.row < $1.row }) {
                    if rows.last?.row == info.row { rows[rows.count - 1] = info } else { rows.append(info) }
                }
                result.rows = rows
            }
            return result
        }

        private func followerFormula(_ address: CellAddress, _ si: Int) throws(ReaderError) -> String {
            guard let master = sharedMasters[si] else {
                throw ReaderError(.invalidContent("shared formula si=\(si) has no master cell"), part: context.part,
                                  sheet: context.sheet, cell: address.a1)
            }
            return FormulaTranslator.translate(master.text, rows: address.row - master.anchor.row,
                                               columns: address.column - master.anchor.column)
        }

        @inline(__always)
        func located(_ kind: ReaderError.Kind, _ scanner: borrowing XMLScanner, cell: String? = nil) -> ReaderError {
            located(kind, at: scanner.position, cell: cell)
        }

        func located(_ kind: ReaderError.Kind, at offset: Int, cell: String? = nil) -> ReaderError {
            ReaderError(kind, part: context.part, sheet: context.sheet, cell: cell, offset: offset)
        }
    }

    /// The `t` attribute of a cell.
    enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, date, unknown

        @inline(__always)
        static func of(_ scanner: borrowing XMLScanner, _ attribute: XMLScanner.Attribute?) -> CellType {
            guard let attribute else { return .number }
            switch attribute.valueEnd - attribute.valueStart {
            case 1:
                switch scanner.byte(at: attribute.valueStart) {
                case UInt8(ascii: "s"): return .sharedString
                case UInt8(ascii: "n"): return .number
                case UInt8(ascii: "b"): return .boolean
                case UInt8(ascii: "e"): return .error
                case UInt8(ascii: "d"): return .date
                default: return .unknown
                }
            case 3:
                return scanner.attribute(attribute, equals: "str") ? .formulaString : .unknown
            case 9:
                return scanner.attribute(attribute, equals: "inlineStr") ? .inlineString : .unknown
            default:
                return .unknown
            }
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
