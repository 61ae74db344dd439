import CermatKnowledge
import Foundation
import CermatPlanning
import CermatWorkbook

/// Walks a table's data rows: repeated headers, continuation rows, footers, totals, levels, values; and links each row to
/// its parent (`assignParents`, once the levels of every table of the workbook are settled).
struct RowReader {
    let grid: SheetGrid
    let header: HeaderBlock
    let descriptors: [Int: ColumnDescriptor]
    let vocabulary: Vocabulary

    /// What the walk found.
    struct Result {
        var rows: [PlanningRow] = []
        var repeatedHeaderRows: [Int] = []
        /// The levels of the blocks that header rows inside the data started, in order.
        var blockLevels: [RowLevel] = []
        var lastRow: Int
        var remarks: [TableRemark] = []
    }

    /// The leftmost column of each role.
    private let roleColumns: [String: Int]
    /// The row's own label: the leftmost program/kegiatan name, sasaran or tujuan column (a PK table lists sasaran
    /// first and the program beside it; the sasaran is what the row is).
    private let labelColumn: Int?
    /// The columns holding values, left to right.
    private let measured: [Int]
    /// The leftmost No, Kode, Indikator, Satuan and name columns: looked up for every row.
    private let noColumn: Int?, kodeColumn: Int?, indicatorColumn: Int?, unitColumn: Int?, nameColumn: Int?
    /// The first bytes of the vocabulary's total and footer labels (`rules/vocabulary/rows.yml`).
    private let labelInitials: Set<UInt8>
    /// How each cell style shows a number and whether its font is bold and italic, by style index: read for every cell
    /// of every row, where taking them out of the style copied the whole style each time (and a whole number format
    /// retained its code).
    private let displays: [NumberFormat.Display], fonts: [(bold: Bool, italic: Bool)]

    /// A reader of the rows below a header whose columns have these meanings.
    init(grid: SheetGrid, header: HeaderBlock, descriptors: [Int: ColumnDescriptor], vocabulary: Vocabulary) {
        self.grid = grid
        self.header = header
        self.descriptors = descriptors
        self.vocabulary = vocabulary
        var roleColumns: [String: Int] = [:]
        for (column, descriptor) in descriptors { roleColumns[descriptor.role] = min(roleColumns[descriptor.role] ?? column, column) }
        self.roleColumns = roleColumns
        labelColumn = ["name", "sasaran", "tujuan"].compactMap { roleColumns[$0] }.min()
        measured = descriptors.filter { $0.value.isMeasured }.keys.sorted()
        (noColumn, kodeColumn, indicatorColumn) = (roleColumns["no"], roleColumns["kode"], roleColumns["indicator"])
        (unitColumn, nameColumn) = (roleColumns["unit"], roleColumns["name"])
        labelInitials = Set((vocabulary.totalLabels + vocabulary.footerLabels).compactMap(\.utf8.first))
        displays = grid.workbook.styles.map(\.numberFormat.display)
        fonts = grid.workbook.styles.map { ($0.font.bold, $0.font.italic) }
    }

    // A cell's style index, the default style's for one out of range (as `Workbook.style(of:)` reads it); given the
    // index, not the cell, so that the cell is not copied out of its row.
    private func style(_ index: Int) -> Int {
        index < displays.count ? index : 0
    }

    private func column(_ role: String) -> Int? {
        roleColumns[role]
    }

