import CermatWorkbook

/// The worksheet's hot loop: a `<row>` of plain cells parsed straight from the bytes, without the event machinery.
///
/// It knows the shapes writers actually produce (`<c r s t>` holding `<v>`, `<f>` and `<is><t>`, unprefixed). On anything
/// else it rewinds to the row's start, having changed nothing, and the general event-driven path parses that row. The
/// checks it makes are the general path's own (same attribute scanner, same cell header, same value conversion), so the two
/// paths agree; `WorksheetPart.Context.fastRows` turns it off for the tests that prove it. What it changes before it gives
/// a row up (cells, row attributes, shared-formula state) it undoes from its journal.
extension WorksheetPart.Parser {
    /// At a `<row` start inside `sheetData`: parses the whole row and returns true, or returns false untouched.
    mutating func readRowFast(_ scanner: inout XMLScanner) throws(ReaderError) -> Bool {
        let rowStart = scanner.position
        guard scanner.bytes(at: rowStart, are: "<row"), Self.endsName(scanner.byte(at: rowStart + 4)) else { return false }
        let saved = (row: row, column: column, ordered: ordered, rows: result.rows.count, cells: result.cells.count,
                     pending: pendingShared.count)
        journal = []
        defer { journal = nil }
        func bail(_ scanner: inout XMLScanner) -> Bool {
            row = saved.row
            column = saved.column
            ordered = saved.ordered
            result.rows.removeLast(result.rows.count - saved.rows)
            result.cells.removeLast(result.cells.count - saved.cells)
            pendingShared.removeLast(pendingShared.count - saved.pending)
            for change in (journal ?? []).reversed() {
                switch change {
                case .master(let si, let previous): sharedMasters[si] = previous
                case .array(let address): result.arrayFormulas[address] = nil
                }
            }
            scanner.rewind(to: rowStart)
            return false
        }
        scanner.rewind(to: rowStart + 4)
        let rowIsEmpty = try scanner.scanAttributes(tagStart: rowStart)
        if requiresRowNumbers && row < 0 && scanner.attribute("r") == nil { return bail(&scanner) }
        try readRow(&scanner)
        if rowIsEmpty { return true }
        var position = scanner.position
        while true {
            position = scanner.skippingSpaces(from: position)
            // Dispatch on the byte after '<': this loop runs once per cell.
            guard scanner.byte(at: position) == UInt8(ascii: "<") else { return bail(&scanner) }
            let kind = scanner.byte(at: position + 1)
            if kind == UInt8(ascii: "/") {
                guard scanner.bytes(at: position, are: "</row>") else { return bail(&scanner) }
                position += 6
                break
            }
            guard kind == UInt8(ascii: "c"), Self.endsName(scanner.byte(at: position + 2)) else { return bail(&scanner) }
            scanner.rewind(to: position + 2)
            let cellIsEmpty = try scanner.scanAttributes(tagStart: position)
            let (address, style, type) = try cellHeader(&scanner)
            position = scanner.position
            var value = CellValue.empty
            var effect: FormulaEffect?
            content: while !cellIsEmpty {
                position = scanner.skippingSpaces(from: position)
                guard scanner.byte(at: position) == UInt8(ascii: "<") else { return bail(&scanner) }
                switch scanner.byte(at: position + 1) {
                case UInt8(ascii: "/"):
                    guard scanner.bytes(at: position, are: "</c>") else { return bail(&scanner) }
                    position += 4
                    break content
                case UInt8(ascii: "v"):
                    guard scanner.byte(at: position + 2) == UInt8(ascii: ">"),
                          let close = Self.closing("</v>", in: scanner, from: position + 3) else { return bail(&scanner) }
                    try scanner.takeText(from: position + 3, to: close)
                    value = try leafValue(&scanner, type: type, address: address)
                    position = close + 4
                case UInt8(ascii: "f") where Self.endsName(scanner.byte(at: position + 2)):
                    scanner.rewind(to: position + 2)
                    let formulaIsEmpty = try scanner.scanAttributes(tagStart: position)
                    let kind = scanner.attribute("t")
                    let shared = kind.map { scanner.attribute($0, equals: "shared") } ?? false
                    let array = kind.map { scanner.attribute($0, equals: "array") } ?? false
                    let si = try scanner.intAttribute("si")
                    let ref = try scanner.stringAttribute("ref")
                    var text = ""
                    position = scanner.position
                    if !formulaIsEmpty {
                        guard let close = Self.closing("</f>", in: scanner, from: position) else { return bail(&scanner) }
                        try scanner.takeText(from: position, to: close)
                        text = try scanner.text()
                        position = close + 4
                    }
                    effect = try formulaEffect(shared: shared, array: array, si: si, ref: ref, text: text, address: address,
                                               at: scanner.position)
                case UInt8(ascii: "i"):
                    guard scanner.bytes(at: position, are: "<is>") else { return bail(&scanner) }
                    let inner = scanner.skippingSpaces(from: position + 4)
                    let textStart: Int
                    if scanner.bytes(at: inner, are: "<t>") {
                        textStart = inner + 3
                    } else if scanner.bytes(at: inner, are: "<t xml:space=\"preserve\">") {
                        textStart = inner + 24
                    } else {
                        return bail(&scanner)
                    }
                    guard let close = Self.closing("</t>", in: scanner, from: textStart) else { return bail(&scanner) }
                    let after = scanner.skippingSpaces(from: close + 4)
                    guard scanner.bytes(at: after, are: "</is>") else { return bail(&scanner) }
                    try scanner.takeText(from: textStart, to: close)
                    if type == .inlineString {
                        value = .string(try recentStrings.string(scanner.rawText) { () throws(ReaderError) in
                            OOXMLEscapes.unescape(try scanner.text())
                        })
                    }
                    position = after + 5
                default:
                    return bail(&scanner)
                }
            }
            append(Cell(address: address, value: value, styleIndex: style), type: type, effect: effect)
        }
        scanner.rewind(to: position)
        return true
    }

    /// Whether a byte ends an element name: whitespace, `>` or `/`.
    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || XMLScanner.isSpace(byte)
    }

    /// The offset of the next `<` after `from` when the bytes there are `tag`, else `nil`.
    @inline(__always)
    private static func closing(_ tag: StaticString, in scanner: borrowing XMLScanner, from: Int) -> Int? {
        guard let lessThan = scanner.find(UInt8(ascii: "<"), from: from), scanner.bytes(at: lessThan, are: tag) else {
            return nil
        }
        return lessThan
    }
}