    /// Reads rows from below the header until the table ends (two blank rows, the start of another table, the sheet's end).
    func read(lastSheetRow: Int, isHeaderStart: (Int) -> Bool) -> Result {
        var result = Result(lastRow: header.lastRow)
        let firstHeaderTexts = rowTexts(header.rows.lowerBound)
        var row = header.lastRow + 1
        var ahead = (start: row, rows: [(row: PlanningRow, content: Content)]())
        var blankRun = 0
        var numbered = 0
        var blockLevel: RowLevel?
        while row <= lastSheetRow {
            if row >= ahead.start + ahead.rows.count {
                // Small tables read a few rows ahead; long ones up to 4096 at a time, in parallel.
                let count = min(max(ahead.rows.count * 2, 64), 4096, lastSheetRow - row + 1)
                ahead = (row, readAhead(row..<(row + count)))
            }
            let (rowRead, content) = ahead.rows[row - ahead.start]
            if content == .blank {
                blankRun += 1
                if blankRun >= 2 { break }
                row += 1
                continue
            }
            // A header block repeated after a page break (the same labels; a block header names another level). A row
            // holding a number other than a year is data, and cheap to tell: most rows stop here.
            let mayBeHeader = content == .text
            if mayBeHeader, matches(rowTexts(row), firstHeaderTexts),
               blockHeaderLevel(row, firstHeaderTexts) == nil || sameLabel(row, firstHeaderTexts) {
                let height = header.lastRow - header.rows.lowerBound + 1
                result.repeatedHeaderRows += Array(row..<(row + height))
                row += height
                blankRun = 0
                continue
            }
            // A header row repeated inside the data for a block of another level ("Program | Indikator Kinerja Program |
            // Target"): the rows below it are that level.
            if mayBeHeader, let level = blockHeaderLevel(row, firstHeaderTexts) {
                result.repeatedHeaderRows.append(row)
                result.blockLevels.append(level)
                blockLevel = level
                row += 1
                blankRun = 0
                continue
            }
            if blankRun > 0 && (isTitle(grid.contentCells(row, in: header.columns)) || isHeaderStart(row)) { break }
            // A row with a data cell starts no header (`isHeaderStart` rejects any number but a year, as `isData` does).
            if mayBeHeader && isHeaderStart(row) && !hasMeasuredValue(row) { break }
            blankRun = 0
            var entry = rowRead
            let hasNumbering = entry.numbering != nil || entry.kode != nil
            if hasNumbering { numbered += 1 }
            // A row with no number, no kode and no value, carrying only text, continues the text of the row above it.
            // Only in a table that numbers its rows, and in the same font as the row it continues.
            if !hasNumbering, entry.values.values.allSatisfy({ $0.value.isEmpty }), let last = result.rows.indices.last,
               numbered >= 2, numbered * 5 >= result.rows.count * 4, result.rows[last].level != .footer,
               entry.level != .total, entry.level != .footer, entry.bold == result.rows[last].bold,
               entry.italic == result.rows[last].italic, isTextOnly(row), continuesText(entry) {
                result.rows[last].name = joined(result.rows[last].name, entry.name)
                result.rows[last].indicator = joined(result.rows[last].indicator, entry.indicator)
                result.rows[last].continuationRows.append(row)
                result.lastRow = row
                row += 1
                continue
            }
            if let blockLevel, entry.level == .other { entry.level = blockLevel }
            result.rows.append(entry)
            result.lastRow = row
            row += 1
        }
        if !result.blockLevels.isEmpty, let first = headerLevel(labelColumn) {
            // Rows above the first block belong to the level the table's own header names ("Tujuan", "Sasaran Strategis").
            for index in result.rows.indices where result.rows[index].level == .other { result.rows[index].level = first }
        }
        assignStyleLevels(&result.rows)
        // Above the first program nothing can be a kegiatan or sub-kegiatan (TW IV lists a sasaran's indicators there,
        // in the kegiatan's italics): those rows are indicators, unless they state an outcome (a sasaran, found later).
        if let firstProgram = result.rows.firstIndex(where: { $0.level == .program }) {
            for index in 0..<firstProgram where [.kegiatan, .subKegiatan].contains(result.rows[index].level) {
                result.rows[index].level = .indicator
            }
        }
        return result
    }

    /// The level a column's header names on its own ("Tujuan", "Sasaran Strategis", "Program", "Kegiatan",
    /// "Sub. Kegiatan"), or `nil` for a header naming several ("Program/Kegiatan/Sub Kegiatan") or none.
    func headerLevel(_ column: Int?) -> RowLevel? {
        guard let column else { return nil }
        let text = TextKey.header((header.printed[column] ?? []).joined(separator: " "))
        let named: [(String, RowLevel)] = [("sub kegiatan", .subKegiatan), ("sub. kegiatan", .subKegiatan),
                                           ("kegiatan", .kegiatan), ("program", .program), ("sasaran", .sasaran),
                                           ("tujuan", .tujuan)]
        var found: [RowLevel] = []
        var rest = text
        for (word, level) in named where rest.contains(word) {
            found.append(level)
            rest = rest.replacingOccurrences(of: word, with: " ")
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Text columns whose values are all category words (Tercapai, TERPENUHI…) are categories, whatever their header says.
    func categoryColumns(_ rows: [PlanningRow]) -> [Int] {
        let words: Set<String> = ["tercapai", "tidak tercapai", "terpenuhi", "belum terpenuhi", "memenuhi", "belum memenuhi",
                                  "melebihi", "tidak terpenuhi", "belum tercapai"]
        return descriptors.filter { ["keterangan", "text"].contains($0.value.role) }.map(\.key).filter { column in
            let values = rows.map { grid.ownText($0.sheetRow, column) }.filter { !$0.isEmpty }
            return values.count >= 2 && values.allSatisfy { words.contains(TextKey.header($0)) }
        }
    }

    // MARK: - One row

    /// What the walk first asks of a row, told with the row read.
    private enum Content {
        /// No cell with content within the table's columns.
        case blank
        /// A number cell other than a year, or a text that reads as one (`isData`): no header.
        case data
        /// Only text: maybe a header repeated inside the data.
        case text
    }

    // Reading a row depends on nothing but the row: a batch is read on every core at once (the walk, which does depend
    // on the rows before, takes them in order afterwards). A batch may run past the table's end (by at most the larger of
    // 64 rows and the rows read before it): those rows are read and left.
    private func readAhead(_ rows: Range<Int>) -> [(row: PlanningRow, content: Content)] {
        // Short batches are read on the calling thread alone.
        let slices = rows.count < 256 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount * 4, rows.count / 64)
        let size = (rows.count + slices - 1) / slices
        return Parallel.map(rows.count, slicedBy: size, state: { BatchMemo() }) { offset, memo in
            let cells = grid.row(rows.lowerBound + offset)
            return (readRow(cells, &memo), content(of: cells))
        }
    }

    // What the walk first asks of a row, read in place: listing its cells copied each one, retaining its text, on every
    // core at once.
    private func content(of row: SheetGrid.Row) -> Content {
        let cells = row.cells
        var filled = false
        for index in cells.indices where SheetGrid.isContent(cells[index], in: header.columns) {
            if Self.isData(cells[index]) { return .data }
            filled = true
        }
        return filled ? .text : .blank
    }

    // What a batch of rows remembers of the rows it has read: a table repeats its indicators row after row, often the
    // same text over many rows in a row.
    private struct BatchMemo {
        /// The key and polarity of each indicator (else name) text read.
        var keys: [String: (key: String, polarity: Polarity)] = [:]
        /// The last text looked up in `keys` and what it found: compared before hashing the text.
        var lastKey: (text: String, key: String, polarity: Polarity)?
        /// The last indicator read with a bullet, and its text without it: made once, not copied for every row.
        var lastBulleted: (raw: String, indicator: String)?
    }

    private func readRow(_ cells: SheetGrid.Row, _ memo: inout BatchMemo) -> PlanningRow {
        let row = cells.number
        var numbering = text(cells, noColumn)
        let kodeText = text(cells, kodeColumn)
        var name = text(cells, labelColumn)
        var numberedLabel = false
        // A label that is only a numbering ("1.", "A.") is the row's number printed in the wrong column; a label that
        // starts with one ("6. Penyusunan Dokumen …") carries its number in front of the name.
        if let label = name, Self.isNumberingOnly(label) {
            numbering = numbering ?? label
            name = nil
            numberedLabel = true
        } else if let label = name, let split = Self.leadingNumbering(label) {
            numbering = numbering ?? split.number
            name = split.rest
        }
        var indicator = text(cells, indicatorColumn)
        if let raw = indicator, let first = raw.utf8.first, first == UInt8(ascii: "-") || first == 0xE2,
           raw.hasPrefix("- ") || raw.hasPrefix("• ") {
            if let last = memo.lastBulleted, last.raw == raw {
                indicator = last.indicator
            } else {
                indicator = TextKey.trimmed(raw.dropFirst(2))
                memo.lastBulleted = (raw, indicator!)
            }
        }
        // One slot per column from the first measured one, filled in place: setting a row's values one by one into a
        // growing row cost more than reading them.
        var values = RowValues(first: measured.first ?? 0, width: measured.last.map { $0 - measured[0] + 1 } ?? 0, sheetRow: row)
        // The measured columns and the row's cells both ascend: one walk along both rather than a search per column.
        var next = cells.cells.startIndex
        for column in measured {
            while next < cells.cells.endIndex && cells.cells[next].address.column < column { next += 1 }
            // The cell read where it lies, not copied out of the row first.
            if next < cells.cells.endIndex && cells.cells[next].address.column == column {
                ValueParser.read(cells.cells[next].value, display: displays[style(cells.cells[next].styleIndex)],
                                 at: CellAddress(row: row, column: column), into: &values)
            } else {
                values.setBlank(column)
            }
        }
        let label = numbering ?? kodeText ?? name ?? indicator ?? ""
        let labelCell = nameColumn ?? kodeColumn ?? noColumn ?? header.columns.lowerBound
        let font = cells.index(labelCell).map { fonts[style(cells.cells[$0].styleIndex)] } ?? fonts[0]
        let kode = kodeText.flatMap(Kode.init)
        var level: RowLevel
        // A label opening with a digit (a number, a kode: most rows) is a total's or a footer's only if one of theirs
        // opens with that digit: only then is it normalised and compared.
        let labelKey = label.utf8.first.map { (0x30...0x39).contains($0) && !labelInitials.contains($0) } == true
            ? nil : TextKey.header(label).trimmingCharacters(in: Self.labelPunctuation)
        if let labelKey, vocabulary.footerLabels.contains(where: { labelKey.hasPrefix($0) }) {
            level = .footer
        } else if let labelKey, vocabulary.totalLabels.contains(labelKey) {
            level = .total
        } else if let kode, let fromKode = kode.level {
            level = fromKode
        } else if name == nil, kodeText == nil, numbering == nil || numberedLabel, indicator != nil {
            level = .indicator
        } else if name == nil, kodeText == nil, numbering == nil, indicator == nil,
                  values.values.contains(where: { !$0.value.isEmpty }) {
            // Values with no text of their own (a cell split over lines) belong to the row above.
            level = .indicator
        } else {
            level = .other
        }
        let unit = text(cells, unitColumn) ?? values.values.lazy.compactMap { value -> String? in
            if case .measured(_, let unit) = value.value { return unit }
            return nil
        }.first
        // The indicator's text (else the name's) normalised, and its polarity: once per text in a batch.
        let text = indicator ?? name ?? ""
        let known: (key: String, polarity: Polarity)
        if let last = memo.lastKey, last.text == text {
            known = (last.key, last.polarity)
        } else {
            known = memo.keys[text] ?? {
                let key = TextKey.header(text)
                let known = (key: key, polarity: vocabulary.polarity(ofIndicator: key))
                memo.keys[text] = known
                return known
            }()
            memo.lastKey = (text, known.key, known.polarity)
        }
        return PlanningRow(sheetRow: row, level: level, numbering: numbering, kode: kode == nil ? nil : kodeText, name: name,
                           indicator: indicator, unit: unit, polarity: known.polarity, values: values, bold: font.bold,
                           italic: font.italic, parsedKode: kode, textKey: known.key)
    }

    // MARK: - Hierarchy without kode

    // Tables without kode mark programs in bold and kegiatan in italic (DOMAIN §2.0), or number them A/I/1.
    private func assignStyleLevels(_ rows: inout [PlanningRow]) {
        // The rows without a level, and those without kode guessed so far to be indicators, found in one pass: every
        // row of a large table passes here, on one core.
        var open: [Int] = [], unlevelled: [Int] = []
        for index in rows.indices where rows[index].level == .other || rows[index].level == .indicator {
            if rows[index].kode == nil { unlevelled.append(index) }
            if rows[index].level == .other { open.append(index) }
        }
        // Side by side first: there a row's level is the label it fills, whatever the first guess was.
        if sideBySide(&rows, unlevelled) { return }
        guard !open.isEmpty else { return }
        defer {
            // Last, a row still without a level whose name says it is a program (when the name is the row's label), or
            // any row of a table whose name column holds one level only ("Kegiatan", "Sub. Kegiatan").
            let performance = descriptors.values.contains { ["target", "realisasi"].contains($0.role) }
            let only = labelColumn == column("name") && performance ? headerLevel(labelColumn) : nil
            for index in open where rows[index].level == .other && labelColumn == column("name") {
                if let name = rows[index].name, TextKey.header(name).hasPrefix("program ") {
                    rows[index].level = .program
                } else if let only, rows[index].name != nil {
                    rows[index].level = only
                }
            }
        }
        // Numbering first (A. program, I. kegiatan, 1. sub-kegiatan), when the table uses letters and arabic numbers.
        let styles = NumberingStyle.sequence(open.map { rows[$0].numbering })
        if styles.contains(.letter) && styles.contains(.arabic) {
            for (index, style) in zip(open, styles) {
                switch style {
                case .letter: rows[index].level = .program
                case .roman: rows[index].level = .kegiatan
                case .arabic: rows[index].level = .subKegiatan
                case .none: break
                }
            }
            return
        }
        // Then fonts: bold program, italic (or bold italic beside plain bold) kegiatan, plain sub-kegiatan.
        let boldOnly = open.filter { rows[$0].bold && !rows[$0].italic }
        let italic = open.filter { rows[$0].italic }
        let plain = open.filter { !rows[$0].bold && !rows[$0].italic }
        let program = boldOnly.isEmpty ? open.filter { rows[$0].bold } : boldOnly
        guard !program.isEmpty, !plain.isEmpty else { return }
        for index in program { rows[index].level = .program }
        for index in italic where !program.contains(index) { rows[index].level = .kegiatan }
        for index in plain { rows[index].level = .subKegiatan }
    }

    // Tables that list levels side by side (Tujuan | Sasaran | Program | Kegiatan, each with its indicator): a row is
    // the level of the rightmost label it fills; a row that fills none but an indicator is a further indicator.
    private func sideBySide(_ rows: inout [PlanningRow], _ open: [Int]) -> Bool {
        let labels = descriptors.filter { ["tujuan", "sasaran", "name"].contains($0.value.role) }.map(\.key).sorted()
        // Side by side only when every level has its own indicator; a program column beside a sasaran that has no
        // indicator of its own (Renstra matrices, PK measurement tables) describes the sasaran row.
        let indicators = descriptors.filter { $0.value.role == "indicator" }.count
        // …and when the labels are different levels: three sasaran columns (Renstra | IKU | PK) are one level compared.
        let levels = labels.map { column -> RowLevel in
            switch descriptors[column]?.role {
            case "tujuan": return .tujuan
            case "sasaran": return .sasaran
            default: return nameLevel(column)
            }
        }
        guard labels.count >= 2, indicators >= labels.count, Set(levels).count == levels.count else { return false }
        for index in open {
            let filled = labels.filter { !grid.ownText(rows[index].sheetRow, $0).isEmpty }
            guard let rightmost = filled.last else {
                if rows[index].values.values.contains(where: { !$0.value.isEmpty }) || rows[index].indicator != nil {
                    rows[index].level = .indicator
                }
                continue
            }
            switch descriptors[rightmost]?.role {
            case "tujuan": rows[index].level = .tujuan
            case "sasaran": rows[index].level = .sasaran
            default: rows[index].level = nameLevel(rightmost)
            }
            // The row is the level of that label, so it is named by it (and its indicator is the one beside it).
            rows[index].name = grid.ownText(rows[index].sheetRow, rightmost)
            if let beside = descriptors.filter({ $0.value.role == "indicator" && $0.key > rightmost }).map(\.key).min() {
                let text = grid.ownText(rows[index].sheetRow, beside)
                if !text.isEmpty { rows[index].indicator = text }
            }
        }
        return true
    }

    // The level a name column holds, from its header: "Kegiatan" columns hold kegiatan, "Program" columns programs.
    private func nameLevel(_ column: Int) -> RowLevel {
        let header = TextKey.header((header.printed[column] ?? []).joined(separator: " "))
        if header.contains("sub kegiatan") || header.contains("sub. kegiatan") { return .subKegiatan }
        if header.contains("kegiatan") && !header.contains("program") { return .kegiatan }
        return .program
    }

    /// The level of a header row repeated inside the data for a block, if `row` is one: short texts in the same columns
    /// as the table's header, the first naming a level.
    private func blockHeaderLevel(_ row: Int, _ header: [String]) -> RowLevel? {
        let texts = rowTexts(row)
        let filled = texts.indices.filter { !texts[$0].isEmpty }
        let headerFilled = header.indices.filter { !header[$0].isEmpty }.count
        // Short labels (not sentences, not numbers other than years) over most of the header's columns.
        guard filled.count >= 2, filled.count * 10 >= headerFilled * 6,
              filled.allSatisfy({ !header[$0].isEmpty || self.header.paths[self.header.columns.lowerBound + $0]?.isEmpty == false }),
              filled.allSatisfy({ texts[$0].count <= 40 && ValueParser.parse(texts[$0]).value.number == nil || isYear(texts[$0]) })
        else { return nil }
        let roles = Set(filled.compactMap { vocabulary.roleDescriptor(path: [texts[$0]])?.role })
        let levelWords = ["tujuan", "sasaran", "program", "sub kegiatan", "sub. kegiatan", "kegiatan"]
        guard roles.count >= 2, let first = filled.first(where: { index in levelWords.contains { texts[index].hasPrefix($0) } })
        else { return nil }
        let label = texts[first]
        if label.hasPrefix("tujuan") { return .tujuan }
        if label.hasPrefix("sasaran") { return .sasaran }
        if label.hasPrefix("program") { return .program }
        if label.hasPrefix("sub kegiatan") || label.hasPrefix("sub. kegiatan") { return .subKegiatan }
        if label.hasPrefix("kegiatan") { return .kegiatan }
        return nil
    }

    /// "6. Penyusunan …" → ("6.", "Penyusunan …"); `nil` when the text does not start with a numbering and a space.
    static func leadingNumbering(_ text: String) -> (number: String, rest: String)? {
        // Most labels are names, told apart by the byte before their first space, read in place: every row passes here.
        let possible = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let space = bytes.firstIndex(of: 0x20) else { return false }
            guard space + 1 == bytes.count || bytes[space + 1] < 0x80 else { return true }
            return space > 0 && (bytes[space - 1] == UInt8(ascii: ".") || bytes[space - 1] == UInt8(ascii: ")"))
        }
        guard possible != false, let space = text.firstIndex(of: " ") else { return nil }
        let head = String(text[..<space])
        guard head.hasSuffix(".") || head.hasSuffix(")"), isNumberingOnly(head) else { return nil }
        let rest = TextKey.trimmed(text[space...])
        return rest.isEmpty ? nil : (head, rest)
    }

    static func isNumberingOnly(_ text: String) -> Bool {
        // More than four letters or digits make more than four characters: most labels are names, told without reading
        // their characters.
        var alphanumerics = 0
        for byte in text.utf8 where isASCIIAlphanumeric(byte) {
            alphanumerics += 1
            if alphanumerics > 4 { return false }
        }
        let core = text.trimmingTrailingDots()
        guard !core.isEmpty, core.count <= 4, text != core || core.allSatisfy(\.isNumber) else { return false }
        return core.allSatisfy(\.isNumber) || core.allSatisfy { "IVXL".contains($0) } || (core.count == 1 && core.first!.isLetter)
    }

    private static let labelPunctuation: Set<Character> = [":", ".", " "]

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    // A number cell other than a year (years head the columns of Renstra matrices), or a text that reads as one.
    private static func isData(_ cell: Cell) -> Bool {
        switch cell.value {
        case .number(let number): return !(number >= 1990 && number <= 2100 && number == number.rounded())
        case .string(let text):
            guard let first = text.utf8.first(where: { $0 != 0x20 }), (0x30...0x39).contains(first) || first == 0x28 else {
                return false
            }
            guard let number = ValueParser.parse(text).value.number else { return false }
            return !(number >= 1990 && number <= 2100 && number == number.rounded())
        default: return false
        }
    }

    private func isYear(_ text: String) -> Bool {
        Int(text).map { $0 >= 1990 && $0 <= 2100 } ?? false
    }

    private enum NumberingStyle {
        case letter, roman, arabic, none

        // "A", "B", "C" letters; "I", "II", "XIV" roman; "1", "12." arabic. A lone I, V or X is a letter when it follows
        // the letter before it in the alphabet (… G, H, I), else roman.
        static func sequence(_ numberings: [String?]) -> [NumberingStyle] {
            var lastLetter: Character?
            return numberings.map { text in
                guard let text else { return .none }
                let core = text.trimmingTrailingDots()
                if !core.isEmpty && core.allSatisfy(\.isNumber) { return .arabic }
                if core.count == 1, let char = core.first, char.isUppercase, char.isLetter {
                    let follows = lastLetter.flatMap { $0.asciiValue }.map { $0 + 1 == char.asciiValue } ?? (char == "A")
                    if !"IVX".contains(char) || follows {
                        lastLetter = char
                        return .letter
                    }
                }
                if !core.isEmpty, core.count <= 5, core.allSatisfy({ "IVXL".contains($0) }) { return .roman }
                return .none
            }
        }
    }

    /// A row's parent: the row whose kode is its nearest ancestor; else the nearest row above with a higher level.
    /// Run again once levels found across tables (names, sasaran) are known.
    static func assignParents(_ rows: inout [PlanningRow]) {
        // Only programs and kegiatan are filed (a twentieth of a large table's rows): not sized for every row.
        var byKode = [String: Int]()
        // The kode filed last, and its row: in a table printed in kode order it is every sub-kegiatan's kegiatan, found
        // without hashing the kode (this pass runs on one core, after the rows are read on all of them).
        var lastFiled: (kode: String, index: Int)?
        var stack: [Int] = []
        // Each kode's segments and nearest ancestor, cut from it on every core: the rest of this pass is one walk on one
        // core, and reading every row's kode there waited on memory row after row.
        let kodes = { [rows] in
            Parallel.map(rows.count, slicedBy: 8192) { index in
                rows[index].normalizedKode.map(Kode.segmentsAndParent(ofNormalized:))
            }
        }()
        for index in rows.indices {
            // The row's fields are read before it is changed, so that its storage is not copied for each change.
            let level = rows[index].level
            var parent: Int?
            // Only the ancestors are cut from the kode, nearest first, until one is found.
            if let (segments, nearest) = kodes[index] {
                var ancestor = nearest
                while let candidate = ancestor {
                    if let lastFiled, lastFiled.kode == candidate {
                        parent = lastFiled.index
                        break
                    }
                    if let found = byKode[candidate] {
                        parent = found
                        break
                    }
                    ancestor = Kode.parent(ofNormalized: candidate)
                }
                // Only a program's or a kegiatan's kode (three or five segments) is ever an ancestor: the sub-kegiatan,
                // most rows of a large table, are not kept.
                if segments == 3 || segments == 5, let kode = rows[index].normalizedKode {
                    byKode[kode] = index
                    lastFiled = (kode, index)
                }
            }
            switch level {
            case .program, .kegiatan, .subKegiatan, .sasaran, .tujuan:
                while let top = stack.last, rows[top].level >= level { stack.removeLast() }
                if parent == nil, let top = stack.last { parent = top }
                stack.append(index)
            case .indicator:
                if let top = stack.last { parent = top }
            case .total:
                stack.removeAll()
            case .other, .footer:
                break
            }
            if rows[index].parent != parent { rows[index].parent = parent }
        }
    }

    // MARK: - Helpers

    // A label or indicator cell's text; a lone dash is no text.
    private func text(_ row: SheetGrid.Row, _ column: Int?) -> String? {
        guard let column else { return nil }
        let value = grid.ownText(row, column)
        return value.isEmpty || ValueParser.isDash(value) ? nil : value
    }

    private func rowTexts(_ row: Int) -> [String] {
        header.columns.map { TextKey.header(grid.ownText(row, $0)) }
    }

    // Whether the row's label cell reads like the header's (a repeated header) rather than naming another level.
    private func sameLabel(_ row: Int, _ header: [String]) -> Bool {
        guard let label = labelColumn else { return true }
        let index = label - self.header.columns.lowerBound
        let texts = rowTexts(row)
        return index < texts.count && index < header.count && texts[index] == header[index]
    }

    private func matches(_ texts: [String], _ header: [String]) -> Bool {
        let filled = header.indices.filter { !header[$0].isEmpty }
        guard filled.count >= 2 else { return false }
        let same = filled.filter { texts[$0] == header[$0] }.count
        return same * 10 >= filled.count * 8
    }

    private func isTitle(_ cells: [Cell]) -> Bool {
        guard cells.count <= 2, case .string(let text) = cells[0].value else { return false }
        let key = TextKey.header(text)
        return key.hasPrefix("tabel") || key.hasPrefix("table") || key.hasPrefix("lampiran")
    }

    private func hasMeasuredValue(_ row: Int) -> Bool {
        descriptors.contains { column, descriptor in
            descriptor.isMeasured && grid.isNumeric(row, column)
        }
    }

    private func isTextOnly(_ row: Int) -> Bool {
        let textRoles: Set<String> = ["name", "indicator", "unit", "sasaran", "tujuan", "keterangan", "formula", "text"]
        return grid.contentCells(row, in: header.columns).allSatisfy { cell in
            descriptors[cell.address.column].map { textRoles.contains($0.role) } ?? true
        }
    }

    // A continuation is the rest of a wrapped text: it starts in lower case or with "(", not as a new phrase.
    private func continuesText(_ row: PlanningRow) -> Bool {
        guard let first = (row.name ?? row.indicator)?.first else { return false }
        return first.isLowercase || first == "("
    }

    private func joined(_ first: String?, _ second: String?) -> String? {
        guard let second else { return first }
        guard let first else { return second }
        return first + " " + second
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }

    func trimmingTrailingDots() -> String {
        var text = TextKey.trimmed(self)
        while text.hasSuffix(".") || text.hasSuffix(")") { text.removeLast() }
        return text
    }
}
